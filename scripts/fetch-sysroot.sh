#!/usr/bin/env bash
# Makes (or reuses) a Debian 11 "bullseye" sysroot for one architecture, from Debian's own packages: the C library,
# GCC 10's libstdc++ and libgcc, the kernel headers and LibreOffice 7.0's UNO runtime libraries. The portable
# component is compiled and linked against it (cmake/toolchain-linux-<arch>.cmake), so the library needs nothing
# newer than what Debian 11 (glibc 2.31) and LibreOffice 7.0 provide — and, by the symbols it uses, glibc 2.28.
#
#   scripts/fetch-sysroot.sh <x86_64|aarch64> [cache-dir]     prints the sysroot's path
#
# apt runs with a private configuration and state under the cache folder: the machine's /etc/apt is never read
# for sources nor changed, and no root is needed. The sysroot is reused as long as its stamp matches the list below.
set -euo pipefail

arch=${1:?usage: fetch-sysroot.sh <x86_64|aarch64> [cache-dir]}
cache=${2:-${JIXIAO_SYSROOT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jixiao/sysroot}}
cache=$(realpath -m "$cache") # apt takes relative paths as relative to /etc/apt
case "$arch" in
  x86_64) debarch=amd64 ;;
  aarch64) debarch=arm64 ;;
  *) echo "fetch-sysroot: unknown architecture $arch (x86_64 or aarch64)" >&2; exit 2 ;;
esac

packages=(
  libc6 libc6-dev linux-libc-dev libgcc-s1 libgcc-10-dev libstdc++-10-dev libstdc++6 libcrypt1 libcrypt-dev
  # LibreOffice 7.0's UNO runtime: what the component links against (the office provides them at run time)
  libuno-sal3 libuno-salhelpergcc3-3 libuno-cppu3 libuno-cppuhelpergcc3-3 libuno-purpenvhelpergcc3-3
)
suite=bullseye
mirror=${JIXIAO_DEBIAN_MIRROR:-http://deb.debian.org/debian}
root="$cache/$suite-$arch"
stamp="$root/.jixiao-sysroot"
layout=2 # bump when the layout below changes
want="$layout $suite $debarch ${packages[*]}"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "$root"
  exit 0
fi

apt_dir="$cache/apt-$suite-$debarch"
rm -rf "$root"
mkdir -p "$apt_dir/etc/preferences.d" "$apt_dir/etc/sources.list.d" "$apt_dir/lists/partial" "$apt_dir/archives/partial" "$apt_dir/debs" "$root"
echo "deb [arch=$debarch signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $suite main" \
  >"$apt_dir/etc/sources.list"
: >"$apt_dir/status"
apt_opts=(
  -o "Dir::Etc::SourceList=$apt_dir/etc/sources.list" -o "Dir::Etc::SourceParts=$apt_dir/etc/sources.list.d"
  -o "Dir::Etc::Preferences=$apt_dir/etc/preferences" -o "Dir::Etc::PreferencesParts=$apt_dir/etc/preferences.d"
  -o "Dir::State=$apt_dir" -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::State::status=$apt_dir/status"
  -o "Dir::Cache=$apt_dir" -o "Dir::Cache::archives=$apt_dir/archives"
  -o "APT::Architecture=$debarch" -o "APT::Architectures=$debarch" -o "Debug::NoLocking=1"
  -o "APT::Sandbox::User=$(id -un)" -q
)
echo "fetch-sysroot: downloading Debian $suite ($debarch): ${packages[*]}" >&2
apt-get "${apt_opts[@]}" update >&2
(cd "$apt_dir/debs" && rm -f ./*.deb && apt-get "${apt_opts[@]}" download "${packages[@]/%/:$debarch}" >&2)
for deb in "$apt_dir"/debs/*.deb; do
  dpkg-deb -x "$deb" "$root"
done

# Debian's multiarch layout keeps the C library's absolute links (libm.so -> /lib/...); inside a sysroot they must
# be relative. The linker scripts (libc.so, libm.so) name absolute paths, which lld resolves within the sysroot.
while IFS= read -r link; do
  target=$(readlink "$link")
  case "$target" in /*) ln -sfn "$(realpath -m --relative-to="$(dirname "$link")" "$root$target")" "$link" ;; esac
done < <(find "$root" -type l)

# The UNO runtime ships versioned names only (libuno_sal.so.3); the link needs the plain ones.
for lib in "$root"/usr/lib/libreoffice/program/libuno_*.so.3; do
  ln -sfn "$(basename "$lib")" "${lib%.3}"
done

# nlohmann/json is header-only and architecture-independent: the very headers the rest of the build uses, in a
# prefix of their own (an -isystem of the sysroot's /usr/include would hide the C library's headers from
# libstdc++'s #include_next). cmake/toolchain-linux-portable.cmake puts it on CMAKE_PREFIX_PATH.
if dpkg-query -W -f='${Status}' nlohmann-json3-dev 2>/dev/null | grep -q "install ok installed"; then
  dpkg-query -L nlohmann-json3-dev | while IFS= read -r f; do
    [ -f "$f" ] && install -D -m 0644 "$f" "$root/opt/jixiao-json${f#/usr}"
  done
else
  echo "fetch-sysroot: nlohmann-json3-dev is not installed (scripts/install-deps.sh)" >&2
  exit 1
fi

echo "$want" >"$stamp"
echo "fetch-sysroot: $root ($(du -sh "$root" | cut -f1))" >&2
echo "$root"

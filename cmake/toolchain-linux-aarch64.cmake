# The portable Linux aarch64 component: clang + lld against a Debian 11 sysroot (see toolchain-linux-portable.cmake).
set(JIXIAO_TARGET_ARCH aarch64)
include(${CMAKE_CURRENT_LIST_DIR}/toolchain-linux-portable.cmake)

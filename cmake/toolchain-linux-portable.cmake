# The portable component's toolchain (included by toolchain-linux-<arch>.cmake, which sets JIXIAO_TARGET_ARCH):
# Debian 12's clang and lld, compiling and linking against a Debian 11 sysroot (scripts/fetch-sysroot.sh) so the
# library needs no glibc newer than Debian 11's, and carries GCC 10's libstdc++ inside it (-static-libstdc++) so it
# needs no GLIBCXX at all. libgcc stays shared: exceptions thrown here are caught by the office's unwinder.
#
#   cmake -S . -B build-portable-x86_64 -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-linux-x86_64.cmake \
#         -DJIXIAO_SYSROOT=$(scripts/fetch-sysroot.sh x86_64) -DJIXIAO_COMPONENT_ONLY=ON
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR ${JIXIAO_TARGET_ARCH})

# Try-compiles run in their own projects: hand the sysroot down to them.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES JIXIAO_SYSROOT)
if(NOT JIXIAO_SYSROOT OR NOT EXISTS "${JIXIAO_SYSROOT}/usr/include/stdio.h")
  message(FATAL_ERROR "JIXIAO_SYSROOT must name a Debian 11 sysroot for ${JIXIAO_TARGET_ARCH} "
                      "(scripts/fetch-sysroot.sh ${JIXIAO_TARGET_ARCH} prints one); got '${JIXIAO_SYSROOT}'")
endif()
set(CMAKE_SYSROOT ${JIXIAO_SYSROOT})

find_program(JIXIAO_CLANGXX NAMES clang++-14 clang++ REQUIRED)
set(CMAKE_CXX_COMPILER ${JIXIAO_CLANGXX})
set(CMAKE_CXX_COMPILER_TARGET ${JIXIAO_TARGET_ARCH}-linux-gnu)

set(_jixiao_link "-fuse-ld=lld -static-libstdc++ -pthread -Wl,--exclude-libs,ALL -Wl,--hash-style=gnu -Wl,--strip-all")
set(CMAKE_CXX_FLAGS_INIT "-pthread")
set(CMAKE_SHARED_LINKER_FLAGS_INIT ${_jixiao_link})
set(CMAKE_MODULE_LINKER_FLAGS_INIT ${_jixiao_link})
set(CMAKE_EXE_LINKER_FLAGS_INIT ${_jixiao_link})
# --strip-all: the library ships as linked (no host strip, which may not know the target's format).
# No RUNPATH: the office finds its UNO libraries by itself.
set(CMAKE_SKIP_RPATH ON)

# nlohmann/json's headers, staged in the sysroot by scripts/fetch-sysroot.sh.
set(CMAKE_PREFIX_PATH /opt/jixiao-json)
# Libraries, headers and packages come from the sysroot; build tools (cppumaker) from the build machine.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# The component as it ships: built again, apart from the rest, with cmake/toolchain-linux-<arch>.cmake (clang +
# lld against a Debian 11 sysroot that scripts/fetch-sysroot.sh downloads once into JIXIAO_SYSROOT_CACHE). The
# unit tests, the batch and the g++ build of the component stay in this build; the .oxt takes these libraries,
# so the office tests drive exactly what a release ships.
#
#   jixiao_portable_component(<arch> <out-var>)   <out-var>: the path of the built libjixiao.so
include(ExternalProject)

set(JIXIAO_SYSROOT_CACHE "$ENV{HOME}/.cache/jixiao/sysroot"
    CACHE PATH "Where scripts/fetch-sysroot.sh keeps the Debian 11 sysroots (reused between builds)")

set(JIXIAO_PORTABLE_JOBS 2 CACHE STRING "Parallel jobs of each portable component build")

function(jixiao_portable_component arch out_var)
  set(sysroot ${JIXIAO_SYSROOT_CACHE}/bullseye-${arch})
  set(binary_dir ${CMAKE_BINARY_DIR}/portable-${arch})
  set(library ${binary_dir}/src/uno/libjixiao.so)
  set(launcher)
  if(CMAKE_CXX_COMPILER_LAUNCHER)
    set(launcher -DCMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER})
  endif()
  ExternalProject_Add(
    jixiao_portable_${arch}
    SOURCE_DIR ${PROJECT_SOURCE_DIR}
    BINARY_DIR ${binary_dir}
    PREFIX ${CMAKE_BINARY_DIR}/portable-${arch}-ep
    CMAKE_GENERATOR Ninja
    CMAKE_ARGS -DCMAKE_TOOLCHAIN_FILE=${PROJECT_SOURCE_DIR}/cmake/toolchain-linux-${arch}.cmake
               -DJIXIAO_SYSROOT=${sysroot} -DJIXIAO_COMPONENT_ONLY=ON -DCMAKE_BUILD_TYPE=Release ${launcher}
    BUILD_COMMAND ${CMAKE_COMMAND} --build ${binary_dir} --target jixiao --parallel ${JIXIAO_PORTABLE_JOBS}
    BUILD_ALWAYS ON
    BUILD_BYPRODUCTS ${library}
    INSTALL_COMMAND ""
    USES_TERMINAL_CONFIGURE ON
    USES_TERMINAL_BUILD ON)
  # The sysroot before the first configure; the script returns at once when it is there already.
  ExternalProject_Add_Step(
    jixiao_portable_${arch} sysroot
    COMMAND bash ${PROJECT_SOURCE_DIR}/scripts/fetch-sysroot.sh ${arch} ${JIXIAO_SYSROOT_CACHE}
    DEPENDEES download
    DEPENDERS configure
    DEPENDS ${PROJECT_SOURCE_DIR}/scripts/fetch-sysroot.sh
    COMMENT "Debian 11 sysroot for ${arch}")
  set(${out_var} ${library} PARENT_SCOPE)
endfunction()

# Locates the LibreOffice SDK and office program directory and provides:
#   jixiao_uno_headers(<target> <outdir>)   C++ headers of the office's UNO types (cppumaker)
#   LIBREOFFICE_SDK_INCLUDE, LIBREOFFICE_SDK_LIBRARIES, LIBREOFFICE_TYPES_RDB, LIBREOFFICE_OFFAPI_RDB
#   CPPUMAKER, UNOIDL_WRITE, SOFFICE, UNOPKG
# Override with -DLIBREOFFICE_SDK_DIR=… and -DLIBREOFFICE_PROGRAM_DIR=… (defaults: Debian's layout, then /opt).

set(_sdk_hints /usr/lib/libreoffice/sdk)
set(_program_hints /usr/lib/libreoffice/program)
file(GLOB _opt_sdks LIST_DIRECTORIES true /opt/libreoffice*/sdk)
file(GLOB _opt_programs LIST_DIRECTORIES true /opt/libreoffice*/program)
list(APPEND _sdk_hints ${_opt_sdks})
list(APPEND _program_hints ${_opt_programs})

find_path(LIBREOFFICE_SDK_DIR NAMES include/sal/config.h PATHS ${_sdk_hints} $ENV{OO_SDK_HOME} NO_DEFAULT_PATH
          NO_CMAKE_FIND_ROOT_PATH DOC "LibreOffice SDK directory")
find_path(LIBREOFFICE_PROGRAM_DIR NAMES types.rdb PATHS ${_program_hints} $ENV{OFFICE_PROGRAM_PATH} NO_DEFAULT_PATH
          NO_CMAKE_FIND_ROOT_PATH DOC "LibreOffice program directory (holds types.rdb)")
if(NOT LIBREOFFICE_SDK_DIR OR NOT LIBREOFFICE_PROGRAM_DIR)
  message(FATAL_ERROR "LibreOffice SDK not found (install libreoffice-dev, or set LIBREOFFICE_SDK_DIR and "
                      "LIBREOFFICE_PROGRAM_DIR)")
endif()

find_program(CPPUMAKER cppumaker PATHS ${LIBREOFFICE_SDK_DIR}/bin NO_DEFAULT_PATH REQUIRED)
find_program(UNOIDL_WRITE unoidl-write PATHS ${LIBREOFFICE_SDK_DIR}/bin NO_DEFAULT_PATH REQUIRED)
find_program(SOFFICE soffice PATHS ${LIBREOFFICE_PROGRAM_DIR} NO_DEFAULT_PATH)
find_program(UNOPKG unopkg PATHS ${LIBREOFFICE_PROGRAM_DIR} NO_DEFAULT_PATH)

set(LIBREOFFICE_TYPES_RDB ${LIBREOFFICE_PROGRAM_DIR}/types.rdb)
set(LIBREOFFICE_OFFAPI_RDB ${LIBREOFFICE_PROGRAM_DIR}/types/offapi.rdb)
set(LIBREOFFICE_SDK_INCLUDE ${LIBREOFFICE_SDK_DIR}/include)

# Cross-building (cmake/toolchain-linux-*.cmake) the paths below are searched inside the sysroot: the
# component links against the UNO libraries of the oldest office it supports, whose headers and types are
# the same. The SDK's headers, types and tools above are the build machine's (architecture-independent).
foreach(lib uno_cppuhelpergcc3 uno_cppu uno_salhelpergcc3 uno_sal)
  find_library(LIBREOFFICE_${lib} ${lib} PATHS ${LIBREOFFICE_SDK_DIR}/lib ${LIBREOFFICE_PROGRAM_DIR} NO_DEFAULT_PATH
               REQUIRED)
  list(APPEND LIBREOFFICE_SDK_LIBRARIES ${LIBREOFFICE_${lib}})
endforeach()

message(STATUS "LibreOffice SDK: ${LIBREOFFICE_SDK_DIR}; program: ${LIBREOFFICE_PROGRAM_DIR}")

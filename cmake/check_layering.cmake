# Fails when a source file or public header includes a header of a layer
# above its own. The layers, lowest first, and what each may include:
#   core      (include/parley/core, sim/core):         core
#   io        (include/parley/io, sim/io):             core, io
#   analysis  (include/parley/analysis, sim/analysis): core, analysis
#   report    (include/parley/report, sim/report):     core, analysis, report
#   mpi       (include/parley/mpi, sim/mpi):           core, mpi
#   cli       (sim/cli):                                everything
# Includes are read in both spellings ("parley/LAYER/..." and <parley/LAYER/...>);
# a private header of another layer ("../LAYER/...") is refused in any layer,
# the CLI included: what a layer shares is in include/parley/LAYER/.
# Run: cmake -DSOURCE_DIR=<repo> -P cmake/check_layering.cmake
cmake_minimum_required(VERSION 3.22)
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "check_layering: SOURCE_DIR is not set")
endif()

set(allowed_core "core")
set(allowed_io "core;io")
set(allowed_analysis "core;analysis")
set(allowed_report "core;analysis;report")
set(allowed_mpi "core;mpi")
set(all_layers "core;io;analysis;report;mpi;cli")

set(violations "")
set(checked 0)
set(allowed_cli "${all_layers}")
foreach(layer core io analysis report mpi cli)
  file(GLOB_RECURSE files
       "${SOURCE_DIR}/include/parley/${layer}/*.hpp"
       "${SOURCE_DIR}/sim/${layer}/*.hpp"
       "${SOURCE_DIR}/sim/${layer}/*.cpp")
  foreach(file IN LISTS files)
    math(EXPR checked "${checked} + 1")
    file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]")
    foreach(line IN LISTS lines)
      set(target "")
      set(private "")
      if(line MATCHES "[\"<]parley/([a-z_]+)/")
        set(target "${CMAKE_MATCH_1}")
      elseif(line MATCHES "\"\\.\\./([a-z_]+)/")
        set(target "${CMAKE_MATCH_1}")
        set(private ON)
      endif()
      file(RELATIVE_PATH shown "${SOURCE_DIR}" "${file}")
      string(STRIP "${line}" line)
      if(target AND target IN_LIST all_layers AND NOT target IN_LIST allowed_${layer})
        string(APPEND violations "\n  ${shown} (${layer}) includes ${target}: ${line}")
      elseif(private AND target IN_LIST all_layers AND NOT target STREQUAL layer)
        string(APPEND violations "\n  ${shown} (${layer}) includes a private header of ${target}: ${line}")
      endif()
    endforeach()
  endforeach()
endforeach()

if(checked EQUAL 0)
  message(FATAL_ERROR "check_layering: no source files under ${SOURCE_DIR}")
endif()
if(violations)
  message(FATAL_ERROR "check_layering: a layer includes a layer above it:${violations}")
endif()

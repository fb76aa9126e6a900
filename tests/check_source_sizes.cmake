# Fails when a source file of sim/ or a header of include/parley/ has more
# than MAX_LINES lines: a file that grows past it holds more than one concern
# and is split (docs/architecture.md).
#
#   cmake -DSOURCE_DIR=. -DMAX_LINES=650 -P tests/check_source_sizes.cmake
cmake_minimum_required(VERSION 3.22)

if(NOT SOURCE_DIR OR NOT MAX_LINES)
  message(FATAL_ERROR "check_source_sizes: pass -DSOURCE_DIR=... and -DMAX_LINES=...")
endif()
file(GLOB_RECURSE files "${SOURCE_DIR}/sim/*.cpp" "${SOURCE_DIR}/sim/*.hpp" "${SOURCE_DIR}/include/parley/*.hpp")
if(NOT files)
  message(FATAL_ERROR "check_source_sizes: no sources under ${SOURCE_DIR}")
endif()
set(too_long "")
foreach(file IN LISTS files)
  file(READ "${file}" text)
  string(REGEX MATCHALL "\n" newlines "${text}")
  list(LENGTH newlines count)
  if(count GREATER MAX_LINES)
    file(RELATIVE_PATH shown "${SOURCE_DIR}" "${file}")
    string(APPEND too_long "\n  ${shown}: ${count} lines")
  endif()
endforeach()
if(too_long)
  message(FATAL_ERROR "check_source_sizes: files over ${MAX_LINES} lines:${too_long}")
endif()

# Fails when FILE has more than MAX_LINES lines (README.md: a newcomer reads it
# in five minutes; the reference lives in docs/).
#
#   cmake -DFILE=README.md -DMAX_LINES=300 -P tests/check_line_count.cmake
cmake_minimum_required(VERSION 3.22)

if(NOT FILE OR NOT MAX_LINES)
  message(FATAL_ERROR "check_line_count: pass -DFILE=... and -DMAX_LINES=...")
endif()
file(READ "${FILE}" text)
string(REGEX MATCHALL "\n" newlines "${text}")
list(LENGTH newlines lines)
if(NOT text MATCHES "\n$" AND NOT text STREQUAL "")
  math(EXPR lines "${lines} + 1")
endif()
if(lines GREATER MAX_LINES)
  message(FATAL_ERROR "check_line_count: ${FILE} has ${lines} lines, more than ${MAX_LINES}: "
                      "move reference material to docs/ and link it")
endif()
message("check_line_count: ${FILE} has ${lines} lines (at most ${MAX_LINES})")

# Runs every example of the README (or of another markdown file: -DREADME=
# docs/cli.md) and compares its output with the file.
#
#   cmake -DPARLEY=build/parley -P tests/check_readme.cmake          # check
#   cmake -DPARLEY=build/parley -DUPDATE=ON -P tests/check_readme.cmake
#                                  # rewrite the outputs in README.md in place
#   cmake -DPARLEY=build/parley -DREADME=docs/cli.md -P tests/check_readme.cmake
#
# tests/cli_tests.cmake registers one CTest test per markdown file with
# examples: readme.examples for README.md, docs.examples.NAME for docs/NAME.md.
#
# Conventions in README.md and docs/*.md (GitHub renders them as ordinary code blocks):
#   - In a ```console block, a line `$ parley ARGS` is an example. ARGS are
#     split like a POSIX shell would (quotes, backslashes) and the executable
#     PARLEY is run with them. The lines that follow, up to the next `$ ` line
#     or the end of the block, are its output (stdout and stderr merged): the
#     real output must equal them exactly, byte for byte (the final newline of
#     the output is not shown), and no lines means no output.
#   - `$ echo $?` after an example, followed by a line holding a number, states
#     the example's exit status. Without it the status must be 0.
#   - Any other `$ ` line in a console block is an error: every shell example
#     there must be tested. (`make demo` and the like go in ```sh blocks.)
#   - A ```yaml block whose first line is `# file: NAME` is written, that line
#     included, to NAME in the scratch directory before the examples after it
#     run (so line numbers in error messages match the block as shown).
#   - Examples run in WORK_DIR, a scratch directory holding a copy of
#     scenarios/, so paths read as they do from the repository root, and files
#     written by the examples (e.g. --out) never land in the source tree.
#
# Variables: PARLEY (the executable; default SOURCE_DIR/build/parley),
# SOURCE_DIR (default: the parent of this file's directory), README (default
# SOURCE_DIR/README.md), WORK_DIR (default: a directory under the system's
# temporary directory), UPDATE (ON: write the real outputs and exit statuses
# into README instead of failing on a difference).
cmake_minimum_required(VERSION 3.22)

if(NOT SOURCE_DIR)
  get_filename_component(SOURCE_DIR "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
endif()
if(NOT README)
  set(README "${SOURCE_DIR}/README.md")
endif()
get_filename_component(README "${README}" ABSOLUTE BASE_DIR "${SOURCE_DIR}")
# Messages name the file as a path from SOURCE_DIR (README.md, docs/cli.md).
file(RELATIVE_PATH readme_name "${SOURCE_DIR}" "${README}")
if(NOT PARLEY)
  set(PARLEY "${SOURCE_DIR}/build/parley")
endif()
get_filename_component(PARLEY "${PARLEY}" ABSOLUTE BASE_DIR "${SOURCE_DIR}")
if(NOT EXISTS "${PARLEY}")
  message(FATAL_ERROR "check_readme: no parley executable at '${PARLEY}' (pass -DPARLEY=...)")
endif()
if(NOT WORK_DIR)
  if(DEFINED ENV{TMPDIR})
    set(WORK_DIR "$ENV{TMPDIR}/parley-readme-examples")
  else()
    set(WORK_DIR "/tmp/parley-readme-examples")
  endif()
endif()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(COPY "${SOURCE_DIR}/scenarios" DESTINATION "${WORK_DIR}")

# CMake lists are split at ';' except inside [...], and '\;' is an escaped
# ';': hide those characters behind control characters while the text is a
# list, and restore them wherever text leaves the script.
string(ASCII 1 kSemicolon)
string(ASCII 2 kOpen)
string(ASCII 3 kClose)
string(ASCII 4 kBackslash)
function(protect out text)
  string(REPLACE "\\" "${kBackslash}" text "${text}")
  string(REPLACE ";" "${kSemicolon}" text "${text}")
  string(REPLACE "[" "${kOpen}" text "${text}")
  string(REPLACE "]" "${kClose}" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()
function(restore out text)
  string(REPLACE "${kBackslash}" "\\" text "${text}")
  string(REPLACE "${kSemicolon}" ";" text "${text}")
  string(REPLACE "${kOpen}" "[" text "${text}")
  string(REPLACE "${kClose}" "]" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

file(READ "${README}" readme)
protect(readme "${readme}")
string(REPLACE "\n" ";" lines "${readme}")
# The text after the last newline (normally empty) is not a line.
list(POP_BACK lines last_line)
if(NOT last_line STREQUAL "")
  list(APPEND lines "${last_line}")
endif()

set(failures 0)
set(examples 0)
set(new_readme "")  # UPDATE: the README rewritten, protected text

# Example state: the command (as written), its output lines as shown in the
# README (protected, "\n"-joined), and its stated exit status.
set(have_command FALSE)
set(command "")
set(command_line 0)
set(shown "")
set(shown_count 0)
set(expect_status 0)
set(status_line "")       # line number of the stated status, "" if none
set(status_pending FALSE) # the previous line was `$ echo $?`

# Runs the pending example and compares. Sets `actual_output` (protected) and
# `actual_status` in the caller, for UPDATE mode.
function(finish_example)
  if(NOT have_command)
    return()
  endif()
  math(EXPR n "${examples} + 1")
  set(examples ${n} PARENT_SCOPE)
  restore(args_text "${command}")
  separate_arguments(args UNIX_COMMAND "${args_text}")
  execute_process(COMMAND "${PARLEY}" ${args}
                  WORKING_DIRECTORY "${WORK_DIR}"
                  RESULT_VARIABLE status
                  OUTPUT_VARIABLE output
                  ERROR_VARIABLE output)
  # The README shows the output without its final newline.
  string(REGEX REPLACE "\n$" "" output_shown "${output}")
  protect(actual "${output_shown}")
  set(problems "")
  if(NOT status STREQUAL "${expect_status}")
    string(APPEND problems "  exit status ${status}, the README says ${expect_status}\n")
  endif()
  if(NOT actual STREQUAL shown)
    restore(shown_text "${shown}")
    string(APPEND problems "  output differs from the README.\n"
                           "  --- README shows:\n${shown_text}\n"
                           "  --- parley printed:\n${output_shown}\n  ---\n")
  endif()
  if(NOT problems STREQUAL "")
    math(EXPR n "${failures} + 1")
    set(failures ${n} PARENT_SCOPE)
    message("${readme_name}:${command_line}: $ parley ${args_text}\n${problems}")
  endif()
  set(actual_output "${actual}" PARENT_SCOPE)
  set(actual_status "${status}" PARENT_SCOPE)
endfunction()

set(fence "")          # "" outside a code block, else its info string
set(file_name "")      # for ```yaml blocks written to the scratch directory
set(file_text "")
set(block_first TRUE)
set(line_number 0)
set(pending_lines "")  # UPDATE: README lines held back while an example is open

# UPDATE: emits the open example (command line, output, status lines).
macro(flush_example)
  if(have_command)
    finish_example()
    string(APPEND new_readme "${command_text}\n")
    if(NOT actual_output STREQUAL "")
      string(APPEND new_readme "${actual_output}\n")
    endif()
    if(NOT status_line STREQUAL "")
      string(APPEND new_readme "$ echo $?\n${actual_status}\n")
    endif()
  endif()
  set(have_command FALSE)
  set(command "")
  set(shown "")
  set(shown_count 0)
  set(expect_status 0)
  set(status_line "")
  set(status_pending FALSE)
endmacro()

foreach(line IN LISTS lines)
  math(EXPR line_number "${line_number} + 1")
  if(fence STREQUAL "")
    string(APPEND new_readme "${line}\n")
    if(line MATCHES "^```([a-z]*)")
      set(fence "${CMAKE_MATCH_1}")
      if(fence STREQUAL "")
        set(fence "plain")
      endif()
      set(block_first TRUE)
      set(file_name "")
      set(file_text "")
    endif()
    continue()
  endif()

  if(line MATCHES "^```[ \t]*$")
    if(fence STREQUAL "console")
      flush_example()
    elseif(NOT file_name STREQUAL "")
      restore(text "${file_text}")
      file(WRITE "${WORK_DIR}/${file_name}" "${text}")
    endif()
    string(APPEND new_readme "${line}\n")
    set(fence "")
    continue()
  endif()

  if(fence STREQUAL "yaml")
    if(block_first AND line MATCHES "^# file: ([A-Za-z0-9_.-]+)$")
      set(file_name "${CMAKE_MATCH_1}")
    endif()
    if(NOT file_name STREQUAL "")
      string(APPEND file_text "${line}\n")
    endif()
    set(block_first FALSE)
    string(APPEND new_readme "${line}\n")
    continue()
  endif()

  if(NOT fence STREQUAL "console")
    string(APPEND new_readme "${line}\n")
    continue()
  endif()

  # Inside a console block.
  if(status_pending)
    set(status_pending FALSE)
    if(NOT line MATCHES "^[0-9]+$")
      message("${readme_name}:${line_number}: expected an exit status (a number) after `$ echo $?`, got '${line}'")
      math(EXPR failures "${failures} + 1")
    endif()
    set(expect_status "${line}")
    set(status_line ${line_number})
  elseif(line MATCHES "^\\$ echo \\$\\?$")
    if(NOT have_command OR NOT status_line STREQUAL "")
      message("${readme_name}:${line_number}: `$ echo $?` must follow a `$ parley` example (once)")
      math(EXPR failures "${failures} + 1")
    endif()
    set(status_pending TRUE)
  elseif(line MATCHES "^\\$ parley( (.*))?$")
    flush_example()
    set(have_command TRUE)
    set(command "${CMAKE_MATCH_2}")
    set(command_text "${line}")
    set(command_line ${line_number})
  elseif(line MATCHES "^\\$ ")
    message("${readme_name}:${line_number}: a console block may only hold `$ parley ...` examples and "
            "`$ echo $?`, got '${line}' (put other shell commands in a ```sh block)")
    math(EXPR failures "${failures} + 1")
    string(APPEND new_readme "${line}\n")
  elseif(NOT have_command)
    # Text before the first example of the block: kept, not checked.
    string(APPEND new_readme "${line}\n")
  elseif(NOT status_line STREQUAL "")
    message("${readme_name}:${line_number}: output after the exit status of an example: put it before `$ echo $?`")
    math(EXPR failures "${failures} + 1")
  else()
    if(shown_count GREATER 0)
      string(APPEND shown "\n")
    endif()
    string(APPEND shown "${line}")
    math(EXPR shown_count "${shown_count} + 1")
  endif()
endforeach()

if(NOT fence STREQUAL "")
  message("${readme_name}: the file ends inside a ``` block")
  math(EXPR failures "${failures} + 1")
endif()

if(UPDATE)
  restore(text "${new_readme}")
  file(WRITE "${README}" "${text}")
  message("check_readme: ran ${examples} examples; wrote their outputs into ${README}")
  if(failures GREATER 0)
    message("check_readme: the differences above were written into the README; check them with git diff")
  endif()
  return()
endif()

if(examples EQUAL 0)
  message(FATAL_ERROR "check_readme: no `$ parley` examples found in ${README}")
endif()
if(failures GREATER 0)
  message(FATAL_ERROR "check_readme: ${failures} of ${examples} examples of ${readme_name} failed (to accept the new outputs: "
                      "cmake -DPARLEY=${PARLEY} -DREADME=${README} -DUPDATE=ON -P ${CMAKE_CURRENT_LIST_FILE}, then review git diff)")
endif()
message("check_readme: all ${examples} examples of ${readme_name} ran as shown")

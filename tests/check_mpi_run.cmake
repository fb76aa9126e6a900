# One parley command under an MPI launcher (tests/CMakeLists.txt, docs/cluster.md):
# checks its exit status, that stderr holds MESSAGE (a regex) exactly once when
# given, and, with OUT and REFERENCE, that the --out file OUT was written with
# the bytes of REFERENCE (a plain process's output, computed here first with
# the same ARGS minus --out).
#   cmake -DLAUNCHER="mpirun -np 2" -DPARLEY=EXE -DARGS="run FILE ..." -DSTATUS=N
#         [-DMESSAGE=REGEX] [-DOUT=FILE] -DSOURCE_DIR=DIR -P check_mpi_run.cmake
separate_arguments(launcher UNIX_COMMAND "${LAUNCHER}")
separate_arguments(args UNIX_COMMAND "${ARGS}")
if(OUT)
  execute_process(COMMAND ${PARLEY} ${args} WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE status
                  OUTPUT_VARIABLE expected)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "the plain run failed with status ${status}")
  endif()
  file(REMOVE ${OUT})
  list(APPEND args --out ${OUT})
endif()
execute_process(COMMAND ${launcher} ${PARLEY} ${args} WORKING_DIRECTORY ${SOURCE_DIR}
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL STATUS)
  message(FATAL_ERROR "exit status ${status}, expected ${STATUS}; stderr:\n${err}")
endif()
if(MESSAGE)
  string(REGEX MATCHALL "${MESSAGE}" found "${err}")
  list(LENGTH found times)
  if(NOT times EQUAL 1)
    message(FATAL_ERROR "'${MESSAGE}' printed ${times} times, expected once; stderr:\n${err}")
  endif()
endif()
if(OUT)
  if(NOT out STREQUAL "")
    message(FATAL_ERROR "with --out, standard output should be empty, got:\n${out}")
  endif()
  file(READ ${OUT} written)
  if(NOT written STREQUAL expected)
    message(FATAL_ERROR "${OUT} differs from the plain process's output")
  endif()
endif()
message(STATUS "ok: status ${status}: ${err}")

# Fails when FILE exists: a command that failed must not leave its output.
if(EXISTS "${FILE}")
  message(FATAL_ERROR "${FILE} exists: a failed command left an output file")
endif()

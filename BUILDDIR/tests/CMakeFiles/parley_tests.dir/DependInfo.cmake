
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/tests/main.cpp" "tests/CMakeFiles/parley_tests.dir/main.cpp.o" "gcc" "tests/CMakeFiles/parley_tests.dir/main.cpp.o.d"
  "/work/main/tests/test_batch.cpp" "tests/CMakeFiles/parley_tests.dir/test_batch.cpp.o" "gcc" "tests/CMakeFiles/parley_tests.dir/test_batch.cpp.o.d"
  "/work/main/tests/test_cli.cpp" "tests/CMakeFiles/parley_tests.dir/test_cli.cpp.o" "gcc" "tests/CMakeFiles/parley_tests.dir/test_cli.cpp.o.d"
  "/work/main/tests/test_distribution.cpp" "tests/CMakeFiles/parley_tests.dir/test_distribution.cpp.o" "gcc" "tests/CMakeFiles/parley_tests.dir/test_distribution.cpp.o.d"
  "/work/main/tests/test_engine.cpp" "tests/CMakeFiles/parley_tests.dir/test_engine.cpp.o" "gcc" "tests/CMakeFiles/parley_tests.dir/test_engine.cpp.o.d"
  "/work/main/tests/test_loader.cpp" "tests/CMakeFiles/parley_tests.dir/test_loader.cpp.o" "gcc" "tests/CMakeFiles/parley_tests.dir/test_loader.cpp.o.d"
  "/work/main/tests/test_model.cpp" "tests/CMakeFiles/parley_tests.dir/test_model.cpp.o" "gcc" "tests/CMakeFiles/parley_tests.dir/test_model.cpp.o.d"
  "/work/main/tests/test_selftest.cpp" "tests/CMakeFiles/parley_tests.dir/test_selftest.cpp.o" "gcc" "tests/CMakeFiles/parley_tests.dir/test_selftest.cpp.o.d"
  "/work/main/tests/test_sensitivity.cpp" "tests/CMakeFiles/parley_tests.dir/test_sensitivity.cpp.o" "gcc" "tests/CMakeFiles/parley_tests.dir/test_sensitivity.cpp.o.d"
  "/work/main/tests/test_sobol_analysis.cpp" "tests/CMakeFiles/parley_tests.dir/test_sobol_analysis.cpp.o" "gcc" "tests/CMakeFiles/parley_tests.dir/test_sobol_analysis.cpp.o.d"
  "/work/main/tests/test_statistics.cpp" "tests/CMakeFiles/parley_tests.dir/test_statistics.cpp.o" "gcc" "tests/CMakeFiles/parley_tests.dir/test_statistics.cpp.o.d"
  "/work/main/tests/test_sweep.cpp" "tests/CMakeFiles/parley_tests.dir/test_sweep.cpp.o" "gcc" "tests/CMakeFiles/parley_tests.dir/test_sweep.cpp.o.d"
  "/work/main/tests/test_tornado.cpp" "tests/CMakeFiles/parley_tests.dir/test_tornado.cpp.o" "gcc" "tests/CMakeFiles/parley_tests.dir/test_tornado.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/BUILDDIR/CMakeFiles/parley_analysis.dir/DependInfo.cmake"
  "/work/main/BUILDDIR/CMakeFiles/parley_io.dir/DependInfo.cmake"
  "/work/main/BUILDDIR/CMakeFiles/parley_core.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")

file(REMOVE_RECURSE
  "CMakeFiles/parley_tests.dir/main.cpp.o"
  "CMakeFiles/parley_tests.dir/main.cpp.o.d"
  "CMakeFiles/parley_tests.dir/test_batch.cpp.o"
  "CMakeFiles/parley_tests.dir/test_batch.cpp.o.d"
  "CMakeFiles/parley_tests.dir/test_cli.cpp.o"
  "CMakeFiles/parley_tests.dir/test_cli.cpp.o.d"
  "CMakeFiles/parley_tests.dir/test_distribution.cpp.o"
  "CMakeFiles/parley_tests.dir/test_distribution.cpp.o.d"
  "CMakeFiles/parley_tests.dir/test_engine.cpp.o"
  "CMakeFiles/parley_tests.dir/test_engine.cpp.o.d"
  "CMakeFiles/parley_tests.dir/test_loader.cpp.o"
  "CMakeFiles/parley_tests.dir/test_loader.cpp.o.d"
  "CMakeFiles/parley_tests.dir/test_model.cpp.o"
  "CMakeFiles/parley_tests.dir/test_model.cpp.o.d"
  "CMakeFiles/parley_tests.dir/test_selftest.cpp.o"
  "CMakeFiles/parley_tests.dir/test_selftest.cpp.o.d"
  "CMakeFiles/parley_tests.dir/test_sensitivity.cpp.o"
  "CMakeFiles/parley_tests.dir/test_sensitivity.cpp.o.d"
  "CMakeFiles/parley_tests.dir/test_sobol_analysis.cpp.o"
  "CMakeFiles/parley_tests.dir/test_sobol_analysis.cpp.o.d"
  "CMakeFiles/parley_tests.dir/test_statistics.cpp.o"
  "CMakeFiles/parley_tests.dir/test_statistics.cpp.o.d"
  "CMakeFiles/parley_tests.dir/test_sweep.cpp.o"
  "CMakeFiles/parley_tests.dir/test_sweep.cpp.o.d"
  "CMakeFiles/parley_tests.dir/test_tornado.cpp.o"
  "CMakeFiles/parley_tests.dir/test_tornado.cpp.o.d"
  "parley_tests"
  "parley_tests.pdb"
  "parley_tests_tests-b12d07c.cmake"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/parley_tests.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()

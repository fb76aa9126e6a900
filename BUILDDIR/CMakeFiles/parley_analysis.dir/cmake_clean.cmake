file(REMOVE_RECURSE
  "CMakeFiles/parley_analysis.dir/sim/analysis/run.cpp.o"
  "CMakeFiles/parley_analysis.dir/sim/analysis/run.cpp.o.d"
  "CMakeFiles/parley_analysis.dir/sim/analysis/selftest.cpp.o"
  "CMakeFiles/parley_analysis.dir/sim/analysis/selftest.cpp.o.d"
  "CMakeFiles/parley_analysis.dir/sim/analysis/sobol_analysis.cpp.o"
  "CMakeFiles/parley_analysis.dir/sim/analysis/sobol_analysis.cpp.o.d"
  "CMakeFiles/parley_analysis.dir/sim/analysis/sweep.cpp.o"
  "CMakeFiles/parley_analysis.dir/sim/analysis/sweep.cpp.o.d"
  "CMakeFiles/parley_analysis.dir/sim/analysis/tornado.cpp.o"
  "CMakeFiles/parley_analysis.dir/sim/analysis/tornado.cpp.o.d"
  "libparley_analysis.a"
  "libparley_analysis.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/parley_analysis.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()

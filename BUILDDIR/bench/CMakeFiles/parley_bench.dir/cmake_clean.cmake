file(REMOVE_RECURSE
  "CMakeFiles/parley_bench.dir/analysis_bench.cpp.o"
  "CMakeFiles/parley_bench.dir/analysis_bench.cpp.o.d"
  "CMakeFiles/parley_bench.dir/parley_bench.cpp.o"
  "CMakeFiles/parley_bench.dir/parley_bench.cpp.o.d"
  "CMakeFiles/parley_bench.dir/quantile_bench.cpp.o"
  "CMakeFiles/parley_bench.dir/quantile_bench.cpp.o.d"
  "parley_bench"
  "parley_bench.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/parley_bench.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()

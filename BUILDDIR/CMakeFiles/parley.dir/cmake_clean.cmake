file(REMOVE_RECURSE
  "CMakeFiles/parley.dir/sim/cli/main.cpp.o"
  "CMakeFiles/parley.dir/sim/cli/main.cpp.o.d"
  "CMakeFiles/parley.dir/sim/cli/plot.cpp.o"
  "CMakeFiles/parley.dir/sim/cli/plot.cpp.o.d"
  "CMakeFiles/parley.dir/sim/cli/progress.cpp.o"
  "CMakeFiles/parley.dir/sim/cli/progress.cpp.o.d"
  "parley"
  "parley.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/parley.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()

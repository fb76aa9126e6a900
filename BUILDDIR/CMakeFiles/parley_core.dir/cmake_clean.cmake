file(REMOVE_RECURSE
  "CMakeFiles/parley_core.dir/sim/core/batch.cpp.o"
  "CMakeFiles/parley_core.dir/sim/core/batch.cpp.o.d"
  "CMakeFiles/parley_core.dir/sim/core/beta_quantile.cpp.o"
  "CMakeFiles/parley_core.dir/sim/core/beta_quantile.cpp.o.d"
  "CMakeFiles/parley_core.dir/sim/core/distribution.cpp.o"
  "CMakeFiles/parley_core.dir/sim/core/distribution.cpp.o.d"
  "CMakeFiles/parley_core.dir/sim/core/engine.cpp.o"
  "CMakeFiles/parley_core.dir/sim/core/engine.cpp.o.d"
  "CMakeFiles/parley_core.dir/sim/core/influence.cpp.o"
  "CMakeFiles/parley_core.dir/sim/core/influence.cpp.o.d"
  "CMakeFiles/parley_core.dir/sim/core/model.cpp.o"
  "CMakeFiles/parley_core.dir/sim/core/model.cpp.o.d"
  "CMakeFiles/parley_core.dir/sim/core/sampler.cpp.o"
  "CMakeFiles/parley_core.dir/sim/core/sampler.cpp.o.d"
  "CMakeFiles/parley_core.dir/sim/core/scenario.cpp.o"
  "CMakeFiles/parley_core.dir/sim/core/scenario.cpp.o.d"
  "CMakeFiles/parley_core.dir/sim/core/sensitivity.cpp.o"
  "CMakeFiles/parley_core.dir/sim/core/sensitivity.cpp.o.d"
  "CMakeFiles/parley_core.dir/sim/core/statistics.cpp.o"
  "CMakeFiles/parley_core.dir/sim/core/statistics.cpp.o.d"
  "libparley_core.a"
  "libparley_core.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/parley_core.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()


# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/sim/core/batch.cpp" "CMakeFiles/parley_core.dir/sim/core/batch.cpp.o" "gcc" "CMakeFiles/parley_core.dir/sim/core/batch.cpp.o.d"
  "/work/main/sim/core/beta_quantile.cpp" "CMakeFiles/parley_core.dir/sim/core/beta_quantile.cpp.o" "gcc" "CMakeFiles/parley_core.dir/sim/core/beta_quantile.cpp.o.d"
  "/work/main/sim/core/distribution.cpp" "CMakeFiles/parley_core.dir/sim/core/distribution.cpp.o" "gcc" "CMakeFiles/parley_core.dir/sim/core/distribution.cpp.o.d"
  "/work/main/sim/core/engine.cpp" "CMakeFiles/parley_core.dir/sim/core/engine.cpp.o" "gcc" "CMakeFiles/parley_core.dir/sim/core/engine.cpp.o.d"
  "/work/main/sim/core/influence.cpp" "CMakeFiles/parley_core.dir/sim/core/influence.cpp.o" "gcc" "CMakeFiles/parley_core.dir/sim/core/influence.cpp.o.d"
  "/work/main/sim/core/model.cpp" "CMakeFiles/parley_core.dir/sim/core/model.cpp.o" "gcc" "CMakeFiles/parley_core.dir/sim/core/model.cpp.o.d"
  "/work/main/sim/core/sampler.cpp" "CMakeFiles/parley_core.dir/sim/core/sampler.cpp.o" "gcc" "CMakeFiles/parley_core.dir/sim/core/sampler.cpp.o.d"
  "/work/main/sim/core/scenario.cpp" "CMakeFiles/parley_core.dir/sim/core/scenario.cpp.o" "gcc" "CMakeFiles/parley_core.dir/sim/core/scenario.cpp.o.d"
  "/work/main/sim/core/sensitivity.cpp" "CMakeFiles/parley_core.dir/sim/core/sensitivity.cpp.o" "gcc" "CMakeFiles/parley_core.dir/sim/core/sensitivity.cpp.o.d"
  "/work/main/sim/core/statistics.cpp" "CMakeFiles/parley_core.dir/sim/core/statistics.cpp.o" "gcc" "CMakeFiles/parley_core.dir/sim/core/statistics.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")

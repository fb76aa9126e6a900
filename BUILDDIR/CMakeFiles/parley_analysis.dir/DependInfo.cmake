
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/sim/analysis/run.cpp" "CMakeFiles/parley_analysis.dir/sim/analysis/run.cpp.o" "gcc" "CMakeFiles/parley_analysis.dir/sim/analysis/run.cpp.o.d"
  "/work/main/sim/analysis/selftest.cpp" "CMakeFiles/parley_analysis.dir/sim/analysis/selftest.cpp.o" "gcc" "CMakeFiles/parley_analysis.dir/sim/analysis/selftest.cpp.o.d"
  "/work/main/sim/analysis/sobol_analysis.cpp" "CMakeFiles/parley_analysis.dir/sim/analysis/sobol_analysis.cpp.o" "gcc" "CMakeFiles/parley_analysis.dir/sim/analysis/sobol_analysis.cpp.o.d"
  "/work/main/sim/analysis/sweep.cpp" "CMakeFiles/parley_analysis.dir/sim/analysis/sweep.cpp.o" "gcc" "CMakeFiles/parley_analysis.dir/sim/analysis/sweep.cpp.o.d"
  "/work/main/sim/analysis/tornado.cpp" "CMakeFiles/parley_analysis.dir/sim/analysis/tornado.cpp.o" "gcc" "CMakeFiles/parley_analysis.dir/sim/analysis/tornado.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/BUILDDIR/CMakeFiles/parley_core.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")


# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/sim/io/atomic_file.cpp" "CMakeFiles/parley_io.dir/sim/io/atomic_file.cpp.o" "gcc" "CMakeFiles/parley_io.dir/sim/io/atomic_file.cpp.o.d"
  "/work/main/sim/io/diagnostics.cpp" "CMakeFiles/parley_io.dir/sim/io/diagnostics.cpp.o" "gcc" "CMakeFiles/parley_io.dir/sim/io/diagnostics.cpp.o.d"
  "/work/main/sim/io/overrides.cpp" "CMakeFiles/parley_io.dir/sim/io/overrides.cpp.o" "gcc" "CMakeFiles/parley_io.dir/sim/io/overrides.cpp.o.d"
  "/work/main/sim/io/run_report.cpp" "CMakeFiles/parley_io.dir/sim/io/run_report.cpp.o" "gcc" "CMakeFiles/parley_io.dir/sim/io/run_report.cpp.o.d"
  "/work/main/sim/io/scenario_loader.cpp" "CMakeFiles/parley_io.dir/sim/io/scenario_loader.cpp.o" "gcc" "CMakeFiles/parley_io.dir/sim/io/scenario_loader.cpp.o.d"
  "/work/main/sim/io/sobol_report.cpp" "CMakeFiles/parley_io.dir/sim/io/sobol_report.cpp.o" "gcc" "CMakeFiles/parley_io.dir/sim/io/sobol_report.cpp.o.d"
  "/work/main/sim/io/sweep_report.cpp" "CMakeFiles/parley_io.dir/sim/io/sweep_report.cpp.o" "gcc" "CMakeFiles/parley_io.dir/sim/io/sweep_report.cpp.o.d"
  "/work/main/sim/io/tornado_report.cpp" "CMakeFiles/parley_io.dir/sim/io/tornado_report.cpp.o" "gcc" "CMakeFiles/parley_io.dir/sim/io/tornado_report.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/BUILDDIR/CMakeFiles/parley_core.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")

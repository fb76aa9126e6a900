
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/sim/cli/main.cpp" "CMakeFiles/parley.dir/sim/cli/main.cpp.o" "gcc" "CMakeFiles/parley.dir/sim/cli/main.cpp.o.d"
  "/work/main/sim/cli/plot.cpp" "CMakeFiles/parley.dir/sim/cli/plot.cpp.o" "gcc" "CMakeFiles/parley.dir/sim/cli/plot.cpp.o.d"
  "/work/main/sim/cli/progress.cpp" "CMakeFiles/parley.dir/sim/cli/progress.cpp.o" "gcc" "CMakeFiles/parley.dir/sim/cli/progress.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/BUILDDIR/CMakeFiles/parley_analysis.dir/DependInfo.cmake"
  "/work/main/BUILDDIR/CMakeFiles/parley_io.dir/DependInfo.cmake"
  "/work/main/BUILDDIR/CMakeFiles/parley_core.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")

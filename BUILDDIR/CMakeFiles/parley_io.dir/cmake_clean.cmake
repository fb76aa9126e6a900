file(REMOVE_RECURSE
  "CMakeFiles/parley_io.dir/sim/io/atomic_file.cpp.o"
  "CMakeFiles/parley_io.dir/sim/io/atomic_file.cpp.o.d"
  "CMakeFiles/parley_io.dir/sim/io/diagnostics.cpp.o"
  "CMakeFiles/parley_io.dir/sim/io/diagnostics.cpp.o.d"
  "CMakeFiles/parley_io.dir/sim/io/overrides.cpp.o"
  "CMakeFiles/parley_io.dir/sim/io/overrides.cpp.o.d"
  "CMakeFiles/parley_io.dir/sim/io/run_report.cpp.o"
  "CMakeFiles/parley_io.dir/sim/io/run_report.cpp.o.d"
  "CMakeFiles/parley_io.dir/sim/io/scenario_loader.cpp.o"
  "CMakeFiles/parley_io.dir/sim/io/scenario_loader.cpp.o.d"
  "CMakeFiles/parley_io.dir/sim/io/sobol_report.cpp.o"
  "CMakeFiles/parley_io.dir/sim/io/sobol_report.cpp.o.d"
  "CMakeFiles/parley_io.dir/sim/io/sweep_report.cpp.o"
  "CMakeFiles/parley_io.dir/sim/io/sweep_report.cpp.o.d"
  "CMakeFiles/parley_io.dir/sim/io/tornado_report.cpp.o"
  "CMakeFiles/parley_io.dir/sim/io/tornado_report.cpp.o.d"
  "libparley_io.a"
  "libparley_io.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/parley_io.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()

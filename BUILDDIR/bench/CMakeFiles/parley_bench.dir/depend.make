# Empty dependencies file for parley_bench.
# This may be replaced when dependencies are built.

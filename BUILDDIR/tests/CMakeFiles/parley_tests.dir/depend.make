# Empty dependencies file for parley_tests.
# This may be replaced when dependencies are built.

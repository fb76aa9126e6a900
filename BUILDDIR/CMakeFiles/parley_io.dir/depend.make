# Empty dependencies file for parley_io.
# This may be replaced when dependencies are built.

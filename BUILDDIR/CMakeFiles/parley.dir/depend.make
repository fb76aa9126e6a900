# Empty dependencies file for parley.
# This may be replaced when dependencies are built.

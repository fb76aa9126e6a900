# Empty compiler generated dependencies file for parley_core.
# This may be replaced when dependencies are built.

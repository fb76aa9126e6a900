# Empty compiler generated dependencies file for parley_analysis.
# This may be replaced when dependencies are built.

file(REMOVE_RECURSE
  "libparley_analysis.a"
)

file(REMOVE_RECURSE
  "libparley_io.a"
)

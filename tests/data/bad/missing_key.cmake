# A missing required key, reported at the map that lacks it.
parley_cli_test(bad_missing_key 2 "missing_key\\.yaml:13:5: error: missing required key .reservation. in actor .a."
                validate ${PARLEY_DATA}/bad/missing_key.yaml)

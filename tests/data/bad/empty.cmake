# An empty file (created with printf '').
parley_cli_test(bad_empty_file 2 "empty\\.yaml:1:1: error: the file is empty: expected a scenario, a map starting with .parley: 1."
                validate ${PARLEY_DATA}/bad/empty.yaml)

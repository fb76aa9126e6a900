# A cycle whose weights make I - W singular.
parley_cli_test(bad_singular_cycle 2 "singular_cycle\\.yaml:17:5: error: the influence cycle among a, b, c makes I - W singular"
                validate ${PARLEY_DATA}/bad/singular_cycle.yaml)

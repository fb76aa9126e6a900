# An ideal point outside its issue range.
parley_cli_test(bad_out_of_range 2 "out_of_range\\.yaml:18:16: error: .actors\\.a\\.positions\\.land\\.ideal.: expected a number or a distribution in \\[0, 10\\], got 12"
                validate ${PARLEY_DATA}/bad/out_of_range.yaml)

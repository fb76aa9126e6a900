# A string where a number belongs.
parley_cli_test(bad_wrong_type 2 "wrong_type\\.yaml:15:18: error: .actors\\.a\\.reservation.: expected a number or a distribution in \\[0, 1\\], got the string .high."
                validate ${PARLEY_DATA}/bad/wrong_type.yaml)

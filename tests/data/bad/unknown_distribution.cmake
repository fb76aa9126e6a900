# A misspelt distribution name.
parley_cli_test(bad_unknown_distribution 2 "unknown_distribution\\.yaml:28:13: error: .actors\\.b\\.reservation\\.dist.: unknown distribution .normall. \\(did you mean .normal.\\?\\): expected one of fixed, uniform, normal, triangular, beta, lognormal"
                validate ${PARLEY_DATA}/bad/unknown_distribution.yaml)

# A negative standard deviation, reported at the sd key.
parley_cli_test(bad_negative_sd 2 "negative_sd\\.yaml:30:11: error: .actors\\.b\\.reservation\\.sd.: expected a number > 0, got -0\\.05"
                validate ${PARLEY_DATA}/bad/negative_sd.yaml)

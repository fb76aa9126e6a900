# Five independent mistakes: every error is reported at once, in file order.
parley_cli_test(bad_many_errors 2 "many_errors\\.yaml:3:1: error: unknown key .titel..*many_errors\\.yaml:2:1: error: missing required key .title..*many_errors\\.yaml:15:18: error: .actors\\.a\\.reservation..*many_errors\\.yaml:30:11: error: .actors\\.b\\.reservation\\.sd..*many_errors\\.yaml:42:9: error: .relations\\.0\\.to.: unknown actor .bb..*many_errors\\.yaml:48:12: error: .proposals\\.p\\.terms\\.ban..*6 errors in .*many_errors\\.yaml"
                validate ${PARLEY_DATA}/bad/many_errors.yaml)
# The same errors stop `run` too, with the same exit status.
parley_cli_test(bad_many_errors_run 2 "many_errors\\.yaml:30:11: error: .actors\\.b\\.reservation\\.sd.*6 errors in"
                run ${PARLEY_DATA}/bad/many_errors.yaml --draws 10)

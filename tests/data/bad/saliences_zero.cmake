# All saliences of one actor are zero.
parley_cli_test(bad_saliences_zero 2 "saliences_zero\\.yaml:17:7: error: .actors\\.a\\.positions.: all saliences of actor .a. are zero: expected at least one salience > 0"
                validate ${PARLEY_DATA}/bad/saliences_zero.yaml)

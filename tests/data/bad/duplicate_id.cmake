# A duplicate actor id, reported at the second definition.
parley_cli_test(bad_duplicate_id 2 "duplicate_id\\.yaml:25:9: error: duplicate actor id .a. \\(first defined on line 13\\)"
                validate ${PARLEY_DATA}/bad/duplicate_id.yaml)

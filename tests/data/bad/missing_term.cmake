# A proposal without a term for one issue.
parley_cli_test(bad_missing_term 2 "missing_term\\.yaml:47:7: error: .proposals\\.p\\.terms.: missing the term for issue .ban.: expected a value for every issue"
                validate ${PARLEY_DATA}/bad/missing_term.yaml)

# A reference to a source that does not exist.
parley_cli_test(bad_dangling_reference 2 "dangling_reference\\.yaml:20:17: error: .actors\\.a\\.positions\\.land\\.source.: unknown source .s2. \\(did you mean .s1.\\?\\): expected one of s1"
                validate ${PARLEY_DATA}/bad/dangling_reference.yaml)

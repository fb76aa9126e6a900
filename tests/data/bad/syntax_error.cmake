# A YAML syntax error: an unclosed flow list; the parser stops on the next line.
parley_cli_test(bad_syntax_error 2 "syntax_error\\.yaml:10:7: error: YAML syntax error: end of sequence flow not found"
                validate ${PARLEY_DATA}/bad/syntax_error.yaml)

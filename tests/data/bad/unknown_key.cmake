# An unknown key with a did-you-mean, and the required key it replaced.
parley_cli_test(bad_unknown_key 2 "unknown_key\\.yaml:3:1: error: unknown key .titel. in the scenario \\(did you mean .title.\\?\\): expected one of parley, title, .*unknown_key\\.yaml:2:1: error: missing required key .title. in the scenario"
                validate ${PARLEY_DATA}/bad/unknown_key.yaml)

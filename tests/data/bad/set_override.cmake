# --set overrides are validated like the file; the location is the option.
parley_cli_test(bad_set_unknown_actor 2 "--set actors\\.zz\\.rho=2: error: .actors\\.zz\\.rho.: .actors. has no element .zz.: expected an id \\(northfield, southbrook\\) or an index 0\\.\\.1"
                validate scenarios/classroom-two-party.yaml --set actors.zz.rho=2)
parley_cli_test(bad_set_by_index 2 "--set actors\\.1\\.reservation=1\\.5: error: .actors\\.southbrook\\.reservation.: expected a number or a distribution in \\[0, 1\\], got 1\\.5"
                validate scenarios/classroom-two-party.yaml --set actors.1.reservation=1.5)
parley_cli_test(bad_set_with_file_errors 2 "negative_sd\\.yaml:30:11: error: .actors\\.b\\.reservation\\.sd.*--set relations\\.0\\.weight=2: error: .relations\\.0\\.weight.: expected a number or a distribution in \\(-1, 1\\), got 2.*2 errors in"
                validate ${PARLEY_DATA}/bad/negative_sd.yaml --set relations.0.weight=2)
parley_cli_test(good_set_relation_weight 0 "^ok: "
                validate scenarios/classroom-two-party.yaml --set relations.0.weight=-0.3)

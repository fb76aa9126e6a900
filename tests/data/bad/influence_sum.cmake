# Incoming influence into one actor sums to 1.25 (must stay below 1).
parley_cli_test(bad_influence_sum 2 "influence_sum\\.yaml:13:5: error: influence into .a. is ill-posed: expected the sum of \\|weight\\| over its incoming relations \\(from b, c\\) to stay below 1, got 1\\.25"
                validate ${PARLEY_DATA}/bad/influence_sum.yaml)

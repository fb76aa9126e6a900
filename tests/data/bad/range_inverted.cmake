# An inverted issue range, reported once (not again at every value on the issue).
parley_cli_test(bad_range_inverted 2 "range_inverted\\.yaml:9:12: error: .issues\\.land\\.range.: range inverted: expected \\[lo, hi\\] with lo < hi, got \\[10, 0\\]\n1 error in "
                validate ${PARLEY_DATA}/bad/range_inverted.yaml)

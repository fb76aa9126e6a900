# Hostile inputs (issue 10): each is answered at once with a located error.
# The files are written by generate.py; test_bad_inputs.cpp also bounds the
# time and memory each one takes.
foreach(f stray_comma stray_space_comma stray_comma_dash stray_tag_comma)
  parley_cli_test(bad_${f} 2 "${f}\\.yaml:1:[0-9]+: error: YAML syntax error: unexpected ','"
                  validate ${PARLEY_DATA}/bad/${f}.yaml)
endforeach()
parley_cli_test(bad_long_id 2 "long_id\\.yaml:8:9: error: .actors\\.0\\.id.: expected an id of at most 64 characters, got 30000 characters"
                validate ${PARLEY_DATA}/bad/long_id.yaml)
parley_cli_test(bad_alias_bomb 2 "alias_bomb\\.yaml:8:[0-9]+: error: aliases expand the file to more than 2000000 YAML nodes"
                validate ${PARLEY_DATA}/bad/alias_bomb.yaml)
parley_cli_test(bad_self_alias 2 "self_alias\\.yaml:2:16: error: an alias refers to the list or map that contains it"
                validate ${PARLEY_DATA}/bad/self_alias.yaml)
parley_cli_test(bad_deep_nesting 2 "deep_nesting\\.yaml:3:40: error: lists and maps nested more than 64 deep"
                validate ${PARLEY_DATA}/bad/deep_nesting.yaml)
parley_cli_test(bad_huge_range 2 "huge_range\\.yaml:6:12: error: .issues\\.land\\.range.: the width hi - lo overflows"
                validate ${PARLEY_DATA}/bad/huge_range.yaml)
parley_cli_test(bad_nul_in_title 2 "nul_in_title\\.yaml:3:8: error: .title.: expected text without control characters \\(on one line\\), got U\\+0000"
                validate ${PARLEY_DATA}/bad/nul_in_title.yaml)
parley_cli_test(bad_nul_byte 2 "nul_byte\\.yaml:3:10: error: the file contains the control character U\\+0000"
                validate ${PARLEY_DATA}/bad/nul_byte.yaml)
parley_cli_test(bad_long_dangling_reference 2 "long_dangling_reference\\.yaml:12:[0-9]+: error: .*unknown source 's+\\.\\.\\.': expected one of s1"
                validate ${PARLEY_DATA}/bad/long_dangling_reference.yaml)
parley_cli_test(bad_second_document 2 "second_document\\.yaml:19:1: error: expected a single YAML document \\(one scenario\\), got 2 documents"
                validate ${PARLEY_DATA}/bad/second_document.yaml)
parley_cli_test(bad_set_huge_index 2 "--set actors\\.99999999999999999999999\\.rho=2: error: .*has no element '99999999999999999999999'"
                validate scenarios/classroom-two-party.yaml --set actors.99999999999999999999999.rho=2)
parley_cli_test(bad_endless_file 2 "/dev/zero: error: the file has more than 33554432 bytes"
                validate /dev/zero)

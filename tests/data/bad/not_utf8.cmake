# A Latin-1 byte in the title (the file is created with printf).
parley_cli_test(bad_not_utf8 2 "not_utf8\\.yaml:3:12: error: the file is not valid UTF-8: expected UTF-8 text, got the byte 0xe9"
                validate ${PARLEY_DATA}/bad/not_utf8.yaml)

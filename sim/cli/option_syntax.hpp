#pragma once
// The syntax of the command-line options that carry more than one value:
// `--vary ISSUE=LO:HI:STEPS`, `--fix ISSUE=VALUE` and `--bound ISSUE=LO:HI`.
// They become the analyses' plain structs here; whether the issue exists and
// the values fit its range is the analysis's check.

#include <string>

#include "parley/analysis/solve.hpp"
#include "parley/analysis/sweep.hpp"

namespace parley::cli {

/// Parses `ISSUE=LO:HI:STEPS`; throws InputError when malformed.
SweepAxis parse_sweep_axis(const std::string& text);

/// Parses `ISSUE=V`; throws InputError when malformed.
IssueFix parse_issue_fix(const std::string& text);

/// Parses `ISSUE=LO:HI`; throws InputError when malformed or LO >= HI.
IssueBound parse_issue_bound(const std::string& text);

}  // namespace parley::cli

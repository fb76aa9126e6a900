#pragma once
// The errors parley reports to the user in words. The CLI maps them to exit
// status 2 (bad input); anything else that escapes is an internal error
// (exit status 1).

#include <stdexcept>

namespace parley {

/// A request that does not fit the scenario (an unknown issue, a range
/// outside the range, a malformed option value, ...). Its message may
/// hold several problems, one per line.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace parley

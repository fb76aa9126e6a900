#pragma once
// Quoting the numbers and ids of a request in the analyses' messages (the
// CLI parses the request's text: sim/cli/option_syntax.cpp).

#include <charconv>
#include <string>

#include "parley/core/scenario.hpp"

namespace parley::detail {

/// A number as a user would write it, in the fewest digits that read back
/// to it: 0.25, 600, 100.0000001, 1e+300.
inline std::string number_text(double x) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, x);
  return {buffer, result.ptr};
}

/// "a, b, c": the scenario's issue ids, for "expected one of" messages.
inline std::string known_issues(const Scenario& scenario) {
  std::string known;
  for (const auto& i : scenario.issues) known += (known.empty() ? "" : ", ") + i.id;
  return known;
}

}  // namespace parley::detail

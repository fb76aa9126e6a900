#pragma once
// Reading and quoting the numbers and ids of command-line requests (--vary,
// --fix, --bound, --step, ...), shared by the analyses' input checks.

#include <charconv>
#include <cmath>
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

/// The whole text as a finite number.
inline bool parse_number(const std::string& text, double& out) {
  const char* end = text.data() + text.size();
  const auto result = std::from_chars(text.data(), end, out);
  return result.ec == std::errc() && result.ptr == end && std::isfinite(out);
}

/// "a, b, c": the scenario's issue ids, for "expected one of" messages.
inline std::string known_issues(const Scenario& scenario) {
  std::string known;
  for (const auto& i : scenario.issues) known += (known.empty() ? "" : ", ") + i.id;
  return known;
}

}  // namespace parley::detail

#include "option_syntax.hpp"

#include <charconv>
#include <cmath>

#include "parley/core/errors.hpp"

namespace parley::cli {

namespace {

// The whole text as a finite number.
bool parse_number(const std::string& text, double& out) {
  const char* end = text.data() + text.size();
  const auto result = std::from_chars(text.data(), end, out);
  return result.ec == std::errc() && result.ptr == end && std::isfinite(out);
}

}  // namespace

SweepAxis parse_sweep_axis(const std::string& text) {
  const std::string usage = "--vary: expected ISSUE=LO:HI:STEPS (e.g. army_cap=400:900:26), got '" + text + "'";
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) throw InputError(usage);
  SweepAxis axis;
  axis.issue = text.substr(0, eq);
  const std::string rest = text.substr(eq + 1);
  const auto c1 = rest.find(':');
  const auto c2 = c1 == std::string::npos ? std::string::npos : rest.find(':', c1 + 1);
  if (c2 == std::string::npos || rest.find(':', c2 + 1) != std::string::npos) throw InputError(usage);
  const std::string steps_text = rest.substr(c2 + 1);
  if (!parse_number(rest.substr(0, c1), axis.lo) || !parse_number(rest.substr(c1 + 1, c2 - c1 - 1), axis.hi)) {
    throw InputError(usage);
  }
  std::size_t steps = 0;
  const auto result = std::from_chars(steps_text.data(), steps_text.data() + steps_text.size(), steps);
  if (result.ec != std::errc() || result.ptr != steps_text.data() + steps_text.size()) throw InputError(usage);
  if (steps < 2) {
    throw InputError("--vary " + axis.issue + ": expected STEPS >= 2 (the two ends at least), got " + steps_text);
  }
  if (steps > kMaxSweepSteps) {
    throw InputError("--vary " + axis.issue + ": expected STEPS <= " + std::to_string(kMaxSweepSteps) + ", got " +
                     steps_text);
  }
  if (!(axis.lo < axis.hi)) {
    throw InputError("--vary " + axis.issue + ": expected LO < HI, got " + rest.substr(0, c2));
  }
  axis.steps = steps;
  return axis;
}

IssueFix parse_issue_fix(const std::string& text) {
  const auto eq = text.find('=');
  IssueFix fix;
  if (eq == std::string::npos || eq == 0 || !parse_number(text.substr(eq + 1), fix.value)) {
    throw InputError("--fix: expected ISSUE=VALUE (e.g. foreign_troops_ban=1), got '" + text + "'");
  }
  fix.issue = text.substr(0, eq);
  return fix;
}

IssueBound parse_issue_bound(const std::string& text) {
  const std::string usage = "--bound: expected ISSUE=LO:HI (e.g. army_cap=500:800), got '" + text + "'";
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) throw InputError(usage);
  const std::string rest = text.substr(eq + 1);
  const auto colon = rest.find(':');
  IssueBound bound;
  if (colon == std::string::npos || !parse_number(rest.substr(0, colon), bound.lo) ||
      !parse_number(rest.substr(colon + 1), bound.hi)) {
    throw InputError(usage);
  }
  bound.issue = text.substr(0, eq);
  if (!(bound.lo < bound.hi)) {
    throw InputError("--bound " + bound.issue + ": expected LO < HI (for a single value use --fix), got " + rest);
  }
  return bound;
}

}  // namespace parley::cli

#pragma once
// `parley selftest`: the analytic checks a user can verify, each an expected
// value from a closed form against what parley computes.

#include <string>
#include <vector>

namespace parley {

struct SelfCheck {
  std::string name;
  double expected = 0.0;
  double obtained = 0.0;
  double tolerance = 0.0;
  [[nodiscard]] bool passed() const;
};

/// Runs every check: one-actor logistic acceptance, a two-actor influence
/// graph, Sobol indices of the Ishigami and G functions, Morris ranking on
/// the G function, the alternating-offers game against Rubinstein's split and
/// the Nash bargaining solution's weighted split. `threads` only changes the
/// speed.
std::vector<SelfCheck> run_selftest(unsigned threads);

}  // namespace parley

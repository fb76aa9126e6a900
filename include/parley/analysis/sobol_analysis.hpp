#pragma once
// The `sobol` and `morris` analyses: Sobol indices and elementary effects of P(deal | theta) for one proposal over
// the scenario's uncertain inputs, alone or in groups.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "parley/core/scenario.hpp"
#include "parley/core/sensitivity.hpp"

namespace parley {

enum class InputGrouping : std::uint8_t {
  none,         // one index per uncertain input
  actor,        // an actor's own inputs and the weights of relations into it
  issue_group,  // position inputs by their issue's group; the rest by actor
  scenario,     // the scenario's `groups:` map; inputs in no group stand alone
};

/// Memory a Sobol analysis may use for its samples and outputs (2 GiB).
inline constexpr double kMaxSobolBytes = 2.0 * 1024 * 1024 * 1024;

struct SobolAnalysis {
  std::string proposal;
  InputGrouping grouping = InputGrouping::none;
  SobolSettings settings;
  SobolResult result;                             // indices sorted by decreasing total order
  std::vector<std::vector<std::string>> members;  // the inputs of each index, same order
  /// Second-order indices (with SobolSettings::second_order), largest first.
  std::vector<std::pair<std::pair<std::string, std::string>, double>> pairs;
};

/// Throws InputError (core/errors.hpp) for an unknown proposal or a scenario with
/// no uncertain inputs.
SobolAnalysis sobol_scenario(const Scenario& scenario, const std::string& proposal, InputGrouping grouping,
                             const SobolSettings& settings);

struct MorrisAnalysis {
  std::string proposal;
  InputGrouping grouping = InputGrouping::none;
  MorrisSettings settings;
  MorrisResult result;                            // effects sorted by decreasing mu*
  std::vector<std::vector<std::string>> members;  // the inputs of each effect, same order
};

/// Elementary-effects screening of P(deal | theta); errors as sobol_scenario.
MorrisAnalysis morris_scenario(const Scenario& scenario, const std::string& proposal, InputGrouping grouping,
                               const MorrisSettings& settings);

}  // namespace parley

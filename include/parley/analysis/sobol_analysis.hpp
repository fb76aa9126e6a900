#pragma once
// The `sobol` and `morris` analyses: Sobol indices and elementary effects of P(deal | theta) for one proposal over
// the scenario's uncertain inputs, alone or in groups.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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

/// "none", "actor", "issue-group" or "scenario": the grouping's name on the
/// command line and in the outputs.
std::string_view name_of(InputGrouping grouping);
/// The grouping named `name`, if any.
std::optional<InputGrouping> parse_input_grouping(std::string_view name);
/// Every grouping's name, in the order they are listed ("expected one of").
std::vector<std::string> input_grouping_names();

/// Memory a Sobol analysis may use for its samples and outputs (2 GiB).
inline constexpr double kMaxSobolBytes = 2.0 * 1024 * 1024 * 1024;

/// The most base samples N a Sobol analysis accepts (--base-draws).
inline constexpr std::size_t kMaxSobolBaseSamples = std::size_t{1} << 24;
/// The most replicates R (--replicates) and bootstrap resamples (--bootstrap).
inline constexpr std::size_t kMaxSobolReplicates = std::size_t{1} << 20;
inline constexpr std::size_t kMaxSobolBootstrap = 100000;
/// Replicates by default with Sobol sampling (and no bootstrap asked for):
/// bootstrapping the rows of a low-discrepancy set does not measure its
/// error; R scrambled sequences do.
inline constexpr std::size_t kSobolDefaultReplicates = 8;

/// The most trajectories a Morris screening accepts (--trajectories).
inline constexpr std::size_t kMaxMorrisTrajectories = std::size_t{1} << 20;
/// The grid levels P a Morris screening accepts (--levels): even, so that
/// each step jumps P/2 levels.
inline constexpr std::array<std::size_t, 8> kMorrisLevels = {2, 4, 6, 8, 10, 12, 16, 20};

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

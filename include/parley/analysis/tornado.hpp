#pragma once
// The `tornado` analysis: each uncertain input set to its 5% and 95%
// quantile, one at a time, the others drawn as usual; the swing in P(deal).

#include <cstddef>
#include <string>
#include <vector>

#include "parley/core/engine.hpp"
#include "parley/core/scenario.hpp"
#include "parley/core/statistics.hpp"

namespace parley {

struct TornadoBar {
  std::string input;        // the input's path, e.g. actors.ukraine.reservation
  double low_value = 0.0;   // the input at its low quantile (file units)
  double high_value = 0.0;  // ... at its high quantile
  Estimate low, high;       // P(deal) with the input held there
  double swing = 0.0;       // high.mean - low.mean
};

struct TornadoResult {
  std::string proposal;
  double low_quantile = 0.05;
  double high_quantile = 0.95;
  std::uint64_t seed = 0;
  std::uint64_t draws = 0;
  Estimate deal;  // P(deal) with every input drawn
  /// One bar per uncertain input, by decreasing |swing| (file order on ties).
  std::vector<TornadoBar> bars;
};

/// Throws InputError (core/errors.hpp) for an unknown proposal or a scenario with
/// no uncertain inputs. Every run uses the same draws (common random numbers).
TornadoResult tornado_scenario(const Scenario& scenario, const std::string& proposal,
                               const SimulationSettings& settings, double low_quantile = 0.05,
                               double high_quantile = 0.95);

}  // namespace parley

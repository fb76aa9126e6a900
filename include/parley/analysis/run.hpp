#pragma once
// The `run` analysis: acceptance per actor and P(deal) for each proposal.

#include <cstdint>
#include <string>
#include <vector>

#include "parley/core/engine.hpp"
#include "parley/core/scenario.hpp"
#include "parley/core/statistics.hpp"

namespace parley {

struct ActorResult {
  std::string id;
  Estimate accept;
};

struct ProposalResult {
  std::string id, label;
  Estimate deal;
  double deal_q05 = 0.0, deal_q50 = 0.0, deal_q95 = 0.0;  // spread of P(deal | theta)
  Estimate support;
  std::vector<ActorResult> actors;
};

struct RunResult {
  std::uint64_t seed = 0;
  std::uint64_t draws = 0;
  std::size_t uncertain_inputs = 0;
  std::vector<ProposalResult> proposals;
};

struct RunSettings {
  SimulationSettings simulation;
  std::vector<std::size_t> proposals;  // indices into Scenario::proposals; empty: all
};

RunResult run_scenario(const Scenario& scenario, const RunSettings& settings);

}  // namespace parley

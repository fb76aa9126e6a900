#include "parley/analysis/run.hpp"

#include "parley/core/model.hpp"

namespace parley {

RunResult run_scenario(const Scenario& scenario, const RunSettings& settings) {
  const Model model(scenario);
  std::vector<std::size_t> chosen = settings.proposals;
  if (chosen.empty()) {
    for (std::size_t p = 0; p < scenario.proposals.size(); ++p) chosen.push_back(p);
  }
  std::vector<Package> packages;
  packages.reserve(chosen.size());
  for (std::size_t p : chosen) packages.push_back(model.package(scenario.proposals[p].terms));

  const SimulationSummary summary = simulate(model, packages, settings.simulation);

  RunResult result;
  result.seed = settings.simulation.seed;
  result.draws = settings.simulation.draws;
  result.uncertain_inputs = model.input_count();
  for (std::size_t c = 0; c < chosen.size(); ++c) {
    const Proposal& proposal = scenario.proposals[chosen[c]];
    const PackageAccumulator& acc = summary.packages[c];
    ProposalResult r;
    r.id = proposal.id;
    r.label = proposal.label;
    r.deal = estimate_of(acc.deal);
    r.deal_q05 = acc.deal_spread.quantile(0.05);
    r.deal_q50 = acc.deal_spread.quantile(0.50);
    r.deal_q95 = acc.deal_spread.quantile(0.95);
    r.support = estimate_of(acc.support);
    for (std::size_t i = 0; i < scenario.actors.size(); ++i) {
      r.actors.push_back({scenario.actors[i].id, estimate_of(acc.accept[i])});
    }
    result.proposals.push_back(std::move(r));
  }
  return result;
}

}  // namespace parley

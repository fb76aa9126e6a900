#include <algorithm>
#include <map>
#include <numeric>

#include "parley/model.hpp"
#include "parley/sobol_analysis.hpp"
#include "parley/sweep.hpp"

namespace parley {

SobolAnalysis sobol_scenario(const Scenario& scenario, const std::string& proposal, InputGrouping grouping,
                             const SobolSettings& settings) {
  const auto index = scenario.find_proposal(proposal);
  if (!index) {
    std::string known;
    for (const auto& p : scenario.proposals) known += (known.empty() ? "" : ", ") + p.id;
    throw InputError("--proposal: unknown proposal '" + proposal + "': expected one of " + known);
  }
  const Model model(scenario);
  const std::size_t d = model.input_count();
  if (d == 0) {
    throw InputError(
        "sobol: the scenario has no uncertain inputs: expected at least one parameter given as a "
        "distribution");
  }
  if (settings.sampling == BaseSampling::sobol && 2 * d > 3667) {
    throw InputError("sobol: " + std::to_string(d) +
                     " uncertain inputs are more than the Sobol sequence's 1833: use --sampling philox");
  }

  // Groups in order of first appearance of their key.
  std::vector<std::vector<std::size_t>> groups;
  std::vector<std::string> names;
  std::vector<std::vector<std::string>> members;
  std::map<std::string, std::size_t> slot;
  for (std::size_t i = 0; i < d; ++i) {
    const UncertainInput& input = model.inputs()[i];
    std::string key = input.path;
    if (grouping == InputGrouping::actor) {
      key = scenario.actors[input.actor].id;
    } else if (grouping == InputGrouping::issue_group) {
      key = input.issue_group.empty() ? "actor " + scenario.actors[input.actor].id : "group " + input.issue_group;
    }
    auto [at, inserted] = slot.emplace(key, groups.size());
    if (inserted) {
      groups.emplace_back();
      names.push_back(key);
      members.emplace_back();
    }
    groups[at->second].push_back(i);
    members[at->second].push_back(input.path);
  }

  const std::vector<Package> package = {model.package(scenario.proposals[*index].terms)};
  CubeFunction f;
  f.dimensions = d;
  f.evaluate = [&model, &package, d](std::span<const double> points, std::span<double> out) {
    DrawParameters theta;
    Evaluation e;
    for (std::size_t k = 0; k < out.size(); ++k) {
      model.realize(points.subspan(k * d, d), theta);
      model.evaluate(theta, package, e);
      out[k] = e.deal(0);
    }
  };
  SobolAnalysis analysis;
  analysis.proposal = proposal;
  analysis.grouping = grouping;
  analysis.settings = settings;
  SobolResult result = sobol_indices(f, groups, names, settings);

  // Largest total-order index first (file order on ties).
  std::vector<std::size_t> order(result.indices.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return result.indices[a].total > result.indices[b].total; });
  analysis.result = result;
  analysis.result.indices.clear();
  for (std::size_t g : order) {
    analysis.result.indices.push_back(result.indices[g]);
    analysis.members.push_back(members[g]);
  }
  return analysis;
}

}  // namespace parley

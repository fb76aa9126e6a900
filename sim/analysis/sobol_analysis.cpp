#include <algorithm>
#include <map>
#include <memory>
#include <numeric>
#include <optional>

#include "parley/analysis/lookup.hpp"
#include "parley/analysis/sobol_analysis.hpp"
#include "parley/core/engine.hpp"
#include "parley/core/model.hpp"

namespace parley {

namespace {

// What both analyses need: the model, the proposal's package, the groups.
struct Setup {
  std::unique_ptr<Model> model;
  std::vector<Package> package;
  std::vector<std::vector<std::size_t>> groups;
  std::vector<std::string> names;
  std::vector<std::vector<std::string>> members;
};

Setup prepare(const Scenario& scenario, const std::string& proposal, InputGrouping grouping, const char* command) {
  const std::optional<std::size_t> index = require_proposal(scenario, proposal);
  Setup setup;
  setup.model = std::make_unique<Model>(scenario);
  const Model& model = *setup.model;
  const std::size_t d = model.input_count();
  if (d == 0) {
    throw InputError(std::string(command) +
                     ": the scenario has no uncertain inputs: expected at least one parameter given as a "
                     "distribution");
  }
  if (grouping == InputGrouping::scenario && scenario.groups.empty()) {
    throw InputError(std::string(command) +
                     ": --group scenario: the scenario defines no 'groups:': expected a map from group names to "
                     "input paths");
  }
  std::map<std::string, std::string> group_of;  // input path -> name, for --group scenario
  for (const auto& [name, paths] : scenario.groups) {
    for (const auto& path : paths) group_of[path] = name;
  }
  // Groups in order of first appearance of their key.
  std::map<std::string, std::size_t> slot;
  for (std::size_t i = 0; i < d; ++i) {
    const UncertainInput& input = model.inputs()[i];
    std::string key = input.path;
    switch (grouping) {
      case InputGrouping::none:
        break;
      case InputGrouping::actor:
        key = scenario.actors[input.actor].id;
        break;
      case InputGrouping::issue_group:
        key = input.issue_group.empty() ? "actor " + scenario.actors[input.actor].id : "group " + input.issue_group;
        break;
      case InputGrouping::scenario:
        if (const auto found = group_of.find(input.path); found != group_of.end()) key = "group " + found->second;
        break;
    }
    auto [at, inserted] = slot.emplace(key, setup.groups.size());
    if (inserted) {
      setup.groups.emplace_back();
      setup.names.push_back(key);
      setup.members.emplace_back();
    }
    setup.groups[at->second].push_back(i);
    setup.members[at->second].push_back(input.path);
  }
  setup.package = {model.package(scenario.proposals[*index].terms)};
  return setup;
}

// P(deal | theta) at each draw, in draw order: merging appends.
struct DealValues {
  std::vector<double> values;
  void add(const DrawBatch& batch) {
    for (std::size_t b = 0; b < batch.size; ++b) values.push_back(batch.evaluation->deal(0, b));
  }
  void merge(const DealValues& other) { values.insert(values.end(), other.values.begin(), other.values.end()); }
};

// P(deal | theta) as a function of the unit cube: the engine evaluates the
// design's points as draws (the same numbers as Model::evaluate). The design
// is already split over the threads, so each call runs on its own thread.
CubeFunction deal_function(const Setup& setup) {
  CubeFunction f;
  const Model* model = setup.model.get();
  const std::vector<Package>* package = &setup.package;
  const std::size_t d = model->input_count();
  f.dimensions = d;
  f.evaluate = [model, package, d](std::span<const double> points, std::span<double> out) {
    const Engine engine(1);
    const DealValues deals =
        engine.run(DrawPoints::from_rows(points, d), out.size(), DealValues{}, Evaluated{*model, *package}, out.size());
    std::copy(deals.values.begin(), deals.values.end(), out.begin());
  };
  return f;
}

}  // namespace

SobolAnalysis sobol_scenario(const Scenario& scenario, const std::string& proposal, InputGrouping grouping,
                             const SobolSettings& settings) {
  const Setup setup = prepare(scenario, proposal, grouping, "sobol");
  const std::size_t d = setup.model->input_count();
  if (settings.sampling == BaseSampling::sobol && 2 * d > 3667) {
    throw InputError("sobol: " + std::to_string(d) +
                     " uncertain inputs are more than the Sobol sequence's 1833: use --sampling philox");
  }
  const std::size_t n = settings.base_samples;
  const std::size_t r = settings.replicates;
  if (r == 0 || n % r != 0 || n / r < 2) {
    const std::size_t below = r == 0 ? 0 : n / r * r;
    throw InputError("sobol: --base-draws " + std::to_string(n) + " with --replicates " + std::to_string(r) +
                     ": expected a multiple of the replicates with at least 2 base draws each (e.g. " +
                     std::to_string(std::max(2 * r, below)) + ")");
  }
  // Memory: one output per (matrix, row), held twice while it is reordered
  // by matrix, and the Sobol sequence's 2 x d 32-bit words a row.
  const double matrices = static_cast<double>(setup.groups.size() * (settings.second_order ? 2 : 1) + 2);
  const double bytes = static_cast<double>(settings.base_samples) *
                       (2.0 * matrices * sizeof(double) + static_cast<double>(2 * d) * sizeof(std::uint32_t));
  if (bytes > kMaxSobolBytes) {
    throw InputError("sobol: --base-draws " + std::to_string(settings.base_samples) + " with " + std::to_string(d) +
                     " inputs would need about " + std::to_string(static_cast<long>(bytes / (1 << 20))) +
                     " MiB: expected fewer base draws (at most " +
                     std::to_string(static_cast<long>(kMaxSobolBytes / (1 << 20))) + " MiB)");
  }
  const auto& groups = setup.groups;
  const auto& names = setup.names;
  const auto& members = setup.members;
  const CubeFunction f = deal_function(setup);
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
  for (const SobolPair& pair : result.pairs) {
    analysis.pairs.push_back({{result.indices[pair.first].name, result.indices[pair.second].name}, pair.value});
  }
  std::stable_sort(analysis.pairs.begin(), analysis.pairs.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  analysis.result = result;
  analysis.result.pairs.clear();
  analysis.result.indices.clear();
  for (std::size_t g : order) {
    analysis.result.indices.push_back(result.indices[g]);
    analysis.members.push_back(members[g]);
  }
  return analysis;
}

MorrisAnalysis morris_scenario(const Scenario& scenario, const std::string& proposal, InputGrouping grouping,
                               const MorrisSettings& settings) {
  const Setup setup = prepare(scenario, proposal, grouping, "morris");
  const MorrisResult result = morris_effects(deal_function(setup), setup.groups, setup.names, settings);
  std::vector<std::size_t> order(result.effects.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return result.effects[a].mu_star > result.effects[b].mu_star; });
  MorrisAnalysis analysis;
  analysis.proposal = proposal;
  analysis.grouping = grouping;
  analysis.settings = settings;
  analysis.result.evaluations = result.evaluations;
  for (std::size_t k : order) {
    analysis.result.effects.push_back(result.effects[k]);
    analysis.members.push_back(setup.members[k]);
  }
  return analysis;
}

}  // namespace parley

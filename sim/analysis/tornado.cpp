#include "parley/analysis/lookup.hpp"
#include "parley/analysis/tornado.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "parley/core/model.hpp"

namespace parley {

TornadoResult tornado_scenario(const Scenario& scenario, const std::string& proposal,
                               const SimulationSettings& settings, double low_quantile, double high_quantile) {
  const std::optional<std::size_t> index = require_proposal(scenario, proposal);
  const Model model(scenario);
  if (model.input_count() == 0) {
    throw InputError(
        "tornado: the scenario has no uncertain inputs: expected at least one parameter given as a "
        "distribution");
  }
  const std::vector<Package> package = {model.package(scenario.proposals[*index].terms)};
  SimulationSettings base = settings;
  base.deal_quantiles = false;
  base.pinned.clear();
  // One progress bar for the whole analysis: 1 + 2 runs per input.
  const std::uint64_t runs = 1 + 2 * model.input_count();
  std::uint64_t run = 0;
  auto progress_of = [&](std::uint64_t offset) {
    ProgressCallback callback;
    if (settings.progress) {
      callback = [&, offset](std::uint64_t done, std::uint64_t total) {
        settings.progress(offset * total + done, runs * total);
      };
    }
    return callback;
  };

  TornadoResult result;
  result.proposal = proposal;
  result.low_quantile = low_quantile;
  result.high_quantile = high_quantile;
  result.seed = settings.seed;
  result.draws = settings.draws;
  base.progress = progress_of(run++);
  result.deal = estimate_of(simulate(model, package, base).packages[0].deal);
  for (std::size_t d = 0; d < model.input_count(); ++d) {
    const UncertainInput& input = model.inputs()[d];
    TornadoBar bar;
    bar.input = input.path;
    bar.low_value = input.quantile(low_quantile);
    bar.high_value = input.quantile(high_quantile);
    SimulationSettings pinned = base;
    pinned.pinned = {{d, low_quantile}};
    pinned.progress = progress_of(run++);
    bar.low = estimate_of(simulate(model, package, pinned).packages[0].deal);
    pinned.pinned = {{d, high_quantile}};
    pinned.progress = progress_of(run++);
    bar.high = estimate_of(simulate(model, package, pinned).packages[0].deal);
    bar.swing = bar.high.mean - bar.low.mean;
    result.bars.push_back(std::move(bar));
  }
  std::stable_sort(result.bars.begin(), result.bars.end(),
                   [](const TornadoBar& a, const TornadoBar& b) { return std::fabs(a.swing) > std::fabs(b.swing); });
  return result;
}

}  // namespace parley

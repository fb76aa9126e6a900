// Benchmarks of the analyses of issue 3 on the reports' scenario, each with a
// straightforward baseline measured in the same run:
// - a 2-D sweep of 41 x 41 points with 20,000 draws each, against evaluating
//   the points one after the other, each with its own simulation (what one
//   would write without common random numbers in one pass);
// - Sobol indices with 2^14 base samples over all uncertain inputs, against
//   the same estimator fed by the draw-by-draw model (Model::realize +
//   Model::evaluate per point) instead of the batched one.

#include <benchmark/benchmark.h>

#include <string>

#include "parley/analysis/sobol_analysis.hpp"
#include "parley/analysis/sweep.hpp"
#include "parley/core/batch.hpp"
#include "parley/core/engine.hpp"
#include "parley/core/model.hpp"
#include "parley/core/sensitivity.hpp"
#include "parley/io/scenario_loader.hpp"

namespace {

const parley::Scenario& reports() {
  static const parley::Scenario s =
      parley::load_scenario_file(std::string(PARLEY_SOURCE_DIR) + "/scenarios/ukraine-28-point-2025-11.yaml");
  return s;
}

constexpr std::uint64_t kSweepDraws = 20000;

// The whole 41 x 41 grid on common random numbers, in one pass of the engine.
void analysis_sweep_41x41(benchmark::State& state) {
  const auto threads = static_cast<unsigned>(state.range(0));
  const std::vector<parley::SweepAxis> axes = {{"donbas_withdrawal", 0.0, 1.0, 41},
                                               {"security_guarantee", 0.0, 1.0, 41}};
  parley::SimulationSettings settings;
  settings.draws = kSweepDraws;
  settings.seed = 1;
  settings.threads = threads;
  for (auto _ : state) {
    benchmark::DoNotOptimize(parley::sweep_scenario(reports(), "us_28_point_draft", axes, settings));
  }
  // Rate in point-draws (one package evaluated on one draw).
  state.counters["point_draws_per_second"] =
      benchmark::Counter(static_cast<double>(41 * 41 * kSweepDraws), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(analysis_sweep_41x41)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// Baseline: one grid row (41 points), each point simulated on its own, one
// thread; the rate extrapolates to the grid.
void analysis_sweep_baseline_point_by_point(benchmark::State& state) {
  const parley::Scenario& s = reports();
  const parley::Model model(s);
  const auto proposal = *s.find_proposal("us_28_point_draft");
  const auto issue = *s.find_issue("donbas_withdrawal");
  parley::SimulationSettings settings;
  settings.draws = kSweepDraws;
  settings.seed = 1;
  for (auto _ : state) {
    for (int k = 0; k < 41; ++k) {
      std::vector<double> terms = s.proposals[proposal].terms;
      terms[issue] = k / 40.0;
      const std::vector<parley::Package> one = {model.package(terms)};
      benchmark::DoNotOptimize(parley::simulate(model, one, settings));
    }
  }
  state.counters["point_draws_per_second"] =
      benchmark::Counter(static_cast<double>(41 * kSweepDraws), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(analysis_sweep_baseline_point_by_point)->Unit(benchmark::kMillisecond)->UseRealTime();

// Sobol indices, 2^14 base samples, every uncertain input its own index.
void analysis_sobol_2e14(benchmark::State& state) {
  parley::SobolSettings settings;
  settings.base_samples = 1 << 14;
  settings.threads = static_cast<unsigned>(state.range(0));
  settings.bootstrap = 200;
  std::size_t evaluations = 0;
  for (auto _ : state) {
    const auto a = parley::sobol_scenario(reports(), "us_28_point_draft", parley::InputGrouping::none, settings);
    evaluations = a.result.evaluations;
    benchmark::DoNotOptimize(a);
  }
  state.counters["evaluations_per_second"] =
      benchmark::Counter(static_cast<double>(evaluations), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(analysis_sobol_2e14)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// Baseline: the same estimator and bootstrap, fed point by point through the
// draw-by-draw model, one thread.
void analysis_sobol_baseline_draw_by_draw(benchmark::State& state) {
  const parley::Scenario& s = reports();
  const parley::Model model(s);
  const std::vector<parley::Package> package = {
      model.package(s.proposals[*s.find_proposal("us_28_point_draft")].terms)};
  const std::size_t d = model.input_count();
  parley::CubeFunction f;
  f.dimensions = d;
  f.evaluate = [&](std::span<const double> points, std::span<double> out) {
    parley::DrawParameters theta;
    parley::Evaluation e;
    for (std::size_t k = 0; k < out.size(); ++k) {
      model.realize(points.subspan(k * d, d), theta);
      model.evaluate(theta, package, e);
      out[k] = e.deal(0);
    }
  };
  std::vector<std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < d; ++i) groups.push_back({i});
  parley::SobolSettings settings;
  settings.base_samples = 1 << 14;
  settings.bootstrap = 200;
  for (auto _ : state) benchmark::DoNotOptimize(parley::sobol_indices(f, groups, {}, settings));
  state.counters["evaluations_per_second"] =
      benchmark::Counter(static_cast<double>((1 << 14) * (d + 2)), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(analysis_sobol_baseline_draw_by_draw)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

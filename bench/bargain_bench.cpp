// Benchmarks of `bargain` (issue 4) on the reports' scenario, with the
// static model's `run` on the same scenario measured in the same run as the
// yardstick: a 20-round game costs at most 20 evaluations of one package per
// draw (mediated) or a backward induction with a compass search per round
// (alternating).

#include <benchmark/benchmark.h>

#include <string>

#include "parley/analysis/bargain.hpp"
#include "parley/analysis/run.hpp"
#include "parley/io/scenario_loader.hpp"

namespace {

const parley::Scenario& reports() {
  static const parley::Scenario s =
      parley::load_scenario_file(std::string(PARLEY_SOURCE_DIR) + "/scenarios/ukraine-28-point-2025-11.yaml");
  return s;
}

void bargain(benchmark::State& state, parley::BargainingProtocol protocol, std::uint64_t draws) {
  parley::BargainSettings settings;
  settings.protocol = protocol;
  settings.rounds = 20;
  settings.proposal = *reports().find_proposal("us_28_point_draft");
  settings.simulation.draws = draws;
  settings.simulation.seed = 1;
  settings.simulation.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(parley::bargain_scenario(reports(), settings));
  state.counters["draws_per_second"] =
      benchmark::Counter(static_cast<double>(draws), benchmark::Counter::kIsIterationInvariantRate);
}

void bargain_mediated_20_rounds(benchmark::State& state) {
  bargain(state, parley::BargainingProtocol::mediated, 100000);
}
BENCHMARK(bargain_mediated_20_rounds)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void bargain_alternating_20_rounds(benchmark::State& state) {
  bargain(state, parley::BargainingProtocol::alternating, 500);
}
BENCHMARK(bargain_alternating_20_rounds)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// The yardstick: `run` of the same starting proposal (one package per draw).
void bargain_yardstick_run_one_proposal(benchmark::State& state) {
  parley::RunSettings settings;
  settings.proposals = {*reports().find_proposal("us_28_point_draft")};
  settings.simulation.draws = 100000;
  settings.simulation.seed = 1;
  settings.simulation.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(parley::run_scenario(reports(), settings));
  state.counters["draws_per_second"] =
      benchmark::Counter(static_cast<double>(settings.simulation.draws), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(bargain_yardstick_run_one_proposal)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

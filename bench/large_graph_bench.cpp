// Large sparse influence graphs (issue 9, point 5): `run` and a 20-round
// mediated `bargain` on the scenarios bench/large_scenario.py writes, with
// uncertain edge weights (so the influence system changes with every draw):
// N actors, 50 issues, 10 positions per actor, 3 incoming edges per actor
// (|w| sums below 0.6), 6 veto actors, 3 proposals, for N = 100, 300, 1,000
// and 3,000. The scenario is generated and loaded before timing (loading
// 3,000 actors takes seconds), and so is the Model for `run`; `bargain`
// includes building its game (no factorisation on the sparse path).
//
//   large_graph/run/actors:N               parley::simulate, 4096 draws (one chunk), 1 thread
//   large_graph/bargain_mediated/actors:N  parley::bargain_scenario, 20 rounds, 1024 draws, 1 thread
//
// draws_per_second is per thread; bench/README.md ("Large sparse graphs")
// turns them into the growth table (ratios to the 100-actor figure).

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "parley/analysis/bargain.hpp"
#include "parley/core/engine.hpp"
#include "parley/core/model.hpp"
#include "parley/io/scenario_loader.hpp"

#ifndef PARLEY_SOURCE_DIR
#error "PARLEY_SOURCE_DIR must name the source tree (set by bench/CMakeLists.txt)"
#endif

namespace {

constexpr std::size_t kIssues = 50;
constexpr std::size_t kEdgesPerActor = 3;

// The generator's output for `actors` (deterministic: the same bytes every time).
std::string generated_yaml(std::size_t actors) {
  const std::string command = "python3 " + std::string(PARLEY_SOURCE_DIR) + "/bench/large_scenario.py --actors " +
                              std::to_string(actors) + " --issues " + std::to_string(kIssues) + " --edges " +
                              std::to_string(kEdgesPerActor * actors) + " --uncertain-weights";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  if (!pipe) throw std::runtime_error("cannot run: " + command);
  std::string text;
  char buffer[65536];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0) text.append(buffer, got);
  if (text.empty()) throw std::runtime_error("no output from: " + command);
  return text;
}

// One scenario per size, its Model and packages, built on first use.
struct Large {
  parley::Scenario scenario;
  std::unique_ptr<parley::Model> model;
  std::vector<parley::Package> packages;
};

const Large& large(std::size_t actors) {
  static std::map<std::size_t, std::unique_ptr<Large>> cache;
  auto& slot = cache[actors];
  if (!slot) {
    slot = std::make_unique<Large>();
    slot->scenario = parley::load_scenario_text(generated_yaml(actors), "large_scenario.py");
    slot->model = std::make_unique<parley::Model>(slot->scenario);
    for (const auto& p : slot->scenario.proposals) slot->packages.push_back(slot->model->package(p.terms));
  }
  return *slot;
}

void large_run(benchmark::State& state, std::size_t actors) {
  const Large& l = large(actors);
  parley::SimulationSettings settings;
  settings.draws = parley::kChunkSize;
  settings.seed = 1;
  settings.threads = 1;
  for (auto _ : state) {
    const parley::SimulationSummary summary = parley::simulate(*l.model, l.packages, settings);
    benchmark::DoNotOptimize(summary.packages.data());
  }
  state.counters["draws_per_second"] =
      benchmark::Counter(static_cast<double>(settings.draws), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["sparse"] = l.model->influence().sparse() ? 1.0 : 0.0;
}

void large_bargain(benchmark::State& state, std::size_t actors) {
  const Large& l = large(actors);
  parley::BargainSettings settings;
  settings.protocol = parley::BargainingProtocol::mediated;
  settings.rounds = 20;
  settings.proposal = 0;
  settings.simulation.draws = 1024;
  settings.simulation.seed = 1;
  settings.simulation.threads = 1;
  for (auto _ : state) benchmark::DoNotOptimize(parley::bargain_scenario(l.scenario, settings));
  state.counters["draws_per_second"] =
      benchmark::Counter(static_cast<double>(settings.simulation.draws), benchmark::Counter::kIsIterationInvariantRate);
}

const bool registered = [] {
  for (const std::size_t actors : {100, 300, 1000, 3000}) {
    const std::string suffix = "/actors:" + std::to_string(actors);
    benchmark::RegisterBenchmark(("large_graph/run" + suffix).c_str(), large_run, actors)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark(("large_graph/bargain_mediated" + suffix).c_str(), large_bargain, actors)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  }
  return true;
}();

}  // namespace

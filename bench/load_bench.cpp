// Loading a large scenario (issue 9, point 5): the text of the synthetic
// scenario of bench/large_scenario.py (actors with 10 uncertain positions
// each, 3 uncertain incoming relations per actor, 50 issues, 3 proposals),
// generated here in memory, parsed and validated by load_scenario_text. The
// argument is the number of actors; 1,000 is the 20,000-line file of the
// issue. Wall time, one thread: the loader is serial.

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "parley/io/scenario_loader.hpp"

namespace {

std::string large_scenario(std::size_t actors) {
  constexpr std::size_t kIssues = 50;
  constexpr std::size_t kPositions = 10;
  constexpr std::size_t kIncoming = 3;
  std::string text = "parley: 1\ntitle: \"Synthetic\"\nsources:\n  - id: gen\nissues:\n";
  for (std::size_t i = 0; i < kIssues; ++i) text += fmt::format("  - id: i{}\n    range: [0, 1]\n", i);
  text += "actors:\n";
  for (std::size_t a = 0; a < actors; ++a) {
    text += fmt::format("  - id: a{}\n    veto: {}\n    capability: {}\n", a, a < 6 ? "true" : "false",
                        1.0 + static_cast<double>(a % 5) * 0.5);
    text += "    reservation: {dist: uniform, low: 0.25, high: 0.35}\n    positions:\n";
    for (std::size_t j = 0; j < kPositions; ++j) {
      text += fmt::format(
          "      i{}: {{ideal: {{dist: normal, mean: 0.{}, sd: 0.05}}, salience: {{dist: uniform, low: 0.5, high: "
          "1.5}}, source: gen}}\n",
          (a + j * (kIssues / kPositions)) % kIssues, 1 + (a + j) % 8);
    }
  }
  text += "relations:\n";
  for (std::size_t to = 0; to < actors; ++to) {
    for (std::size_t r = 1; r <= kIncoming; ++r) {
      text += fmt::format(
          "  - {{from: a{}, to: a{}, weight: {{dist: uniform, low: {}, high: {}}}, kind: trust, "
          "source: gen}}\n",
          (to + r * 7) % actors, to, r == 3 ? "-0.19" : "0.02", r == 3 ? "-0.02" : "0.19");
    }
  }
  text += "proposals:\n";
  for (std::size_t p = 0; p < 3; ++p) {
    text += fmt::format("  - id: p{}\n    terms:\n", p);
    for (std::size_t i = 0; i < kIssues; ++i) text += fmt::format("      i{}: 0.5\n", i);
  }
  return text;
}

void load_large_scenario(benchmark::State& state) {
  const std::string text = large_scenario(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    const parley::Scenario s = parley::load_scenario_text(text, "large.yaml");
    benchmark::DoNotOptimize(s.relations.data());
  }
  state.counters["lines"] = static_cast<double>(std::count(text.begin(), text.end(), '\n'));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

}  // namespace

BENCHMARK(load_large_scenario)->Arg(100)->Arg(300)->Arg(1000)->Arg(3000)->Unit(benchmark::kMillisecond)->UseRealTime();

#pragma once
// Result formats: a table for the terminal, JSON and CSV for machines. Every
// one carries the HYPOTHETICAL label, the tool's version, the seed and draws.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "parley/actor_graph.hpp"
#include "parley/bargain.hpp"
#include "parley/explain.hpp"
#include "parley/run.hpp"
#include "parley/scenario.hpp"
#include "parley/sobol_analysis.hpp"
#include "parley/solve.hpp"
#include "parley/sweep.hpp"
#include "parley/tornado.hpp"

namespace parley {

inline constexpr const char* kDisclaimer =
    "HYPOTHETICAL \xe2\x80\x94 model output from the stated assumptions; not a prediction.";

/// Version of the JSON and CSV layouts documented in docs/outputs.md.
inline constexpr int kOutputSchema = 1;

/// Fields every JSON output starts with: tool, version, disclaimer, command,
/// scenario {title, file}, seed, draws.
nlohmann::ordered_json json_header(const Scenario& scenario, const std::string& command, std::uint64_t seed,
                                   std::uint64_t draws);

/// The leading `#` comment line of every CSV output.
std::string csv_header(const Scenario& scenario, const std::string& command, std::uint64_t seed, std::uint64_t draws);

std::string run_table(const Scenario& scenario, const RunResult& result);
nlohmann::ordered_json run_json(const Scenario& scenario, const RunResult& result);
std::string run_csv(const Scenario& scenario, const RunResult& result);

std::string sweep_table(const Scenario& scenario, const SweepResult& result);
nlohmann::ordered_json sweep_json(const Scenario& scenario, const SweepResult& result);
std::string sweep_csv(const Scenario& scenario, const SweepResult& result);

std::string tornado_table(const Scenario& scenario, const TornadoResult& result);
nlohmann::ordered_json tornado_json(const Scenario& scenario, const TornadoResult& result);
std::string tornado_csv(const Scenario& scenario, const TornadoResult& result);

std::string sobol_table(const Scenario& scenario, const SobolAnalysis& analysis);
nlohmann::ordered_json sobol_json(const Scenario& scenario, const SobolAnalysis& analysis);
std::string sobol_csv(const Scenario& scenario, const SobolAnalysis& analysis);

std::string morris_table(const Scenario& scenario, const MorrisAnalysis& analysis);
nlohmann::ordered_json morris_json(const Scenario& scenario, const MorrisAnalysis& analysis);
std::string morris_csv(const Scenario& scenario, const MorrisAnalysis& analysis);

/// The bargaining game over the draws; with a traced draw, its rounds in words
/// (table) or in full (JSON, under "trace").
std::string bargain_table(const Scenario& scenario, const BargainResult& result);
nlohmann::ordered_json bargain_json(const Scenario& scenario, const BargainResult& result);
std::string bargain_csv(const Scenario& scenario, const BargainResult& result);

std::string solve_table(const Scenario& scenario, const SolveResult& result);
nlohmann::ordered_json solve_json(const Scenario& scenario, const SolveResult& result);
std::string solve_csv(const Scenario& scenario, const SolveResult& result);

std::string explain_table(const Scenario& scenario, const Explanation& explanation);
nlohmann::ordered_json explain_json(const Scenario& scenario, const Explanation& explanation);
std::string explain_csv(const Scenario& scenario, const Explanation& explanation);

std::string graph_table(const Scenario& scenario, const ActorGraph& graph);
nlohmann::ordered_json graph_json(const Scenario& scenario, const ActorGraph& graph);
std::string graph_csv(const Scenario& scenario, const ActorGraph& graph);
/// Graphviz DOT (written by Boost.Graph's write_graphviz), preceded by `//`
/// comment lines with the label, the tool's version and the scenario.
std::string graph_dot(const Scenario& scenario, const ActorGraph& graph);

/// The scenario as a reader sees it (`parley validate --explain`): title, as
/// of, sources; each actor's positions (issue, ideal with unit, salience,
/// quote and source); and every value a note marks as an assumption
/// ("assumption: ..."), by its path. Plain text wrapped to `width` columns
/// (at least 40), with the HYPOTHETICAL label.
std::string scenario_explanation(const Scenario& scenario, std::size_t width);

/// A probability estimate as {mean, se, ci95: [lo, hi]}.
nlohmann::ordered_json estimate_json(const Estimate& e);

}  // namespace parley

#pragma once
// The actor graph (`graph`) as a table, JSON, CSV and Graphviz DOT.

#include <nlohmann/json.hpp>
#include <string>

#include "parley/core/actor_graph.hpp"
#include "parley/core/scenario.hpp"
#include "parley/report/common.hpp"

namespace parley {

std::string graph_table(const Scenario& scenario, const ActorGraph& graph);
nlohmann::ordered_json graph_json(const Scenario& scenario, const ActorGraph& graph);
std::string graph_csv(const Scenario& scenario, const ActorGraph& graph);
/// Graphviz DOT (written by Boost.Graph's write_graphviz), preceded by `//`
/// comment lines with the label, the tool's version and the scenario.
std::string graph_dot(const Scenario& scenario, const ActorGraph& graph);

}  // namespace parley

// `parley graph FILE`: the actor graph as Graphviz DOT (default), or its
// centrality figures as a table, JSON or CSV.

#include <memory>

#include "commands.hpp"
#include "parley/core/actor_graph.hpp"
#include "parley/report/graph_report.hpp"

namespace parley::cli {

namespace {
struct GraphOptions {
  std::string format = "dot";  // its own default: the shared --format defaults to table
};
}  // namespace

Command add_graph_command(CLI::App& app, CommonOptions& common) {
  auto options = std::make_shared<GraphOptions>();
  CLI::App* cmd =
      app.add_subcommand("graph", "The actor graph as Graphviz DOT, with betweenness and incoming influence per actor");
  add_scenario_options(*cmd, common);
  const std::vector<std::string> formats = {"dot", "table", "json", "csv"};
  value_in_words(*cmd,
                 cmd->add_option("--format", options->format, "Output format (dot: Graphviz)")->check(one_of(formats)),
                 "F", or_list(formats));
  value_in_words(*cmd,
                 cmd->add_option("--out", common.out, "Write the output to FILE (atomically) instead of stdout")
                     ->check(non_empty()),
                 "FILE");
  return {cmd, [&common, options] {
            const Scenario s = load(common);
            const ActorGraph graph = actor_graph(s);
            if (options->format == "dot") {
              emit(common, graph_dot(s, graph));
            } else {
              CommonOptions as_chosen = common;
              as_chosen.format = options->format;
              emit(common, render(as_chosen, s, graph, graph_json, graph_csv, graph_table));
            }
            return 0;
          }};
}

}  // namespace parley::cli

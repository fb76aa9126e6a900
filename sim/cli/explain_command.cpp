// `parley explain FILE --proposal P --actor A`: why one actor accepts or
// rejects one proposal.

#include <memory>

#include "commands.hpp"
#include "parley/analysis/explain.hpp"
#include "parley/report/explain_report.hpp"

namespace parley::cli {

namespace {
struct ExplainOptions {
  std::string proposal;
  std::string actor;
};
}  // namespace

Command add_explain_command(CLI::App& app, CommonOptions& common) {
  auto options = std::make_shared<ExplainOptions>();
  CLI::App* cmd = app.add_subcommand(
      "explain", "Why an actor accepts or rejects a proposal: its issue losses, outside option and neighbours' pull");
  add_scenario_options(*cmd, common);
  add_simulation_options(*cmd, common);
  value_in_words(*cmd, cmd->add_option("--proposal", options->proposal, "The proposal to explain")->required(), "ID");
  value_in_words(*cmd, cmd->add_option("--actor", options->actor, "The actor whose decision is explained")->required(),
                 "ID");
  return {cmd, [&common, options] {
            const Scenario s = load(common);
            ProgressBar bar("explain", !common.no_progress);
            const SimulationSettings settings = simulation_settings(common, s, bar);
            const Explanation result = explain_actor(s, options->proposal, options->actor, settings);
            emit(common, render(common, s, result, explain_json, explain_csv, explain_table));
            return 0;
          }};
}

}  // namespace parley::cli

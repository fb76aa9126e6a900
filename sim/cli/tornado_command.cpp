// `parley tornado FILE --proposal P`: which single uncertain input moves
// P(deal) most.

#include <memory>

#include "commands.hpp"
#include "parley/analysis/tornado.hpp"
#include "parley/report/tornado_report.hpp"

namespace parley::cli {

namespace {
int tornado_command(const CommonOptions& o, const std::string& proposal) {
  const Scenario s = load(o);
  ProgressBar bar("tornado", !o.no_progress);
  const SimulationSettings settings = simulation_settings(o, s, bar);
  const TornadoResult result = tornado_scenario(s, proposal, settings);
  emit(o, render(o, s, result, tornado_json, tornado_csv, tornado_table));
  return 0;
}
}  // namespace

Command add_tornado_command(CLI::App& app, CommonOptions& common) {
  auto proposal = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "tornado", "Which single uncertain input moves P(deal) most (5% and 95% quantiles, one at a time)");
  add_scenario_options(*cmd, common);
  add_simulation_options(*cmd, common);
  value_in_words(*cmd, cmd->add_option("--proposal", *proposal, "The proposal to analyse")->required(), "ID");
  return {cmd, [&common, proposal] { return tornado_command(common, *proposal); }};
}

}  // namespace parley::cli

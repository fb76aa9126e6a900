// `parley sweep FILE --proposal P --vary ISSUE=LO:HI:STEPS`: how a concession
// on one or two issues moves acceptance.

#include <memory>

#include "commands.hpp"
#include "option_syntax.hpp"
#include "parley/analysis/sweep.hpp"
#include "parley/report/sweep_report.hpp"

namespace parley::cli {

namespace {
struct SweepOptions {
  std::string proposal;
  std::vector<std::string> vary;
};

int sweep_command(const CommonOptions& o, const SweepOptions& w) {
  const Scenario s = load(o);
  std::vector<SweepAxis> axes;
  for (const auto& v : w.vary) axes.push_back(parse_sweep_axis(v));
  ProgressBar bar("sweep", !o.no_progress);
  const SimulationSettings settings = simulation_settings(o, s, bar);
  const SweepResult result = sweep_scenario(s, w.proposal, axes, settings);
  emit(o, render(o, s, result, sweep_json, sweep_csv, sweep_table));
  return 0;
}
}  // namespace

Command add_sweep_command(CLI::App& app, CommonOptions& common) {
  auto options = std::make_shared<SweepOptions>();
  CLI::App* cmd =
      app.add_subcommand("sweep", "How a concession on one or two issues moves acceptance (same draws at every point)");
  add_scenario_options(*cmd, common);
  add_simulation_options(*cmd, common);
  value_in_words(
      *cmd, cmd->add_option("--proposal", options->proposal, "The proposal whose terms are varied")->required(), "ID");
  value_in_words(*cmd,
                 cmd->add_option("--vary", options->vary,
                                 "Vary one issue of the proposal from LO to HI in STEPS points (give it twice for a "
                                 "2-D grid; binary issues take 0:1:2)")
                     ->required(),
                 "ISSUE=LO:HI:STEPS");
  return {cmd, [&common, options] { return sweep_command(common, *options); }};
}

}  // namespace parley::cli

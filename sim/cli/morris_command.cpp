// `parley morris FILE --proposal P`: elementary-effects screening of
// P(deal | theta).

#include <memory>

#include "commands.hpp"
#include "parley/analysis/sobol_analysis.hpp"
#include "parley/report/sobol_report.hpp"

namespace parley::cli {

namespace {
struct MorrisOptions {
  std::string proposal;
  std::size_t trajectories = MorrisSettings{}.trajectories;
  std::size_t levels = MorrisSettings{}.levels;
  std::string group{name_of(InputGrouping::none)};
};

int morris_command(const CommonOptions& o, const MorrisOptions& w) {
  const Scenario s = load(o);
  MorrisSettings settings;
  settings.trajectories = w.trajectories;
  settings.levels = w.levels;
  settings.seed = o.seed.value_or(s.simulation.seed);
  settings.threads = o.threads;
  ProgressBar bar("morris", !o.no_progress);
  settings.progress = progress_callback(bar);
  const InputGrouping grouping = parse_input_grouping(w.group).value();  // checked by one_of
  const MorrisAnalysis analysis = morris_scenario(s, w.proposal, grouping, settings);
  emit(o, render(o, s, analysis, morris_json, morris_csv, morris_table));
  return 0;
}
}  // namespace

Command add_morris_command(CLI::App& app, CommonOptions& common) {
  auto options = std::make_shared<MorrisOptions>();
  CLI::App* cmd = app.add_subcommand("morris", "Elementary-effects screening of P(deal | theta) (mu*, sigma)");
  add_scenario_options(*cmd, common);
  value_in_words(*cmd, cmd->add_option("--proposal", options->proposal, "The proposal to analyse")->required(), "ID");
  value_in_words(
      *cmd,
      cmd->add_option("--trajectories", options->trajectories, "Trajectories R (the cost is R x (inputs + 1))")
          ->check(whole_number(2, kMaxMorrisTrajectories)),
      "R", whole_number_words(2, kMaxMorrisTrajectories));
  std::vector<std::string> levels;
  for (const std::size_t p : kMorrisLevels) levels.push_back(std::to_string(p));
  value_in_words(*cmd, cmd->add_option("--levels", options->levels, "Grid levels P (even)")->check(one_of(levels)), "P",
                 or_list(levels));
  const std::vector<std::string> groupings = input_grouping_names();
  value_in_words(*cmd,
                 cmd->add_option("--group", options->group, "Inputs one by one, by actor or by issue group")
                     ->check(one_of(groupings)),
                 "G", or_list(groupings));
  add_seed_option(*cmd, common, "Random seed of the trajectories");
  add_threads_option(*cmd, common, "Worker threads; results are identical for any number");
  add_output_options(*cmd, common, {"table", "json", "csv"});
  cmd->add_flag("--no-progress", common.no_progress, "No progress bar on stderr");
  return {cmd, [&common, options] { return morris_command(common, *options); }};
}

}  // namespace parley::cli

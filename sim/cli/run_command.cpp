// `parley run FILE`: acceptance per actor and P(deal) for each proposal.

#include <algorithm>
#include <memory>

#include "commands.hpp"
#include "parley/analysis/lookup.hpp"
#include "parley/analysis/run.hpp"
#include "parley/report/run_report.hpp"

namespace parley::cli {

namespace {
struct RunOptions {
  std::vector<std::string> proposals;
};

std::vector<std::size_t> chosen_proposals(const Scenario& s, const std::vector<std::string>& ids) {
  std::vector<std::size_t> chosen;
  for (const auto& id : ids) {
    const std::size_t p = require_proposal(s, id);
    // Asking twice for one proposal shows it once.
    if (std::find(chosen.begin(), chosen.end(), p) == chosen.end()) chosen.push_back(p);
  }
  return chosen;
}

int run_command(const CommonOptions& o, const RunOptions& r) {
  const Scenario s = load(o);
  RunSettings settings;
  settings.proposals = chosen_proposals(s, r.proposals);
  ProgressBar bar("run", !o.no_progress);
  settings.simulation = simulation_settings(o, s, bar);
  const RunResult result = run_scenario(s, settings);
  emit(o, render(o, s, result, run_json, run_csv, run_table));
  return 0;
}
}  // namespace

Command add_run_command(CLI::App& app, CommonOptions& common) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand("run", "Acceptance per actor and P(deal) for each proposal");
  add_scenario_options(*cmd, common);
  add_simulation_options(*cmd, common);
  value_in_words(*cmd, cmd->add_option("--proposal", options->proposals, "Only these proposals; default: all"), "ID");
  return {cmd, [&common, options] { return run_command(common, *options); }};
}

}  // namespace parley::cli

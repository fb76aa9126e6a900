// `parley solve`: the Nash bargaining solution, the zone of possible agreement
// around a proposal, or the package that maximises P(deal) under constraints.

#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "commands.hpp"
#include "option_syntax.hpp"
#include "parley/analysis/solve.hpp"
#include "parley/core/errors.hpp"
#include "parley/report/solve_report.hpp"

namespace parley::cli {

namespace {
struct SolveOptions {
  bool nash = false;
  bool zopa = false;
  bool best = false;
  std::string proposal;
  std::vector<std::string> fixes;
  std::vector<std::string> bounds;
};

int solve_command(const CommonOptions& o, const SolveOptions& w) {
  const int modes = static_cast<int>(w.nash) + static_cast<int>(w.zopa) + static_cast<int>(w.best);
  if (modes != 1) {
    throw InputError(fmt::format("solve: expected exactly one of --nash, --zopa and --best, got {}",
                                 modes == 0 ? "none" : "more than one"));
  }
  SolveSettings settings;
  settings.mode = w.nash ? SolveMode::nash : w.zopa ? SolveMode::zopa : SolveMode::best;
  settings.proposal = w.proposal;
  // Every malformed --fix and --bound at once, like the other problems.
  std::string problems;
  for (const auto& text : w.fixes) {
    try {
      settings.fixes.push_back(parse_issue_fix(text));
    } catch (const InputError& e) {
      problems += (problems.empty() ? "" : "\n") + std::string(e.what());
    }
  }
  for (const auto& text : w.bounds) {
    try {
      settings.bounds.push_back(parse_issue_bound(text));
    } catch (const InputError& e) {
      problems += (problems.empty() ? "" : "\n") + std::string(e.what());
    }
  }
  if (!problems.empty()) throw InputError(problems);

  const Scenario s = load(o);
  ProgressBar bar("solve", !o.no_progress);
  settings.simulation = simulation_settings(o, s, bar);
  if (o.draws == 0) settings.simulation.draws = std::min(s.simulation.draws, kSolveDefaultDraws);
  const SolveResult result = solve_scenario(s, settings);
  emit(o, render(o, s, result, solve_json, solve_csv, solve_table));
  return 0;
}
}  // namespace

Command add_solve_command(CLI::App& app, CommonOptions& common) {
  auto options = std::make_shared<SolveOptions>();
  CLI::App* cmd = app.add_subcommand(
      "solve", "Nash bargaining solution, zone of possible agreement, or the package that maximises P(deal)");
  add_scenario_options(*cmd, common);
  add_simulation_options(*cmd, common);
  cmd->get_option("--draws")->description(
      fmt::format("Monte Carlo draws (default: the scenario's simulation.draws, at most {}); every "
                  "candidate package is evaluated on the same draws",
                  kSolveDefaultDraws));
  cmd->add_flag("--nash", options->nash,
                "The capability-weighted Nash bargaining solution: maximise sum of w_i log(E[u_i] - E[r_i]) over the "
                "veto actors");
  cmd->add_flag("--zopa", options->zopa,
                "The zone of possible agreement: each issue's interval, the others at the proposal, where every veto "
                "actor's expected margin is positive");
  cmd->add_flag("--best", options->best, "The package that maximises P(deal) under --fix and --bound");
  value_in_words(*cmd,
                 cmd->add_option("--proposal", options->proposal,
                                 "--zopa: the proposal; --best: the starting proposal (default: the scenario's first)"),
                 "ID");
  value_in_words(*cmd, cmd->add_option("--fix", options->fixes, "--best: hold ISSUE at VALUE (binary issues: 0 or 1)"),
                 "ISSUE=VALUE");
  value_in_words(*cmd, cmd->add_option("--bound", options->bounds, "--best: keep ISSUE within [LO, HI]"),
                 "ISSUE=LO:HI");
  return {cmd, [&common, options] { return solve_command(common, *options); }};
}

}  // namespace parley::cli

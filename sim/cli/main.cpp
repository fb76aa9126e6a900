// The parley executable: parses options into plain structs, calls the
// library, prints, and chooses exit codes (0 ok, 1 failure, 2 bad input).

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <new>
#include <optional>
#include <stdexcept>
#include <thread>

#include "common.hpp"
#include "parley/atomic_file.hpp"
#include "parley/model.hpp"
#include "parley/report.hpp"
#include "parley/run.hpp"
#include "parley/scenario_loader.hpp"
#include "parley/selftest.hpp"
#include "parley/sobol_analysis.hpp"
#include "parley/sweep.hpp"
#include "parley/tornado.hpp"
#include "parley/version.hpp"
#include "plot.hpp"
#include "progress.hpp"

namespace {

using namespace parley::cli;

struct RunOptions {
  std::vector<std::string> proposals;
};

struct SweepOptions {
  std::string proposal;
  std::vector<std::string> vary;
};

parley::InputGrouping grouping_of(const std::string& name) {
  if (name == "actor") return parley::InputGrouping::actor;
  if (name == "issue-group") return parley::InputGrouping::issue_group;
  if (name == "scenario") return parley::InputGrouping::scenario;
  return parley::InputGrouping::none;
}

int validate_command(const CommonOptions& o) {
  const parley::Scenario s = load(o);
  // Counted from the scenario: building the model would factor the influence
  // system, which validating a large scenario does not need.
  const auto parameters = s.parameters();
  const auto uncertain = static_cast<std::size_t>(
      std::count_if(parameters.begin(), parameters.end(), [](const parley::Parameter* p) { return p->is_uncertain(); }));
  auto count = [](std::size_t n, const char* noun) { return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s"); };
  emit(o, fmt::format("ok: {}: {}, {}, {}, {}, {}\n", o.file, count(s.actors.size(), "actor"),
                      count(s.issues.size(), "issue"), count(s.proposals.size(), "proposal"),
                      count(s.relations.size(), "relation"), count(uncertain, "uncertain input")));
  return 0;
}

std::vector<std::size_t> chosen_proposals(const parley::Scenario& s, const std::vector<std::string>& ids) {
  std::vector<std::size_t> chosen;
  for (const auto& id : ids) {
    const std::size_t p = parley::require_proposal(s, id);
    // Asking twice for one proposal shows it once.
    if (std::find(chosen.begin(), chosen.end(), p) == chosen.end()) chosen.push_back(p);
  }
  return chosen;
}

int run_command(const CommonOptions& o, const RunOptions& r) {
  const parley::Scenario s = load(o);
  parley::RunSettings settings;
  settings.proposals = chosen_proposals(s, r.proposals);
  parley::cli::ProgressBar bar("run", !o.no_progress);
  settings.simulation = simulation_settings(o, s, bar);
  const parley::RunResult result = parley::run_scenario(s, settings);
  emit(o, render(o, s, result, parley::run_json, parley::run_csv, parley::run_table));
  return 0;
}

int sweep_command(const CommonOptions& o, const SweepOptions& w) {
  const parley::Scenario s = load(o);
  std::vector<parley::SweepAxis> axes;
  for (const auto& v : w.vary) axes.push_back(parley::parse_sweep_axis(v));
  parley::cli::ProgressBar bar("sweep", !o.no_progress);
  const parley::SimulationSettings settings = simulation_settings(o, s, bar);
  const parley::SweepResult result = parley::sweep_scenario(s, w.proposal, axes, settings);
  emit(o, render(o, s, result, parley::sweep_json, parley::sweep_csv, parley::sweep_table));
  return 0;
}

int tornado_command(const CommonOptions& o, const std::string& proposal) {
  const parley::Scenario s = load(o);
  parley::cli::ProgressBar bar("tornado", !o.no_progress);
  const parley::SimulationSettings settings = simulation_settings(o, s, bar);
  const parley::TornadoResult result = parley::tornado_scenario(s, proposal, settings);
  emit(o, render(o, s, result, parley::tornado_json, parley::tornado_csv, parley::tornado_table));
  return 0;
}

struct SobolOptions {
  std::string proposal;
  std::size_t base_draws = 1 << 14;
  std::string group = "none";
  std::string sampling = "sobol";
  std::optional<std::size_t> replicates;  // default: 8 with Sobol sampling (unless --bootstrap), else 1
  std::optional<std::size_t> bootstrap;   // default: 200 resamples when there is one replicate
  bool second_order = false;
};

// Replicates by default with the Sobol sequence: bootstrapping the rows of a
// low-discrepancy set does not measure its error; R scrambled sequences do.
constexpr std::size_t kSobolReplicates = 8;

int sobol_command(const CommonOptions& o, const SobolOptions& w) {
  parley::SobolSettings settings;
  settings.base_samples = w.base_draws;
  settings.threads = o.threads;
  settings.sampling = w.sampling == "philox" ? parley::BaseSampling::philox : parley::BaseSampling::sobol;
  if (w.bootstrap && w.replicates && *w.replicates > 1) {
    throw parley::InputError(
        fmt::format("sobol: --bootstrap {} with --replicates {}: the intervals come from the bootstrap with one "
                    "replicate and from the replicates' spread with several: expected one of the two options",
                    *w.bootstrap, *w.replicates));
  }
  const bool sobol_default = settings.sampling == parley::BaseSampling::sobol && !w.bootstrap;
  settings.replicates = w.replicates.value_or(sobol_default ? kSobolReplicates : 1);
  settings.bootstrap = settings.replicates > 1 ? 0 : w.bootstrap.value_or(200);
  settings.second_order = w.second_order;
  const parley::Scenario s = load(o);
  settings.seed = o.seed.value_or(s.simulation.seed);
  const parley::InputGrouping grouping = grouping_of(w.group);
  const parley::SobolAnalysis analysis = parley::sobol_scenario(s, w.proposal, grouping, settings);
  emit(o, render(o, s, analysis, parley::sobol_json, parley::sobol_csv, parley::sobol_table));
  return 0;
}

struct MorrisOptions {
  std::string proposal;
  std::size_t trajectories = 100;
  std::size_t levels = 4;
  std::string group = "none";
};

int morris_command(const CommonOptions& o, const MorrisOptions& w) {
  const parley::Scenario s = load(o);
  parley::MorrisSettings settings;
  settings.trajectories = w.trajectories;
  settings.levels = w.levels;
  settings.seed = o.seed.value_or(s.simulation.seed);
  settings.threads = o.threads;
  const parley::InputGrouping grouping = grouping_of(w.group);
  const parley::MorrisAnalysis analysis = parley::morris_scenario(s, w.proposal, grouping, settings);
  emit(o, render(o, s, analysis, parley::morris_json, parley::morris_csv, parley::morris_table));
  return 0;
}

int selftest_command(const CommonOptions& o) {
  const std::vector<parley::SelfCheck> checks = parley::run_selftest(o.threads);
  std::size_t failed = 0;
  for (const auto& c : checks) failed += c.passed() ? 0 : 1;
  std::string text;
  if (o.format == "json") {
    nlohmann::ordered_json j;
    j["tool"] = "parley";
    j["version"] = parley::kVersion;
    j["disclaimer"] = parley::kDisclaimer;
    j["command"] = "selftest";
    j["passed"] = failed == 0;
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& c : checks) {
      list.push_back({{"check", c.name},
                      {"expected", c.expected},
                      {"obtained", c.obtained},
                      {"tolerance", c.tolerance},
                      {"passed", c.passed()}});
    }
    j["checks"] = list;
    text = dump_json(j);
  } else {
    text = fmt::format("parley {} selftest: analytic checks (model, sensitivity, bargaining)\n{}\n\n", parley::kVersion,
                       parley::kDisclaimer);
    text += fmt::format("{:<40} {:>10} {:>10} {:>7}  {}\n", "check", "expected", "obtained", "tol", "result");
    for (const auto& c : checks) {
      text += fmt::format("{:<40} {:>10.6f} {:>10.6f} {:>7.0e}  {}\n", c.name, c.expected, c.obtained, c.tolerance,
                          c.passed() ? "pass" : "FAIL");
    }
    text += fmt::format("\n{} of {} checks passed.\n", checks.size() - failed, checks.size());
  }
  emit(o, text);
  return failed == 0 ? 0 : kExitFailure;
}

// Everything main does, but for the last line of defence against exceptions
// and the check of standard output.
int parley_main(int argc, char** argv) {
  // Before any computation: no output can carry such text.
  check_arguments(argc, argv);
  CLI::App app{fmt::format("parley {}: negotiation-scenario simulator.\n{}", parley::kVersion, parley::kDisclaimer),
               "parley"};
  app.set_version_flag("--version", std::string("parley ") + parley::kVersion);
  app.require_subcommand(1);

  CommonOptions common;
  RunOptions run;
  CLI::App* validate = app.add_subcommand("validate", "Check a scenario file; report every error at once");
  add_scenario_options(*validate, common);
  CLI::App* run_cmd = app.add_subcommand("run", "Acceptance per actor and P(deal) for each proposal");
  add_scenario_options(*run_cmd, common);
  add_simulation_options(*run_cmd, common);
  run_cmd->add_option("--proposal", run.proposals, "Only these proposals (repeatable; default: all)");

  SweepOptions sweep;
  CLI::App* sweep_cmd =
      app.add_subcommand("sweep", "How a concession on one or two issues moves acceptance (same draws at every point)");
  add_scenario_options(*sweep_cmd, common);
  add_simulation_options(*sweep_cmd, common);
  sweep_cmd->add_option("--proposal", sweep.proposal, "The proposal whose terms are varied")->required();
  sweep_cmd
      ->add_option("--vary", sweep.vary,
                   "ISSUE=LO:HI:STEPS: vary one issue of the proposal (give it twice for a 2-D grid; binary issues "
                   "take 0:1:2)")
      ->required()
      ->type_name("ISSUE=LO:HI:STEPS");

  std::string tornado_proposal;
  CLI::App* tornado_cmd = app.add_subcommand(
      "tornado", "Which single uncertain input moves P(deal) most (5% and 95% quantiles, one at a time)");
  add_scenario_options(*tornado_cmd, common);
  add_simulation_options(*tornado_cmd, common);
  tornado_cmd->add_option("--proposal", tornado_proposal, "The proposal to analyse")->required();

  SobolOptions sobol;
  CLI::App* sobol_cmd = app.add_subcommand("sobol", "First- and total-order Sobol indices of P(deal | theta)");
  add_scenario_options(*sobol_cmd, common);
  sobol_cmd->add_option("--proposal", sobol.proposal, "The proposal to analyse")->required();
  sobol_cmd->add_option("--base-draws", sobol.base_draws, "Base samples N (the cost is N x (inputs + 2) evaluations)")
      ->check(CLI::Range(std::size_t{2}, std::size_t{1} << 24));
  sobol_cmd->add_option("--group", sobol.group, "Index inputs one by one, by actor or by issue group")
      ->check(CLI::IsMember({"none", "actor", "issue-group", "scenario"}));
  sobol_cmd->add_option("--sampling", sobol.sampling, "Base samples: Sobol sequence (quasi-random) or Philox")
      ->check(CLI::IsMember({"sobol", "philox"}));
  sobol_cmd
      ->add_option("--replicates", sobol.replicates,
                   "Split the base samples into R independently scrambled replicates; 95% intervals from their "
                   "spread (default: 8 with --sampling sobol, else 1)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20));
  sobol_cmd
      ->add_option("--bootstrap", sobol.bootstrap,
                   "Bootstrap resamples for the 95% intervals with one replicate (default 200; 0: none)")
      ->check(CLI::Range(std::size_t{0}, std::size_t{100000}));
  sobol_cmd->add_flag("--second-order", sobol.second_order,
                      "Also second-order indices of every pair (N x groups more evaluations)");
  sobol_cmd->add_option("--seed", common.seed, "Random seed (Philox samples and the bootstrap)")
      ->check(seed_validator());
  sobol_cmd->add_option("--threads", common.threads, "Worker threads; results are identical for any number")
      ->check(CLI::Range(1U, 1024U));
  sobol_cmd->add_option("--format", common.format, "Output format")->check(CLI::IsMember({"table", "json", "csv"}));
  sobol_cmd->add_option("--out", common.out, "Write the output to FILE (atomically) instead of stdout")
      ->check(non_empty());

  MorrisOptions morris;
  CLI::App* morris_cmd = app.add_subcommand("morris", "Elementary-effects screening of P(deal | theta) (mu*, sigma)");
  add_scenario_options(*morris_cmd, common);
  morris_cmd->add_option("--proposal", morris.proposal, "The proposal to analyse")->required();
  morris_cmd->add_option("--trajectories", morris.trajectories, "Trajectories r (the cost is r x (inputs + 1))")
      ->check(CLI::Range(std::size_t{2}, std::size_t{1} << 20));
  morris_cmd->add_option("--levels", morris.levels, "Grid levels p (even)")
      ->check(CLI::IsMember({"2", "4", "6", "8", "10", "12", "16", "20"}));
  morris_cmd->add_option("--group", morris.group, "Inputs one by one, by actor or by issue group")
      ->check(CLI::IsMember({"none", "actor", "issue-group", "scenario"}));
  morris_cmd->add_option("--seed", common.seed, "Random seed of the trajectories")->check(seed_validator());
  morris_cmd->add_option("--threads", common.threads, "Worker threads; results are identical for any number")
      ->check(CLI::Range(1U, 1024U));
  morris_cmd->add_option("--format", common.format, "Output format")->check(CLI::IsMember({"table", "json", "csv"}));
  morris_cmd->add_option("--out", common.out, "Write the output to FILE (atomically) instead of stdout")
      ->check(non_empty());

  CLI::App* selftest_cmd =
      app.add_subcommand("selftest", "Analytic checks: expected vs obtained, pass/fail (exit 1 if any fails)");
  selftest_cmd->add_option("--threads", common.threads, "Worker threads")->check(CLI::Range(1U, 1024U));
  selftest_cmd->add_option("--format", common.format, "Output format")->check(CLI::IsMember({"table", "json"}));
  selftest_cmd->add_option("--out", common.out, "Write the output to FILE (atomically) instead of stdout")
      ->check(non_empty());

  std::string plot_csv_file;
  std::string plot_title;
  std::string plot_chart;
  CLI::App* plot_cmd =
      app.add_subcommand("plot", "Draw the CSV of sweep, tornado, sobol or bargain with gnuplot (SVG or PNG)");
  plot_cmd->add_option("CSV", plot_csv_file, "A CSV written by parley --format csv")->required();
  plot_cmd->add_option("--out", common.out, "The image: FILE.svg or FILE.png")->required()->check(non_empty());
  plot_cmd->add_option("--title", plot_title, "Title (default: the scenario's title)");
  plot_cmd
      ->add_option("--chart", plot_chart,
                   "Bargain CSV only: agreement (P(agreement by round t), the default) or terms (the final terms)")
      ->check(CLI::IsMember({"agreement", "terms"}));

  // The subcommands that live in files of their own (common.hpp).
  std::vector<Command> commands;
  commands.push_back(add_bargain_command(app, common));
  commands.push_back(add_solve_command(app, common));
  commands.push_back(add_explain_command(app, common));
  commands.push_back(add_graph_command(app, common));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitBadInput;
  }

  try {
    if (validate->parsed()) return validate_command(common);
    if (run_cmd->parsed()) return run_command(common, run);
    if (sweep_cmd->parsed()) return sweep_command(common, sweep);
    if (tornado_cmd->parsed()) return tornado_command(common, tornado_proposal);
    if (sobol_cmd->parsed()) return sobol_command(common, sobol);
    if (morris_cmd->parsed()) return morris_command(common, morris);
    if (selftest_cmd->parsed()) return selftest_command(common);
    for (const Command& c : commands) {
      if (c.app->parsed()) return c.run();
    }
    if (plot_cmd->parsed()) {
      parley::cli::plot_csv(plot_csv_file, common.out, plot_title, plot_chart);
      return 0;
    }
  } catch (const parley::ScenarioError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << printable(parley::format_diagnostic(d)) << "\n";
    std::cerr << printable(
        fmt::format("{} error{} in {}\n", e.diagnostics().size(), e.diagnostics().size() == 1 ? "" : "s", common.file));
    return kExitBadInput;
  }
  return kExitFailure;
}

// The exit status of the exception being handled, after its message. Bad
// input is 2; a failure to write, a missing gnuplot and the like are 1 with
// their own message; anything else is a bug or the machine's limit, 1 and an
// `internal error`.
int report_exception() noexcept {
  auto say = [](std::string_view what) {
    try {
      std::cerr << "parley: error: " << printable(what) << "\n";
    } catch (...) {
      std::fputs("parley: error: internal error\n", stderr);
    }
  };
  try {
    throw;
  } catch (const parley::InputError& e) {
    say(e.what());
    return kExitBadInput;
  } catch (const std::bad_alloc&) {
    say("internal error: out of memory");
  } catch (const nlohmann::json::exception& e) {
    say(std::string("internal error: JSON output: ") + e.what());
  } catch (const std::logic_error& e) {
    say(std::string("internal error: ") + e.what());
  } catch (const std::runtime_error& e) {
    say(e.what());
  } catch (const std::exception& e) {
    say(std::string("internal error: ") + e.what());
  } catch (...) {
    say("internal error: an unknown exception");
  }
  return kExitFailure;
}

// A run that could not write its output did not succeed: checks standard
// output (also what CLI11 printed for --help) once everything is written.
int finish(int status) {
  errno = 0;
  std::cout.flush();
  const bool failed = !std::cout.good() || std::fflush(stdout) != 0 || std::ferror(stdout) != 0;
  if (failed && status == 0) {
    const int error = errno;
    std::fprintf(stderr, "parley: error: cannot write to standard output%s%s\n", error != 0 ? ": " : "",
                 error != 0 ? std::strerror(error) : "");
    return kExitFailure;
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  // An interrupted run removes its temporary files; a write beyond the file
  // size limit (ulimit -f) fails with EFBIG, cleaned up like any failed write,
  // instead of killing the process halfway.
  parley::install_temporary_cleanup();
  std::signal(SIGXFSZ, SIG_IGN);
  int status = kExitFailure;
  try {
    status = parley_main(argc, argv);
  } catch (...) {
    status = report_exception();
  }
  return finish(status);
}

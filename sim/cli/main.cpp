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
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <thread>

#include "common.hpp"
#include "parley/analysis/lookup.hpp"
#include "parley/io/atomic_file.hpp"
#include "parley/core/model.hpp"
#include "parley/report/run_report.hpp"
#include "parley/report/scenario_report.hpp"
#include "parley/report/sobol_report.hpp"
#include "parley/report/sweep_report.hpp"
#include "parley/report/tornado_report.hpp"
#include "parley/analysis/run.hpp"
#include "parley/io/scenario_loader.hpp"
#include "parley/analysis/selftest.hpp"
#include "parley/analysis/sobol_analysis.hpp"
#include "parley/analysis/sweep.hpp"
#include "parley/analysis/tornado.hpp"
#include "parley/version.hpp"
#include "plot.hpp"
#include "progress.hpp"
#include "usage.hpp"

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

int validate_command(const CommonOptions& o, bool explain) {
  const parley::Scenario s = load(o);
  if (explain) {
    emit(o, parley::scenario_explanation(s, o.out.empty() ? terminal_width() : kDefaultWidth));
    return 0;
  }
  // Counted from the scenario: building the model would factor the influence
  // system, which validating a large scenario does not need.
  const auto parameters = s.parameters();
  const auto uncertain = static_cast<std::size_t>(std::count_if(
      parameters.begin(), parameters.end(), [](const parley::Parameter* p) { return p->is_uncertain(); }));
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
  // Before any subcommand: they share the main app's formatter.
  app.formatter(std::make_shared<HelpFormatter>());
  app.set_version_flag("--version", std::string("parley ") + parley::kVersion);
  app.require_subcommand(1);
  app.footer("Run 'parley help COMMAND' (or 'parley COMMAND --help') for a command's options.");

  CommonOptions common;
  RunOptions run;
  CLI::App* validate = app.add_subcommand("validate", "Check a scenario file; report every error at once");
  add_scenario_options(*validate, common);
  bool validate_explain = false;
  validate->add_flag("--explain", validate_explain,
                     "Print the scenario as a reader sees it: sources, each actor's positions with quotes, and every "
                     "value marked as an assumption");
  CLI::App* run_cmd = app.add_subcommand("run", "Acceptance per actor and P(deal) for each proposal");
  add_scenario_options(*run_cmd, common);
  add_simulation_options(*run_cmd, common);
  value_in_words(*run_cmd, run_cmd->add_option("--proposal", run.proposals, "Only these proposals; default: all"),
                 "ID");

  SweepOptions sweep;
  CLI::App* sweep_cmd =
      app.add_subcommand("sweep", "How a concession on one or two issues moves acceptance (same draws at every point)");
  add_scenario_options(*sweep_cmd, common);
  add_simulation_options(*sweep_cmd, common);
  value_in_words(*sweep_cmd,
                 sweep_cmd->add_option("--proposal", sweep.proposal, "The proposal whose terms are varied")->required(),
                 "ID");
  value_in_words(*sweep_cmd,
                 sweep_cmd
                     ->add_option("--vary", sweep.vary,
                                  "Vary one issue of the proposal from LO to HI in STEPS points (give it twice for a "
                                  "2-D grid; binary issues take 0:1:2)")
                     ->required(),
                 "ISSUE=LO:HI:STEPS");

  std::string tornado_proposal;
  CLI::App* tornado_cmd = app.add_subcommand(
      "tornado", "Which single uncertain input moves P(deal) most (5% and 95% quantiles, one at a time)");
  add_scenario_options(*tornado_cmd, common);
  add_simulation_options(*tornado_cmd, common);
  value_in_words(*tornado_cmd,
                 tornado_cmd->add_option("--proposal", tornado_proposal, "The proposal to analyse")->required(), "ID");

  const std::vector<std::string> groupings = {"none", "actor", "issue-group", "scenario"};
  SobolOptions sobol;
  CLI::App* sobol_cmd = app.add_subcommand("sobol", "First- and total-order Sobol indices of P(deal | theta)");
  add_scenario_options(*sobol_cmd, common);
  value_in_words(*sobol_cmd, sobol_cmd->add_option("--proposal", sobol.proposal, "The proposal to analyse")->required(),
                 "ID");
  constexpr std::uint64_t kMaxBaseDraws = std::uint64_t{1} << 24;
  value_in_words(
      *sobol_cmd,
      sobol_cmd
          ->add_option("--base-draws", sobol.base_draws, "Base samples N (the cost is N x (inputs + 2) evaluations)")
          ->check(whole_number(2, kMaxBaseDraws)),
      "N", whole_number_words(2, kMaxBaseDraws));
  value_in_words(*sobol_cmd,
                 sobol_cmd->add_option("--group", sobol.group, "Index inputs one by one, by actor or by issue group")
                     ->check(one_of(groupings)),
                 "G", or_list(groupings));
  value_in_words(
      *sobol_cmd,
      sobol_cmd->add_option("--sampling", sobol.sampling, "Base samples: Sobol sequence (quasi-random) or Philox")
          ->check(one_of({"sobol", "philox"})),
      "S", "sobol or philox");
  value_in_words(*sobol_cmd,
                 sobol_cmd
                     ->add_option("--replicates", sobol.replicates,
                                  "Split the base samples into R independently scrambled replicates; 95% intervals "
                                  "from their spread (default: 8 with --sampling sobol, else 1)")
                     ->check(whole_number(1, std::uint64_t{1} << 20)),
                 "R", whole_number_words(1, std::uint64_t{1} << 20));
  value_in_words(*sobol_cmd,
                 sobol_cmd
                     ->add_option("--bootstrap", sobol.bootstrap,
                                  "Bootstrap resamples for the 95% intervals with one replicate (default 200; 0: none)")
                     ->check(whole_number(0, 100000)),
                 "N", whole_number_words(0, 100000));
  sobol_cmd->add_flag("--second-order", sobol.second_order,
                      "Also second-order indices of every pair (N x groups more evaluations)");
  add_seed_option(*sobol_cmd, common, "Random seed (Philox samples and the bootstrap)");
  add_threads_option(*sobol_cmd, common, "Worker threads; results are identical for any number");
  add_output_options(*sobol_cmd, common, {"table", "json", "csv"});

  MorrisOptions morris;
  CLI::App* morris_cmd = app.add_subcommand("morris", "Elementary-effects screening of P(deal | theta) (mu*, sigma)");
  add_scenario_options(*morris_cmd, common);
  value_in_words(*morris_cmd,
                 morris_cmd->add_option("--proposal", morris.proposal, "The proposal to analyse")->required(), "ID");
  constexpr std::uint64_t kMaxTrajectories = std::uint64_t{1} << 20;
  value_in_words(
      *morris_cmd,
      morris_cmd->add_option("--trajectories", morris.trajectories, "Trajectories R (the cost is R x (inputs + 1))")
          ->check(whole_number(2, kMaxTrajectories)),
      "R", whole_number_words(2, kMaxTrajectories));
  const std::vector<std::string> levels = {"2", "4", "6", "8", "10", "12", "16", "20"};
  value_in_words(*morris_cmd,
                 morris_cmd->add_option("--levels", morris.levels, "Grid levels P (even)")->check(one_of(levels)), "P",
                 or_list(levels));
  value_in_words(*morris_cmd,
                 morris_cmd->add_option("--group", morris.group, "Inputs one by one, by actor or by issue group")
                     ->check(one_of(groupings)),
                 "G", or_list(groupings));
  add_seed_option(*morris_cmd, common, "Random seed of the trajectories");
  add_threads_option(*morris_cmd, common, "Worker threads; results are identical for any number");
  add_output_options(*morris_cmd, common, {"table", "json", "csv"});

  CLI::App* selftest_cmd =
      app.add_subcommand("selftest", "Analytic checks: expected vs obtained, pass/fail (exit 1 if any fails)");
  add_threads_option(*selftest_cmd, common, "Worker threads");
  add_output_options(*selftest_cmd, common, {"table", "json"});

  std::string plot_csv_file;
  std::string plot_title;
  std::string plot_chart;
  CLI::App* plot_cmd =
      app.add_subcommand("plot", "Draw the CSV of sweep, tornado, sobol or bargain with gnuplot (SVG or PNG)");
  value_in_words(*plot_cmd,
                 plot_cmd->add_option("CSV", plot_csv_file, "A CSV written by parley --format csv")->required(), "CSV");
  value_in_words(
      *plot_cmd,
      plot_cmd->add_option("--out", common.out, "The image: FILE.svg or FILE.png")->required()->check(non_empty()),
      "FILE");
  value_in_words(*plot_cmd, plot_cmd->add_option("--title", plot_title, "Title (default: the scenario's title)"),
                 "TITLE");
  value_in_words(*plot_cmd,
                 plot_cmd
                     ->add_option("--chart", plot_chart,
                                  "Bargain CSV only: agreement (P(agreement by round t), the default) or terms (the "
                                  "final terms)")
                     ->check(one_of({"agreement", "terms"})),
                 "C", "agreement or terms");

  // The subcommands that live in files of their own (common.hpp).
  std::vector<Command> commands;
  commands.push_back(add_bargain_command(app, common));
  commands.push_back(add_solve_command(app, common));
  commands.push_back(add_explain_command(app, common));
  commands.push_back(add_graph_command(app, common));

  // `parley help [COMMAND]`: the text of --help. Not listed: the footer names it.
  std::string help_topic;
  CLI::App* help_cmd = app.add_subcommand("help", "Print the list of commands, or the options of COMMAND");
  help_cmd->group("");
  value_in_words(*help_cmd, help_cmd->add_option("COMMAND", help_topic, "A command"), "COMMAND");

  for (const CommandGroup& group : command_groups()) {
    for (const auto& name : group.commands) app.get_subcommand(name)->group(group.title);
  }

  if (const auto wrong = command_word_error(app, argc, argv)) {
    std::cerr << "parley: error: " << printable(wrong->message) << "\n" << wrong->hint << "\n";
    return kExitBadInput;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    const UsageError error = usage_error(app, e);
    std::cerr << "parley: error: " << printable(error.message) << "\n" << error.hint << "\n";
    return kExitBadInput;
  }

  if (help_cmd->parsed()) {
    const char* topic[] = {"parley", help_topic.c_str()};
    if (const auto wrong = command_word_error(app, help_topic.empty() ? 1 : 2, topic)) {
      std::cerr << "parley: error: " << printable(wrong->message) << "\n" << wrong->hint << "\n";
      return kExitBadInput;
    }
    std::cout << help_text(app, help_topic);
    return 0;
  }

  try {
    if (validate->parsed()) return validate_command(common, validate_explain);
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
    std::cerr << printable(fmt::format("{} error{} in {}\n", e.total(), e.total() == 1 ? "" : "s", common.file));
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

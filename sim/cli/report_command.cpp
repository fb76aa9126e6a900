// `parley report FILE --out F.html`: the classroom handout, one printable,
// self-contained HTML page (the pages are drawn in sim/report/handout_*.cpp;
// this file runs the analyses the page shows, on the engine).

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "option_syntax.hpp"
#include "parley/analysis/lookup.hpp"
#include "parley/io/diagnostics.hpp"
#include "parley/io/scenario_loader.hpp"
#include "parley/report/handout_report.hpp"
#include "parley/version.hpp"

namespace parley::cli {

namespace {

/// Draws the handout uses when --draws is not given: the scenario's, at most
/// this many (the page runs every proposal, each exercise twice, and the
/// analyses of --with).
constexpr std::uint64_t kHandoutDefaultDraws = 20000;

const std::vector<std::string> kWithItems = {"tornado", "sweep", "sobol", "bargain"};

struct ReportOptions {
  std::vector<std::string> proposals;
  std::vector<std::string> with;  // comma-separated items, possibly given several times
  std::string vary;               // the sweep's axis; default: the most influential term
};

std::vector<std::string> with_items(const std::vector<std::string>& given) {
  std::vector<std::string> items;
  for (const auto& text : given) {
    std::stringstream split(text);
    for (std::string item; std::getline(split, item, ',');) {
      if (item.empty()) continue;
      if (std::find(kWithItems.begin(), kWithItems.end(), item) == kWithItems.end()) {
        const std::string near = closest_match(item, kWithItems);
        throw InputError(fmt::format("report: --with: unknown item '{}'{}: expected a comma-separated list of {}",
                                     printable(item), near.empty() ? "" : " (did you mean '" + near + "'?)",
                                     or_list(kWithItems)));
      }
      if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
    }
  }
  return items;
}

// Refuses an --out that cannot be written before any computation starts.
void check_out(const std::string& out) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (fs::is_directory(out, error)) {
    throw InputError(fmt::format("report: --out '{}': expected a file name, got a directory", printable(out)));
  }
  const fs::path parent = fs::path(out).parent_path();
  const fs::path dir = parent.empty() ? fs::path(".") : parent;
  if (!fs::is_directory(dir, error) || ::access(dir.c_str(), W_OK) != 0) {
    throw InputError(fmt::format("report: --out '{}': cannot write in '{}': expected a writable directory",
                                 printable(out), printable(dir.string())));
  }
}

std::string shell_word(const std::string& word) {
  const bool safe = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           std::string_view("_-./=:,+").find(c) != std::string_view::npos;
  });
  if (safe) return word;
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string reproducing_command(const CommonOptions& o, const ReportOptions& r, const std::vector<std::string>& with,
                                const SimulationSettings& settings) {
  std::string command = "parley report " + shell_word(o.file);
  for (const auto& p : r.proposals) command += " --proposal " + shell_word(p);
  if (!with.empty()) {
    std::string list;
    for (const auto& w : with) list += (list.empty() ? "" : ",") + w;
    command += " --with " + list;
  }
  if (!r.vary.empty()) command += " --vary " + shell_word(r.vary);
  for (const auto& set : o.sets) command += " --set " + shell_word(set);
  command += fmt::format(" --draws {} --seed {} --out {}", settings.draws, settings.seed, shell_word(o.out));
  return command;
}

// The term of the proposal whose move from the bottom to the top of its
// range changes P(deal) most (two-point sweeps on the same draws).
SweepAxis most_influential_term(const Scenario& s, const std::string& proposal, SimulationSettings settings) {
  settings.draws = std::min<std::uint64_t>(settings.draws, 5000);
  settings.progress = {};
  SweepAxis best{s.issues.front().id, s.issues.front().lo, s.issues.front().hi, 2};
  double largest = -1.0;
  for (const Issue& issue : s.issues) {
    const SweepResult ends = sweep_scenario(s, proposal, {{issue.id, issue.lo, issue.hi, 2}}, settings);
    const double change = std::abs(ends.points.back().deal.mean - ends.points.front().deal.mean);
    if (change > largest) {
      largest = change;
      best = {issue.id, issue.lo, issue.hi, 2};
    }
  }
  if (s.issues[*s.find_issue(best.issue)].type == IssueType::continuous) best.steps = 11;
  return best;
}

int report_command(const CommonOptions& o, const ReportOptions& r) {
  const std::vector<std::string> with = with_items(r.with);
  const std::optional<SweepAxis> vary = r.vary.empty() ? std::nullopt : std::optional(parse_sweep_axis(r.vary));
  check_out(o.out);
  const Scenario s = load(o);
  ProgressBar bar("report", !o.no_progress);
  SimulationSettings settings = simulation_settings(o, s, bar);
  if (o.draws == 0) settings.draws = std::min(settings.draws, kHandoutDefaultDraws);

  RunSettings run;
  run.simulation = settings;
  for (const auto& id : r.proposals) {
    const std::size_t p = require_proposal(s, id);
    if (std::find(run.proposals.begin(), run.proposals.end(), p) == run.proposals.end()) run.proposals.push_back(p);
  }
  Handout h;
  h.command = reproducing_command(o, r, with, settings);
  h.run = run_scenario(s, run);
  // The analyses of --with look at the first proposal shown.
  const std::string focus = h.run.proposals.front().id;
  auto wants = [&](const char* item) { return std::find(with.begin(), with.end(), item) != with.end(); };
  if (wants("tornado")) h.tornado = tornado_scenario(s, focus, settings);
  if (wants("sweep"))
    h.sweep = sweep_scenario(s, focus, {vary ? *vary : most_influential_term(s, focus, settings)}, settings);
  if (wants("sobol")) {
    SobolSettings sobol;
    sobol.seed = settings.seed;
    sobol.threads = settings.threads;
    sobol.replicates = kSobolDefaultReplicates;
    sobol.bootstrap = 0;
    h.sobol = sobol_scenario(s, focus, InputGrouping::actor, sobol);
  }
  if (wants("bargain")) {
    BargainSettings game;
    game.protocol = BargainingProtocol::mediated;
    game.rounds = s.bargaining.rounds;
    game.step = s.bargaining.step;
    game.proposal = s.bargaining.proposal.empty() ? *s.find_proposal(focus) : *s.find_proposal(s.bargaining.proposal);
    game.simulation = settings;
    h.bargain = bargain_scenario(s, game);
  }
  // Each exercise that changes the scenario: before and after, same seed and draws.
  for (std::size_t k = 0; k < s.exercises.size(); ++k) {
    const Exercise& e = s.exercises[k];
    if (e.changes.empty()) continue;
    std::vector<Override> overrides;
    for (const auto& set : o.sets) overrides.push_back(parse_override(set));
    for (const auto& c : e.changes) overrides.push_back({c.path, c.value});
    const Scenario changed = load_scenario_file(o.file, overrides);
    RunSettings before = run;
    if (!e.proposal.empty()) before.proposals = {*s.find_proposal(e.proposal)};
    RunSettings after = before;
    h.exercises.push_back({k, run_scenario(s, before), run_scenario(changed, after)});
  }
  const std::string page = handout_html(s, h);
  try {
    emit(o, page);
  } catch (const std::runtime_error& error) {
    throw InputError(std::string("report: ") + error.what());
  }
  return 0;
}

}  // namespace

Command add_report_command(CLI::App& app, CommonOptions& common) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "report",
      "A printable classroom handout: one self-contained HTML page with positions, quotes, assumptions, "
      "results, charts and exercises");
  add_scenario_options(*cmd, common);
  value_in_words(*cmd, cmd->add_option("--proposal", options->proposals, "Only these proposals; default: all"), "ID");
  value_in_words(*cmd,
                 cmd->add_option("--with", options->with,
                                 "Also these analyses of the first proposal, comma-separated: tornado, sweep, sobol, "
                                 "bargain"),
                 "LIST");
  value_in_words(*cmd,
                 cmd->add_option("--vary", options->vary,
                                 "The sweep of --with sweep (default: the proposal's term that moves P(deal) most, "
                                 "over its range)"),
                 "ISSUE=LO:HI:STEPS");
  value_in_words(*cmd,
                 cmd->add_option("--draws", common.draws,
                                 fmt::format("Monte Carlo draws (default: the scenario's simulation.draws, at most {})",
                                             kHandoutDefaultDraws))
                     ->check(whole_number(1, kMaxDraws)),
                 "N", whole_number_words(1, kMaxDraws));
  add_seed_option(*cmd, common, "Random seed (default: the scenario's simulation.seed)");
  add_threads_option(*cmd, common, "Worker threads; results are identical for any number");
  value_in_words(*cmd, cmd->add_option("--out", common.out, "The HTML file to write (atomically)")->required(), "FILE");
  cmd->add_flag("--no-progress", common.no_progress, "No progress bar on stderr");
  return {cmd, [&common, options] { return report_command(common, *options); }};
}

}  // namespace parley::cli

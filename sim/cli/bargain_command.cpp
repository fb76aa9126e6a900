// `parley bargain FILE`: the bargaining game played on every draw.

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <memory>

#include "commands.hpp"
#include "parley/analysis/bargain.hpp"
#include "parley/analysis/lookup.hpp"
#include "parley/report/bargain_report.hpp"

namespace parley::cli {

namespace {

struct BargainOptions {
  std::string protocol;  // empty: the scenario's
  std::optional<std::size_t> rounds;
  std::optional<double> step;
  std::string proposal;  // empty: the scenario's
  std::optional<std::uint64_t> trace;
};

CLI::Validator step_validator() {
  return {[](std::string& text) -> std::string {
            double value = 0.0;
            const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
            if (text.empty() || result.ec != std::errc() || result.ptr != text.data() + text.size() || !(value > 0.0) ||
                value > 1.0) {
              return "expected a number in (0, 1], got '" + text + "'";
            }
            return {};
          },
          ""};
}

int bargain_command(const CommonOptions& o, const BargainOptions& b) {
  const Scenario s = load(o);
  BargainSettings settings;
  // Checked by one_of: a protocol's name, or empty for the scenario's.
  settings.protocol = b.protocol.empty() ? s.bargaining.protocol : parse_bargaining_protocol(b.protocol).value();
  settings.rounds = b.rounds.value_or(s.bargaining.rounds);
  settings.step = b.step.value_or(s.bargaining.step);
  const std::string proposal = b.proposal.empty() ? s.bargaining.proposal : b.proposal;
  settings.proposal = proposal.empty() ? 0 : require_proposal(s, proposal);
  ProgressBar bar("bargain", !o.no_progress);
  settings.simulation = simulation_settings(o, s, bar);
  if (settings.protocol == BargainingProtocol::alternating && o.draws == 0) {
    settings.simulation.draws = std::min(settings.simulation.draws, kBargainAlternatingDefaultDraws);
  }
  settings.trace = b.trace;
  const BargainResult result = bargain_scenario(s, settings);
  emit(o, render(o, s, result, bargain_json, bargain_csv, bargain_table));
  return 0;
}

}  // namespace

Command add_bargain_command(CLI::App& app, CommonOptions& common) {
  // Owned by the command's closure: CLI11 writes into it while parsing.
  auto options = std::make_shared<BargainOptions>();
  CLI::App* cmd = app.add_subcommand(
      "bargain", "Rounds of offers and concessions on every draw: P(agreement by round t), where the terms land");
  add_scenario_options(*cmd, common);
  add_simulation_options(*cmd, common);
  cmd->get_option("--draws")->description(
      fmt::format("Monte Carlo draws (default: the scenario's simulation.draws; alternating: at most {}, "
                  "as every draw solves its game by backward induction)",
                  kBargainAlternatingDefaultDraws));
  value_in_words(*cmd,
                 cmd->add_option("--protocol", options->protocol,
                                 "mediated: a mediator moves the terms toward those who reject; alternating: the veto "
                                 "actors take turns proposing (default: the scenario's bargaining.protocol, else "
                                 "mediated)")
                     ->check(one_of(bargaining_protocol_names())),
                 "P", or_list(bargaining_protocol_names()));
  value_in_words(*cmd,
                 cmd->add_option("--rounds", options->rounds,
                                 "Rounds of the game (default: the scenario's bargaining.rounds, else 20)")
                     ->check(whole_number(1, kMaxBargainingRounds)),
                 "N", whole_number_words(1, kMaxBargainingRounds));
  value_in_words(*cmd,
                 cmd->add_option("--step", options->step,
                                 "Mediated: share of the rejecting actors' pull applied per round (default: the "
                                 "scenario's bargaining.step, else 0.25)")
                     ->check(step_validator()),
                 "X", "a number in (0, 1]");
  value_in_words(*cmd,
                 cmd->add_option("--proposal", options->proposal,
                                 "The starting proposal (default: the scenario's bargaining.proposal, else the first)"),
                 "ID");
  value_in_words(*cmd,
                 cmd->add_option("--trace", options->trace, "Also print the game of this draw round by round")
                     ->check(seed_validator()),
                 "DRAW", "a draw's index, from 0 to the number of draws - 1");
  return {cmd, [&common, options] { return bargain_command(common, *options); }};
}

}  // namespace parley::cli

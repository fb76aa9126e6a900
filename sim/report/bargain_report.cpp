#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "parley/report/bargain_report.hpp"
#include "parley/report/text_layout.hpp"
#include "parley/version.hpp"

namespace parley {

namespace {

using text::display_width;
using text::fit;
using text::pad;

constexpr std::size_t kWidth = 78;

// Breaks a sentence into lines of at most kWidth columns at spaces; lines after
// the first start with `indent`.
std::string wrap(const std::string& sentence, const std::string& first_indent, const std::string& indent) {
  return text::wrap(sentence, kWidth, first_indent, indent);
}

// Decimals that show a term to about a thousandth of its issue's range; two
// for a binary issue, whose mean over draws is the share of draws at 1.
int term_decimals(const Issue& issue) {
  if (issue.type == IssueType::binary) return 2;
  const int magnitude = static_cast<int>(std::floor(std::log10(issue.hi - issue.lo)));
  return std::clamp(3 - magnitude, 0, 6);
}

std::string strip_zeros(std::string text) {
  if (text.find('.') == std::string::npos) return text;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

// A term in words: as few digits as its issue needs.
std::string term_text(const Issue& issue, double value) {
  return strip_zeros(fmt::format("{:.{}f}", value, term_decimals(issue)));
}

// The change between two terms as shown, so that it adds up with them.
std::string change_text(const Issue& issue, double before, double after) {
  const double scale = std::pow(10.0, term_decimals(issue));
  const double change = (std::round(after * scale) - std::round(before * scale)) / scale;
  return (change < 0 ? "-" : "+") + term_text(issue, std::fabs(change));
}

std::string terms_text(const Scenario& scenario, const std::vector<double>& terms) {
  std::string text;
  for (std::size_t k = 0; k < terms.size(); ++k) {
    text += fmt::format("{}{} {}", k == 0 ? "" : ", ", scenario.issues[k].id, term_text(scenario.issues[k], terms[k]));
  }
  return text;
}

// "the mediator", naming the scenario's `mediator: true` actors when it has any.
std::string mediator_text(const Scenario& scenario) {
  std::string names;
  for (const Actor& actor : scenario.actors) {
    if (actor.mediator) names += (names.empty() ? "" : " and ") + actor.name;
  }
  return names.empty() ? "the mediator" : "the mediator (" + names + ")";
}

std::string response_text(const Scenario& scenario, const Response& r) {
  std::string text =
      fmt::format("{} {}: P(accept) {:.2f}, drew {:.2f}; utility {:.2f} vs {:.2f} needed (margin {:+.2f}",
                  scenario.actors[r.actor].name, r.accepted ? "accepts" : "rejects", r.probability, r.drawn, r.utility,
                  r.threshold, r.margin);
  // The stance differs from the margin only through the pull of neighbours.
  if (std::fabs(r.stance - r.margin) >= 0.005) text += fmt::format(", {:+.2f} after influence", r.stance);
  return text + ")";
}

std::string moves_text(const Scenario& scenario, const std::vector<double>& before, const std::vector<double>& after) {
  std::string text;
  for (std::size_t k = 0; k < before.size(); ++k) {
    const Issue& issue = scenario.issues[k];
    if (term_text(issue, before[k]) == term_text(issue, after[k])) continue;
    text += fmt::format("{}{} {} -> {} ({})", text.empty() ? "" : ", ", issue.id, term_text(issue, before[k]),
                        term_text(issue, after[k]), change_text(issue, before[k], after[k]));
  }
  return text.empty() ? "The terms stay as they are." : "The terms move: " + text + ".";
}

std::string trace_text(const Scenario& scenario, const BargainResult& result) {
  std::string units;
  for (const Issue& issue : scenario.issues) {
    if (!issue.unit.empty()) units += fmt::format("; {}: {}", issue.id, issue.unit);
  }
  std::string out =
      "\n" + wrap(fmt::format("Trace of draw {}, round by round (terms in issue units{})", *result.trace_draw, units),
                  "", "  ");
  const std::string mediator = mediator_text(scenario);
  for (std::size_t i = 0; i < result.trace.size(); ++i) {
    const RoundRecord& round = result.trace[i];
    std::string who;
    if (round.proposer) {
      who = scenario.actors[*round.proposer].name + " proposes";
    } else {
      who = mediator + (i == 0 ? " offers the starting proposal " + result.proposal + ":" : " offers");
    }
    out += "\n" + wrap(fmt::format("Round {}: {} {}", round.round, who, terms_text(scenario, round.terms)), "", "  ");
    for (const Response& response : round.responses) out += wrap(response_text(scenario, response), "  ", "    ");
    if (!round.agreement && i + 1 < result.trace.size()) {
      out += wrap(moves_text(scenario, round.terms, result.trace[i + 1].terms), "  ", "    ");
    }
  }
  const GameOutcome& outcome = result.trace_outcome;
  const std::string ending =
      outcome.agreed ? fmt::format("Agreement in round {} on {}.", outcome.round, terms_text(scenario, outcome.terms))
                     : fmt::format("No agreement after {} round{}; the last offer was {}.", result.rounds,
                                   result.rounds == 1 ? "" : "s", terms_text(scenario, outcome.terms));
  return out + "\n" + wrap(ending, "", "  ");
}

// The rounds the table shows: every one up to 10, then every k-th (k from
// 1, 2, 5, 10, 20, ... so that at most 8 more rows follow) and the last.
std::vector<std::size_t> shown_rounds(std::size_t rounds) {
  constexpr std::size_t kEveryRound = 10;
  constexpr std::size_t kMoreRows = 8;
  std::vector<std::size_t> shown;
  for (std::size_t t = 1; t <= std::min(rounds, kEveryRound); ++t) shown.push_back(t);
  if (rounds <= kEveryRound) return shown;
  std::size_t every = 1;
  for (std::size_t scale = 1; (rounds - kEveryRound) / every > kMoreRows; scale *= 10) {
    for (std::size_t factor : {1, 2, 5}) {
      every = factor * scale;
      if ((rounds - kEveryRound) / every <= kMoreRows) break;
    }
  }
  for (std::size_t t = (kEveryRound / every + 1) * every; t < rounds; t += every) shown.push_back(t);
  shown.push_back(rounds);
  return shown;
}

nlohmann::ordered_json terms_json(const Scenario& scenario, const std::vector<double>& terms) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (std::size_t k = 0; k < terms.size(); ++k) j[scenario.issues[k].id] = terms[k];
  return j;
}

nlohmann::ordered_json trace_json(const Scenario& scenario, const BargainResult& result) {
  nlohmann::ordered_json rounds = nlohmann::ordered_json::array();
  for (const RoundRecord& round : result.trace) {
    nlohmann::ordered_json responses = nlohmann::ordered_json::array();
    for (const Response& r : round.responses) {
      responses.push_back({{"actor", scenario.actors[r.actor].id},
                           {"utility", r.utility},
                           {"threshold", r.threshold},
                           {"margin", r.margin},
                           {"stance", r.stance},
                           {"probability", r.probability},
                           {"drawn", r.drawn},
                           {"accepted", r.accepted}});
    }
    rounds.push_back({{"round", round.round},
                      {"proposer", round.proposer ? scenario.actors[*round.proposer].id : "mediator"},
                      {"terms", terms_json(scenario, round.terms)},
                      {"responses", responses},
                      {"agreement", round.agreement}});
  }
  const GameOutcome& outcome = result.trace_outcome;
  nlohmann::ordered_json rejections = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < outcome.rejections.size(); ++i) {
    if (scenario.actors[i].veto) rejections[scenario.actors[i].id] = outcome.rejections[i];
  }
  nlohmann::ordered_json j;
  j["draw"] = *result.trace_draw;
  j["rounds"] = rounds;
  j["outcome"] = {{"agreed", outcome.agreed},
                  {"round", outcome.round},
                  {"terms", terms_json(scenario, outcome.terms)},
                  {"rejections", rejections}};
  return j;
}

}  // namespace

nlohmann::ordered_json bargain_json(const Scenario& scenario, const BargainResult& result) {
  nlohmann::ordered_json j = json_header(scenario, "bargain", result.seed, result.draws);
  j["protocol"] = name_of(result.protocol);
  j["rounds"] = result.rounds;
  j["step"] = result.step;
  j["proposal"] = result.proposal;
  nlohmann::ordered_json mediators = nlohmann::ordered_json::array();
  for (const Actor& actor : scenario.actors) {
    if (actor.mediator) mediators.push_back(actor.id);
  }
  j["mediators"] = mediators;
  nlohmann::ordered_json by_round = nlohmann::ordered_json::array();
  for (std::size_t t = 0; t < result.agreement_by_round.size(); ++t) {
    const Estimate& e = result.agreement_by_round[t];
    by_round.push_back({{"round", t + 1}, {"p", e.mean}, {"se", e.se}, {"ci95", {e.ci95[0], e.ci95[1]}}});
  }
  j["agreement_by_round"] = by_round;
  j["agreement"] = estimate_json(result.agreement_by_round.back());
  j["agreed_draws"] = result.agreed_draws;
  j["rounds_to_agreement"] = result.agreed_draws > 0 ? estimate_json(result.rounds_to_agreement) : nullptr;
  nlohmann::ordered_json terms = nlohmann::ordered_json::array();
  for (const IssueOutcome& t : result.terms) {
    const Issue& issue = scenario.issues[t.issue];
    nlohmann::ordered_json jt = {{"issue", issue.id}, {"unit", issue.unit}, {"start", t.start}};
    // Without an agreement there are no final terms to summarise.
    for (const auto& [key, value] : {std::pair{"mean", t.mean}, {"q05", t.q05}, {"q50", t.q50}, {"q95", t.q95}}) {
      jt[key] = result.agreed_draws > 0 ? nlohmann::ordered_json(value) : nlohmann::ordered_json(nullptr);
    }
    terms.push_back(jt);
  }
  j["terms"] = terms;
  j["quantile_method"] = fmt::format(
      "histogram of the normalised terms, {} equal bins on [0, 1] that keep their smallest and largest value; "
      "quantiles interpolated between those (exact for values that repeat)",
      UnitIntervalQuantiles::kBins);
  nlohmann::ordered_json rejections = nlohmann::ordered_json::array();
  for (const ActorRejections& r : result.rejections) {
    rejections.push_back({{"actor", scenario.actors[r.actor].id},
                          {"mean", r.rejections.mean},
                          {"se", r.rejections.se},
                          {"ever", r.ever_rejected.mean}});
  }
  j["rejections"] = rejections;
  if (result.trace_draw) j["trace"] = trace_json(scenario, result);
  return j;
}

std::string bargain_csv(const Scenario& scenario, const BargainResult& result) {
  std::string out = csv_header(scenario, "bargain", result.seed, result.draws);
  out += "measure,round,issue,actor,value,se,ci95_low,ci95_high\n";
  auto estimate_row = [&](const std::string& measure, const std::string& round, const std::string& actor,
                          const Estimate& e) {
    out += fmt::format("{},{},,{},{},{},{},{}\n", measure, round, actor, text::csv_number(e.mean),
                       text::csv_number(e.se), text::csv_number(e.ci95[0]), text::csv_number(e.ci95[1]));
  };
  auto term_row = [&](const std::string& measure, const Issue& issue, double value) {
    out += fmt::format("{},,{},,{},,,\n", measure, issue.id, text::csv_number(value));
  };
  for (std::size_t t = 0; t < result.agreement_by_round.size(); ++t) {
    estimate_row("agreement_by_round", std::to_string(t + 1), "", result.agreement_by_round[t]);
  }
  estimate_row("agreement", "", "", result.agreement_by_round.back());
  if (result.agreed_draws > 0) estimate_row("rounds_to_agreement", "", "", result.rounds_to_agreement);
  for (const IssueOutcome& t : result.terms) {
    const Issue& issue = scenario.issues[t.issue];
    term_row("issue_lo", issue, issue.lo);
    term_row("issue_hi", issue, issue.hi);
    term_row("term_start", issue, t.start);
    if (result.agreed_draws == 0) continue;
    term_row("term_mean", issue, t.mean);
    term_row("term_q05", issue, t.q05);
    term_row("term_q50", issue, t.q50);
    term_row("term_q95", issue, t.q95);
  }
  for (const ActorRejections& r : result.rejections) {
    estimate_row("rejections", "", scenario.actors[r.actor].id, r.rejections);
    estimate_row("ever_rejected", "", scenario.actors[r.actor].id, r.ever_rejected);
  }
  return out;
}

std::string bargain_table(const Scenario& scenario, const BargainResult& result) {
  std::string out = fit(scenario.title, kWidth) + "\n" + kDisclaimer + "\n";
  out += fmt::format("parley {} bargain: {} protocol, {} round{}", kVersion, name_of(result.protocol), result.rounds,
                     result.rounds == 1 ? "" : "s");
  bool mediated = false;  // a mediator makes the offers, moving by `step`
  switch (result.protocol) {
    case BargainingProtocol::mediated:
      mediated = true;
      break;
    case BargainingProtocol::alternating:
      break;
  }
  if (mediated) out += fmt::format(", step {:g}", result.step);
  out += "\n" +
         fit(fmt::format("start: proposal {}; seed {}, {} draws", result.proposal, result.seed, result.draws), kWidth) +
         "\n";
  if (mediated) {
    out += wrap(fmt::format("Offers by {}; every veto actor votes.", mediator_text(scenario)), "", "  ");
  }

  out += "\nP(agreement by round t)\n";
  out += fmt::format("{:>6}  {:>12}  {}\n", "round", "P(agreement)", "95% interval");
  for (std::size_t t : shown_rounds(result.rounds)) {
    const Estimate& e = result.agreement_by_round[t - 1];
    out += fmt::format("{:>6}  {:>12.3f}  [{:.3f}, {:.3f}]\n", t, e.mean, e.ci95[0], e.ci95[1]);
  }
  if (result.rounds > shown_rounds(result.rounds).size()) {
    out += "\n(a selection of the rounds; the JSON and CSV outputs list every one)\n";
  }
  const Estimate& agreement = result.agreement_by_round.back();
  out += fmt::format("\nP(agreement) within {} round{}: {:.3f} (SE {:.4f}, 95% [{:.3f}, {:.3f}])\n", result.rounds,
                     result.rounds == 1 ? "" : "s", agreement.mean, agreement.se, agreement.ci95[0], agreement.ci95[1]);
  if (result.agreed_draws == 0) {
    out += "No draw reached agreement: there are no final terms.\n";
  } else {
    const Estimate& r = result.rounds_to_agreement;
    out += fmt::format("Mean rounds to agreement: {:.2f} (SE {:.2f}) over the {} draws that agreed\n", r.mean, r.se,
                       result.agreed_draws);
    out += "\nFinal terms over the draws that agreed, in issue units\n";
    out += fmt::format("{:<19}{:>7}{:>7}{:>7}{:>7}{:>7}  {}\n", "issue", "start", "mean", "5%", "50%", "95%", "unit");
    for (const IssueOutcome& t : result.terms) {
      const Issue& issue = scenario.issues[t.issue];
      const int decimals = term_decimals(issue);
      std::string row = pad(fit(issue.id, 18), 19);
      for (double v : {t.start, t.mean, t.q05, t.q50, t.q95}) row += fmt::format("{:>7.{}f}", v, decimals);
      out += row + (issue.unit.empty() ? "" : "  " + fit(issue.unit, kWidth - 56)) + "\n";
    }
  }

  out += "\nRejections per game (veto actors, most first)\n";
  out += fmt::format("{:<30}{:>8}  {:<17}  {}\n", "actor", "mean", "95% interval", "ever");
  for (const ActorRejections& r : result.rejections) {
    const Estimate& e = r.rejections;
    out += fmt::format("{}{:>8.2f}  {:<17}  {:.3f}\n", pad(fit(scenario.actors[r.actor].name, 29), 30), e.mean,
                       fmt::format("[{:.2f}, {:.2f}]", e.ci95[0], e.ci95[1]), r.ever_rejected.mean);
  }
  out += "mean: rejections per game; ever: the share of games in which it rejected.\n";
  if (result.trace_draw) out += trace_text(scenario, result);
  return out;
}

}  // namespace parley

// The handout's optional analyses (`--with`): the tornado, a sweep of one
// term, grouped Sobol indices and the mediated game's P(agreement by round).

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "handout_parts.hpp"
#include "parley/report/sweep_report.hpp"

namespace parley::handout {

namespace {

constexpr std::size_t kTornadoBars = 15;

std::string proposal_label(const Scenario& s, const std::string& id) {
  const auto p = s.find_proposal(id);
  return p ? s.proposals[*p].label : id;
}

std::string tornado(const Scenario& s, const TornadoResult& t) {
  std::string out = section_start("tornado", "Which single assumption moves P(deal) most?");
  out += fmt::format(
      "<p>Proposal: <strong>{}</strong>. Each uncertain input is held at its {:.0f}% and then its "
      "{:.0f}% quantile while the others are drawn as usual; the bar runs from P(deal) at one to "
      "P(deal) at the other. With every input drawn, P(deal) is {}. The {} largest swings of {}:</p>\n",
      esc(proposal_label(s, t.proposal)), 100 * t.low_quantile, 100 * t.high_quantile, num(t.deal.mean),
      std::min(kTornadoBars, t.bars.size()), t.bars.size());
  std::vector<BarRow> rows;
  out +=
      "<table class=\"keep\"><thead><tr><th>Input</th><th class=\"n\">Low value</th><th class=\"n\">P(deal)</th>"
      "<th class=\"n\">High value</th><th class=\"n\">P(deal)</th><th class=\"n\">Swing</th></tr></thead><tbody>\n";
  double top = 0.0;
  for (std::size_t k = 0; k < t.bars.size() && k < kTornadoBars; ++k) {
    const TornadoBar& b = t.bars[k];
    out += fmt::format(
        "<tr><td><code>{}</code></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}"
        "</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
        esc(b.input), num(b.low_value), num(b.low.mean), num(b.high_value), num(b.high.mean), num(b.swing));
    rows.push_back({b.input, std::max(b.low.mean, b.high.mean), std::min(b.low.mean, b.high.mean),
                    std::max(b.low.mean, b.high.mean), false});
    top = std::max(top, std::max(b.low.mean, b.high.mean));
  }
  out += "</tbody></table>\n";
  out += bar_chart(rows,
                   "Tornado: the bar's end is the larger P(deal) of the two quantiles; the whisker spans P(deal) "
                   "from one quantile to the other",
                   top > 0.5 ? 1.0 : std::max(0.05, std::ceil(top * 20) / 20 + 0.05));
  return out + "</section>\n";
}

std::string sweep(const Scenario& s, const SweepResult& w) {
  if (w.axes.empty() || w.axis_issues.empty()) return "";
  const Issue& issue = s.issues[w.axis_issues[0]];
  std::string out = section_start("sweep", "Sweep: moving one term of the proposal");
  out += fmt::format(
      "<p>Proposal: <strong>{}</strong>, with the term \xe2\x80\x9c{}\xe2\x80\x9d moved from {} to {}; "
      "every point uses the same draws, so the differences between points are the term's.</p>\n",
      esc(proposal_label(s, w.proposal)), esc(issue.label), num(w.axes[0].lo), num(w.axes[0].hi));
  std::vector<LinePoint> points;
  out += "<table><thead><tr><th class=\"n\">" + esc(issue.unit.empty() ? issue.id : issue.unit) + "</th>";
  std::vector<std::size_t> veto;
  for (std::size_t a = 0; a < s.actors.size(); ++a) {
    if (s.actors[a].veto) veto.push_back(a);
  }
  for (const std::size_t a : veto) out += "<th class=\"n\">" + esc(s.actors[a].name) + "</th>";
  out += "<th class=\"n\">P(deal)</th></tr></thead><tbody>\n";
  for (const SweepPoint& p : w.points) {
    out += "<tr><td class=\"n\">" + num(p.values[0]) + "</td>";
    for (const std::size_t a : veto) out += "<td class=\"n\">" + num(p.accept[a].mean) + "</td>";
    out += "<td class=\"n\"><strong>" + num(p.deal.mean) + "</strong></td></tr>\n";
    points.push_back({p.values[0], p.deal.mean, p.deal.ci95[0], p.deal.ci95[1]});
  }
  out += "</tbody></table>\n";
  out += line_chart(points, sweep_axis_label(s, issue.id), "P(deal)",
                    "P(deal) as the term moves (veto actors' acceptance in the table)");
  return out + "</section>\n";
}

std::string sobol(const Scenario& s, const SobolAnalysis& a) {
  std::string out = section_start("sobol", "How much of the uncertainty comes from whom?");
  out += fmt::format(
      "<p>Proposal: <strong>{}</strong>. Sobol indices of P(deal) with the inputs grouped by {}: the "
      "first-order index is the share of the variance of P(deal) that the group explains alone; the "
      "total index adds its interactions with the others. {} model evaluations.</p>\n",
      esc(proposal_label(s, a.proposal)), esc(std::string(name_of(a.grouping))), a.result.evaluations);
  out +=
      "<table class=\"keep\"><thead><tr><th>Group</th><th class=\"n\">First order</th><th class=\"n\">95% "
      "interval</th><th class=\"n\">Total</th><th class=\"n\">95% interval</th></tr></thead><tbody>\n";
  std::vector<BarRow> rows;
  for (const SobolIndex& i : a.result.indices) {
    const std::string name = a.grouping == InputGrouping::actor ? actor_name(s, i.name) : i.name;
    out += fmt::format(
        "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}\xe2\x80\x93{}</td><td class=\"n\">{}"
        "</td><td class=\"n\">{}\xe2\x80\x93{}</td></tr>\n",
        esc(name), num(i.first), num(i.first_lo), num(i.first_hi), num(i.total), num(i.total_lo), num(i.total_hi));
    rows.push_back({name, std::max(0.0, i.total), std::max(0.0, i.total_lo), std::max(0.0, i.total_hi), false});
  }
  out += "</tbody></table>\n";
  out += bar_chart(rows, "Total-order Sobol index of P(deal) per group, with its 95% interval");
  return out + "</section>\n";
}

std::string bargain(const Scenario& s, const BargainResult& b) {
  std::string out = section_start("bargain", "The mediated game: agreement round by round");
  out += fmt::format(
      "<p>Starting from <strong>{}</strong>, protocol {}, {} rounds, step {}: on each draw the veto "
      "actors accept or reject; after a rejection the terms move toward those who rejected. The "
      "chart shows the share of draws that have agreed by each round ({} of {} draws agree).</p>\n",
      esc(proposal_label(s, b.proposal)), esc(std::string(name_of(b.protocol))), b.rounds, num(b.step), b.agreed_draws,
      b.draws);
  std::vector<LinePoint> points;
  for (std::size_t t = 0; t < b.agreement_by_round.size(); ++t) {
    const Estimate& e = b.agreement_by_round[t];
    points.push_back({static_cast<double>(t + 1), e.mean, e.ci95[0], e.ci95[1]});
  }
  out += line_chart(points, "round", "P(agreement by round)", "P(agreement by round t)");
  out +=
      "<table class=\"keep\"><thead><tr><th>Issue</th><th class=\"n\">Start</th><th class=\"n\">Agreed "
      "(median)</th><th class=\"n\">5%\xe2\x80\x93"
      "95%</th></tr></thead><tbody>\n";
  for (const IssueOutcome& o : b.terms) {
    out += fmt::format(
        "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}\xe2\x80\x93{}"
        "</td></tr>\n",
        esc(s.issues[o.issue].label), num(o.start), num(o.q50), num(o.q05), num(o.q95));
  }
  out += "</tbody></table>\n";
  return out + "</section>\n";
}

}  // namespace

std::string analyses_sections(const Scenario& s, const Handout& h) {
  std::string out;
  if (h.tornado) out += tornado(s, *h.tornado);
  if (h.sweep) out += sweep(s, *h.sweep);
  if (h.sobol) out += sobol(s, *h.sobol);
  if (h.bargain) out += bargain(s, *h.bargain);
  return out;
}

}  // namespace parley::handout

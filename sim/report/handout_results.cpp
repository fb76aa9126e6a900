// The handout's results: `run` per proposal as a table and a chart with
// interval bars, and the exercises, with before and after for those that
// change the scenario.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "handout_parts.hpp"
#include "parley/report/exercises_report.hpp"

namespace parley::handout {

namespace {

std::string interval(const Estimate& e) {
  return fmt::format("{}\xe2\x80\x93{}", num(e.ci95[0]), num(e.ci95[1]));
}

std::string proposal_results(const Scenario& s, const ProposalResult& p) {
  std::string out = "<h3>" + esc(p.label) + " <span class=\"small\">(" + esc(p.id) + ")</span></h3>\n";
  out +=
      "<table class=\"keep\"><thead><tr><th>Actor</th><th class=\"n\">P(accept)</th><th class=\"n\">95% "
      "interval</th></tr></thead><tbody>\n";
  std::vector<BarRow> rows;
  for (const ActorResult& a : p.actors) {
    const auto index = s.find_actor(a.id);
    const bool veto = index && s.actors[*index].veto;
    const std::string name = actor_name(s, a.id) + (veto ? " (veto)" : "");
    out += fmt::format("<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n", esc(name),
                       num(a.accept.mean), interval(a.accept));
    rows.push_back({name, a.accept.mean, a.accept.ci95[0], a.accept.ci95[1], false});
  }
  out += fmt::format(
      "<tr><th>P(deal): every veto actor accepts</th><td class=\"n\"><strong>{}</strong></td>"
      "<td class=\"n\">{}</td></tr>\n",
      num(p.deal.mean), interval(p.deal));
  out += fmt::format(
      "<tr><th>Spread of P(deal) over the inputs (5%, 50%, 95%)</th><td class=\"n\" colspan=\"2\">{}, "
      "{}, {}</td></tr>\n",
      num(p.deal_q05), num(p.deal_q50), num(p.deal_q95));
  out += fmt::format("<tr><th>Support (capability-weighted)</th><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
                     num(p.support.mean), interval(p.support));
  out += "</tbody></table>\n";
  rows.push_back({"P(deal)", p.deal.mean, p.deal.ci95[0], p.deal.ci95[1], true});
  rows.push_back({"Support", p.support.mean, p.support.ci95[0], p.support.ci95[1], true});
  out += bar_chart(rows, "Acceptance under \"" + p.label + "\": mean over the draws, with its 95% interval");
  return out;
}

std::string change_cell(double before, double after) {
  const double d = after - before;
  if (std::abs(d) < 0.0005) return "<td class=\"n\">0</td>";
  return fmt::format("<td class=\"n {}\">{}{}</td>", d > 0 ? "up" : "down", d > 0 ? "+" : "\xe2\x88\x92",
                     num(std::abs(d)));
}

std::string before_after(const Scenario& s, const ExerciseResult& r) {
  std::string out;
  for (std::size_t k = 0; k < r.before.proposals.size() && k < r.after.proposals.size(); ++k) {
    const ProposalResult& b = r.before.proposals[k];
    const ProposalResult& a = r.after.proposals[k];
    out += "<table><thead><tr><th>" + esc(b.label) +
           "</th><th class=\"n\">Before</th><th class=\"n\">After</th><th class=\"n\">Change</th></tr></thead>"
           "<tbody>\n";
    for (std::size_t i = 0; i < b.actors.size() && i < a.actors.size(); ++i) {
      out += fmt::format("<tr><td>{}: P(accept)</td><td class=\"n\">{}</td><td class=\"n\">{}</td>{}</tr>\n",
                         esc(actor_name(s, b.actors[i].id)), num(b.actors[i].accept.mean), num(a.actors[i].accept.mean),
                         change_cell(b.actors[i].accept.mean, a.actors[i].accept.mean));
    }
    out += fmt::format("<tr><th>P(deal)</th><td class=\"n\">{}</td><td class=\"n\">{}</td>{}</tr>\n", num(b.deal.mean),
                       num(a.deal.mean), change_cell(b.deal.mean, a.deal.mean));
    out += fmt::format("<tr><th>Support</th><td class=\"n\">{}</td><td class=\"n\">{}</td>{}</tr>\n",
                       num(b.support.mean), num(a.support.mean), change_cell(b.support.mean, a.support.mean));
    out += "</tbody></table>\n";
  }
  return out;
}

}  // namespace

std::string results_section(const Scenario& s, const RunResult& run) {
  std::string out = section_start("results", "Results: who accepts each proposal");
  out += fmt::format(
      "<p>On each of {} draws of the uncertain inputs (seed {}), the model computes every actor's "
      "probability of accepting; the table gives the mean over the draws and its 95% interval (the "
      "Monte Carlo error only). P(deal) is the chance that every veto actor accepts. Its spread "
      "(5%, 50%, 95%) shows how much the answer hinges on the uncertain inputs.</p>\n",
      run.draws, run.seed);
  for (const ProposalResult& p : run.proposals) out += proposal_results(s, p);
  return out + "</section>\n";
}

std::string exercises_section(const Scenario& s, const Handout& h) {
  if (s.exercises.empty()) return "";
  std::string out = section_start("exercises", "Exercises");
  out +=
      "<p>Where an exercise changes the scenario, the table shows the results before and after the change, "
      "computed with the same seed and draw indices, so that the difference is the change's and not "
      "noise (exactly so unless the change turns an uncertain input into a fixed number, which redraws the "
      "inputs after it).</p>\n";
  for (std::size_t k = 0; k < s.exercises.size(); ++k) {
    const Exercise& e = s.exercises[k];
    out += fmt::format("<div class=\"exercise\"><h3>{}. {}</h3>\n<p>{}</p>\n", k + 1, esc(e.title), esc(e.question));
    if (!e.proposal.empty()) {
      const auto p = s.find_proposal(e.proposal);
      out += "<p class=\"small\">Proposal: " + esc(p ? s.proposals[*p].label : e.proposal) + "</p>\n";
    }
    if (!e.changes.empty()) {
      out += "<p class=\"small\">Changes: ";
      for (std::size_t c = 0; c < e.changes.size(); ++c) {
        out += (c ? ", " : "") + std::string("<code>") + esc(e.changes[c].path) + " = " + esc(e.changes[c].value) +
               "</code>";
      }
      out += "</p>\n";
    }
    if (!e.hint.empty()) out += "<p class=\"small\">Hint: " + esc(e.hint) + "</p>\n";
    for (const ExerciseResult& r : h.exercises) {
      if (r.exercise == k) out += before_after(s, r);
    }
    if (!e.changes.empty()) out += "<code class=\"cmd\">" + esc(exercise_command(s, e)) + "</code>\n";
    out += "</div>\n";
  }
  return out + "</section>\n";
}

}  // namespace parley::handout

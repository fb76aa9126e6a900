#include <fmt/format.h>

#include "parley/report/explain_report.hpp"
#include "parley/report/text_layout.hpp"
#include "parley/version.hpp"

namespace parley {

namespace {
using text::csv_field;
using text::fit;

constexpr std::size_t kWidth = 78;

// Wraps words into lines of at most kWidth columns.
std::string wrap(const std::string& paragraph) {
  return text::wrap(paragraph, kWidth);
}
}  // namespace

std::string explain_table(const Scenario& scenario, const Explanation& x) {
  const Actor& actor = scenario.actors[x.actor];
  const Proposal& proposal = scenario.proposals[x.proposal];
  std::string out;
  out += fit(scenario.title, kWidth) + "\n";
  out += std::string(kDisclaimer) + "\n";
  out += fmt::format("parley {} explain: seed {}, {} draws, {} uncertain inputs\n", kVersion, x.seed, x.draws,
                     x.uncertain_inputs);
  out += "\n" + wrap(fmt::format("Why {} ({}{}) accepts or rejects {} (\"{}\"). Every figure is a mean over the "
                                 "draws.",
                                 actor.name, actor.id, actor.veto ? ", veto actor" : "", proposal.id, proposal.label));

  out += "\n" + wrap(fmt::format("Its utility for {} is {:.3f}: 1 minus its loss on each issue, the salience of the "
                                 "issue times the distance from the proposal's term to its ideal point (on the "
                                 "issue's range scaled to 0..1):",
                                 proposal.id, x.utility.mean));
  out += fmt::format("  {:>6}  {:<24} {:>8} {:>8} {:>8} {:>8}\n", "loss", "issue", "term", "ideal", "salience",
                     "distance");
  double total_loss = 0.0;
  for (const IssueLoss& issue : x.issues) {
    total_loss += issue.loss.mean;
    out += fmt::format("  {:>6.3f}  {} {:>8.4g} {:>8.4g} {:>8.3f} {:>8.3f}\n", issue.loss.mean,
                       text::pad(fit(scenario.issues[issue.issue].id, 24), 24), issue.term, issue.ideal, issue.salience,
                       issue.distance);
  }
  out += fmt::format("  {:>6.3f}  total\n", total_loss);
  out += wrap(fmt::format("Its outside option (reservation) is worth {:.3f}, so its margin over no deal is {:+.3f}.",
                          x.reservation.mean, x.margin.mean));

  if (x.neighbours.empty()) {
    out += "\n" + wrap(fmt::format("No relation on the actor graph points to {}, so its stance is its margin, {:+.3f}.",
                                   actor.id, x.stance.mean));
  } else {
    out += "\n" + wrap(fmt::format("Its neighbours on the actor graph pull its stance. It keeps its margin times 1 "
                                   "minus the influence into it ({:.3f}), and each neighbour adds the weight of its "
                                   "relation times the neighbour's own stance:",
                                   x.incoming_influence));
    out += fmt::format("  {:>+7.3f}  own margin\n", x.own_share.mean);
    for (const NeighbourPull& n : x.neighbours) {
      const Relation& relation = scenario.relations[n.relation];
      const std::string kind = relation.kind.empty() ? "" : relation.kind + ", ";
      out += fit(fmt::format("  {:>+7.3f}  {} ({}weight {:+.3f}, stance {:+.3f})", n.pull.mean,
                             scenario.actors[n.neighbour].id, kind, n.weight, n.stance),
                 kWidth) +
             "\n";
    }
    out += fmt::format("  {:>+7.3f}  stance\n", x.stance.mean);
  }
  out +=
      "\n" + wrap(fmt::format("With rationality {:.3g}, {} accepts with probability {:.3f} (95% interval {:.3f} "
                              "to {:.3f}; Monte Carlo standard error {:.2g}).{}",
                              x.rationality, actor.id, x.accept.mean, x.accept.ci95[0], x.accept.ci95[1], x.accept.se,
                              actor.veto ? ""
                                         : " It has no veto: its acceptance counts in the capability-weighted "
                                           "support, not in P(deal), and reaches the veto actors only through "
                                           "its pull on the graph."));
  out +=
      "\nLosses are means of salience times distance (to the power rho), not products\n"
      "of the means shown; the sums hold draw by draw, so they hold for the means.\n";
  return out;
}

nlohmann::ordered_json explain_json(const Scenario& scenario, const Explanation& x) {
  const Actor& actor = scenario.actors[x.actor];
  const Proposal& proposal = scenario.proposals[x.proposal];
  nlohmann::ordered_json j = json_header(scenario, "explain", x.seed, x.draws);
  j["uncertain_inputs"] = x.uncertain_inputs;
  j["proposal"] = proposal.id;
  j["proposal_label"] = proposal.label;
  j["actor"] = {{"id", actor.id}, {"name", actor.name}, {"veto", actor.veto}, {"mediator", actor.mediator}};
  nlohmann::ordered_json issues = nlohmann::ordered_json::array();
  for (const IssueLoss& issue : x.issues) {
    issues.push_back({{"issue", scenario.issues[issue.issue].id},
                      {"term", issue.term},
                      {"ideal", issue.ideal},
                      {"salience", issue.salience},
                      {"distance", issue.distance},
                      {"loss", estimate_json(issue.loss)}});
  }
  j["issues"] = issues;
  j["utility"] = estimate_json(x.utility);
  j["reservation"] = estimate_json(x.reservation);
  j["margin"] = estimate_json(x.margin);
  j["incoming_influence"] = x.incoming_influence;
  j["own_share"] = estimate_json(x.own_share);
  nlohmann::ordered_json neighbours = nlohmann::ordered_json::array();
  for (const NeighbourPull& n : x.neighbours) {
    neighbours.push_back({{"actor", scenario.actors[n.neighbour].id},
                          {"relation", n.relation},
                          {"kind", scenario.relations[n.relation].kind},
                          {"weight", n.weight},
                          {"stance", n.stance},
                          {"pull", estimate_json(n.pull)}});
  }
  j["neighbours"] = neighbours;
  j["stance"] = estimate_json(x.stance);
  j["rationality"] = x.rationality;
  j["accept"] = estimate_json(x.accept);
  return j;
}

std::string explain_csv(const Scenario& scenario, const Explanation& x) {
  std::string out = csv_header(scenario, "explain", x.seed, x.draws);
  out += "component,name,mean,se,ci95_low,ci95_high,salience,distance,weight\n";
  auto row = [&out](const std::string& component, const std::string& name, const Estimate& e,
                    const std::string& rest = ",,") {
    out += fmt::format("{},{},{},{},{},{},{}\n", component, csv_field(name), text::csv_number(e.mean),
                       text::csv_number(e.se), text::csv_number(e.ci95[0]), text::csv_number(e.ci95[1]), rest);
  };
  auto plain = [&out](const std::string& component, double value) {
    out += fmt::format("{},,{},,,,,,\n", component, text::csv_number(value));
  };
  for (const IssueLoss& issue : x.issues) {
    row("issue_loss", scenario.issues[issue.issue].id, issue.loss,
        fmt::format("{},{},", text::csv_number(issue.salience), text::csv_number(issue.distance)));
  }
  row("utility", "", x.utility);
  row("reservation", "", x.reservation);
  row("margin", "", x.margin);
  plain("incoming_influence", x.incoming_influence);
  row("own_share", "", x.own_share);
  for (const NeighbourPull& n : x.neighbours) {
    row("neighbour_pull", scenario.actors[n.neighbour].id, n.pull, fmt::format(",,{}", text::csv_number(n.weight)));
  }
  row("stance", "", x.stance);
  plain("rationality", x.rationality);
  row("accept", "", x.accept);
  return out;
}

}  // namespace parley

#include <fmt/format.h>

#include "parley/report/run_report.hpp"
#include "parley/report/text_layout.hpp"
#include "parley/version.hpp"

namespace parley {

using text::csv_field;
using text::fit;
using text::pad;

nlohmann::ordered_json run_json(const Scenario& scenario, const RunResult& result) {
  nlohmann::ordered_json j = json_header(scenario, "run", result.seed, result.draws);
  j["uncertain_inputs"] = result.uncertain_inputs;
  j["quantile_method"] = "histogram of logit P(deal | theta), 0.01-wide bins on [-30, 30]";
  nlohmann::ordered_json proposals = nlohmann::ordered_json::array();
  for (const auto& p : result.proposals) {
    nlohmann::ordered_json jp;
    jp["id"] = p.id;
    jp["label"] = p.label;
    nlohmann::ordered_json deal = estimate_json(p.deal);
    deal["q05"] = p.deal_q05;
    deal["q50"] = p.deal_q50;
    deal["q95"] = p.deal_q95;
    jp["deal"] = deal;
    jp["support"] = estimate_json(p.support);
    nlohmann::ordered_json actors = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < p.actors.size(); ++i) {
      const Actor& actor = scenario.actors[i];
      actors.push_back({{"id", p.actors[i].id},
                        {"name", actor.name},
                        {"veto", actor.veto},
                        {"mediator", actor.mediator},
                        {"accept", estimate_json(p.actors[i].accept)}});
    }
    jp["actors"] = actors;
    proposals.push_back(jp);
  }
  j["proposals"] = proposals;
  return j;
}

std::string run_csv(const Scenario& scenario, const RunResult& result) {
  std::string out = csv_header(scenario, "run", result.seed, result.draws);
  out += "proposal,measure,actor,veto,mean,se,ci95_low,ci95_high,q05,q50,q95\n";
  auto number = [](double x) { return fmt::format("{:.10g}", x); };
  for (const auto& p : result.proposals) {
    for (std::size_t i = 0; i < p.actors.size(); ++i) {
      const Estimate& e = p.actors[i].accept;
      out += fmt::format("{},accept,{},{},{},{},{},{},,,\n", csv_field(p.id), csv_field(p.actors[i].id),
                         scenario.actors[i].veto ? "true" : "false", number(e.mean), number(e.se), number(e.ci95[0]),
                         number(e.ci95[1]));
    }
    out += fmt::format("{},deal,,,{},{},{},{},{},{},{}\n", csv_field(p.id), number(p.deal.mean), number(p.deal.se),
                       number(p.deal.ci95[0]), number(p.deal.ci95[1]), number(p.deal_q05), number(p.deal_q50),
                       number(p.deal_q95));
    out += fmt::format("{},support,,,{},{},{},{},,,\n", csv_field(p.id), number(p.support.mean), number(p.support.se),
                       number(p.support.ci95[0]), number(p.support.ci95[1]));
  }
  return out;
}

std::string run_table(const Scenario& scenario, const RunResult& result) {
  constexpr std::size_t kLabel = 18;
  constexpr std::size_t kCell = 20;
  constexpr std::size_t kPerBlock = 3;  // 18 + 3 * 20 = 78 columns
  std::string out;
  out += fit(scenario.title, 78) + "\n";
  out += std::string(kDisclaimer) + "\n";
  out += fmt::format("parley {} run: seed {}, {} draws, {} uncertain inputs\n", kVersion, result.seed, result.draws,
                     result.uncertain_inputs);
  auto cell = [](const Estimate& e) { return fmt::format("{:.3f} [{:.3f},{:.3f}]", e.mean, e.ci95[0], e.ci95[1]); };
  for (std::size_t first = 0; first < result.proposals.size(); first += kPerBlock) {
    const std::size_t last = std::min(result.proposals.size(), first + kPerBlock);
    out += "\n";
    for (std::size_t p = first; p < last; ++p) {
      out += fit(fmt::format("  {}: {}", result.proposals[p].id, result.proposals[p].label), 78) + "\n";
    }
    out += "\n" + pad("P(accept)", kLabel);
    for (std::size_t p = first; p < last; ++p) out += pad(fit(result.proposals[p].id, kCell - 2), kCell);
    out += "\n";
    for (std::size_t i = 0; i < scenario.actors.size(); ++i) {
      const Actor& actor = scenario.actors[i];
      const std::string mark = actor.veto ? " *" : "";
      out += pad(fit(actor.name, kLabel - 1 - mark.size()) + mark, kLabel);
      for (std::size_t p = first; p < last; ++p) out += pad(cell(result.proposals[p].actors[i].accept), kCell);
      out += "\n";
    }
    out += pad("P(deal)", kLabel);
    for (std::size_t p = first; p < last; ++p) out += pad(cell(result.proposals[p].deal), kCell);
    out += "\n" + pad("support", kLabel);
    for (std::size_t p = first; p < last; ++p) out += pad(cell(result.proposals[p].support), kCell);
    out += "\n" + pad("P(deal|θ) 5-50-95", kLabel);
    for (std::size_t p = first; p < last; ++p) {
      const auto& r = result.proposals[p];
      out += pad(fmt::format("{:.3f} {:.3f} {:.3f}", r.deal_q05, r.deal_q50, r.deal_q95), kCell);
    }
    out += "\n";
  }
  out = text::trim_line_ends(out);
  out +=
      "\n* veto actor. Cells: mean [95% interval]; P(deal|θ) row: its 5%, 50%, 95%\n"
      "quantiles over the uncertain inputs (how much the answer hinges on them).\n";
  return out;
}

}  // namespace parley

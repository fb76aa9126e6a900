#include <fmt/format.h>

#include <algorithm>

#include "parley/report/solve_report.hpp"
#include "parley/report/text_layout.hpp"

namespace parley {

namespace {
constexpr const char* kOptimiser = "compass search (Kolda, Lewis and Torczon, SIAM Review 45, 2003)";

const char* mode_name(SolveMode mode) {
  switch (mode) {
    case SolveMode::nash:
      return "nash";
    case SolveMode::zopa:
      return "zopa";
    case SolveMode::best:
      return "best";
  }
  return "";
}

nlohmann::ordered_json terms_json(const Scenario& scenario, const std::vector<double>& terms) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (std::size_t k = 0; k < terms.size(); ++k) j[scenario.issues[k].id] = terms[k];
  return j;
}

nlohmann::ordered_json margins_json(const std::vector<ActorMargin>& actors, bool with_weight) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& a : actors) {
    nlohmann::ordered_json j;
    j["id"] = a.id;
    if (with_weight) j["weight"] = a.weight;
    j["utility"] = a.utility;
    j["reservation"] = a.reservation;
    j["margin"] = a.margin;
    list.push_back(j);
  }
  return list;
}

std::size_t issue_width(const Scenario& scenario) {
  std::size_t width = 5;
  for (const auto& issue : scenario.issues) width = std::max(width, issue.id.size());
  return width;
}

std::string margins_table(const std::vector<ActorMargin>& actors, bool with_weight) {
  std::size_t width = 10;
  for (const auto& a : actors) width = std::max(width, a.id.size());
  std::string out = fmt::format("{:<{}} ", "veto actor", width);
  if (with_weight) out += fmt::format("{:>7} ", "weight");
  out += fmt::format("{:>7} {:>7} {:>7}\n", "E[u]", "E[r]", "margin");
  for (const auto& a : actors) {
    out += fmt::format("{:<{}} ", a.id, width);
    if (with_weight) out += fmt::format("{:>7.3f} ", a.weight);
    // Utilities are >= 0; a rounding error below 0 would print as -0.000.
    out += fmt::format("{:>7.3f} {:>7.3f} {:>+7.3f}\n", std::max(0.0, a.utility), a.reservation, a.margin);
  }
  return out;
}

// Columns left for the unit after the issue column and `numbers` number
// columns of 13, so that a table line fits 80 columns.
std::size_t unit_width(std::size_t issue_width, std::size_t numbers) {
  const std::size_t used = issue_width + 13 * numbers + 2;
  return used < 78 ? 78 - used : 8;
}

// One table line without the padding an empty last column leaves.
std::string trimmed(const std::string& line) {
  return text::trim_line_ends(line) + "\n";
}

std::string estimate_text(const Estimate& e) {
  return fmt::format("{:.4f} (se {:.4f}, 95% {:.4f} to {:.4f})", e.mean, e.se, e.ci95[0], e.ci95[1]);
}

std::string signed_estimate_text(const Estimate& e) {
  return fmt::format("{:+.4f} (se {:.4f}, 95% {:+.4f} to {:+.4f})", e.mean, e.se, e.ci95[0], e.ci95[1]);
}

std::string constraints_text(const BestPackage& best) {
  std::string out;
  for (const auto& f : best.fixes)
    out += fmt::format("{}{} fixed at {:.6g}", out.empty() ? "" : "; ", f.issue, f.value);
  for (const auto& b : best.bounds) {
    out += fmt::format("{}{} in [{:.6g}, {:.6g}]", out.empty() ? "" : "; ", b.issue, b.lo, b.hi);
  }
  return out.empty() ? "none (every issue over its range)" : out;
}

std::string nash_table(const Scenario& scenario, const NashSolution& nash) {
  std::string out;
  if (!nash.feasible) {
    out += "\nNo package gives every veto actor a positive expected margin (no Nash solution).\n";
    out += fmt::format("The largest smallest margin found is {:+.4f}, at the package below;\nshort: {}.\n",
                       nash.min_margin, fmt::join(nash.short_actors, ", "));
  }
  const std::size_t width = issue_width(scenario);
  out += "\n" + fmt::format("{:<{}} {:>12}  {}\n", "issue", width, nash.feasible ? "Nash" : "max-min", "unit");
  for (std::size_t k = 0; k < nash.terms.size(); ++k) {
    out += trimmed(fmt::format("{:<{}} {:>12.6g}  {}", scenario.issues[k].id, width, nash.terms[k],
                               text::fit(scenario.issues[k].unit, unit_width(width, 1))));
  }
  out += "\n" + margins_table(nash.actors, true);
  if (nash.feasible) out += fmt::format("\nsum of weight x log(margin): {:.6f}\n", nash.objective);
  out += fmt::format("Optimiser: {},\n{} evaluations.\n", kOptimiser, nash.evaluations);
  return out;
}

std::string zopa_table(const Scenario& scenario, const ZopaResult& zopa) {
  std::string out = "\nMargins at the proposal:\n" + margins_table(zopa.actors, false);
  out += zopa.proposal_inside ? "\nThe proposal is inside the zone: every veto actor's margin is positive there.\n"
                              : "\nThe proposal is outside the zone: a veto actor's margin is not positive there.\n";
  out += "Each issue varied alone, the others held at the proposal:\n\n";
  const std::size_t width = issue_width(scenario);
  const std::vector<double>& terms = scenario.proposals[*scenario.find_proposal(zopa.proposal)].terms;
  out += fmt::format("{:<{}} {:>10} {:>10} {:>10}  {}\n", "issue", width, "proposal", "zone lo", "zone hi",
                     "limited by (lo / hi)");
  for (std::size_t k = 0; k < zopa.issues.size(); ++k) {
    const IssueZone& z = zopa.issues[k];
    out += fmt::format("{:<{}} {:>10.6g} ", z.issue, width, terms[k]);
    if (z.empty) {
      out += fmt::format("{:>21}\n", "empty");
    } else if (z.binary) {
      out += fmt::format("{:>21}\n", z.values.size() == 2 ? "0 or 1" : fmt::format("{:g} only", z.values[0]));
    } else {
      out += fmt::format("{:>10.6g} {:>10.6g}  {} / {}\n", z.lo, z.hi, z.lo_limit.empty() ? "range" : z.lo_limit,
                         z.hi_limit.empty() ? "range" : z.hi_limit);
    }
  }
  if (zopa.empty) out += "\nThe zone is empty: no single-issue change of the proposal satisfies every veto actor.\n";
  return out;
}

std::string best_table(const Scenario& scenario, const BestPackage& best) {
  std::string out = "\nConstraints: " + constraints_text(best) + "\n";
  const std::size_t width = issue_width(scenario);
  out += "\n" + fmt::format("{:<{}} {:>12} {:>12}  {}\n", "issue", width, "start", "best", "unit");
  for (std::size_t k = 0; k < best.terms.size(); ++k) {
    out += trimmed(fmt::format("{:<{}} {:>12.6g} {:>12.6g}  {}", scenario.issues[k].id, width, best.start_terms[k],
                               best.terms[k], text::fit(scenario.issues[k].unit, unit_width(width, 2))));
  }
  out += "\n" + fmt::format("P(deal) at the start: {}\n", estimate_text(best.start_deal));
  out += fmt::format("P(deal) at the best:  {}\n", estimate_text(best.deal));
  out += fmt::format("gain (paired):        {}\n", signed_estimate_text(best.gain));
  out += fmt::format("\nOptimiser: {},\n{} starts, {} evaluations.\n", kOptimiser, best.starts, best.evaluations);
  out += "The best package is chosen on these draws, so its P(deal) leans optimistic;\n";
  out += "a rerun with another --seed checks it.\n";
  return out;
}
}  // namespace

nlohmann::ordered_json solve_json(const Scenario& scenario, const SolveResult& result) {
  nlohmann::ordered_json j = json_header(scenario, "solve", result.seed, result.draws);
  j["mode"] = mode_name(result.mode);
  j["common_random_numbers"] = true;
  switch (result.mode) {
    case SolveMode::nash: {
      const NashSolution& nash = result.nash;
      j["optimiser"] = kOptimiser;
      j["feasible"] = nash.feasible;
      j["package"] = terms_json(scenario, nash.terms);
      j["actors"] = margins_json(nash.actors, true);
      j["min_margin"] = nash.min_margin;
      j["objective"] = nash.feasible ? nlohmann::ordered_json(nash.objective) : nlohmann::ordered_json();
      j["short"] = nash.short_actors;
      j["evaluations"] = nash.evaluations;
      break;
    }
    case SolveMode::zopa: {
      const ZopaResult& zopa = result.zopa;
      j["proposal"] = zopa.proposal;
      j["proposal_inside"] = zopa.proposal_inside;
      j["empty"] = zopa.empty;
      j["actors"] = margins_json(zopa.actors, false);
      nlohmann::ordered_json issues = nlohmann::ordered_json::array();
      const std::vector<double>& terms = scenario.proposals[*scenario.find_proposal(zopa.proposal)].terms;
      for (std::size_t k = 0; k < zopa.issues.size(); ++k) {
        const IssueZone& z = zopa.issues[k];
        nlohmann::ordered_json ji;
        ji["issue"] = z.issue;
        ji["type"] = name_of(z.binary ? IssueType::binary : IssueType::continuous);
        ji["proposal"] = terms[k];
        ji["empty"] = z.empty;
        ji["lo"] = z.empty ? nlohmann::ordered_json() : nlohmann::ordered_json(z.lo);
        ji["hi"] = z.empty ? nlohmann::ordered_json() : nlohmann::ordered_json(z.hi);
        if (z.binary) {
          ji["values"] = z.values;
        } else {
          ji["lo_limited_by"] = z.lo_limit.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(z.lo_limit);
          ji["hi_limited_by"] = z.hi_limit.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(z.hi_limit);
        }
        issues.push_back(ji);
      }
      j["issues"] = issues;
      break;
    }
    case SolveMode::best: {
      const BestPackage& best = result.best;
      j["optimiser"] = kOptimiser;
      j["proposal"] = best.proposal;
      nlohmann::ordered_json fix = nlohmann::ordered_json::object();
      for (const auto& f : best.fixes) fix[f.issue] = f.value;
      j["fix"] = fix;
      nlohmann::ordered_json bound = nlohmann::ordered_json::object();
      for (const auto& b : best.bounds) bound[b.issue] = {b.lo, b.hi};
      j["bound"] = bound;
      j["start"] = terms_json(scenario, best.start_terms);
      j["package"] = terms_json(scenario, best.terms);
      j["start_deal"] = estimate_json(best.start_deal);
      j["deal"] = estimate_json(best.deal);
      j["gain"] = estimate_json(best.gain);
      j["starts"] = best.starts;
      j["evaluations"] = best.evaluations;
      break;
    }
  }
  return j;
}

std::string solve_csv(const Scenario& scenario, const SolveResult& result) {
  std::string out = csv_header(scenario, "solve", result.seed, result.draws);
  switch (result.mode) {
    case SolveMode::nash: {
      const NashSolution& nash = result.nash;
      out += "measure,id,value\n";
      out += fmt::format("feasible,,{}\n", nash.feasible ? "true" : "false");
      for (std::size_t k = 0; k < nash.terms.size(); ++k) {
        out += fmt::format("term,{},{}\n", scenario.issues[k].id, text::csv_number(nash.terms[k]));
      }
      for (const auto& a : nash.actors) {
        out += fmt::format("weight,{},{}\nutility,{},{}\nreservation,{},{}\nmargin,{},{}\n", a.id,
                           text::csv_number(a.weight), a.id, text::csv_number(a.utility), a.id,
                           text::csv_number(a.reservation), a.id, text::csv_number(a.margin));
      }
      out += fmt::format("min_margin,,{}\n", text::csv_number(nash.min_margin));
      out += fmt::format("objective,,{}\n", nash.feasible ? text::csv_number(nash.objective) : "");
      break;
    }
    case SolveMode::zopa: {
      const std::vector<double>& terms = scenario.proposals[*scenario.find_proposal(result.zopa.proposal)].terms;
      out += "issue,type,proposal,empty,lo,hi,lo_limited_by,hi_limited_by\n";
      for (std::size_t k = 0; k < result.zopa.issues.size(); ++k) {
        const IssueZone& z = result.zopa.issues[k];
        out += fmt::format("{},{},{},{},{},{},{},{}\n", z.issue,
                           name_of(z.binary ? IssueType::binary : IssueType::continuous), text::csv_number(terms[k]),
                           z.empty ? "true" : "false", z.empty ? "" : text::csv_number(z.lo),
                           z.empty ? "" : text::csv_number(z.hi), z.lo_limit, z.hi_limit);
      }
      break;
    }
    case SolveMode::best: {
      const BestPackage& best = result.best;
      out += "measure,id,value,se,ci95_low,ci95_high\n";
      for (const auto& f : best.fixes) out += fmt::format("fix,{},{},,,\n", f.issue, text::csv_number(f.value));
      for (const auto& b : best.bounds) {
        out += fmt::format("bound_lo,{},{},,,\nbound_hi,{},{},,,\n", b.issue, text::csv_number(b.lo), b.issue,
                           text::csv_number(b.hi));
      }
      for (std::size_t k = 0; k < best.terms.size(); ++k) {
        out += fmt::format("start,{},{},,,\n", scenario.issues[k].id, text::csv_number(best.start_terms[k]));
      }
      for (std::size_t k = 0; k < best.terms.size(); ++k) {
        out += fmt::format("package,{},{},,,\n", scenario.issues[k].id, text::csv_number(best.terms[k]));
      }
      auto row = [&](const char* measure, const Estimate& e) {
        out += fmt::format("{},,{},{},{},{}\n", measure, text::csv_number(e.mean), text::csv_number(e.se),
                           text::csv_number(e.ci95[0]), text::csv_number(e.ci95[1]));
      };
      row("start_deal", best.start_deal);
      row("deal", best.deal);
      row("gain", best.gain);
      break;
    }
  }
  return out;
}

std::string solve_table(const Scenario& scenario, const SolveResult& result) {
  std::string out = scenario.title + "\n" + kDisclaimer + "\n";
  switch (result.mode) {
    case SolveMode::nash:
      out += fmt::format("parley solve --nash: seed {}, {} draws\n", result.seed, result.draws);
      out += "The capability-weighted Nash bargaining solution over the veto actors:\n";
      out += "the package that maximises the sum of weight x log(E[u] - E[r]).\n";
      return out + nash_table(scenario, result.nash);
    case SolveMode::zopa:
      out += fmt::format("parley solve --zopa of proposal {}: seed {}, {} draws\n", result.zopa.proposal, result.seed,
                         result.draws);
      return out + zopa_table(scenario, result.zopa);
    case SolveMode::best:
      out += fmt::format("parley solve --best from proposal {}: seed {}, {} draws\n", result.best.proposal, result.seed,
                         result.draws);
      out += "The package that maximises P(deal), every package on the same draws.\n";
      return out + best_table(scenario, result.best);
  }
  return out;
}

}  // namespace parley

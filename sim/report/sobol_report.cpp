#include <fmt/format.h>

#include <algorithm>

#include "parley/report/sobol_report.hpp"

namespace parley {

namespace {
std::string interval_name(SobolInterval i) {
  switch (i) {
    case SobolInterval::bootstrap:
      return "bootstrap";
    case SobolInterval::replicates:
      return "replicates";
    case SobolInterval::none:
      return "none";
  }
  return "none";
}
// How the table's intervals were obtained, and what they are worth.
std::string interval_note(const SobolAnalysis& a) {
  bool sobol = false;
  switch (a.settings.sampling) {
    case BaseSampling::sobol:
      sobol = true;
      break;
    case BaseSampling::philox:
      break;
  }
  switch (a.result.interval) {
    case SobolInterval::replicates:
      return fmt::format("95% intervals: t over {} independent replicates of {} rows ({})", a.settings.replicates,
                         a.settings.base_samples / a.settings.replicates,
                         sobol ? "Owen-scrambled Sobol sequences" : "Philox points");
    case SobolInterval::bootstrap:
      return fmt::format("bootstrap 95% intervals ({} resamples){}", a.settings.bootstrap,
                         sobol ? " over the rows of one quasi-random set: NOT a valid error measure "
                                 "(use --replicates)"
                               : "");
    case SobolInterval::none:
      break;
  }
  return "no intervals";
}
}  // namespace

nlohmann::ordered_json sobol_json(const Scenario& scenario, const SobolAnalysis& a) {
  nlohmann::ordered_json j = json_header(scenario, "sobol", a.settings.seed, a.result.evaluations);
  j["proposal"] = a.proposal;
  j["output"] = "P(deal | theta)";
  j["group"] = name_of(a.grouping);
  j["base_samples"] = a.settings.base_samples;
  j["sampling"] = name_of(a.settings.sampling);
  j["replicates"] = a.settings.replicates;
  j["bootstrap"] = a.settings.bootstrap;
  j["interval"] = interval_name(a.result.interval);
  j["estimators"] = {{"S1", "Saltelli et al. (2010), centred outputs"}, {"ST", "Jansen (1999)"}};
  j["mean"] = a.result.mean;
  j["variance"] = a.result.variance;
  nlohmann::ordered_json indices = nlohmann::ordered_json::array();
  for (std::size_t g = 0; g < a.result.indices.size(); ++g) {
    const SobolIndex& i = a.result.indices[g];
    indices.push_back({{"input", i.name},
                       {"S1", {{"mean", i.first}, {"ci95", {i.first_lo, i.first_hi}}}},
                       {"ST", {{"mean", i.total}, {"ci95", {i.total_lo, i.total_hi}}}},
                       {"members", a.members[g]}});
  }
  j["indices"] = indices;
  if (a.settings.second_order) {
    nlohmann::ordered_json pairs = nlohmann::ordered_json::array();
    for (const auto& [names, value] : a.pairs)
      pairs.push_back({{"inputs", {names.first, names.second}}, {"S2", value}});
    j["second_order"] = pairs;
  }
  return j;
}

std::string sobol_csv(const Scenario& scenario, const SobolAnalysis& a) {
  std::string out = csv_header(scenario, "sobol", a.settings.seed, a.result.evaluations);
  out += "input,S1,S1_low,S1_high,ST,ST_low,ST_high\n";
  for (const auto& i : a.result.indices) {
    const std::string name = i.name.find(',') == std::string::npos ? i.name : "\"" + i.name + "\"";
    out += fmt::format("{},{:.10g},{:.10g},{:.10g},{:.10g},{:.10g},{:.10g}\n", name, i.first, i.first_lo, i.first_hi,
                       i.total, i.total_lo, i.total_hi);
  }
  return out;
}

std::string sobol_table(const Scenario& scenario, const SobolAnalysis& a) {
  std::string out = scenario.title + "\n" + kDisclaimer + "\n";
  out += fmt::format("parley sobol of P(deal | theta), proposal {}: seed {}, {} base samples ({}), {} evaluations\n",
                     a.proposal, a.settings.seed, a.settings.base_samples, name_of(a.settings.sampling),
                     a.result.evaluations);
  out += fmt::format("E[P(deal)] = {:.3f}, Var = {:.4g}; grouped by {}\n{}\n\n", a.result.mean, a.result.variance,
                     name_of(a.grouping), interval_note(a));
  constexpr std::size_t kName = 38;
  out += fmt::format("{:<{}} {:>19} {:>19}\n", "input", kName, "S1 [95%]", "ST [95%]");
  for (const auto& i : a.result.indices) {
    std::string name = i.name;
    if (name.rfind("actors.", 0) == 0) name = name.substr(7);
    if (const auto at = name.find(".positions."); at != std::string::npos) name.erase(at, 10);
    if (name.size() > kName) name = "…" + name.substr(name.size() - (kName - 1));
    out += fmt::format("{:<{}} {:>6.3f} [{:>5.2f},{:>5.2f}] {:>6.3f} [{:>5.2f},{:>5.2f}]\n", name, kName, i.first,
                       i.first_lo, i.first_hi, i.total, i.total_lo, i.total_hi);
  }
  if (a.settings.second_order) {
    out += "\nLargest second-order indices S2 (the pair's interaction alone):\n";
    for (std::size_t k = 0; k < std::min<std::size_t>(10, a.pairs.size()); ++k) {
      out += fmt::format("  {:>7.4f}  {} x {}\n", a.pairs[k].second, a.pairs[k].first.first, a.pairs[k].first.second);
    }
  }
  out +=
      "\nS1: share of Var[P(deal | theta)] due to the input alone; ST: including its interactions.\n"
      "Sorted by ST. Small negative values are estimation noise around 0.\n";
  return out;
}

nlohmann::ordered_json morris_json(const Scenario& scenario, const MorrisAnalysis& a) {
  nlohmann::ordered_json j = json_header(scenario, "morris", a.settings.seed, a.result.evaluations);
  j["proposal"] = a.proposal;
  j["output"] = "P(deal | theta)";
  j["group"] = name_of(a.grouping);
  j["trajectories"] = a.settings.trajectories;
  j["levels"] = a.settings.levels;
  j["delta"] = 0.5;
  nlohmann::ordered_json effects = nlohmann::ordered_json::array();
  for (std::size_t g = 0; g < a.result.effects.size(); ++g) {
    const MorrisEffect& e = a.result.effects[g];
    effects.push_back(
        {{"input", e.name}, {"mu", e.mu}, {"mu_star", e.mu_star}, {"sigma", e.sigma}, {"members", a.members[g]}});
  }
  j["effects"] = effects;
  return j;
}

std::string morris_csv(const Scenario& scenario, const MorrisAnalysis& a) {
  std::string out = csv_header(scenario, "morris", a.settings.seed, a.result.evaluations);
  out += "input,mu,mu_star,sigma\n";
  for (const auto& e : a.result.effects) {
    const std::string name = e.name.find(',') == std::string::npos ? e.name : "\"" + e.name + "\"";
    out += fmt::format("{},{:.10g},{:.10g},{:.10g}\n", name, e.mu, e.mu_star, e.sigma);
  }
  return out;
}

std::string morris_table(const Scenario& scenario, const MorrisAnalysis& a) {
  std::string out = scenario.title + "\n" + kDisclaimer + "\n";
  out += fmt::format(
      "parley morris of P(deal | theta), proposal {}: seed {},\n{} trajectories on a {}-level grid, "
      "{} evaluations; grouped by {}\n\n",
      a.proposal, a.settings.seed, a.settings.trajectories, a.settings.levels, a.result.evaluations,
      name_of(a.grouping));
  constexpr std::size_t kName = 44;
  out += fmt::format("{:<{}} {:>10} {:>10} {:>10}\n", "input", kName, "mu*", "mu", "sigma");
  for (const auto& e : a.result.effects) {
    std::string name = e.name;
    if (name.rfind("actors.", 0) == 0) name = name.substr(7);
    if (const auto at = name.find(".positions."); at != std::string::npos) name.erase(at, 10);
    if (name.size() > kName) name = "…" + name.substr(name.size() - (kName - 1));
    out += fmt::format("{:<{}} {:>10.4f} {:>+10.4f} {:>10.4f}\n", name, kName, e.mu_star, e.mu, e.sigma);
  }
  out +=
      "\nmu*: mean |elementary effect| of the input on P(deal) per half of its quantile range (importance);\n"
      "mu: its mean with sign; sigma: spread (non-linearity or interactions). Sorted by mu*.\n";
  return out;
}

}  // namespace parley

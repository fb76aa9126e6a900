#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "parley/report/sobol_report.hpp"

#include "parley/report/input_names.hpp"
#include "parley/report/text_layout.hpp"

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

// The table's name column, and whether the paths fit in a last column.
struct Columns {
  std::size_t name = 0;
  bool paths = false;
};
Columns columns(const std::vector<std::string>& names, const std::vector<std::string>& paths, std::size_t width,
                std::size_t numbers) {
  Columns c;
  c.name = text::name_column(names, "input", width, numbers);
  const std::size_t path_width = text::name_column(paths, "path", 1000, 0);
  c.paths = c.name == text::name_column(names, "input", 1000, 0) && c.name + numbers + 2 + path_width <= width;
  return c;
}
std::string cell(const std::string& name, std::size_t width) {
  return text::pad(text::fit(name, width), width);
}
std::string with_path(const Columns& c, const std::string& row, const std::string& path) {
  return text::trim_line_ends(c.paths ? row + "  " + path : row) + "\n";
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
                       {"members", a.members[g]},
                       {"name", input_name(scenario, i.name)}});
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
  out += "input,S1,S1_low,S1_high,ST,ST_low,ST_high,name\n";
  for (const auto& i : a.result.indices) {
    out += fmt::format("{},{:.10g},{:.10g},{:.10g},{:.10g},{:.10g},{:.10g},{}\n", text::csv_field(i.name), i.first,
                       i.first_lo, i.first_hi, i.total, i.total_lo, i.total_hi,
                       text::csv_field(input_name(scenario, i.name)));
  }
  return out;
}

std::string sobol_table(const Scenario& scenario, const SobolAnalysis& a, std::size_t width) {
  std::string out = scenario.title + "\n" + kDisclaimer + "\n";
  out += fmt::format("parley sobol of P(deal | theta), proposal {}: seed {}, {} base samples ({}), {} evaluations\n",
                     a.proposal, a.settings.seed, a.settings.base_samples, name_of(a.settings.sampling),
                     a.result.evaluations);
  out += fmt::format("E[P(deal)] = {:.3f}, Var = {:.4g}; grouped by {}\n{}\n\n", a.result.mean, a.result.variance,
                     name_of(a.grouping), interval_note(a));
  std::vector<std::string> names, paths;
  for (const auto& i : a.result.indices) {
    names.push_back(input_name(scenario, i.name));
    paths.push_back(i.name);
  }
  const Columns c = columns(names, paths, width, 1 + 19 + 1 + 19);
  out += with_path(c, fmt::format("{} {:>19} {:>19}", text::pad("input", c.name), "S1 [95%]", "ST [95%]"), "path");
  for (std::size_t k = 0; k < a.result.indices.size(); ++k) {
    const SobolIndex& i = a.result.indices[k];
    out += with_path(c,
                     fmt::format("{} {:>6.3f} [{:>5.2f},{:>5.2f}] {:>6.3f} [{:>5.2f},{:>5.2f}]", cell(names[k], c.name),
                                 i.first, i.first_lo, i.first_hi, i.total, i.total_lo, i.total_hi),
                     paths[k]);
  }
  if (a.settings.second_order) {
    out += "\nLargest second-order indices S2 (the pair's interaction alone):\n";
    for (std::size_t k = 0; k < std::min<std::size_t>(10, a.pairs.size()); ++k) {
      out +=
          text::fit(fmt::format("  {:>7.4f}  {} x {}", a.pairs[k].second, input_name(scenario, a.pairs[k].first.first),
                                input_name(scenario, a.pairs[k].first.second)),
                    width) +
          "\n";
    }
  }
  out +=
      "\nS1: share of Var[P(deal | theta)] due to the input alone; ST: including its interactions.\n"
      "Sorted by ST. Small negative values are estimation noise around 0.\n";
  if (!c.paths) out += "--format json or csv gives each input's path beside its name.\n";
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
    effects.push_back({{"input", e.name},
                       {"mu", e.mu},
                       {"mu_star", e.mu_star},
                       {"sigma", e.sigma},
                       {"members", a.members[g]},
                       {"name", input_name(scenario, e.name)}});
  }
  j["effects"] = effects;
  return j;
}

std::string morris_csv(const Scenario& scenario, const MorrisAnalysis& a) {
  std::string out = csv_header(scenario, "morris", a.settings.seed, a.result.evaluations);
  out += "input,mu,mu_star,sigma,name\n";
  for (const auto& e : a.result.effects) {
    out += fmt::format("{},{:.10g},{:.10g},{:.10g},{}\n", text::csv_field(e.name), e.mu, e.mu_star, e.sigma,
                       text::csv_field(input_name(scenario, e.name)));
  }
  return out;
}

std::string morris_table(const Scenario& scenario, const MorrisAnalysis& a, std::size_t width) {
  std::string out = scenario.title + "\n" + kDisclaimer + "\n";
  out += fmt::format(
      "parley morris of P(deal | theta), proposal {}: seed {},\n{} trajectories on a {}-level grid, "
      "{} evaluations; grouped by {}\n\n",
      a.proposal, a.settings.seed, a.settings.trajectories, a.settings.levels, a.result.evaluations,
      name_of(a.grouping));
  std::vector<std::string> names, paths;
  for (const auto& e : a.result.effects) {
    names.push_back(input_name(scenario, e.name));
    paths.push_back(e.name);
  }
  const Columns c = columns(names, paths, width, 3 * 11);
  out += with_path(c, fmt::format("{} {:>10} {:>10} {:>10}", text::pad("input", c.name), "mu*", "mu", "sigma"), "path");
  for (std::size_t k = 0; k < a.result.effects.size(); ++k) {
    const MorrisEffect& e = a.result.effects[k];
    out +=
        with_path(c, fmt::format("{} {:>10.4f} {:>+10.4f} {:>10.4f}", cell(names[k], c.name), e.mu_star, e.mu, e.sigma),
                  paths[k]);
  }
  out +=
      "\nmu*: mean |elementary effect| of the input on P(deal) per half of its quantile range (importance);\n"
      "mu: its mean with sign; sigma: spread (non-linearity or interactions). Sorted by mu*.\n";
  if (!c.paths) out += "--format json or csv gives each input's path beside its name.\n";
  return out;
}

}  // namespace parley

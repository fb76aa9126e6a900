#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "parley/report/tornado_report.hpp"

namespace parley {

nlohmann::ordered_json tornado_json(const Scenario& scenario, const TornadoResult& result) {
  nlohmann::ordered_json j = json_header(scenario, "tornado", result.seed, result.draws);
  j["proposal"] = result.proposal;
  j["low_quantile"] = result.low_quantile;
  j["high_quantile"] = result.high_quantile;
  j["deal"] = estimate_json(result.deal);
  nlohmann::ordered_json bars = nlohmann::ordered_json::array();
  for (const auto& b : result.bars) {
    bars.push_back({{"input", b.input},
                    {"low", b.low.mean},
                    {"high", b.high.mean},
                    {"swing", b.swing},
                    {"low_se", b.low.se},
                    {"high_se", b.high.se},
                    {"low_value", b.low_value},
                    {"high_value", b.high_value}});
  }
  j["bars"] = bars;
  return j;
}

std::string tornado_csv(const Scenario& scenario, const TornadoResult& result) {
  std::string out = csv_header(scenario, "tornado", result.seed, result.draws);
  out += "input,low,high,swing,low_se,high_se,low_value,high_value\n";
  for (const auto& b : result.bars) {
    out += fmt::format("{},{:.10g},{:.10g},{:.10g},{:.10g},{:.10g},{:.10g},{:.10g}\n", b.input, b.low.mean, b.high.mean,
                       b.swing, b.low.se, b.high.se, b.low_value, b.high_value);
  }
  return out;
}

std::string tornado_table(const Scenario& scenario, const TornadoResult& result) {
  std::string out = scenario.title + "\n" + kDisclaimer + "\n";
  out += fmt::format("parley tornado of proposal {}: seed {}, {} draws per bar, the same draws throughout\n",
                     result.proposal, result.seed, result.draws);
  out += fmt::format("P(deal) with every input drawn: {:.3f} [{:.3f},{:.3f}]\n", result.deal.mean, result.deal.ci95[0],
                     result.deal.ci95[1]);
  out += fmt::format("Each input held at its {:g}% and {:g}% quantile, the others drawn:\n\n",
                     100 * result.low_quantile, 100 * result.high_quantile);
  double widest = 0.0;
  for (const auto& b : result.bars) widest = std::max(widest, std::fabs(b.swing));
  constexpr std::size_t kName = 40;
  // Shorter names for the table: actors.X.positions.Y.ideal -> X.Y.ideal.
  auto display = [&scenario](std::string name) {
    if (name.rfind("actors.", 0) == 0) name = name.substr(7);
    if (name.rfind("relations.", 0) == 0) {
      // relations.K.weight -> relations.K from->to
      std::size_t k = 0;
      const auto parsed = std::from_chars(name.data() + 10, name.data() + name.size(), k);
      if (parsed.ec == std::errc() && k < scenario.relations.size()) {
        const Relation& r = scenario.relations[k];
        name = fmt::format("relations.{} {}->{}", k, scenario.actors[r.from].id, scenario.actors[r.to].id);
      }
    }
    if (const auto at = name.find(".positions."); at != std::string::npos) name.erase(at, 10);
    return name;
  };
  constexpr int kBar = 16;
  out += fmt::format("{:<{}} {:>6} {:>6} {:>7}\n", "input", kName, "low", "high", "swing");
  for (const auto& b : result.bars) {
    std::string name = display(b.input);
    if (name.size() > kName) name = "…" + name.substr(name.size() - (kName - 1));
    const int length = widest > 0.0 ? static_cast<int>(std::lround(kBar * std::fabs(b.swing) / widest)) : 0;
    const std::string bar(static_cast<std::size_t>(length), b.swing >= 0 ? '+' : '-');
    std::string line =
        fmt::format("{:<{}} {:>6.3f} {:>6.3f} {:>+7.3f} {}", name, kName, b.low.mean, b.high.mean, b.swing, bar);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  out +=
      "\nSorted by |swing| = |P(deal | input high) - P(deal | input low)|; '+': P(deal) rises with the\n"
      "input. Names drop 'actors.' and 'positions.'; --format json or csv gives the full paths.\n";
  return out;
}

}  // namespace parley

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "parley/report/tornado_report.hpp"

#include "parley/report/input_names.hpp"
#include "parley/report/text_layout.hpp"

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
                    {"high_value", b.high_value},
                    {"name", input_name(scenario, b.input)}});
  }
  j["bars"] = bars;
  return j;
}

std::string tornado_csv(const Scenario& scenario, const TornadoResult& result) {
  std::string out = csv_header(scenario, "tornado", result.seed, result.draws);
  out += "input,low,high,swing,low_se,high_se,low_value,high_value,name\n";
  for (const auto& b : result.bars) {
    out += fmt::format("{},{:.10g},{:.10g},{:.10g},{:.10g},{:.10g},{:.10g},{:.10g},{}\n", text::csv_field(b.input),
                       b.low.mean, b.high.mean, b.swing, b.low.se, b.high.se, b.low_value, b.high_value,
                       text::csv_field(input_name(scenario, b.input)));
  }
  return out;
}

std::string tornado_table(const Scenario& scenario, const TornadoResult& result, std::size_t width) {
  std::string out = scenario.title + "\n" + kDisclaimer + "\n";
  out += fmt::format("parley tornado of proposal {}: seed {}, {} draws per bar, the same draws throughout\n",
                     result.proposal, result.seed, result.draws);
  out += fmt::format("P(deal) with every input drawn: {:.3f} [{:.3f},{:.3f}]\n", result.deal.mean, result.deal.ci95[0],
                     result.deal.ci95[1]);
  out += fmt::format("Each input held at its {:g}% and {:g}% quantile, the others drawn:\n\n",
                     100 * result.low_quantile, 100 * result.high_quantile);
  double widest = 0.0;
  for (const auto& b : result.bars) widest = std::max(widest, std::fabs(b.swing));
  std::vector<std::string> names, paths;
  for (const auto& b : result.bars) {
    names.push_back(input_name(scenario, b.input));
    paths.push_back(b.input);
  }
  constexpr int kBar = 16;
  constexpr std::size_t kNumbers = 1 + 6 + 1 + 6 + 1 + 7 + 1 + kBar;
  const std::size_t name_width = text::name_column(names, "input", width, kNumbers);
  // The paths go in a last column when the terminal has room for them.
  const std::size_t path_width = text::name_column(paths, "path", 1000, 0);
  const bool with_paths =
      name_width + kNumbers + 2 + path_width <= width && name_width == text::name_column(names, "input", 1000, 0);
  std::string header = fmt::format("{} {:>6} {:>6} {:>7}", text::pad("input", name_width), "low", "high", "swing");
  if (with_paths) header += std::string(1 + kBar + 2, ' ') + "path";
  out += header + "\n";
  for (std::size_t k = 0; k < result.bars.size(); ++k) {
    const TornadoBar& b = result.bars[k];
    const int length = widest > 0.0 ? static_cast<int>(std::lround(kBar * std::fabs(b.swing) / widest)) : 0;
    const std::string bar(static_cast<std::size_t>(length), b.swing >= 0 ? '+' : '-');
    std::string line =
        fmt::format("{} {:>6.3f} {:>6.3f} {:>+7.3f} {}", text::pad(text::fit(names[k], name_width), name_width),
                    b.low.mean, b.high.mean, b.swing, with_paths ? text::pad(bar, kBar) : bar);
    if (with_paths) line += "  " + paths[k];
    out += text::trim_line_ends(line) + "\n";
  }
  out += "\nSorted by |swing| = |P(deal | input high) - P(deal | input low)|; '+': P(deal) rises with the\n";
  out += with_paths ? "input.\n" : "input. --format json or csv gives each input's path beside its name.\n";
  return out;
}

}  // namespace parley

// The handout's charts, drawn as inline SVG: probabilities as bars with 95%
// interval whiskers, and P(deal) along a swept term or over rounds as a line
// with its band.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "handout_parts.hpp"

namespace parley::handout {

std::string bar_chart(const std::vector<BarRow>& rows, std::string_view caption, double axis_max) {
  constexpr double kLabel = 260.0;  // width of the label column
  constexpr double kPlot = 380.0;
  constexpr double kRow = 22.0;
  const double height = 30.0 + kRow * static_cast<double>(rows.size()) + 24.0;
  const double width = kLabel + kPlot + 60.0;
  auto x_of = [&](double p) { return kLabel + kPlot * std::clamp(p / axis_max, 0.0, 1.0); };
  std::string svg = fmt::format(
      "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" "
      "role=\"img\" aria-label=\"{2}\">\n",
      num(width, 0), num(height, 0), esc(caption));
  // Grid and axis: 0, 0.25, ..., axis_max.
  for (int k = 0; k <= 4; ++k) {
    const double v = axis_max * k / 4.0;
    const double x = x_of(v);
    svg += fmt::format(
        "<line x1=\"{0}\" y1=\"20\" x2=\"{0}\" y2=\"{1}\" stroke=\"#ddd\"/><text x=\"{0}\" y=\"14\" font-size=\"10\" "
        "text-anchor=\"middle\" fill=\"#555\">{2}</text>\n",
        num(x, 1), num(height - 24.0, 1), num(v, 2));
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const BarRow& row = rows[r];
    const double y = 24.0 + kRow * static_cast<double>(r);
    const char* fill = row.emphasis ? "#8a1c1c" : "#1f4e79";
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\"{}>{}</text>\n", num(kLabel - 6, 1),
                       num(y + 13, 1), row.emphasis ? " font-weight=\"bold\"" : "", esc(row.label));
    svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"14\" fill=\"{}\" fill-opacity=\"0.75\"/>\n",
                       num(kLabel, 1), num(y + 2, 1), num(x_of(row.mean) - kLabel, 1), fill);
    // The 95% interval as a whisker.
    const double y_mid = y + 9;
    svg += fmt::format(
        "<line x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" y2=\"{2}\" stroke=\"#000\"/><line x1=\"{0}\" y1=\"{3}\" x2=\"{0}\" "
        "y2=\"{4}\" stroke=\"#000\"/><line x1=\"{1}\" y1=\"{3}\" x2=\"{1}\" y2=\"{4}\" stroke=\"#000\"/>\n",
        num(x_of(row.lo), 1), num(x_of(row.hi), 1), num(y_mid, 1), num(y_mid - 4, 1), num(y_mid + 4, 1));
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\">{}</text>\n",
                       num(x_of(std::max(row.hi, row.mean)) + 4, 1), num(y + 13, 1), num(row.mean));
  }
  svg += fmt::format(
      "<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#555\">HYPOTHETICAL \xe2\x80\x94 bars: mean; "
      "whiskers: 95% interval</text>\n",
      num(kLabel, 1), num(height - 6, 1));
  svg += "</svg><figcaption>" + esc(caption) + "</figcaption></figure>\n";
  return svg;
}

std::string line_chart(const std::vector<LinePoint>& points, std::string_view x_label, std::string_view y_label,
                       std::string_view caption) {
  constexpr double kLeft = 60.0, kTop = 20.0, kWidth = 520.0, kHeight = 220.0;
  if (points.empty()) return "";
  double x_lo = points.front().x, x_hi = points.front().x;
  for (const auto& p : points) {
    x_lo = std::min(x_lo, p.x);
    x_hi = std::max(x_hi, p.x);
  }
  if (x_hi <= x_lo) x_hi = x_lo + 1.0;
  auto px = [&](double x) { return kLeft + kWidth * (x - x_lo) / (x_hi - x_lo); };
  auto py = [&](double y) { return kTop + kHeight * (1.0 - std::clamp(y, 0.0, 1.0)); };
  std::string svg = fmt::format(
      "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" "
      "role=\"img\" aria-label=\"{2}\">\n",
      num(kLeft + kWidth + 30, 0), num(kTop + kHeight + 60, 0), esc(caption));
  for (int k = 0; k <= 4; ++k) {
    const double v = k / 4.0;
    svg += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#ddd\"/><text x=\"{3}\" y=\"{4}\" font-size=\"10\" "
        "text-anchor=\"end\" fill=\"#555\">{5}</text>\n",
        num(kLeft, 1), num(py(v), 1), num(kLeft + kWidth, 1), num(kLeft - 4, 1), num(py(v) + 3, 1), num(v, 2));
  }
  for (int k = 0; k <= 4; ++k) {
    const double v = x_lo + (x_hi - x_lo) * k / 4.0;
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">{}</text>\n",
                       num(px(v), 1), num(kTop + kHeight + 14, 1), num(v, 3));
  }
  // The band (95% interval), then the line of means with its points.
  std::string band;
  for (const auto& p : points) band += fmt::format("{},{} ", num(px(p.x), 1), num(py(p.hi), 1));
  for (auto it = points.rbegin(); it != points.rend(); ++it) {
    band += fmt::format("{},{} ", num(px(it->x), 1), num(py(it->lo), 1));
  }
  svg += "<polygon points=\"" + band + "\" fill=\"#1f4e79\" fill-opacity=\"0.18\" stroke=\"none\"/>\n";
  std::string line;
  for (const auto& p : points) line += fmt::format("{},{} ", num(px(p.x), 1), num(py(p.mean), 1));
  svg += "<polyline points=\"" + line + "\" fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\"/>\n";
  for (const auto& p : points) {
    svg +=
        fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"2.5\" fill=\"#1f4e79\"/>\n", num(px(p.x), 1), num(py(p.mean), 1));
  }
  svg += fmt::format(
      "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#000\"/><line x1=\"{0}\" y1=\"{2}\" x2=\"{3}\" "
      "y2=\"{2}\" stroke=\"#000\"/>\n",
      num(kLeft, 1), num(kTop, 1), num(kTop + kHeight, 1), num(kLeft + kWidth, 1));
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{}</text>\n",
                     num(kLeft + kWidth / 2, 1), num(kTop + kHeight + 32, 1), esc(x_label));
  svg += fmt::format(
      "<text x=\"12\" y=\"{0}\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 12 {0})\">{1}</text>\n",
      num(kTop + kHeight / 2, 1), esc(y_label));
  svg += fmt::format(
      "<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#555\">HYPOTHETICAL \xe2\x80\x94 line: mean; "
      "band: 95% interval</text>\n",
      num(kLeft, 1), num(kTop + kHeight + 52, 1));
  svg += "</svg><figcaption>" + esc(caption) + "</figcaption></figure>\n";
  return svg;
}

}  // namespace parley::handout

#pragma once
// The sections of the HTML handout (internal to parley_report), one file per
// group of sections:
//   handout_page.cpp      the page, its print CSS, the banner, reproducing it
//   handout_scenario.cpp  sources, actors, positions, assumptions, relations, proposals
//   handout_results.cpp   the results of run (table and chart) and the exercises
//   handout_analyses.cpp  tornado, sweep, Sobol indices, the bargaining game

#include <string>
#include <string_view>

#include "parley/report/common.hpp"
#include "parley/report/handout_report.hpp"

namespace parley::handout {

inline std::string esc(std::string_view text) {
  return html_escape(text);
}
/// A number with up to `digits` decimals ("0.534", "600").
std::string num(double x, int digits = 3);
/// The actor's name for its id (the id when unknown).
std::string actor_name(const Scenario& s, const std::string& id);
/// `<section id="ID"><h2>TITLE</h2>`: each starts a printed page.
std::string section_start(std::string_view id, std::string_view title);
/// A horizontal bar chart of probabilities with 95% interval whiskers; one
/// row per (label, estimate).
struct BarRow {
  std::string label;
  double mean = 0.0, lo = 0.0, hi = 0.0;
  bool emphasis = false;
};
std::string bar_chart(const std::vector<BarRow>& rows, std::string_view caption, double axis_max = 1.0);
/// A line chart of (x, mean, lo, hi) points with a band, for P(deal).
struct LinePoint {
  double x = 0.0, mean = 0.0, lo = 0.0, hi = 0.0;
};
std::string line_chart(const std::vector<LinePoint>& points, std::string_view x_label, std::string_view y_label,
                       std::string_view caption);

std::string scenario_sections(const Scenario& s);
std::string results_section(const Scenario& s, const RunResult& run);
std::string exercises_section(const Scenario& s, const Handout& h);
std::string analyses_sections(const Scenario& s, const Handout& h);

}  // namespace parley::handout

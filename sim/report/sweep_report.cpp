#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>

#include "parley/report/scenario_report.hpp"
#include "parley/report/sweep_report.hpp"
#include "parley/report/text_layout.hpp"

namespace parley {

namespace {
constexpr std::size_t kLabelColumns = 120;
constexpr std::size_t kUnitColumns = 60;

// `text` on one line: line breaks and tabs (a folded YAML label) become spaces.
std::string one_line(std::string text) {
  for (char& c : text) c = c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

const Issue* find_issue(const Scenario& scenario, const std::string& id) {
  const auto i = scenario.find_issue(id);
  return i ? &scenario.issues[*i] : nullptr;
}

std::string proposal_label(const Scenario& scenario, const std::string& id) {
  const auto p = scenario.find_proposal(id);
  return p && !scenario.proposals[*p].label.empty() ? text::fit(one_line(scenario.proposals[*p].label), kLabelColumns)
                                                    : id;
}
}  // namespace

std::string sweep_axis_label(const Scenario& scenario, const std::string& issue_id) {
  const Issue* issue = find_issue(scenario, issue_id);
  if (issue == nullptr) return issue_id;
  // Cut to fit a plot's axis (and the 1 KiB a CSV field may hold for
  // `parley plot`, whatever the scripts: labels may be 1,000 characters).
  std::string label = text::fit(one_line(issue->label.empty() ? issue->id : issue->label), kLabelColumns);
  if (!issue->unit.empty()) label += " [" + text::fit(one_line(issue->unit), kUnitColumns) + "]";
  if (!assumption_in(issue->note).empty()) label += " (assumed)";
  return label;
}

nlohmann::ordered_json sweep_json(const Scenario& scenario, const SweepResult& result) {
  nlohmann::ordered_json j = json_header(scenario, "sweep", result.seed, result.draws);
  j["proposal"] = result.proposal;
  j["proposal_label"] = proposal_label(scenario, result.proposal);
  j["common_random_numbers"] = true;
  nlohmann::ordered_json vary = nlohmann::ordered_json::array();
  for (const auto& axis : result.axes) {
    const Issue* issue = find_issue(scenario, axis.issue);
    vary.push_back({{"issue", axis.issue},
                    {"lo", axis.lo},
                    {"hi", axis.hi},
                    {"steps", axis.steps},
                    {"unit", issue != nullptr ? issue->unit : ""},
                    {"assumed", issue != nullptr && !assumption_in(issue->note).empty()},
                    {"axis_label", sweep_axis_label(scenario, axis.issue)}});
  }
  j["vary"] = vary;
  nlohmann::ordered_json points = nlohmann::ordered_json::array();
  for (const auto& p : result.points) {
    nlohmann::ordered_json jp;
    nlohmann::ordered_json values;
    for (std::size_t a = 0; a < result.axes.size(); ++a) values[result.axes[a].issue] = p.values[a];
    jp["values"] = values;
    jp["deal"] = estimate_json(p.deal);
    jp["support"] = estimate_json(p.support);
    nlohmann::ordered_json actors = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < p.accept.size(); ++i) {
      actors.push_back({{"id", scenario.actors[i].id}, {"accept", estimate_json(p.accept[i])}});
    }
    jp["actors"] = actors;
    points.push_back(jp);
  }
  j["points"] = points;
  return j;
}

std::string sweep_csv(const Scenario& scenario, const SweepResult& result) {
  std::string out = csv_header(scenario, "sweep", result.seed, result.draws);
  // What the plot names: the proposal and each axis (label, [unit],
  // "(assumed)" where the issue's note marks an assumption).
  out += "# proposal " + result.proposal + ": " + proposal_label(scenario, result.proposal) + "\n";
  for (const auto& axis : result.axes)
    out += "# axis " + axis.issue + ": " + sweep_axis_label(scenario, axis.issue) + "\n";
  for (const auto& axis : result.axes) out += axis.issue + ",";
  out += "measure,actor,mean,se,ci95_low,ci95_high,name\n";
  for (const auto& p : result.points) {
    std::string prefix;
    for (double v : p.values) prefix += text::csv_number(v) + ",";
    // `name`, appended last: the actor's name on its rows.
    auto row = [&](const std::string& measure, const std::string& actor, const Estimate& e, const std::string& name) {
      out += fmt::format("{}{},{},{},{},{},{},{}\n", prefix, measure, actor, text::csv_number(e.mean),
                         text::csv_number(e.se), text::csv_number(e.ci95[0]), text::csv_number(e.ci95[1]),
                         text::csv_field(name));
    };
    for (std::size_t i = 0; i < p.accept.size(); ++i)
      row("accept", scenario.actors[i].id, p.accept[i], scenario.actors[i].name);
    row("deal", "", p.deal, "");
    row("support", "", p.support, "");
  }
  return out;
}

namespace {
// Right-aligns `s` in `width` columns.
std::string right(const std::string& s, std::size_t width) {
  const std::size_t w = text::display_width(s);
  return w >= width ? s : std::string(width - w, ' ') + s;
}
// A name broken at spaces into two lines of at most `width` columns (the
// first may be empty); the rest of a longer name is cut with an ellipsis.
std::pair<std::string, std::string> two_lines(const std::string& name, std::size_t width) {
  if (text::display_width(name) <= width) return {"", name};
  const std::string wrapped = text::wrap(name, width);
  const std::size_t end = wrapped.find('\n');
  std::string first = wrapped.substr(0, end);
  std::string rest = wrapped.substr(end + 1);
  for (char& c : rest) c = c == '\n' ? ' ' : c;
  while (!rest.empty() && rest.back() == ' ') rest.pop_back();
  if (text::display_width(first) > width) {  // one long word: cut it on the second line
    return {"", text::fit(name, width)};
  }
  return {first, text::fit(rest, width)};
}
}  // namespace

std::string sweep_table(const Scenario& scenario, const SweepResult& result, std::size_t width) {
  std::string out = scenario.title + "\n" + kDisclaimer + "\n";
  out += fmt::format("parley sweep of proposal {}: seed {}, {} draws, the same draws at every point\n", result.proposal,
                     result.seed, result.draws);
  double worst_se = 0.0;
  for (const auto& p : result.points) worst_se = std::max(worst_se, p.deal.se);
  if (result.axes.size() == 1) {
    // One row per point: the value, P(deal), support and each actor's acceptance.
    const std::size_t actors = scenario.actors.size();
    // One column per actor, headed by its name on up to two lines, as wide as
    // the terminal allows (at least 7 columns, the width of a number).
    constexpr std::size_t kLead = 10 + 8 + 8;
    std::size_t longest = 7;
    for (const auto& a : scenario.actors) longest = std::max(longest, text::display_width(a.name));
    const std::size_t room = width > kLead + 8 ? width - kLead : 8;
    const std::size_t column =
        std::clamp<std::size_t>(room / std::max<std::size_t>(actors, 1) - 1, 7, std::min<std::size_t>(longest, 24));
    const std::size_t shown = std::min<std::size_t>(actors, std::max<std::size_t>(1, room / (column + 1)));
    std::string top = std::string(kLead, ' '), bottom;
    for (std::size_t i = 0; i < shown; ++i) {
      const auto [first, second] = two_lines(scenario.actors[i].name, column);
      top += " " + right(first, column);
      bottom += " " + right(second, column);
    }
    const std::string axis = result.axes[0].issue.size() <= 10 ? result.axes[0].issue : "value";
    out += "\n";
    if (top.find_first_not_of(' ') != std::string::npos) out += text::trim_line_ends(top) + "\n";
    out += fmt::format("{:>10} {:>7} {:>7}", axis, "P(deal)", "support") + bottom + "\n";
    for (const auto& p : result.points) {
      out += fmt::format("{:>10.4g} {:>7.3f} {:>7.3f}", p.values[0], p.deal.mean, p.support.mean);
      for (std::size_t i = 0; i < shown; ++i) out += fmt::format(" {:>{}.3f}", p.accept[i].mean, column);
      out += "\n";
    }
    if (shown < actors) out += fmt::format("({} more actors in --format json or csv)\n", actors - shown);
    out += fmt::format("\n{} by row; columns are means; the largest standard error of P(deal) is {:.4f}.\n",
                       result.axes[0].issue, worst_se);
    return out;
  }
  // Two axes: P(deal) on the grid, rows the first issue, columns the second,
  // in blocks that fit the terminal.
  const std::size_t rows = result.axes[0].steps;
  const std::size_t columns = result.axes[1].steps;
  const std::size_t kPerBlock = std::max<std::size_t>(1, (std::max<std::size_t>(width, 80) - 10) / 7);
  out += fmt::format("\nP(deal): rows {}, columns {}\n", result.axes[0].issue, result.axes[1].issue);
  for (std::size_t first = 0; first < columns; first += kPerBlock) {
    const std::size_t last = std::min(columns, first + kPerBlock);
    out += "\n" + fmt::format("{:>10}", "");
    for (std::size_t c = first; c < last; ++c) out += fmt::format(" {:>6.4g}", result.points[c].values[1]);
    out += "\n";
    for (std::size_t r = 0; r < rows; ++r) {
      out += fmt::format("{:>10.4g}", result.points[r * columns].values[0]);
      for (std::size_t c = first; c < last; ++c)
        out += fmt::format(" {:>6.3f}", result.points[r * columns + c].deal.mean);
      out += "\n";
    }
  }
  out += fmt::format(
      "\nCells are means; the largest standard error is {:.4f}. Per-actor values: --format json or csv.\n", worst_se);
  return out;
}

}  // namespace parley

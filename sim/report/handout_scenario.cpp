// The handout's account of the scenario: sources, actors, each issue's
// positions with source and quote, every value marked as an assumption, the
// relations (an SVG drawing on a circle, and a table), and the proposals.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "handout_parts.hpp"
#include "parley/report/scenario_report.hpp"

namespace parley::handout {

namespace {

std::string words(const Parameter& p) {
  return esc(parameter_in_words(p.dist));
}

// A distribution's typical value (its mean; the value when fixed): how thick
// an edge is drawn.
double typical(const Distribution& d) {
  switch (d.kind) {
    case DistributionKind::fixed:
      return d.value;
    case DistributionKind::uniform:
      return (d.low + d.high) / 2;
    case DistributionKind::normal:
      return d.mean;
    case DistributionKind::triangular:
      return (d.low + d.mode + d.high) / 3;
    case DistributionKind::beta:
      return d.low + (d.high - d.low) * d.a / (d.a + d.b);
    case DistributionKind::lognormal:
      return std::exp(d.mu + d.sigma * d.sigma / 2);
  }
  return 0.0;
}

std::string source_text(const Scenario& s, const std::string& id) {
  for (const Source& src : s.sources) {
    if (src.id != id) continue;
    std::string text = src.outlet.empty() ? src.id : src.outlet;
    if (!src.date.empty()) text += ", " + src.date;
    return esc(id) + " <span class=\"small\">(" + esc(text) + ")</span>";
  }
  return esc(id);
}

std::string sources(const Scenario& s) {
  std::string out = section_start("sources", "Sources");
  if (s.sources.empty()) return out + "<p>The file lists no sources.</p>\n</section>\n";
  out += "<table><thead><tr><th>id</th><th>Outlet</th><th>Date</th><th>Title</th></tr></thead><tbody>\n";
  for (const Source& src : s.sources) {
    std::string title = esc(src.title);
    if (!src.url.empty()) title += "<br><span class=\"small\">" + esc(src.url) + "</span>";
    if (!src.note.empty()) title += "<br><span class=\"small\">" + esc(src.note) + "</span>";
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", esc(src.id), esc(src.outlet),
                       esc(src.date), title);
  }
  return out + "</tbody></table>\n</section>\n";
}

std::string actors(const Scenario& s) {
  std::string out = section_start("actors", "Actors");
  out +=
      "<p>Capability weighs an actor in support and bargaining; rationality is how sharply it follows its own "
      "interest (higher: less noise); the outside option is what it expects from no deal, on the 0\xe2\x80\x93"
      "1 "
      "utility scale. A range or distribution means the value is uncertain and is drawn anew on every draw.</p>\n";
  out +=
      "<table><thead><tr><th>Actor</th><th>Veto</th><th>Capability</th><th>Rationality</th><th>Outside "
      "option</th></tr></thead><tbody>\n";
  for (const Actor& a : s.actors) {
    std::string name = "<strong>" + esc(a.name) + "</strong>";
    if (a.mediator) name += " <span class=\"small\">(mediator)</span>";
    if (!a.note.empty()) name += "<br><span class=\"small\">" + esc(a.note) + "</span>";
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", name,
                       a.veto ? "yes" : "no", words(a.capability), words(a.rationality), words(a.reservation));
  }
  return out + "</tbody></table>\n</section>\n";
}

std::string positions(const Scenario& s) {
  std::string out = section_start("positions", "Stated positions, issue by issue");
  out +=
      "<p>Each position cites a source and, where the file gives one, a quote. The quote supports the "
      "<em>direction</em> of the position; the numbers are modelling choices.</p>\n";
  for (std::size_t i = 0; i < s.issues.size(); ++i) {
    const Issue& issue = s.issues[i];
    out += "<div class=\"keep\"><h3>" + esc(issue.label) + "</h3>\n<p class=\"small\">";
    if (issue.type == IssueType::binary) {
      out += "Yes or no (1 yes, 0 no)";
    } else {
      out += fmt::format("From {} to {}", num(issue.lo), num(issue.hi));
      if (!issue.unit.empty()) out += ", " + esc(issue.unit);
    }
    if (!issue.note.empty()) out += ". " + esc(issue.note);
    out += "</p></div>\n";
    out +=
        "<table><thead><tr><th>Actor</th><th>Ideal</th><th>Salience</th><th>Source and quote</th></tr></thead>"
        "<tbody>\n";
    bool any = false;
    for (const Actor& a : s.actors) {
      for (const Position& p : a.positions) {
        if (p.issue != i) continue;
        any = true;
        std::string quote = source_text(s, p.source);
        if (!p.quote.empty()) quote += "<blockquote>\xe2\x80\x9c" + esc(p.quote) + "\xe2\x80\x9d</blockquote>";
        if (!p.note.empty()) quote += "<span class=\"small\">" + esc(p.note) + "</span>";
        out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", esc(a.name), words(p.ideal),
                           words(p.salience), quote);
      }
    }
    if (!any) out += "<tr><td colspan=\"4\">No actor states a position on this issue.</td></tr>\n";
    out += "</tbody></table>\n";
  }
  return out + "</section>\n";
}

std::string assumptions(const Scenario& s) {
  const std::vector<Assumption> list = scenario_assumptions(s);
  std::string out = section_start("assumptions", "Assumptions, all together");
  out += fmt::format(
      "<p>Every value the file's notes mark as an assumption ({}). Anything here is the modeller's "
      "choice, not something the sources report.</p>\n",
      list.size());
  if (list.empty()) return out + "<p>No note marks an assumption.</p>\n</section>\n";
  out += "<table><thead><tr><th>Where in the file</th><th>Assumption</th></tr></thead><tbody>\n";
  for (const Assumption& a : list) {
    out += fmt::format("<tr><td><code>{}</code></td><td>{}</td></tr>\n", esc(a.path), esc(a.text));
  }
  return out + "</tbody></table>\n</section>\n";
}

// The actors on a circle, each edge an arrow from -> to: blue when it pulls
// toward the source's stance, red and dashed when it pushes away (negative
// weight), thicker for a larger typical weight.
std::string graph_drawing(const Scenario& s) {
  const std::size_t n = s.actors.size();
  constexpr double kSize = 560.0, kRadius = 190.0, kNode = 9.0;
  const double cx = kSize / 2 + 60, cy = kSize / 2;
  std::vector<std::pair<double, double>> at(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n);
    at[i] = {cx + kRadius * std::cos(angle), cy + kRadius * std::sin(angle)};
  }
  std::string svg = fmt::format(
      "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" "
      "role=\"img\" aria-label=\"The relations between the actors\">\n",
      num(kSize + 120, 0), num(kSize, 0));
  svg +=
      "<defs><marker id=\"arrow-pos\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
      "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#1f4e79\"/></marker>"
      "<marker id=\"arrow-neg\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
      "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#8a1c1c\"/></marker></defs>\n";
  for (const Relation& r : s.relations) {
    if (r.from == r.to) continue;
    auto [x1, y1] = at[r.from];
    auto [x2, y2] = at[r.to];
    // Offset sideways so that a -> b and b -> a do not overlap; stop at the nodes.
    const double dx = x2 - x1, dy = y2 - y1, length = std::hypot(dx, dy);
    if (length <= 2 * kNode) continue;
    const double ux = dx / length, uy = dy / length, ox = -uy * 4, oy = ux * 4;
    const double w = typical(r.weight.dist);
    const bool negative = w < 0;
    svg += fmt::format(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"{} marker-end=\"url(#{})\"/>\n",
        num(x1 + ux * kNode + ox, 1), num(y1 + uy * kNode + oy, 1), num(x2 - ux * (kNode + 2) + ox, 1),
        num(y2 - uy * (kNode + 2) + oy, 1), negative ? "#8a1c1c" : "#1f4e79",
        num(1.0 + 12.0 * std::min(std::abs(w), 0.5), 2), negative ? " stroke-dasharray=\"6 3\"" : "",
        negative ? "arrow-neg" : "arrow-pos");
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Actor& a = s.actors[i];
    const auto [x, y] = at[i];
    const bool right = x >= cx - 1;
    svg += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" stroke=\"#000\"/>\n", num(x, 1), num(y, 1),
                       num(kNode, 1), a.veto ? "#8a1c1c" : "#ffffff");
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"{}\">{}</text>\n",
                       num(x + (right ? 14 : -14), 1), num(y + 4, 1), right ? "start" : "end", esc(a.name));
  }
  svg += fmt::format(
      "<text x=\"10\" y=\"{}\" font-size=\"10\" fill=\"#555\">Filled: veto actor. Blue arrow: pulls "
      "the target toward the source's stance; red dashed: pushes it away. Thickness: typical |weight|."
      "</text>\n",
      num(kSize - 8, 1));
  svg +=
      "</svg><figcaption>Who influences whom (an arrow from A to B: B's stance is pulled by A's).</figcaption>"
      "</figure>\n";
  return svg;
}

std::string relations(const Scenario& s) {
  std::string out = section_start("relations", "Relations between the actors");
  if (s.relations.empty()) return out + "<p>The file lists no relations.</p>\n</section>\n";
  out += graph_drawing(s);
  out +=
      "<table><thead><tr><th>From</th><th>To</th><th>Kind</th><th>Weight</th><th>Source and note</th></tr>"
      "</thead><tbody>\n";
  for (const Relation& r : s.relations) {
    std::string note = r.source.empty() ? std::string() : source_text(s, r.source);
    if (!r.note.empty())
      note += (note.empty() ? "" : "<br>") + std::string("<span class=\"small\">") + esc(r.note) + "</span>";
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", esc(s.actors[r.from].name),
                       esc(s.actors[r.to].name), esc(r.kind), words(r.weight), note);
  }
  return out + "</tbody></table>\n</section>\n";
}

std::string proposals(const Scenario& s) {
  std::string out = section_start("proposals", "Proposals on the table");
  for (const Proposal& p : s.proposals) {
    out += "<div class=\"keep\"><h3>" + esc(p.label) + " <span class=\"small\">(" + esc(p.id) + ")</span></h3>\n";
    if (!p.source.empty()) out += "<p class=\"small\">Source: " + source_text(s, p.source) + "</p>\n";
    if (!p.note.empty()) out += "<p class=\"small\">" + esc(p.note) + "</p>\n";
    out += "<table><thead><tr><th>Issue</th><th class=\"n\">Term</th></tr></thead><tbody>\n";
    for (std::size_t i = 0; i < s.issues.size(); ++i) {
      const Issue& issue = s.issues[i];
      const double v = p.terms[i];
      const std::string term = issue.type == IssueType::binary ? (v != 0.0 ? "yes (1)" : "no (0)")
                                                               : num(v) + (issue.unit.empty() ? "" : " " + issue.unit);
      out += fmt::format("<tr><td>{}</td><td class=\"n\">{}</td></tr>\n", esc(issue.label), esc(term));
    }
    out += "</tbody></table></div>\n";
  }
  return out + "</section>\n";
}

}  // namespace

std::string scenario_sections(const Scenario& s) {
  return sources(s) + actors(s) + positions(s) + assumptions(s) + relations(s) + proposals(s);
}

}  // namespace parley::handout

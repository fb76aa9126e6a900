// `parley validate --explain`: the scenario as a reader sees it, in words.

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "parley/core/distribution.hpp"
#include "parley/report/scenario_report.hpp"
#include "parley/report/text_layout.hpp"
#include "parley/version.hpp"

namespace parley {

namespace {

std::string number(double x) {
  return fmt::format("{:g}", x);
}

std::string one_paragraph(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

}  // namespace

std::string parameter_in_words(const Distribution& d) {
  const std::string_view name = name_of(d.kind);
  switch (d.kind) {
    case DistributionKind::fixed:
      return number(d.value);
    case DistributionKind::uniform:
      return fmt::format("{} from {} to {}", name, number(d.low), number(d.high));
    case DistributionKind::normal:
      return fmt::format("{}, mean {}, sd {}", name, number(d.mean), number(d.sd));
    case DistributionKind::triangular:
      return fmt::format("{} from {} to {}, mode {}", name, number(d.low), number(d.high), number(d.mode));
    case DistributionKind::beta:
      return d.low == 0.0 && d.high == 1.0
                 ? fmt::format("{}({}, {})", name, number(d.a), number(d.b))
                 : fmt::format("{}({}, {}) on [{}, {}]", name, number(d.a), number(d.b), number(d.low), number(d.high));
    case DistributionKind::lognormal:
      return fmt::format("{}, mu {}, sigma {}", name, number(d.mu), number(d.sigma));
  }
  return "?";
}

// The files write `note: "assumption: ..."`, or a reported fact first and
// then "assumption: ...".
std::string assumption_in(const std::string& note) {
  std::string lower = note;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const std::size_t at = lower.find("assumption:");
  if (at == std::string::npos) return "";
  std::string text = note.substr(at);
  // Folded YAML keeps a final newline; a note is one paragraph here.
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

std::vector<Assumption> scenario_assumptions(const Scenario& scenario) {
  std::vector<Assumption> assumptions;
  auto collect = [&](const std::string& path, const std::string& note) {
    std::string text = assumption_in(note);
    if (!text.empty()) assumptions.push_back({path, std::move(text)});
  };
  for (const Source& s : scenario.sources) collect("sources." + s.id, s.note);
  for (const Issue& i : scenario.issues) collect("issues." + i.id, i.note);
  for (const Actor& a : scenario.actors) {
    collect("actors." + a.id, a.note);
    for (const Position& p : a.positions) {
      collect("actors." + a.id + ".positions." + scenario.issues[p.issue].id, p.note);
    }
  }
  for (std::size_t r = 0; r < scenario.relations.size(); ++r) {
    const Relation& rel = scenario.relations[r];
    collect(fmt::format("relations.{} ({} -> {})", r, scenario.actors[rel.from].id, scenario.actors[rel.to].id),
            rel.note);
  }
  for (const Proposal& p : scenario.proposals) collect("proposals." + p.id, p.note);
  return assumptions;
}

std::string scenario_explanation(const Scenario& scenario, std::size_t width) {
  width = std::max<std::size_t>(width, 40);
  std::string out;
  auto para = [&](const std::string& text, const std::string& first = "", const std::string& rest = "") {
    out += text::wrap(one_paragraph(text), width, first, rest);
  };

  para(scenario.title);
  para(kDisclaimer);
  para(fmt::format("parley {} validate --explain: {}", kVersion, scenario.file));
  if (!scenario.as_of.empty()) para("As of " + scenario.as_of + ".");
  if (!scenario.description.empty()) {
    out += "\n";
    para(scenario.description);
  }

  if (!scenario.sources.empty()) {
    out += "\nSources\n";
    for (const Source& s : scenario.sources) {
      std::string line = s.id + ":";
      line += " " + (s.outlet.empty() ? std::string("(no outlet given)") : s.outlet);
      if (!s.date.empty()) line += ", " + s.date;
      if (!s.title.empty()) line += ": \"" + s.title + "\"";
      if (!s.url.empty()) line += " <" + s.url + ">";
      if (!s.file.empty()) line += " (file " + s.file + ")";
      para(line, "  ", "      ");
    }
  }

  out += "\nActors and their stated positions\n";
  for (const Actor& a : scenario.actors) {
    std::string heading = a.name == a.id ? a.name : fmt::format("{} ({})", a.name, a.id);
    if (a.veto) heading += ", veto";
    if (a.mediator) heading += ", mediator";
    out += "\n";
    para(heading, "  ", "    ");
    for (const Position& p : a.positions) {
      const Issue& issue = scenario.issues[p.issue];
      para((issue.label.empty() ? issue.id : issue.label) + " [" + issue.id + "]", "    ", "      ");
      std::string values = "ideal";
      if (issue.type == IssueType::binary) {
        values += " (0 no, 1 yes)";
      } else if (!issue.unit.empty()) {
        values += ", in " + issue.unit;
      }
      values += ": " + parameter_in_words(p.ideal.dist) + "; salience: " + parameter_in_words(p.salience.dist);
      para(values, "      ", "        ");
      if (!p.quote.empty()) {
        para("\"" + p.quote + "\" (" + p.source + ")", "      ", "        ");
      } else {
        para("source: " + p.source + " (no quote)", "      ", "        ");
      }
    }
  }

  // Every value a note marks as an assumption, by the path that names it.
  const std::vector<Assumption> assumptions = scenario_assumptions(scenario);

  out += fmt::format("\nAssumptions: {} value{} marked in the file's notes\n", assumptions.size(),
                     assumptions.size() == 1 ? "" : "s");
  if (assumptions.empty()) para("(none: no note marks an assumption)", "  ", "  ");
  for (const auto& [path, text] : assumptions) {
    para(path, "  ", "    ");
    para(text, "    ", "    ");
  }
  return text::trim_line_ends(out);
}

}  // namespace parley

// `parley report`: the page around the sections -- print CSS for A4, the
// HYPOTHETICAL banner at the top and on every printed page, what the numbers
// are and are not, and how to reproduce the page.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "handout_parts.hpp"
#include "parley/report/common.hpp"
#include "parley/version.hpp"

namespace parley {

namespace handout {

std::string num(double x, int digits) {
  if (!std::isfinite(x)) return "n/a";
  std::string text = fmt::format("{:.{}f}", x, digits);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text == "-0" ? "0" : text;
}

std::string actor_name(const Scenario& s, const std::string& id) {
  const auto a = s.find_actor(id);
  return a ? s.actors[*a].name : id;
}

std::string section_start(std::string_view id, std::string_view title) {
  return fmt::format("<section id=\"{}\">\n<h2>{}</h2>\n", esc(id), esc(title));
}

}  // namespace handout

namespace {

// Screen and A4 print. In print, the label is also the running header of
// every page (a page-margin box, CSS Paged Media), beside the page number.
// Each section starts a page; table rows, figures and short tables are never
// cut; table headers repeat on every page a table spans.
constexpr const char* kStyle = R"(
:root { --ink: #1a1a1a; --muted: #555; --line: #bbb; --accent: #1f4e79; --warn: #8a1c1c; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Serif", Georgia, serif; color: var(--ink); margin: 0 auto; max-width: 60rem;
       padding: 0 1.5rem 2rem; line-height: 1.4; font-size: 11pt; background: #fff; }
h1 { font-size: 1.7em; margin: 0.6em 0 0.2em; color: var(--accent); }
h2 { font-size: 1.3em; border-bottom: 2px solid var(--accent); color: var(--accent); margin-top: 1.6em; }
h3 { font-size: 1.05em; margin: 1.1em 0 0.3em; }
.banner { background: var(--warn); color: #fff; font-family: "DejaVu Sans", Arial, sans-serif; font-weight: bold;
          padding: 0.4em 0.8em; margin: 0 -1.5rem; text-align: center; letter-spacing: 0.02em; }
.lede { border-left: 4px solid var(--warn); padding: 0.3em 0.9em; background: #fbf3f3; }
.meta, .caption, .small { color: var(--muted); font-size: 0.9em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 0.92em; }
th, td { border: 1px solid var(--line); padding: 0.25em 0.45em; text-align: left; vertical-align: top; }
th { background: #eef2f7; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead { display: table-header-group; }
tr, figure, .exercise, .keep { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 0.8em 0; }
figcaption { color: var(--muted); font-size: 0.9em; }
svg { max-width: 100%; height: auto; font-family: "DejaVu Sans", Arial, sans-serif; }
blockquote { margin: 0.2em 0 0.2em 1em; font-style: italic; }
code, .cmd { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; overflow-wrap: anywhere; }
.cmd { display: block; background: #f4f4f4; padding: 0.4em 0.6em; white-space: pre-wrap; }
.exercise { border: 1px solid var(--line); padding: 0.3em 0.9em 0.6em; margin: 0.8em 0; }
.up { color: #1b5e20; } .down { color: #8a1c1c; }
@page {
  size: A4; margin: 20mm 14mm 16mm;
  @top-center { content: "HYPOTHETICAL \2014  model output from the stated assumptions; not a prediction.";
                color: #8a1c1c; font: bold 9pt "DejaVu Sans", Arial, sans-serif; }
  @bottom-right { content: "page " counter(page) " of " counter(pages); color: #555;
                  font: 8pt "DejaVu Sans", Arial, sans-serif; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .banner { margin: 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section { break-before: page; page-break-before: always; }
  section.first { break-before: auto; page-break-before: auto; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
)";

std::string intro(const Scenario& s) {
  std::string out = "<p class=\"lede\"><strong>What these numbers are, and are not.</strong> ";
  out +=
      "This handout shows what follows from the assumptions written in the scenario file, and nothing more. Each "
      "actor's ideal outcome, how much it cares about each issue, what it expects without a deal (its outside "
      "option) and how much it listens to others are inputs, many of them guesses given as ranges. The program draws "
      "those inputs many times and counts how often each actor would accept each proposal under a simple model. A "
      "probability here is a share of those draws: it is not a forecast, not a poll and not a judgement of who is "
      "right. Change an assumption and the numbers change; the exercises at the end show by how much.</p>\n";
  if (!s.description.empty()) out += "<p>" + handout::esc(s.description) + "</p>\n";
  return out;
}

std::string reproduce(const Scenario& s, const Handout& h) {
  std::string out = handout::section_start("reproduce", "How this page was made");
  out += "<table class=\"keep\"><tbody>\n";
  out += fmt::format("<tr><th>Tool</th><td>parley {}</td></tr>\n", handout::esc(kVersion));
  out += fmt::format("<tr><th>Scenario file</th><td><code>{}</code></td></tr>\n", handout::esc(s.file));
  out += fmt::format("<tr><th>Seed</th><td>{}</td></tr>\n", h.run.seed);
  out += fmt::format("<tr><th>Draws</th><td>{}</td></tr>\n", h.run.draws);
  out +=
      "<tr><th>Random numbers</th><td>Philox4x64-10, counter-based: the same seed and draws give the same page "
      "on any machine and any number of threads</td></tr>\n";
  out += "</tbody></table>\n<p>To make this page again:</p>\n";
  out += "<code class=\"cmd\">" + handout::esc(h.command) + "</code>\n";
  out += "<p class=\"small\">" + handout::esc(kDisclaimer) + "</p>\n</section>\n";
  return out;
}

}  // namespace

std::string handout_html(const Scenario& s, const Handout& h) {
  using handout::esc;
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  // No scripts, no fonts or images from anywhere: the page stands alone.
  out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "img-src data:\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + esc(s.title) + " \xe2\x80\x94 HYPOTHETICAL handout</title>\n";
  out += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
  out += "<div class=\"banner\" role=\"note\">" + esc(kDisclaimer) + "</div>\n";
  out += "<section class=\"first\" id=\"top\">\n<h1>" + esc(s.title) + "</h1>\n";
  std::string meta = "Classroom handout";
  if (!s.as_of.empty()) meta += " \xc2\xb7 as of " + s.as_of;
  meta += fmt::format(" \xc2\xb7 {} actors, {} issues, {} proposals \xc2\xb7 seed {}, {} draws", s.actors.size(),
                      s.issues.size(), s.proposals.size(), h.run.seed, h.run.draws);
  out += "<p class=\"meta\">" + esc(meta) + "</p>\n";
  out += intro(s);
  out += "</section>\n";
  out += handout::scenario_sections(s);
  out += handout::results_section(s, h.run);
  out += handout::analyses_sections(s, h);
  out += handout::exercises_section(s, h);
  out += reproduce(s, h);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace parley

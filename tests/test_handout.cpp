// The HTML handout of `parley report`: self-contained, labelled, escaped,
// and showing what the issue lists (positions with quotes, assumptions,
// relations, proposals, results, exercises before and after).

#include <catch2/catch.hpp>
#include <string>

#include "parley/analysis/run.hpp"
#include "parley/io/scenario_loader.hpp"
#include "parley/report/common.hpp"
#include "parley/report/handout_report.hpp"

using namespace parley;

namespace {

// Names, labels and quotes a teacher might type, and an attacker might.
const std::string kHostile = R"(parley: 1
title: "Tom & Jerry's <script>alert('title')</script> \"deal\""
sources:
  - {id: s1, outlet: "<b>Daily</b> & Co", title: "It's \"news\""}
issues:
  - {id: x, label: "Cheese <i>share</i> & crumbs", range: [0, 10], note: "assumption: the <range> & its 'units'"}
actors:
  - id: tom
    name: "Tom <script>alert(1)</script>"
    veto: true
    reservation: {dist: normal, mean: 0.3, sd: 0.05}
    positions: {x: {ideal: 2, source: s1, quote: "I'll have \"all\" the <cheese> & more"}}
  - id: jerry
    name: "Jerry & \"Nibbles\""
    veto: true
    reservation: 0.3
    positions: {x: {ideal: 8, source: s1, quote: "it's <mine>"}}
relations:
  - {from: tom, to: jerry, weight: -0.2, kind: "<rivalry>"}
proposals:
  - {id: half, label: "Half & half <b>now</b>", terms: {x: 5}}
exercises:
  - title: "What if <Tom> relents?"
    question: "Set Tom's \"ideal\" & see"
    proposal: half
    set: {actors.tom.positions.x.ideal: 4}
)";

Handout handout_of(const Scenario& s, const Scenario& changed) {
  Handout h;
  h.command = "parley report hostile.yaml --out 'a&b.html'";
  RunSettings settings;
  settings.simulation.draws = 2000;
  settings.simulation.seed = 7;
  h.run = run_scenario(s, settings);
  h.exercises.push_back({0, run_scenario(s, settings), run_scenario(changed, settings)});
  return h;
}

}  // namespace

TEST_CASE("html_escape escapes the five characters that matter in HTML", "[report][handout]") {
  CHECK(html_escape("<a href=\"x\">Tom & Jerry's</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  CHECK(html_escape("plain text, d\xc3\xa9j\xc3\xa0 vu") == "plain text, d\xc3\xa9j\xc3\xa0 vu");
}

TEST_CASE("the handout renders names, labels and quotes with markup as text", "[report][handout]") {
  const Scenario s = load_scenario_text(kHostile, "hostile.yaml");
  const Scenario changed =
      load_scenario_text(kHostile, "hostile.yaml", std::vector<Override>{{"actors.tom.positions.x.ideal", "4"}});
  const std::string html = handout_html(s, handout_of(s, changed));
  // No markup from the file gets through: no script element at all.
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("<i>") == std::string::npos);
  CHECK_THAT(html, Catch::Contains("Tom &lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK_THAT(html, Catch::Contains("Jerry &amp; &quot;Nibbles&quot;"));
  CHECK_THAT(html, Catch::Contains("I&#39;ll have &quot;all&quot; the &lt;cheese&gt; &amp; more"));
  CHECK_THAT(html, Catch::Contains("Half &amp; half &lt;b&gt;now&lt;/b&gt;"));
  CHECK_THAT(html, Catch::Contains("&lt;b&gt;Daily&lt;/b&gt; &amp; Co"));
  CHECK_THAT(html, Catch::Contains("assumption: the &lt;range&gt; &amp; its &#39;units&#39;"));
  CHECK_THAT(html, Catch::Contains("What if &lt;Tom&gt; relents?"));
  CHECK_THAT(html, Catch::Contains("--out &#39;a&amp;b.html&#39;"));
}

TEST_CASE("the handout stands alone: no scripts, no links, nothing fetched", "[report][handout]") {
  const Scenario s = load_scenario_file(PARLEY_SOURCE_DIR "/scenarios/classroom-river-basin.yaml");
  Handout h;
  RunSettings settings;
  settings.simulation.draws = 500;
  h.run = run_scenario(s, settings);
  const std::string html = handout_html(s, h);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  for (const char* forbidden : {"<script", "<link", "<img", "<iframe", "@import", "src=", "href="}) {
    INFO(forbidden);
    CHECK(html.find(forbidden) == std::string::npos);
  }
  // The only url() is the SVG's reference to its own arrow markers.
  for (std::size_t at = html.find("url("); at != std::string::npos; at = html.find("url(", at + 1)) {
    CHECK(html.compare(at, 5, "url(#") == 0);
  }
}

TEST_CASE("the handout shows the label, positions, assumptions, relations and results", "[report][handout]") {
  const Scenario s = load_scenario_file(PARLEY_SOURCE_DIR "/scenarios/ukraine-28-point-2025-11.yaml");
  Handout h;
  RunSettings settings;
  settings.simulation.draws = 500;
  h.run = run_scenario(s, settings);
  const std::string html = handout_html(s, h);
  CHECK_THAT(html, Catch::Contains("<div class=\"banner\" role=\"note\">" + html_escape(kDisclaimer) + "</div>"));
  CHECK_THAT(html, Catch::Contains("@top-center { content: \"HYPOTHETICAL"));
  CHECK_THAT(html, Catch::Contains("What these numbers are, and are not."));
  for (const Actor& a : s.actors) CHECK_THAT(html, Catch::Contains(html_escape(a.name)));
  for (const Proposal& p : s.proposals) CHECK_THAT(html, Catch::Contains(html_escape(p.label)));
  for (const Actor& a : s.actors) {
    for (const Position& p : a.positions) {
      if (!p.quote.empty()) CHECK_THAT(html, Catch::Contains(html_escape(p.quote)));
    }
  }
  CHECK_THAT(html, Catch::Contains("<h2>Assumptions, all together</h2>"));
  CHECK_THAT(html, Catch::Contains("normal, mean 0.45, sd 0.08"));  // Ukraine's outside option, in words
  CHECK_THAT(html, Catch::Contains("aria-label=\"The relations between the actors\""));
  CHECK_THAT(html, Catch::Contains("<h2>Results: who accepts each proposal</h2>"));
  CHECK_THAT(html, Catch::Contains("<h2>Exercises</h2>"));
  CHECK_THAT(html, Catch::Contains("1. The army cap"));
}

TEST_CASE("an exercise with changes shows before, after and the change", "[report][handout]") {
  const Scenario s = load_scenario_text(kHostile, "hostile.yaml");
  const Scenario changed =
      load_scenario_text(kHostile, "hostile.yaml", std::vector<Override>{{"actors.tom.positions.x.ideal", "4"}});
  const Handout h = handout_of(s, changed);
  const std::string html = handout_html(s, h);
  CHECK_THAT(html, Catch::Contains("<th class=\"n\">Before</th><th class=\"n\">After</th><th class=\"n\">Change</th>"));
  // Tom's ideal moves toward the proposal: his acceptance rises.
  CHECK(h.exercises[0].after.proposals[0].actors[0].accept.mean >
        h.exercises[0].before.proposals[0].actors[0].accept.mean);
  CHECK_THAT(html, Catch::Contains("class=\"n up\">+"));
  CHECK_THAT(html, Catch::Contains("parley run hostile.yaml --proposal half --set actors.tom.positions.x.ideal=4"));
}

// Scenario loading and validation: a valid file loads with the right values,
// and every kind of bad input is reported at its `file:line:column`, naming
// the key, what was expected and what was found -- all errors at once.

#include <fmt/format.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "parley/core/scenario.hpp"
#include "parley/io/diagnostics.hpp"
#include "parley/io/scenario_loader.hpp"

using parley::DistributionKind;
using parley::IssueType;
using parley::Override;
using parley::Scenario;
using parley::ScenarioError;

namespace {

using Errors = std::vector<std::string>;
constexpr double kInf = std::numeric_limits<double>::infinity();

// A minimal valid scenario. The tests below change single lines of it and
// expect errors at these line numbers, so keep it as it is.
const std::string kBase = R"(parley: 1
title: "Minimal"
sources:
  - id: s1
    outlet: "handout"
issues:
  - id: land
    range: [0, 10]
  - id: ban
    type: binary
actors:
  - id: a
    veto: true
    reservation: 0.4
    positions:
      land:
        ideal: 2
        salience: 1
        source: s1
      ban:
        ideal: 1
        salience: 1
        source: s1
  - id: b
    veto: true
    reservation:
      dist: normal
      mean: 0.3
      sd: 0.05
    positions:
      land:
        ideal: 8
        salience: 1
        source: s1
      ban:
        ideal: 0
        salience: 1
        source: s1
relations:
  - from: a
    to: b
    weight: 0.2
proposals:
  - id: p
    terms:
      land: 5
      ban: 1
)";

// Three actors for the influence graph; relations go on line 11 and after.
const std::string kGraph = R"(parley: 1
title: "Graph"
sources: [{id: s}]
issues: [{id: x, range: [0, 1]}]
actors:
  - {id: a, veto: true, reservation: 0.5, positions: {x: {ideal: 0, source: s}}}
  - {id: b, veto: true, reservation: 0.5, positions: {x: {ideal: 1, source: s}}}
  - {id: c, veto: true, reservation: 0.5, positions: {x: {ideal: 1, source: s}}}
proposals: [{id: p, terms: {x: 0.5}}]
relations:
)";

// `text` with its lines replaced: {line number (1-based), new text}. The new
// text may be empty (the line is blanked) or hold several lines.
std::string with_lines(const std::string& text, const std::vector<std::pair<int, std::string>>& edits) {
  std::istringstream in(text);
  std::string out;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    bool replaced = false;
    for (const auto& [k, replacement] : edits) {
      if (k == n) {
        out += replacement + "\n";
        replaced = true;
      }
    }
    if (!replaced) out += line + "\n";
  }
  for (const auto& edit : edits) REQUIRE(edit.first <= n);
  return out;
}

std::string with_line(const std::string& text, int line, const std::string& replacement) {
  return with_lines(text, {{line, replacement}});
}

Scenario load(const std::string& text, const std::vector<Override>& overrides = {}) {
  return parley::load_scenario_text(text, "bad.yaml", overrides);
}

// The formatted diagnostics of a text that must fail to load.
Errors errors_of(const std::string& text, const std::vector<Override>& overrides = {}) {
  try {
    (void)load(text, overrides);
  } catch (const ScenarioError& e) {
    Errors out;
    for (const auto& d : e.diagnostics()) out.push_back(parley::format_diagnostic(d));
    return out;
  }
  FAIL("the scenario loaded, but errors were expected");
  return {};
}

}  // namespace

// ---------------------------------------------------------------------------
// Valid input

TEST_CASE("the minimal test scenario is valid", "[loader]") {
  const Scenario s = load(kBase);
  CHECK(s.file == "bad.yaml");
  CHECK(s.actors.size() == 2);
  CHECK(s.issues.size() == 2);
  CHECK(s.relations.size() == 1);
  CHECK(s.proposals.size() == 1);
  REQUIRE_NOTHROW(load(kGraph + "  - {from: a, to: b, weight: 0.1}\n"));
}

TEST_CASE("a valid file loads with every field and all six distributions", "[loader]") {
  const std::string text = R"(parley: 1
title: "Full"
as_of: 2025-11-20
description: >
  Every field.
sources:
  - id: r1
    outlet: "Outlet"
    date: 2025-11-19
    title: "A report"
    file: reports/001.txt
    url: "https://example.org/1"
    note: "source note"
  - id: r2
issues:
  - id: land
    label: "Land"
    unit: "km2"
    range: [-5, 15]
    group: peace
    note: "issue note"
  - id: ban
    label: "Ban"
    type: binary
    group: security
actors:
  - id: a
    name: "Actor A"
    veto: true
    mediator: false
    capability: {dist: uniform, low: 1, high: 2}
    rationality: {dist: lognormal, mu: 1, sigma: 0.5}
    rho: {dist: triangular, low: 1, mode: 1.5, high: 3}
    reservation: {dist: beta, a: 2, b: 5, low: 0.1, high: 0.9}
    note: "actor note"
    positions:
      land:
        ideal: {dist: normal, mean: 0, sd: 2}
        salience: {dist: fixed, value: 0.7}
        source: r1
        quote: "a \"quoted\" phrase"
        note: "position note"
      ban:
        ideal: 1
        salience: 0.3
        source: r2
  - id: m
    mediator: true
    reservation: 0.5
    positions:
      ban: {ideal: 0, source: r1}
relations:
  - {from: m, to: a, weight: {dist: uniform, low: -0.4, high: -0.1}, kind: leverage, source: r1, note: "edge note"}
  - {from: a, to: m, weight: 0.25}
proposals:
  - id: deal
    label: "The deal"
    source: r2
    note: "proposal note"
    terms: {land: 12.5, ban: 0}
  - id: other
    terms: {ban: 1, land: -5}
simulation:
  draws: 5000
  seed: 42
)";
  const Scenario s = parley::load_scenario_text(text, "full.yaml");

  CHECK(s.schema == 1);
  CHECK(s.title == "Full");
  CHECK(s.as_of == "2025-11-20");
  CHECK(s.description == "Every field.\n");

  REQUIRE(s.sources.size() == 2);
  CHECK(s.sources[0].id == "r1");
  CHECK(s.sources[0].outlet == "Outlet");
  CHECK(s.sources[0].date == "2025-11-19");
  CHECK(s.sources[0].title == "A report");
  CHECK(s.sources[0].file == "reports/001.txt");
  CHECK(s.sources[0].url == "https://example.org/1");
  CHECK(s.sources[0].note == "source note");
  CHECK(s.sources[1].id == "r2");
  CHECK(s.sources[1].outlet.empty());

  REQUIRE(s.issues.size() == 2);
  const auto& land = s.issues[0];
  CHECK(land.id == "land");
  CHECK(land.label == "Land");
  CHECK(land.unit == "km2");
  CHECK(land.group == "peace");
  CHECK(land.note == "issue note");
  CHECK(land.type == IssueType::continuous);
  CHECK(land.lo == -5.0);
  CHECK(land.hi == 15.0);
  const auto& ban = s.issues[1];
  CHECK(ban.type == IssueType::binary);
  CHECK(ban.lo == 0.0);
  CHECK(ban.hi == 1.0);
  CHECK(ban.group == "security");
  CHECK(s.find_issue("ban") == std::optional<std::size_t>(1));

  REQUIRE(s.actors.size() == 2);
  const auto& a = s.actors[0];
  CHECK(a.id == "a");
  CHECK(a.name == "Actor A");
  CHECK(a.note == "actor note");
  CHECK(a.veto);
  CHECK_FALSE(a.mediator);
  CHECK(a.capability.dist.kind == DistributionKind::uniform);
  CHECK(a.capability.dist.low == 1.0);
  CHECK(a.capability.dist.high == 2.0);
  CHECK(a.capability.path == "actors.a.capability");
  CHECK(a.capability.allowed.lo == 0.0);
  CHECK(a.capability.allowed.hi == 1e6);
  CHECK(a.capability.where.file == "full.yaml");
  CHECK(a.capability.where.line == 31);
  CHECK(a.capability.where.column == 17);
  CHECK(a.rationality.dist.kind == DistributionKind::lognormal);
  CHECK(a.rationality.dist.mu == 1.0);
  CHECK(a.rationality.dist.sigma == 0.5);
  CHECK(a.rho.dist.kind == DistributionKind::triangular);
  CHECK(a.rho.dist.low == 1.0);
  CHECK(a.rho.dist.mode == 1.5);
  CHECK(a.rho.dist.high == 3.0);
  CHECK(a.rho.allowed.lo == 1.0);
  CHECK(a.reservation.dist.kind == DistributionKind::beta);
  CHECK(a.reservation.dist.a == 2.0);
  CHECK(a.reservation.dist.b == 5.0);
  CHECK(a.reservation.dist.low == 0.1);
  CHECK(a.reservation.dist.high == 0.9);
  CHECK(a.reservation.allowed.lo == 0.0);
  CHECK(a.reservation.allowed.hi == 1.0);
  REQUIRE(a.positions.size() == 2);
  const auto& pos = a.positions[0];
  CHECK(pos.issue == 0);
  CHECK(pos.ideal.dist.kind == DistributionKind::normal);
  CHECK(pos.ideal.dist.mean == 0.0);
  CHECK(pos.ideal.dist.sd == 2.0);
  CHECK(pos.ideal.path == "actors.a.positions.land.ideal");
  CHECK(pos.ideal.allowed.lo == -5.0);
  CHECK(pos.ideal.allowed.hi == 15.0);
  CHECK(pos.ideal.where.line == 38);
  CHECK(pos.ideal.where.column == 16);
  CHECK(pos.salience.dist.kind == DistributionKind::fixed);
  CHECK(pos.salience.dist.value == 0.7);
  CHECK_FALSE(pos.salience.is_uncertain());
  CHECK(pos.source == "r1");
  CHECK(pos.quote == "a \"quoted\" phrase");
  CHECK(pos.note == "position note");
  CHECK(a.positions[1].issue == 1);
  CHECK(a.positions[1].ideal.dist.value == 1.0);
  CHECK(a.positions[1].salience.dist.value == 0.3);
  CHECK(a.positions[1].source == "r2");

  // Defaults: name = id, capability, rationality, rho and salience 1, veto false.
  const auto& m = s.actors[1];
  CHECK(m.name == "m");
  CHECK_FALSE(m.veto);
  CHECK(m.mediator);
  CHECK(m.capability.dist.is_fixed());
  CHECK(m.capability.dist.value == 1.0);
  CHECK(m.rationality.dist.value == 1.0);
  CHECK(m.rho.dist.value == 1.0);
  CHECK(m.reservation.dist.value == 0.5);
  REQUIRE(m.positions.size() == 1);
  CHECK(m.positions[0].issue == 1);
  CHECK(m.positions[0].ideal.dist.value == 0.0);
  CHECK(m.positions[0].salience.dist.value == 1.0);

  REQUIRE(s.relations.size() == 2);
  CHECK(s.relations[0].from == 1);
  CHECK(s.relations[0].to == 0);
  CHECK(s.relations[0].weight.dist.kind == DistributionKind::uniform);
  CHECK(s.relations[0].weight.dist.low == -0.4);
  CHECK(s.relations[0].weight.dist.high == -0.1);
  CHECK(s.relations[0].weight.path == "relations.0.weight");
  CHECK(s.relations[0].kind == "leverage");
  CHECK(s.relations[0].source == "r1");
  CHECK(s.relations[0].note == "edge note");
  CHECK(s.relations[1].from == 0);
  CHECK(s.relations[1].to == 1);
  CHECK(s.relations[1].weight.dist.value == 0.25);

  REQUIRE(s.proposals.size() == 2);
  CHECK(s.proposals[0].id == "deal");
  CHECK(s.proposals[0].label == "The deal");
  CHECK(s.proposals[0].source == "r2");
  CHECK(s.proposals[0].note == "proposal note");
  CHECK(s.proposals[0].terms == std::vector<double>{12.5, 0.0});
  CHECK(s.proposals[1].label == "other");
  CHECK(s.proposals[1].terms == std::vector<double>{-5.0, 1.0});  // in issue order, not file order

  CHECK(s.simulation.draws == 5000);
  CHECK(s.simulation.seed == 42);

  const auto params = s.parameters();
  CHECK(params.size() == 16);
  CHECK(std::count_if(params.begin(), params.end(), [](const auto* p) { return p->is_uncertain(); }) == 6);
}

TEST_CASE("simulation defaults apply when the file has no simulation block", "[loader]") {
  const Scenario s = load(kBase);
  CHECK(s.simulation.draws == 100000);
  CHECK(s.simulation.seed == 1);
}

TEST_CASE("the bargaining fields load with their defaults and given values", "[loader][bargaining]") {
  const Scenario plain = load(kBase);
  CHECK(plain.actors[0].drift.dist.value == 0.0);
  CHECK(plain.actors[0].discount.dist.value == 1.0);
  CHECK(plain.bargaining.protocol == parley::BargainingProtocol::mediated);
  CHECK(plain.bargaining.rounds == 20);
  CHECK(plain.bargaining.step == 0.25);
  CHECK(plain.bargaining.proposal.empty());

  const std::string text = with_lines(kBase, {{14, "    reservation: 0.4\n    drift: -0.01\n    discount: 0.95"},
                                              {47,
                                               "      ban: 1\nbargaining:\n  protocol: alternating\n  rounds: 7\n"
                                               "  step: 0.5\n  proposal: p"}});
  const Scenario s = load(text);
  CHECK(s.actors[0].drift.dist.value == -0.01);
  CHECK(s.actors[0].drift.path == "actors.a.drift");
  CHECK(s.actors[0].discount.dist.value == 0.95);
  CHECK(s.bargaining.protocol == parley::BargainingProtocol::alternating);
  CHECK(s.bargaining.rounds == 7);
  CHECK(s.bargaining.step == 0.5);
  CHECK(s.bargaining.proposal == "p");
  // Distributions are allowed like for every parameter; they are not inputs of `run`.
  const Scenario d =
      load(with_line(kBase, 14, "    reservation: 0.4\n    drift: {dist: uniform, low: -0.02, high: 0}"));
  CHECK(d.actors[0].drift.is_uncertain());
}

TEST_CASE("bad bargaining fields are reported with what was expected", "[loader][bargaining][errors]") {
  CHECK(errors_of(with_lines(kBase, {{14, "    reservation: 0.4\n    drift: 1.5\n    discount: 0"}})) ==
        Errors{"bad.yaml:15:12: error: 'actors.a.drift': expected a number or a distribution in [-1, 1], got 1.5",
               "bad.yaml:16:15: error: 'actors.a.discount': expected a number or a distribution in (0, 1], got 0"});
  CHECK(errors_of(with_line(kBase, 47,
                            "      ban: 1\nbargaining:\n  protocol: mediatd\n  rounds: 0\n  step: 2\n"
                            "  proposal: q\n  round: 3")) ==
        Errors{"bad.yaml:53:3: error: unknown key 'round' in the bargaining settings (did you mean 'rounds'?): "
               "expected one of protocol, rounds, step, proposal",
               "bad.yaml:49:13: error: 'bargaining.protocol': unknown protocol 'mediatd' (did you mean 'mediated'?): "
               "expected mediated or alternating",
               "bad.yaml:50:11: error: 'bargaining.rounds': expected a whole number >= 1, got '0'",
               "bad.yaml:51:9: error: 'bargaining.step': expected a number in (0, 1], got 2",
               "bad.yaml:52:13: error: 'bargaining.proposal': unknown proposal 'q': expected one of p"});
  CHECK(errors_of(with_line(kBase, 47, "      ban: 1\nbargaining: {rounds: 10001}")) ==
        Errors{"bad.yaml:48:22: error: 'bargaining.rounds': expected a whole number from 1 to 10000, got 10001"});
}

TEST_CASE("the scenarios shipped with parley are valid", "[loader]") {
  for (const char* name : {"scenarios/ukraine-28-point-2025-11.yaml", "scenarios/classroom-two-party.yaml",
                           "scenarios/classroom-river-basin.yaml"}) {
    INFO(name);
    CHECK_NOTHROW(parley::load_scenario_file(std::string(PARLEY_SOURCE_DIR) + "/" + name));
  }
}

TEST_CASE("an influence cycle whose incoming sums stay below 1 is accepted", "[loader]") {
  const Scenario s = load(kGraph + "  - {from: a, to: b, weight: 0.9}\n  - {from: b, to: a, weight: -0.9}\n");
  CHECK(s.relations.size() == 2);
}

// ---------------------------------------------------------------------------
// Bad input: the file as a whole

TEST_CASE("a YAML syntax error is reported where the parser stopped", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 8, "    range: [0, 10")) ==
        Errors{"bad.yaml:9:7: error: YAML syntax error: end of sequence flow not found"});
  CHECK(errors_of(with_line(kBase, 13, "    veto: true: false")) ==
        Errors{"bad.yaml:13:15: error: YAML syntax error: illegal map value"});
}

TEST_CASE("an empty file is reported at line 1", "[loader][errors]") {
  const Errors expected{"bad.yaml:1:1: error: the file is empty: expected a scenario, a map starting with 'parley: 1'"};
  CHECK(errors_of("") == expected);
  CHECK(errors_of("  \n\n\t\n") == expected);
  CHECK(errors_of("# only a comment\n") == expected);
}

TEST_CASE("a file that is not UTF-8 is reported at the first bad byte", "[loader][errors]") {
  // Latin-1 e-acute in a title.
  CHECK(errors_of(with_line(kBase, 2, "title: \"caf\xe9\"")) ==
        Errors{"bad.yaml:2:12: error: the file is not valid UTF-8: expected UTF-8 text, got the byte 0xe9"});
  // Columns count characters: the valid two-byte e-acute is one column.
  CHECK(errors_of(with_line(kBase, 2, "title: \"\xc3\xa9\xff\"")) ==
        Errors{"bad.yaml:2:10: error: the file is not valid UTF-8: expected UTF-8 text, got the byte 0xff"});
  // A sequence cut off by the end of the file.
  CHECK(errors_of("parley: 1\xe2\x82") ==
        Errors{"bad.yaml:1:10: error: the file is not valid UTF-8: expected UTF-8 text, got the byte 0xe2"});
  // Overlong encodings and UTF-16 surrogates are not UTF-8 either.
  CHECK(errors_of("parley: 1\ntitle: \"\xc0\xaf\"\n") ==
        Errors{"bad.yaml:2:9: error: the file is not valid UTF-8: expected UTF-8 text, got the byte 0xc0"});
  CHECK(errors_of("parley: 1\ntitle: \"\xed\xa0\x80\"\n") ==
        Errors{"bad.yaml:2:9: error: the file is not valid UTF-8: expected UTF-8 text, got the byte 0xed"});
  // Valid UTF-8 (a three-byte euro sign) passes the check.
  CHECK_NOTHROW(load(with_line(kBase, 2, "title: \"\xe2\x82\xac 5\"")));
}

// The second document is located at its '---', where it begins.
TEST_CASE("a file with more than one YAML document is reported at the second", "[loader][errors]") {
  CHECK(errors_of(kBase + "---\nparley: 1\n") ==
        Errors{"bad.yaml:48:1: error: expected a single YAML document (one scenario), got 2 documents separated by "
               "'---'"});
}

TEST_CASE("an alias that contains itself is reported, not followed forever", "[loader][errors][limits]") {
  CHECK(errors_of(with_line(kBase, 2, "title: &x [*x]")) ==
        Errors{"bad.yaml:2:12: error: an alias refers to the list or map that contains it: expected an alias to a "
               "complete node"});
}

// yaml-cpp 0.7's LoadAll never returns on these (upstream issue #1040).
TEST_CASE("a stray comma is a located syntax error, not an endless parse", "[loader][errors][limits]") {
  const std::string expected = "YAML syntax error: unexpected ',': expected a key, a value or a list item";
  CHECK(errors_of(",") == Errors{"bad.yaml:1:1: error: " + expected});
  CHECK(errors_of(" ,") == Errors{"bad.yaml:1:2: error: " + expected});
  CHECK(errors_of(",- ") == Errors{"bad.yaml:1:1: error: " + expected});
  CHECK(errors_of("!t  ,") == Errors{"bad.yaml:1:5: error: " + expected});
  CHECK(errors_of("parley: 1\n- a\n,") == Errors{"bad.yaml:2:1: error: YAML syntax error: end of map not found"});
}

TEST_CASE("aliases are expanded only up to a stated number of nodes", "[loader][errors][limits]") {
  // Nine levels of nine aliases: 9^10 nodes if expanded.
  std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level < 10; ++level) {
    bomb += fmt::format("a{}: &a{} [", level, level);
    for (int k = 0; k < 9; ++k) bomb += fmt::format("{}*a{}", k ? ", " : "", level - 1);
    bomb += "]\n";
  }
  const Errors errors = errors_of(bomb);
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0], Catch::Matchers::StartsWith("bad.yaml:7:"));
  CHECK_THAT(errors[0], Catch::Matchers::Contains("aliases expand the file to more than 2000000 YAML nodes"));
  // A scenario may still share a value through an alias.
  CHECK_NOTHROW(load(with_line(with_line(kBase, 2, "title: &t \"Minimal\""), 5, "    outlet: *t")));
}

TEST_CASE("nesting deeper than the limit is reported where it goes too deep", "[loader][errors][limits]") {
  const Errors errors = errors_of("parley: 1\ntitle: " + std::string(100000, '['));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] ==
        "bad.yaml:2:40: error: lists and maps nested more than 64 deep: expected a scenario's shallow "
        "nesting");
}

TEST_CASE("ids, text and numbers beyond their limits are reported with their location", "[loader][errors][limits]") {
  CHECK(errors_of(with_line(kBase, 12, "  - id: " + std::string(30000, 'a'))) ==
        Errors{"bad.yaml:12:9: error: 'actors.0.id': expected an id of at most 64 characters, got 30000 characters",
               "bad.yaml:40:11: error: 'relations.0.from': unknown actor 'a': expected one of b"});
  CHECK(errors_of(with_line(kBase, 2, "title: \"" + std::string(1001, 'x') + "\"")) ==
        Errors{"bad.yaml:2:8: error: 'title': expected text of at most 1000 characters, got 1001 characters"});
  CHECK(errors_of(with_line(kBase, 2, "title: \"a\\0b\"")) ==
        Errors{"bad.yaml:2:8: error: 'title': expected text without control characters (on one line), got U+0000 "
               "at character 2"});
  CHECK(errors_of(with_line(kBase, 2, std::string("title: a\0b", 10))) ==
        Errors{"bad.yaml:2:9: error: the file contains the control character U+0000: expected text"});
  CHECK(errors_of(with_line(kBase, 8, "    range: [-1e308, 1e308]")) ==
        Errors{"bad.yaml:8:12: error: 'issues.land.range': the width hi - lo overflows: expected a range whose width "
               "is a finite number, got [-1e+308, 1e+308]"});
}

TEST_CASE("a dangling reference thousands of characters long is reported quickly and shortened",
          "[loader][errors][limits]") {
  const Errors errors = errors_of(with_line(kBase, 19, "        source: " + std::string(20000, 's')));
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0], Catch::Matchers::Contains("unknown source '" + std::string(60, 's') + "...': expected one of"));
}

TEST_CASE("bad --set values (not UTF-8, an index past any list, a stray comma) are reported, not thrown",
          "[loader][errors]") {
  CHECK(errors_of(kBase, {{"title", "a\xff"}}) ==
        Errors{"--set title=a\\xff: error: expected UTF-8 text, got the byte 0xff"});
  CHECK_THAT(errors_of(kBase, {{"actors.99999999999999999999999.rho", "2"}}).at(0),
             Catch::Matchers::Contains("'actors' has no element '99999999999999999999999'"));
  CHECK(errors_of(kBase, {{"title", ","}}) ==
        Errors{"--set title=,: error: 'title': the value is not valid YAML: unexpected ',': expected a key, a value or "
               "a list item"});
}

TEST_CASE("a file that is not a map is reported with what it holds", "[loader][errors]") {
  CHECK(errors_of("- parley: 1\n- title: x\n") ==
        Errors{"bad.yaml:1:1: error: expected a scenario, a map starting with 'parley: 1', got a list of 2 items"});
  CHECK(errors_of("just some text\n") ==
        Errors{"bad.yaml:1:1: error: expected a scenario, a map starting with 'parley: 1', got 'just some text'"});
}

TEST_CASE("an unsupported schema version is reported at the version", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 1, "parley: 2")) ==
        Errors{"bad.yaml:1:9: error: 'parley': unsupported schema version: expected 1, got 2"});
}

// ---------------------------------------------------------------------------
// Bad input: keys

TEST_CASE("an unknown key is reported with a did-you-mean", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 2, "titel: \"Minimal\"")) ==
        Errors{"bad.yaml:2:1: error: unknown key 'titel' in the scenario (did you mean 'title'?): expected one of "
               "parley, title, as_of, description, sources, issues, actors, relations, proposals, groups, simulation, "
               "bargaining, exercises",
               "bad.yaml:1:1: error: missing required key 'title' in the scenario"});
  CHECK(errors_of(with_line(kBase, 18, "        sallience: 1")) ==
        Errors{"bad.yaml:18:9: error: unknown key 'sallience' in the position of 'a' on 'land' (did you mean "
               "'salience'?): expected one of ideal, salience, source, quote, note"});
  // Neighbour letters swapped count as one typo.
  CHECK(
      errors_of(with_line(kBase, 14, "    reservaiton: 0.4")) ==
      Errors{"bad.yaml:14:5: error: unknown key 'reservaiton' in actor 'a' (did you mean 'reservation'?): expected "
             "one of id, name, veto, mediator, capability, rationality, rho, reservation, drift, discount, positions, "
             "note",
             "bad.yaml:12:5: error: missing required key 'reservation' in actor 'a'"});
}

TEST_CASE("an unknown key far from every known key gets no suggestion", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 5, "    colour: blue")) ==
        Errors{"bad.yaml:5:5: error: unknown key 'colour' in source 's1': expected one of id, outlet, date, title, "
               "file, url, note"});
}

TEST_CASE("a position on an unknown issue is reported with a did-you-mean", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 16, "      lnad:")) ==
        Errors{"bad.yaml:16:7: error: unknown key 'lnad' in the positions of actor 'a' (did you mean 'land'?): "
               "expected one of land, ban"});
}

TEST_CASE("a missing required key is reported at the map that lacks it", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 14, "")) ==
        Errors{"bad.yaml:12:5: error: missing required key 'reservation' in actor 'a'"});
  CHECK(errors_of(with_line(kBase, 19, "")) ==
        Errors{"bad.yaml:17:9: error: missing required key 'source' in the position of 'a' on 'land'"});
  CHECK(errors_of(with_line(kBase, 42, "")) ==
        Errors{"bad.yaml:40:5: error: missing required key 'weight' in relation 0"});
}

TEST_CASE("a key given twice in one map is reported at the second", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 13, "    reservation: 0.3")) ==
        Errors{"bad.yaml:14:5: error: duplicate key 'reservation' in actor 'a' (first given on line 13)"});
}

// ---------------------------------------------------------------------------
// Bad input: types

TEST_CASE("a string where a number belongs is reported as a wrong type", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 14, "    reservation: \"high\"")) ==
        Errors{"bad.yaml:14:18: error: 'actors.a.reservation': expected a number or a distribution in [0, 1], got "
               "the string \"high\""});
  CHECK(errors_of(with_line(kBase, 46, "      land: five")) ==
        Errors{"bad.yaml:46:13: error: 'proposals.p.terms.land': expected a number in [0, 10], got 'five'"});
}

TEST_CASE("a list where text belongs is reported as a wrong type", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 2, "title: [a, b]")) ==
        Errors{"bad.yaml:2:8: error: 'title': expected text, got a list of 2 items"});
}

TEST_CASE("an empty value is reported at its key, not at the next line", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 14, "    reservation:")) ==
        Errors{"bad.yaml:14:5: error: 'actors.a.reservation': expected a number or a distribution in [0, 1], got "
               "nothing"});
  CHECK(errors_of(with_line(kBase, 29, "      sd:   # to do")) ==
        Errors{"bad.yaml:29:7: error: 'actors.b.reservation.sd': expected a number, got nothing"});
  CHECK(errors_of(kGraph) == Errors{"bad.yaml:10:1: error: 'relations': expected a list of relations, got nothing"});
}

TEST_CASE("a flag that is not true or false is reported", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 13, "    veto: yes")) ==
        Errors{"bad.yaml:13:11: error: 'actors.a.veto': expected true or false, got 'yes'"});
}

TEST_CASE("an actor that is not a map is reported with what it is", "[loader][errors]") {
  std::vector<std::pair<int, std::string>> edits{{24, "  - b"}};
  for (int line = 25; line <= 38; ++line) edits.emplace_back(line, "");
  CHECK(errors_of(with_lines(kBase, edits)) ==
        Errors{"bad.yaml:24:5: error: 'actors.1': expected actor 1 (a map), got 'b'",
               "bad.yaml:41:9: error: 'relations.0.to': unknown actor 'b': expected one of a"});
}

TEST_CASE("an infinite number is not accepted", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 17, "        ideal: .inf")) ==
        Errors{"bad.yaml:17:16: error: 'actors.a.positions.land.ideal': expected a number or a distribution in [0, "
               "10], got '.inf'"});
}

TEST_CASE("an id with capitals is reported at the id", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 44, "  - id: Deal")) ==
        Errors{"bad.yaml:44:9: error: 'proposals.0.id': expected an id of lower-case letters, digits and '_', got "
               "'Deal'"});
}

TEST_CASE("a malformed id is reported once, and references to it still resolve", "[loader][errors]") {
  CHECK(errors_of(with_lines(kBase,
                             {{7, "  - id: Land"}, {16, "      Land:"}, {31, "      Land:"}, {46, "      Land: 5"}})) ==
        Errors{"bad.yaml:7:9: error: 'issues.0.id': expected an id of lower-case letters, digits and '_', got 'Land'"});
}

TEST_CASE("a malformed date is reported at the date", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 2, "title: x\nas_of: 2025-13-01")) ==
        Errors{"bad.yaml:3:8: error: 'as_of': expected a date YYYY-MM-DD, got '2025-13-01'"});
}

TEST_CASE("a whole number setting below its minimum is reported", "[loader][errors]") {
  CHECK(errors_of(kBase + "simulation:\n  draws: 0\n  seed: -1\n") ==
        Errors{"bad.yaml:49:10: error: 'simulation.draws': expected a whole number >= 1, got '0'",
               "bad.yaml:50:9: error: 'simulation.seed': expected a whole number >= 0, got '-1'"});
}

// ---------------------------------------------------------------------------
// Bad input: ids and references

TEST_CASE("a duplicate actor id is reported at the second definition", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 24, "  - id: a")) ==
        Errors{"bad.yaml:24:9: error: duplicate actor id 'a' (first defined on line 12)",
               "bad.yaml:41:9: error: 'relations.0.to': unknown actor 'b': expected one of a"});
}

TEST_CASE("a duplicate issue id is reported at the second definition", "[loader][errors]") {
  // The second issue is dropped, so what refers to 'ban' is reported too.
  CHECK(errors_of(with_line(kBase, 9, "  - id: land")) ==
        Errors{"bad.yaml:9:9: error: duplicate issue id 'land' (first defined on line 7)",
               "bad.yaml:20:7: error: unknown key 'ban' in the positions of actor 'a': expected one of land",
               "bad.yaml:35:7: error: unknown key 'ban' in the positions of actor 'b': expected one of land",
               "bad.yaml:47:7: error: unknown key 'ban' in the terms of proposal 'p': expected one of land"});
}

TEST_CASE("a reference to an unknown actor is reported with a did-you-mean", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 41, "    to: bb")) ==
        Errors{"bad.yaml:41:9: error: 'relations.0.to': unknown actor 'bb' (did you mean 'b'?): expected one of a, b"});
  CHECK(errors_of(with_line(kBase, 40, "  - from: c")) ==
        Errors{"bad.yaml:40:11: error: 'relations.0.from': unknown actor 'c': expected one of a, b"});
}

TEST_CASE("a reference to an unknown source is reported at the reference", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 19, "        source: s2")) ==
        Errors{"bad.yaml:19:17: error: 'actors.a.positions.land.source': unknown source 's2' (did you mean 's1'?): "
               "expected one of s1"});
}

TEST_CASE("an actor influencing itself is reported at the relation", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 41, "    to: a")) ==
        Errors{"bad.yaml:40:5: error: 'relations.0': an actor cannot influence itself: expected from != to, got 'a' "
               "twice"});
}

TEST_CASE("a relation given twice is reported at the second", "[loader][errors]") {
  CHECK(errors_of(kGraph + "  - {from: b, to: a, weight: 0.2}\n  - {from: b, to: a, weight: 0.3}\n") ==
        Errors{"bad.yaml:12:5: error: 'relations.1': duplicate relation b -> a: expected at most one edge per ordered "
               "pair"});
}

// ---------------------------------------------------------------------------
// Bad input: issues

TEST_CASE("an inverted issue range is reported once, at the range", "[loader][errors]") {
  // The ideals and terms on the issue are not reported again against [10, 0].
  CHECK(errors_of(with_line(kBase, 8, "    range: [10, 0]")) ==
        Errors{"bad.yaml:8:12: error: 'issues.land.range': range inverted: expected [lo, hi] with lo < hi, got [10, "
               "0]"});
}

TEST_CASE("a continuous issue without a range is reported at the issue", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 8, "")) ==
        Errors{"bad.yaml:7:5: error: missing required key 'range' in issue 'land': expected [lo, hi] for a "
               "continuous issue (or 'type: binary')"});
}

TEST_CASE("a range that is not two numbers is reported at the range", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 8, "    range: [0, 5, 10]")) ==
        Errors{"bad.yaml:8:12: error: 'issues.land.range': expected [lo, hi], got a list of 3 items"});
}

TEST_CASE("an unknown issue type is reported with a did-you-mean", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 10, "    type: binry")) ==
        Errors{"bad.yaml:10:11: error: 'issues.ban.type': unknown issue type 'binry' (did you mean 'binary'?): "
               "expected continuous or binary"});
}

TEST_CASE("a binary issue with a range is reported at the range", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 10, "    type: binary\n    range: [0, 1]")) ==
        Errors{"bad.yaml:11:12: error: 'issues.ban.range': a binary issue takes the values 0 and 1: expected no "
               "range, got a list of 2 items"});
}

// ---------------------------------------------------------------------------
// Bad input: values and distributions

TEST_CASE("a value outside its range is reported at the value", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 17, "        ideal: 12")) ==
        Errors{"bad.yaml:17:16: error: 'actors.a.positions.land.ideal': expected a number or a distribution in [0, "
               "10], got 12"});
  CHECK(
      errors_of(with_line(kBase, 14, "    reservation: 1.5")) ==
      Errors{"bad.yaml:14:18: error: 'actors.a.reservation': expected a number or a distribution in [0, 1], got 1.5"});
  CHECK(errors_of(with_line(kBase, 46, "      land: -1")) ==
        Errors{"bad.yaml:46:13: error: 'proposals.p.terms.land': expected a number in [0, 10], got -1"});
  CHECK(errors_of(with_line(kBase, 42, "    weight: 1")) ==
        Errors{"bad.yaml:42:13: error: 'relations.0.weight': expected a number or a distribution in (-1, 1), got 1"});
}

TEST_CASE("open and half-open parameter domains are enforced", "[loader][errors]") {
  CHECK(
      errors_of(with_line(kBase, 14, "    reservation: 0.4\n    capability: 0")) ==
      Errors{
          "bad.yaml:15:17: error: 'actors.a.capability': expected a number or a distribution in (0, 1000000], got 0"});
  CHECK(
      errors_of(with_line(kBase, 14, "    reservation: 0.4\n    rationality: -1")) ==
      Errors{"bad.yaml:15:18: error: 'actors.a.rationality': expected a number or a distribution in (0, 1000000], got "
             "-1"});
  CHECK(errors_of(with_line(kBase, 14, "    reservation: 0.4\n    rho: 0.5")) ==
        Errors{"bad.yaml:15:10: error: 'actors.a.rho': expected a number or a distribution in [1, 100], got 0.5"});
  CHECK(errors_of(with_line(kBase, 18, "        salience: -0.5")) ==
        Errors{"bad.yaml:18:19: error: 'actors.a.positions.land.salience': expected a number or a distribution in "
               "[0, 1000000], got -0.5"});
}

TEST_CASE("a binary term other than 0 or 1 is reported at the term", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 47, "      ban: 0.5")) ==
        Errors{"bad.yaml:47:12: error: 'proposals.p.terms.ban': expected 0 or 1 (binary issue), got 0.5"});
}

TEST_CASE("a negative sd is reported at the sd key", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 29, "      sd: -0.05")) ==
        Errors{"bad.yaml:29:11: error: 'actors.b.reservation.sd': expected a number > 0, got -0.05"});
}

TEST_CASE("a non-positive beta shape or lognormal sigma is reported at the field", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 14, "    reservation: {dist: beta, a: -2, b: 5}")) ==
        Errors{"bad.yaml:14:34: error: 'actors.a.reservation.a': expected a number > 0, got -2"});
  CHECK(errors_of(with_line(kBase, 13, "    veto: true\n    rationality: {dist: lognormal, mu: 1, sigma: 0}")) ==
        Errors{"bad.yaml:14:50: error: 'actors.a.rationality.sigma': expected a number > 0, got 0"});
}

TEST_CASE("an inverted uniform range is reported at the distribution", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 14, "    reservation: {dist: uniform, low: 0.6, high: 0.2}")) ==
        Errors{"bad.yaml:14:18: error: 'actors.a.reservation': range inverted: expected low < high, got low 0.6 and "
               "high 0.2"});
}

TEST_CASE("a triangular mode outside [low, high] is reported at the mode", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 14, "    reservation: {dist: triangular, low: 0.2, mode: 0.9, high: 0.6}")) ==
        Errors{"bad.yaml:14:53: error: 'actors.a.reservation.mode': expected a number in [low, high] = [0.2, 0.6], "
               "got 0.9"});
}

TEST_CASE("a fixed distribution outside the domain is reported at its value", "[loader][errors]") {
  CHECK(
      errors_of(with_line(kBase, 18, "        salience: {dist: fixed, value: -1}")) ==
      Errors{"bad.yaml:18:40: error: 'actors.a.positions.land.salience.value': expected a number in [0, 1000000], got "
             "-1"});
}

TEST_CASE("a distribution with no mass on the allowed range is reported at the distribution", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 28, "      mean: 3")) ==
        Errors{"bad.yaml:27:7: error: 'actors.b.reservation': the normal distribution puts no probability on the "
               "allowed range [0, 1]: expected a distribution that reaches it"});
}

TEST_CASE("an unknown distribution is reported with a did-you-mean", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 27, "      dist: normall")) ==
        Errors{"bad.yaml:27:13: error: 'actors.b.reservation.dist': unknown distribution 'normall' (did you mean "
               "'normal'?): expected one of fixed, uniform, normal, triangular, beta, lognormal"});
  CHECK(errors_of(with_line(kBase, 27, "      dist: gauss")) ==
        Errors{"bad.yaml:27:13: error: 'actors.b.reservation.dist': unknown distribution 'gauss': expected one of "
               "fixed, uniform, normal, triangular, beta, lognormal"});
  // Two edits from both 'lognormal' and 'normal': the first in alphabetical
  // order is suggested, as the loader always has.
  CHECK(errors_of(with_line(kBase, 27, "      dist: lxnormal")) ==
        Errors{"bad.yaml:27:13: error: 'actors.b.reservation.dist': unknown distribution 'lxnormal' (did you mean "
               "'lognormal'?): expected one of fixed, uniform, normal, triangular, beta, lognormal"});
}

TEST_CASE("a distribution without 'dist' is reported, with a misspelt 'dist' named", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 27, "      dsit: normal")) ==
        Errors{"bad.yaml:27:7: error: unknown key 'dsit' in the distribution 'actors.b.reservation' (did you mean "
               "'dist'?): expected 'dist' and the fields of the distribution",
               "bad.yaml:27:7: error: missing required key 'dist' in the distribution 'actors.b.reservation': expected "
               "one of fixed, uniform, normal, triangular, beta, lognormal"});
}

TEST_CASE("a field of another distribution is reported as unknown", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 29, "      sigma: 0.05")) ==
        Errors{"bad.yaml:29:7: error: unknown key 'sigma' in the normal distribution 'actors.b.reservation': "
               "expected one of dist, mean, sd",
               "bad.yaml:27:7: error: missing required key 'sd' in the normal distribution 'actors.b.reservation'"});
}

// ---------------------------------------------------------------------------
// Bad input: actors, proposals and the graph

TEST_CASE("all saliences zero is reported at the actor's positions", "[loader][errors]") {
  CHECK(errors_of(with_lines(kBase, {{18, "        salience: 0"}, {22, "        salience: 0"}})) ==
        Errors{"bad.yaml:16:7: error: 'actors.a.positions': all saliences of actor 'a' are zero: expected at least "
               "one salience > 0"});
  // One zero salience is fine.
  CHECK_NOTHROW(load(with_line(kBase, 18, "        salience: 0")));
}

TEST_CASE("an actor without positions is reported at the positions", "[loader][errors]") {
  std::vector<std::pair<int, std::string>> edits{{15, "    positions: {}"}};
  for (int line = 16; line <= 23; ++line) edits.emplace_back(line, "");
  CHECK(errors_of(with_lines(kBase, edits)) ==
        Errors{"bad.yaml:15:16: error: 'actors.a.positions': expected a position on at least one issue, got an empty "
               "map"});
}

TEST_CASE("a scenario without a veto actor is reported at the actors", "[loader][errors]") {
  CHECK(errors_of(with_lines(kBase, {{13, "    veto: false"}, {25, "    veto: false"}})) ==
        Errors{"bad.yaml:12:3: error: 'actors': no actor has 'veto: true': expected at least one actor whose "
               "acceptance a deal needs"});
}

TEST_CASE("an empty list of proposals is reported at the list", "[loader][errors]") {
  CHECK(errors_of(with_lines(kBase, {{43, "proposals: []"}, {44, ""}, {45, ""}, {46, ""}, {47, ""}})) ==
        Errors{"bad.yaml:43:12: error: 'proposals': expected at least one proposal, got an empty list"});
}

TEST_CASE("a proposal missing a term is reported at its terms", "[loader][errors]") {
  CHECK(errors_of(with_line(kBase, 47, "")) ==
        Errors{"bad.yaml:46:7: error: 'proposals.p.terms': missing the term for issue 'ban': expected a value for "
               "every issue"});
}

TEST_CASE("influence summing to 1 or more into one actor is reported at its last relation", "[loader][errors]") {
  CHECK(errors_of(kGraph + "  - {from: b, to: a, weight: 0.75}\n  - {from: c, to: a, weight: -0.5}\n") ==
        Errors{"bad.yaml:12:5: error: influence into 'a' is ill-posed: expected the sum of |weight| over its "
               "incoming relations (from b, c) to stay below 1, got 1.25"});
  // With an uncertain weight, the largest value it can take counts.
  CHECK(errors_of(kGraph + "  - {from: b, to: a, weight: {dist: uniform, low: 0.25, high: 0.75}}\n"
                           "  - {from: c, to: a, weight: 0.25}\n") ==
        Errors{"bad.yaml:12:5: error: influence into 'a' is ill-posed: expected the sum of |weight| over its "
               "incoming relations (from b, c) to stay below 1, got up to 1"});
}

TEST_CASE("a cycle that makes I - W singular is reported with its members", "[loader][errors]") {
  const std::string text = kGraph +
                           "  - {from: b, to: a, weight: 0.5}\n"
                           "  - {from: c, to: a, weight: 0.5}\n"
                           "  - {from: a, to: b, weight: 0.5}\n"
                           "  - {from: c, to: b, weight: 0.5}\n"
                           "  - {from: a, to: c, weight: 0.5}\n"
                           "  - {from: b, to: c, weight: 0.5}\n";
  CHECK(errors_of(text) ==
        Errors{"bad.yaml:12:5: error: influence into 'a' is ill-posed: expected the sum of |weight| over its "
               "incoming relations (from b, c) to stay below 1, got 1",
               "bad.yaml:14:5: error: influence into 'b' is ill-posed: expected the sum of |weight| over its "
               "incoming relations (from a, c) to stay below 1, got 1",
               "bad.yaml:16:5: error: influence into 'c' is ill-posed: expected the sum of |weight| over its "
               "incoming relations (from a, b) to stay below 1, got 1",
               "bad.yaml:16:5: error: the influence cycle among a, b, c makes I - W singular: expected weights whose "
               "stances have a unique solution, got a singular system (lower the weights so that each actor's "
               "incoming sum |weight| < 1)"});
}

// ---------------------------------------------------------------------------
// Every error at once

TEST_CASE("every error in a file is reported at once, in file order", "[loader][errors]") {
  const std::string text = with_lines(kBase, {{2, "titel: \"Minimal\""},
                                              {14, "    reservation: 1.5"},
                                              {29, "      sd: -0.05"},
                                              {41, "    to: bb"},
                                              {47, "      ban: 0.5"}});
  const Errors expected{
      "bad.yaml:2:1: error: unknown key 'titel' in the scenario (did you mean 'title'?): expected one of parley, "
      "title, as_of, description, sources, issues, actors, relations, proposals, groups, simulation, bargaining, "
      "exercises",
      "bad.yaml:1:1: error: missing required key 'title' in the scenario",
      "bad.yaml:14:18: error: 'actors.a.reservation': expected a number or a distribution in [0, 1], got 1.5",
      "bad.yaml:29:11: error: 'actors.b.reservation.sd': expected a number > 0, got -0.05",
      "bad.yaml:41:9: error: 'relations.0.to': unknown actor 'bb' (did you mean 'b'?): expected one of a, b",
      "bad.yaml:47:12: error: 'proposals.p.terms.ban': expected 0 or 1 (binary issue), got 0.5"};
  CHECK(errors_of(text) == expected);

  // The exception's text holds them all, one per line.
  try {
    (void)load(text);
    FAIL("expected a ScenarioError");
  } catch (const ScenarioError& e) {
    std::string joined;
    for (const auto& line : expected) joined += line + "\n";
    CHECK(std::string(e.what()) == joined);
    REQUIRE(e.diagnostics().size() == 6);
    CHECK(e.diagnostics()[3].where.file == "bad.yaml");
    CHECK(e.diagnostics()[3].where.line == 29);
    CHECK(e.diagnostics()[3].where.column == 11);
    CHECK(e.diagnostics()[3].message == "'actors.b.reservation.sd': expected a number > 0, got -0.05");
  }
}

TEST_CASE("a file that cannot be opened is reported without a line", "[loader][errors]") {
  REQUIRE_THROWS_WITH(
      parley::load_scenario_file("no-such-dir/no-such.yaml"),
      "no-such-dir/no-such.yaml: error: cannot open the scenario file (No such file or directory): expected a "
      "readable file\n");
}

// ---------------------------------------------------------------------------
// --set overrides

TEST_CASE("overrides with --set change a number, a distribution field, a relation weight and an actor by id",
          "[loader][set]") {
  const std::vector<Override> overrides{
      {"actors.a.reservation", "0.6"},         {"actors.b.reservation.sd", "0.1"}, {"relations.0.weight", "-0.3"},
      {"actors.b.rationality", "7"},           {"actors.1.capability", "3"},       {"proposals.p.terms.land", "7.5"},
      {"actors.a.positions.ban.salience", "0"}};
  const Scenario s = load(kBase, overrides);
  CHECK(s.actors[0].reservation.dist.value == 0.6);
  CHECK(s.actors[0].reservation.where.file == "--set actors.a.reservation=0.6");
  CHECK(s.actors[0].reservation.where.line == 0);
  CHECK(s.actors[1].reservation.dist.kind == DistributionKind::normal);
  CHECK(s.actors[1].reservation.dist.mean == 0.3);
  CHECK(s.actors[1].reservation.dist.sd == 0.1);
  CHECK(s.relations[0].weight.dist.value == -0.3);
  CHECK(s.actors[1].rationality.dist.value == 7.0);  // a key the file did not have
  CHECK(s.actors[1].capability.dist.value == 3.0);   // actor selected by index
  CHECK(s.proposals[0].terms == std::vector<double>{7.5, 1.0});
  CHECK(s.actors[0].positions[1].salience.dist.value == 0.0);
  // Untouched values keep their file location.
  CHECK(s.actors[0].positions[0].ideal.where.file == "bad.yaml");
  CHECK(s.actors[0].positions[0].ideal.where.line == 17);
}

TEST_CASE("a bad --set value is reported at the --set option", "[loader][set][errors]") {
  CHECK(errors_of(kBase, {{"actors.b.reservation.sd", "-1"}}) ==
        Errors{"--set actors.b.reservation.sd=-1: error: 'actors.b.reservation.sd': expected a number > 0, got -1"});
  // Selected by index, the message names the actor's id and still points at --set.
  CHECK(errors_of(kBase, {{"actors.1.reservation.sd", "-1"}}) ==
        Errors{"--set actors.1.reservation.sd=-1: error: 'actors.b.reservation.sd': expected a number > 0, got -1"});
  CHECK(errors_of(kBase, {{"relations.0.weight", "2"}}) ==
        Errors{"--set relations.0.weight=2: error: 'relations.0.weight': expected a number or a distribution in (-1, "
               "1), got 2"});
  CHECK(errors_of(kBase, {{"actors.a.veto", "maybe"}}) ==
        Errors{"--set actors.a.veto=maybe: error: 'actors.a.veto': expected true or false, got 'maybe'"});
  CHECK(errors_of(kBase, {{"issues.land.range", "3"}}) ==
        Errors{"--set issues.land.range=3: error: 'issues.land.range': expected [lo, hi], got '3'"});
}

TEST_CASE("a --set value that is not a scalar or not YAML is reported", "[loader][set][errors]") {
  CHECK(errors_of(kBase, {{"actors.a.rho", "[1, 2]"}}) ==
        Errors{"--set actors.a.rho=[1, 2]: error: 'actors.a.rho': expected a scalar value, got a list of 2 items"});
  CHECK(errors_of(kBase, {{"actors.a.rho", "'x"}}) ==
        Errors{"--set actors.a.rho='x: error: 'actors.a.rho': the value is not valid YAML: illegal EOF in scalar"});
}

TEST_CASE("a --set path that does not exist is reported with a did-you-mean", "[loader][set][errors]") {
  CHECK(errors_of(kBase, {{"actors.zz.rho", "2"}}) ==
        Errors{"--set actors.zz.rho=2: error: 'actors.zz.rho': 'actors' has no element 'zz': expected an id (a, b) "
               "or an index 0..1"});
  CHECK(errors_of(kBase, {{"actors.a.positons.land.ideal", "3"}}) ==
        Errors{"--set actors.a.positons.land.ideal=3: error: 'actors.a.positons.land.ideal': 'actors.a' has no key "
               "'positons' (did you mean 'positions'?): expected one of id, veto, reservation, positions"});
  CHECK(errors_of(kBase, {{"relations.5.weight", "0.1"}}) ==
        Errors{"--set relations.5.weight=0.1: error: 'relations.5.weight': 'relations' has no element '5': expected "
               "an index 0..0"});
  CHECK(errors_of(kBase, {{"simulation.draws", "10"}}) ==
        Errors{"--set simulation.draws=10: error: 'simulation.draws': the scenario has no key 'simulation': expected "
               "one of parley, title, sources, issues, actors, relations, proposals"});
  CHECK(errors_of(kBase, {{"title.x", "1"}}) ==
        Errors{"--set title.x=1: error: 'title.x': expected 'title' to be a map or list, got the string \"Minimal\""});
  CHECK(errors_of(kBase, {{"actors..rho", "1"}}) ==
        Errors{"--set actors..rho=1: error: 'actors..rho': expected a path of keys separated by dots, got an empty "
               "key"});
}

TEST_CASE("a --set that adds an unknown key is reported at the --set option", "[loader][set][errors]") {
  CHECK(
      errors_of(kBase, {{"actors.0.rhoo", "2"}}) ==
      Errors{"--set actors.0.rhoo=2: error: unknown key 'rhoo' in actor 'a' (did you mean 'rho'?): expected one of "
             "id, name, veto, mediator, capability, rationality, rho, reservation, drift, discount, positions, note"});
}

TEST_CASE("a --set that breaks its enclosing distribution is named in the file's error", "[loader][set][errors]") {
  CHECK(errors_of(kBase, {{"actors.b.reservation.mean", "5"}}) ==
        Errors{"bad.yaml:27:7: error: 'actors.b.reservation': the normal distribution puts no probability on the "
               "allowed range [0, 1]: expected a distribution that reaches it (after --set "
               "actors.b.reservation.mean=5)"});
}

TEST_CASE("a --set weight that makes influence ill-posed is named in the file's error", "[loader][set][errors]") {
  CHECK(errors_of(kGraph + "  - {from: b, to: a, weight: 0.5}\n  - {from: c, to: a, weight: 0.25}\n",
                  {{"relations.1.weight", "0.75"}}) ==
        Errors{"bad.yaml:12:5: error: influence into 'a' is ill-posed: expected the sum of |weight| over its "
               "incoming relations (from b, c) to stay below 1, got 1.25 (after --set relations.1.weight=0.75)"});
  // A relation skipped for another error does not shift which relation is meant.
  CHECK(errors_of(kGraph + "  - {from: zz, to: a, weight: 0.1}\n  - {from: b, to: a, weight: 0.5}\n"
                           "  - {from: c, to: a, weight: 0.25}\n",
                  {{"relations.2.weight", "0.75"}}) ==
        Errors{"bad.yaml:11:12: error: 'relations.0.from': unknown actor 'zz': expected one of a, b, c",
               "bad.yaml:13:5: error: influence into 'a' is ill-posed: expected the sum of |weight| over its "
               "incoming relations (from b, c) to stay below 1, got 1.25 (after --set relations.2.weight=0.75)"});
}

TEST_CASE("errors in the file and in --set options are reported together", "[loader][set][errors]") {
  CHECK(errors_of(with_line(kBase, 29, "      sd: -0.05"), {{"relations.0.weight", "2"}, {"actors.zz.rho", "1"}}) ==
        Errors{"--set actors.zz.rho=1: error: 'actors.zz.rho': 'actors' has no element 'zz': expected an id (a, b) "
               "or an index 0..1",
               "bad.yaml:29:11: error: 'actors.b.reservation.sd': expected a number > 0, got -0.05",
               "--set relations.0.weight=2: error: 'relations.0.weight': expected a number or a distribution in (-1, "
               "1), got 2"});
}

TEST_CASE("a malformed --set option is reported at --set", "[loader][set][errors]") {
  REQUIRE_THROWS_WITH(parley::parse_override("foo"),
                      "--set: error: expected PATH=VALUE (e.g. actors.ukraine.reservation.mean=0.5), got 'foo'\n");
  REQUIRE_THROWS_AS(parley::parse_override("=1"), ScenarioError);
  REQUIRE_THROWS_AS(parley::parse_override("a.b="), ScenarioError);
  const Override o = parley::parse_override("actors.a.reservation.mean=0.5");
  CHECK(o.path == "actors.a.reservation.mean");
  CHECK(o.value == "0.5");
}

TEST_CASE("a salience distribution that would draw infinite values is refused", "[loader][errors]") {
  // Line 18 is actor a's salience on 'land': exp(800) overflows to inf.
  const Errors errors = errors_of(with_line(kBase, 18, "        salience: {dist: lognormal, mu: 800, sigma: 1}"));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] ==
        "bad.yaml:18:19: error: 'actors.a.positions.land.salience': the lognormal distribution puts no probability "
        "on the allowed range [0, 1000000]: expected a distribution that reaches it");
}

TEST_CASE("a groups map names uncertain inputs, each in at most one group", "[loader][groups]") {
  const std::string good = kBase + "groups:\n  outside: [actors.b.reservation]\n";
  const Scenario s = load(good);
  REQUIRE(s.groups.size() == 1);
  CHECK(s.groups[0].first == "outside");
  CHECK(s.groups[0].second == std::vector<std::string>{"actors.b.reservation"});

  const Errors errors = errors_of(kBase +
                                  "groups:\n"
                                  "  one: [actors.b.reservaton]\n"
                                  "  two: [actors.a.reservation]\n"
                                  "  three: [actors.b.reservation, actors.b.reservation]\n");
  REQUIRE(errors.size() == 3);
  CHECK(errors[0] ==
        "bad.yaml:49:9: error: 'groups.one': unknown input 'actors.b.reservaton' (did you mean "
        "'actors.b.reservation'?): expected the path of an uncertain input");
  CHECK(errors[1] ==
        "bad.yaml:50:9: error: 'groups.two': 'actors.a.reservation' is a fixed number: expected an uncertain input "
        "(a parameter given as a distribution)");
  CHECK(errors[2] ==
        "bad.yaml:51:33: error: 'groups.three': 'actors.b.reservation' is already in group 'three': expected each "
        "input in at most one group");
}

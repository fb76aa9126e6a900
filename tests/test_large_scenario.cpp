// A large scenario, generated here as text, loads whole: every actor,
// relation and uncertain input, each at its line and column, and errors deep
// in it are reported where they are. The shape is that of
// bench/large_scenario.py (issue 9, point 5); bench/load_bench.cpp times the
// loading, the tests only check what it gives.

#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstddef>
#include <string>
#include <vector>

#include "parley/core/scenario.hpp"
#include "parley/io/diagnostics.hpp"
#include "parley/io/scenario_loader.hpp"

using parley::DistributionKind;
using parley::Override;
using parley::Scenario;
using parley::ScenarioError;

namespace {

// A scenario of `actors` actors on `issues` issues, each with a position on
// `positions` of them (ideal and salience uncertain) and `incoming` uncertain
// relations into it whose |weight| sums stay below 0.6. Records where the
// last relation's weight starts.
struct Generated {
  std::string text;
  int last_weight_line = 0;
  int last_weight_column = 0;
};

Generated generate(std::size_t actors, std::size_t issues, std::size_t positions, std::size_t incoming) {
  Generated g;
  int line = 0;
  auto w = [&](const std::string& text) {
    g.text += text + "\n";
    ++line;
  };
  w("parley: 1");
  w("title: \"Generated\"");
  w("sources:");
  w("  - id: gen");
  w("issues:");
  for (std::size_t i = 0; i < issues; ++i) {
    w(fmt::format("  - id: i{}", i));
    w("    range: [0, 1]");
  }
  w("actors:");
  for (std::size_t a = 0; a < actors; ++a) {
    w(fmt::format("  - id: a{}", a));
    w(fmt::format("    veto: {}", a < 6 ? "true" : "false"));
    w(fmt::format("    capability: {}", 1.0 + static_cast<double>(a % 5) * 0.5));
    w("    reservation: {dist: uniform, low: 0.2, high: 0.3}");
    w("    positions:");
    for (std::size_t j = 0; j < positions; ++j) {
      w(
          fmt::format("      i{}: {{ideal: {{dist: normal, mean: 0.5, sd: 0.05}}, salience: {{dist: uniform, low: "
                      "0.5, high: 1.5}}, source: gen}}",
                      (a + j * (issues / positions)) % issues));
    }
  }
  w("relations:");
  for (std::size_t to = 0; to < actors; ++to) {
    for (std::size_t r = 1; r <= incoming; ++r) {
      const std::string weight =
          r % 3 == 0 ? "{dist: uniform, low: -0.19, high: -0.02}" : "{dist: uniform, low: 0.02, high: 0.19}";
      const std::string item = fmt::format("  - {{from: a{}, to: a{}, weight: ", (to + r * 7) % actors, to);
      g.last_weight_line = line + 1;
      g.last_weight_column = static_cast<int>(item.size()) + 1;
      w(item + weight + ", kind: trust, source: gen}");
    }
  }
  w("proposals:");
  for (std::size_t p = 0; p < 3; ++p) {
    w(fmt::format("  - id: p{}", p));
    w("    terms:");
    for (std::size_t i = 0; i < issues; ++i) w(fmt::format("      i{}: 0.5", i));
  }
  return g;
}

// The line of the first occurrence of `needle` in `text`, 1-based.
int line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

std::size_t uncertain_inputs(const Scenario& s) {
  const auto all = s.parameters();
  return static_cast<std::size_t>(
      std::count_if(all.begin(), all.end(), [](const parley::Parameter* p) { return p->is_uncertain(); }));
}

}  // namespace

TEST_CASE("a generated scenario of 1,000 actors and 3,000 uncertain relations loads whole", "[loader][scale]") {
  const Generated g = generate(1000, 50, 10, 3);
  const Scenario s = parley::load_scenario_text(g.text, "large.yaml");
  CHECK(s.actors.size() == 1000);
  CHECK(s.issues.size() == 50);
  CHECK(s.relations.size() == 3000);
  CHECK(s.proposals.size() == 3);
  // A reservation per actor, an ideal and a salience per position, a weight
  // per relation: `parley validate` counts the same.
  CHECK(uncertain_inputs(s) == 1000 + 1000 * 10 * 2 + 3000);

  const parley::Actor& last = s.actors.back();
  CHECK(last.id == "a999");
  CHECK(last.capability.dist.value == 3.0);
  REQUIRE(last.positions.size() == 10);
  CHECK(s.issues[last.positions[0].issue].id == "i49");
  CHECK(last.positions[0].salience.dist.kind == DistributionKind::uniform);
  CHECK(last.positions[0].ideal.where.line == line_of(g.text, "  - id: a999") + 5);

  const parley::Relation& r = s.relations.back();
  CHECK(s.actors[r.from].id == "a20");
  CHECK(s.actors[r.to].id == "a999");
  CHECK(r.weight.dist.kind == DistributionKind::uniform);
  CHECK(r.weight.dist.low == -0.19);
  CHECK(r.weight.where.file == "large.yaml");
  CHECK(r.weight.where.line == g.last_weight_line);
  CHECK(r.weight.where.column == g.last_weight_column);
  CHECK(s.proposals[2].terms == std::vector<double>(50, 0.5));
}

TEST_CASE("errors deep in a generated scenario are all reported, each at its line", "[loader][scale][errors]") {
  Generated g = generate(1000, 50, 10, 3);
  const std::string actor = "  - id: a700\n    veto: false\n    capability: 1";
  const auto at = g.text.find(actor);
  REQUIRE(at != std::string::npos);
  g.text.replace(at + actor.size() - 1, 1, "-1");
  const std::string relation = "  - {from: a20, to: a999,";
  const auto rel = g.text.find(relation);
  REQUIRE(rel != std::string::npos);
  g.text.replace(rel, relation.size(), "  - {from: a20, to: zz,");
  try {
    (void)parley::load_scenario_text(g.text, "large.yaml");
    FAIL("the scenario loaded");
  } catch (const ScenarioError& e) {
    REQUIRE(e.diagnostics().size() == 2);
    CHECK(e.diagnostics()[0].where.line == line_of(g.text, "  - id: a700") + 2);
    CHECK(e.diagnostics()[0].where.column == 17);
    CHECK_THAT(e.diagnostics()[0].message, Catch::Matchers::StartsWith("'actors.a700.capability': expected"));
    CHECK(e.diagnostics()[1].where.line == g.last_weight_line);
    CHECK_THAT(e.diagnostics()[1].message,
               Catch::Matchers::StartsWith("'relations.2999.to': unknown actor 'zz': expected one of a0, a1,"));
  }
}

TEST_CASE("a --set reaches an actor at the end of a generated scenario", "[loader][scale]") {
  const Generated g = generate(1000, 50, 10, 3);
  const std::vector<Override> set = {{"actors.a999.capability", "2.5"}, {"relations.2999.weight", "0.1"}};
  const Scenario s = parley::load_scenario_text(g.text, "large.yaml", set);
  CHECK(s.actors.back().capability.dist.value == 2.5);
  CHECK(s.actors.back().capability.where.file == "--set actors.a999.capability=2.5");
  CHECK(s.relations.back().weight.dist.value == 0.1);
  CHECK(uncertain_inputs(s) == 1000 + 1000 * 10 * 2 + 3000 - 1);
}

TEST_CASE("a --set of a value shared through an alias changes every use, and the last --set of a value wins",
          "[loader]") {
  const std::string text = R"(parley: 1
title: "Alias"
sources:
  - id: s1
issues:
  - id: land
    range: [0, 10]
actors:
  - id: a
    veto: true
    capability: &c 2
    reservation: 0.5
    positions:
      land: {ideal: 3, source: s1}
  - id: b
    capability: *c
    reservation: 0.5
    positions:
      land: {ideal: 7, source: s1}
proposals:
  - id: p
    terms: {land: 5}
)";
  const Scenario plain = parley::load_scenario_text(text, "alias.yaml");
  CHECK(plain.actors[1].capability.dist.value == 2.0);
  CHECK(plain.actors[1].capability.where.line == 11);  // an alias is the node it names, at the anchor

  const std::vector<Override> twice = {{"actors.a.capability", "3"}, {"actors.a.capability", "4"}};
  const Scenario s = parley::load_scenario_text(text, "alias.yaml", twice);
  CHECK(s.actors[0].capability.dist.value == 4.0);
  CHECK(s.actors[1].capability.dist.value == 4.0);
  CHECK(s.actors[1].capability.where.file == "--set actors.a.capability=4");

  const std::vector<Override> bad = {{"actors.b.capability", "-1"}};
  try {
    (void)parley::load_scenario_text(text, "alias.yaml", bad);
    FAIL("the scenario loaded");
  } catch (const ScenarioError& e) {
    REQUIRE(e.diagnostics().size() == 2);
    CHECK(parley::format_diagnostic(e.diagnostics()[0]) ==
          "--set actors.b.capability=-1: error: 'actors.a.capability': expected a number or a distribution in (0, "
          "1000000], got -1");
    CHECK(parley::format_diagnostic(e.diagnostics()[1]) ==
          "--set actors.b.capability=-1: error: 'actors.b.capability': expected a number or a distribution in (0, "
          "1000000], got -1");
  }
}

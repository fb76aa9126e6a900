// Classroom exercises: the `exercises:` list loads with its changes, a
// change is checked as `--set` would check it and reported at the exercise,
// and `parley exercises` prints them with the label.

#include <catch2/catch.hpp>
#include <string>

#include "parley/io/diagnostics.hpp"
#include "parley/io/scenario_loader.hpp"
#include "parley/report/exercises_report.hpp"

namespace {

const std::string kScenario = R"(parley: 1
title: "Exercises"
sources:
  - {id: s1}
issues:
  - {id: x, range: [0, 10]}
actors:
  - {id: a, veto: true, reservation: 0.3, positions: {x: {ideal: 2, source: s1}}}
  - {id: b, veto: true, reservation: 0.3, positions: {x: {ideal: 8, source: s1}}}
relations:
  - {from: a, to: b, weight: 0.2}
proposals:
  - {id: half, terms: {x: 5}}
exercises:
)";

std::string messages(const std::string& exercises) {
  try {
    (void)parley::load_scenario_text(kScenario + exercises, "ex.yaml");
  } catch (const parley::ScenarioError& e) {
    std::string out;
    for (const auto& d : e.diagnostics()) out += parley::format_diagnostic(d) + "\n";
    return out;
  }
  return "";
}

}  // namespace

TEST_CASE("an exercise loads with its proposal and changes in file order", "[loader][exercises]") {
  const parley::Scenario s = parley::load_scenario_text(kScenario + R"(  - title: "No edge"
    question: "What if b ignores a?"
    hint: "y = m"
    proposal: half
    set:
      relations.0.weight: 0
      actors.b.reservation: 0.25
)",
                                                        "ex.yaml");
  REQUIRE(s.exercises.size() == 1);
  const parley::Exercise& e = s.exercises[0];
  CHECK(e.title == "No edge");
  CHECK(e.question == "What if b ignores a?");
  CHECK(e.hint == "y = m");
  CHECK(e.proposal == "half");
  REQUIRE(e.changes.size() == 2);
  CHECK(e.changes[0].path == "relations.0.weight");
  CHECK(e.changes[0].value == "0");
  CHECK(e.changes[1].path == "actors.b.reservation");
  CHECK(e.changes[0].where.line == 20);
  CHECK(parley::exercise_command(s, e) ==
        "parley run ex.yaml --proposal half --set relations.0.weight=0 --set actors.b.reservation=0.25");
}

TEST_CASE("an exercise's change to an unknown path is reported at the change", "[loader][exercises]") {
  CHECK(messages("  - title: t\n    question: q\n    set: {actors.c.rho: 2}\n") ==
        "ex.yaml:17:11: error: exercise 0 ('t'), set: 'actors.c.rho': 'actors' has no element 'c': expected an id "
        "(a, b) or an index 0..1\n");
}

TEST_CASE("an exercise's change to a value out of range is refused like --set", "[loader][exercises]") {
  CHECK(messages("  - title: t\n    question: q\n    set:\n      relations.0.weight: 1.5\n") ==
        "ex.yaml:18:7: error: exercise 0 ('t'), set: 'relations.0.weight': expected a number or a distribution in "
        "(-1, 1), got 1.5\n");
}

TEST_CASE("exercises refuse unknown keys, missing questions and unknown proposals at once", "[loader][exercises]") {
  const std::string m = messages("  - title: t\n    qestion: q\n    proposal: hlaf\n");
  CHECK_THAT(m, Catch::Contains("ex.yaml:16:5: error: unknown key 'qestion' in exercise 0 (did you mean 'question'?)"));
  CHECK_THAT(m, Catch::Contains("missing required key 'question' in exercise 0"));
  CHECK_THAT(m, Catch::Contains("ex.yaml:17:15: error: 'exercises.0.proposal': unknown proposal 'hlaf'"));
}

TEST_CASE("an exercise may not change the exercises, and `set:` must be a map", "[loader][exercises]") {
  CHECK_THAT(messages("  - title: t\n    question: q\n    set: {exercises.0.title: x}\n"),
             Catch::Contains("an exercise cannot change the exercises"));
  CHECK_THAT(messages("  - title: t\n    question: q\n    set: [relations.0.weight=0]\n"),
             Catch::Contains("'exercises.0.set': expected a map from paths to values"));
}

TEST_CASE("parley exercises prints every exercise with the label and the command", "[report][exercises]") {
  const parley::Scenario s = parley::load_scenario_text(
      kScenario +
          "  - {title: First, question: \"Why?\", set: {relations.0.weight: 0}}\n  - {title: Second, "
          "question: \"How?\"}\n",
      "ex.yaml");
  const std::string text = parley::exercises_text(s, 80);
  CHECK_THAT(text, Catch::Contains("HYPOTHETICAL"));
  CHECK_THAT(text, Catch::Contains("\n1. First\n   Why?\n   Change: relations.0.weight = 0\n   Try: parley run "
                                   "ex.yaml --set relations.0.weight=0\n"));
  CHECK_THAT(text, Catch::Contains("\n2. Second\n   How?\n"));
}

TEST_CASE("the shipped scenarios have their exercises", "[loader][exercises]") {
  const std::string dir = PARLEY_SOURCE_DIR "/scenarios/";
  CHECK(parley::load_scenario_file(dir + "ukraine-28-point-2025-11.yaml").exercises.size() >= 4);
  CHECK(parley::load_scenario_file(dir + "classroom-river-basin.yaml").exercises.size() >= 5);
  CHECK(parley::load_scenario_file(dir + "classroom-two-party.yaml").exercises.size() >= 2);
}

#include <catch2/catch.hpp>

#include "option_syntax.hpp"
#include "parley/analysis/run.hpp"
#include "parley/analysis/sweep.hpp"
#include "parley/io/scenario_loader.hpp"
#include "scenario_builder.hpp"

using namespace parley;
using namespace parley::testing;
using parley::cli::parse_sweep_axis;

namespace {
Scenario reports() {
  return load_scenario_file(std::string(PARLEY_SOURCE_DIR) + "/scenarios/ukraine-28-point-2025-11.yaml");
}

SimulationSettings settings(std::uint64_t draws, std::uint64_t seed = 5) {
  SimulationSettings s;
  s.draws = draws;
  s.seed = seed;
  s.threads = 2;
  return s;
}

// Actor 0 has no incoming edge, a fixed ideal 0.7 on issue x and uncertain
// everything else; actors 1 and 2 influence each other (one edge negative).
Scenario concession_scenario(double rho) {
  Scenario s;
  s.issues = {issue("x"), issue("y")};
  for (int i = 0; i < 3; ++i) {
    Actor a = actor("a" + std::to_string(i), 0.4, 5.0, true, 1.0, rho);
    a.reservation.dist = Distribution::uniform(0.2, 0.7);
    a.rationality.dist = Distribution::triangular(2, 5, 12);
    a.positions.push_back(position(0, Distribution::fixed(i == 0 ? 0.7 : 0.1 * i), Distribution::uniform(0.5, 2)));
    a.positions.push_back(position(1, Distribution::normal(0.5, 0.2), Distribution::uniform(0, 1)));
    s.actors.push_back(a);
  }
  s.relations = {relation(0, 1, Distribution::uniform(0.1, 0.3)), relation(1, 2, Distribution::uniform(-0.4, -0.1)),
                 relation(2, 1, Distribution::fixed(0.2))};
  s.proposals = {proposal("p", {0.0, 0.5})};
  return s;
}
}  // namespace

TEST_CASE("a sweep point equals a run of the proposal with that term, on the same draws", "[sweep][exact]") {
  Scenario s = reports();
  const SweepResult sweep =
      sweep_scenario(s, "us_28_point_draft", {parse_sweep_axis("army_cap=400:900:6")}, settings(8000));
  REQUIRE(sweep.points.size() == 6);
  CHECK(sweep.points[2].values[0] == 600.0);
  const auto issue = *s.find_issue("army_cap");
  const auto proposal = *s.find_proposal("us_28_point_draft");
  s.proposals[proposal].terms[issue] = 600.0;
  RunSettings run;
  run.simulation = settings(8000);
  run.proposals = {proposal};
  const RunResult r = run_scenario(s, run);
  CHECK(sweep.points[2].deal.mean == r.proposals[0].deal.mean);
  CHECK(sweep.points[2].deal.se == r.proposals[0].deal.se);
  for (std::size_t i = 0; i < s.actors.size(); ++i) {
    CHECK(sweep.points[2].accept[i].mean == r.proposals[0].actors[i].accept.mean);
  }
}

TEST_CASE("an actor's estimated acceptance is monotone along a concession toward its ideal", "[sweep][property]") {
  for (double rho : {1.0, 2.0}) {
    for (std::uint64_t seed : {1U, 2U, 3U}) {
      const Scenario s = concession_scenario(rho);
      // Toward actor a0's ideal 0.7 from below, then past it.
      const SweepResult up = sweep_scenario(s, "p", {parse_sweep_axis("x=0:0.7:15")}, settings(3000, seed));
      const SweepResult past = sweep_scenario(s, "p", {parse_sweep_axis("x=0.7:1:7")}, settings(3000, seed));
      INFO("rho " << rho << " seed " << seed);
      for (std::size_t k = 1; k < up.points.size(); ++k) {
        CHECK(up.points[k].accept[0].mean >= up.points[k - 1].accept[0].mean);
      }
      for (std::size_t k = 1; k < past.points.size(); ++k) {
        CHECK(past.points[k].accept[0].mean <= past.points[k - 1].accept[0].mean);
      }
    }
  }
}

TEST_CASE("a two-issue sweep is a grid with the second issue varying fastest", "[sweep][exact]") {
  const Scenario s = concession_scenario(1.0);
  const SweepResult grid =
      sweep_scenario(s, "p", {parse_sweep_axis("x=0:1:3"), parse_sweep_axis("y=0.2:0.6:2")}, settings(500));
  REQUIRE(grid.points.size() == 6);
  CHECK(grid.points[0].values == std::vector<double>{0.0, 0.2});
  CHECK(grid.points[1].values == std::vector<double>{0.0, 0.6});
  CHECK(grid.points[2].values == std::vector<double>{0.5, 0.2});
  CHECK(grid.points[5].values == std::vector<double>{1.0, 0.6});
}

TEST_CASE("malformed --vary values are refused with the expected form", "[sweep][errors]") {
  CHECK_THROWS_WITH(parse_sweep_axis("army_cap"), Catch::Contains("expected ISSUE=LO:HI:STEPS"));
  CHECK_THROWS_WITH(parse_sweep_axis("army_cap=400:900"), Catch::Contains("expected ISSUE=LO:HI:STEPS"));
  CHECK_THROWS_WITH(parse_sweep_axis("army_cap=a:900:3"), Catch::Contains("expected ISSUE=LO:HI:STEPS"));
  CHECK_THROWS_WITH(parse_sweep_axis("army_cap=400:900:1"),
                    Catch::Contains("expected STEPS >= 2, got 1") || Catch::Contains("STEPS >= 2"));
  CHECK_THROWS_WITH(parse_sweep_axis("army_cap=900:400:3"), Catch::Contains("expected LO < HI"));
}

TEST_CASE("a sweep that does not fit the scenario names every problem", "[sweep][errors]") {
  const Scenario s = reports();
  CHECK_THROWS_WITH(sweep_scenario(s, "us_28_point_draft", {parse_sweep_axis("army_size=400:900:3")}, settings(10)),
                    Catch::Contains("unknown issue 'army_size'"));
  CHECK_THROWS_WITH(sweep_scenario(s, "us_28_point_draft", {parse_sweep_axis("army_cap=100:900:3")}, settings(10)),
                    Catch::Contains("inside the issue's range"));
  CHECK_THROWS_WITH(sweep_scenario(s, "no_such_plan", {parse_sweep_axis("army_cap=400:900:3")}, settings(10)),
                    Catch::Contains("unknown proposal 'no_such_plan'"));
  CHECK_THROWS_WITH(
      sweep_scenario(s, "us_28_point_draft", {parse_sweep_axis("foreign_troops_ban=0:1:3")}, settings(10)),
      Catch::Contains("binary issue takes 0 and 1"));
  CHECK_THROWS_WITH(
      sweep_scenario(s, "us_28_point_draft",
                     {parse_sweep_axis("army_cap=400:900:3"), parse_sweep_axis("army_cap=400:900:3")}, settings(10)),
      Catch::Contains("varied twice"));
  CHECK_THROWS_WITH(sweep_scenario(s, "nope", {parse_sweep_axis("nope=0:1:2")}, settings(10)),
                    Catch::Contains("unknown proposal") && Catch::Contains("unknown issue"));
}

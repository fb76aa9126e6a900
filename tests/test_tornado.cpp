#include <catch2/catch.hpp>
#include <cmath>

#include "parley/analysis/tornado.hpp"
#include "parley/core/errors.hpp"
#include "scenario_builder.hpp"

using namespace parley;
using namespace parley::testing;

namespace {
double closed_form_logistic(double x) {
  return 1.0 / (1.0 + std::exp(-x));
}

// A veto actor whose reservation is U(0.4, 0.9) (u0 = 0.7, lambda 6), and a
// non-veto bystander with an uncertain reservation and no influence on anyone.
Scenario two_inputs() {
  Scenario s;
  s.issues = {issue("x")};
  Actor solo = actor("solo", 0.5, 6.0);
  solo.reservation.dist = Distribution::uniform(0.4, 0.9);
  solo.reservation.path = "actors.solo.reservation";
  solo.positions.push_back(position(0, Distribution::fixed(0.0), Distribution::fixed(1.0)));
  Actor bystander = actor("bystander", 0.5, 2.0, false);
  bystander.reservation.dist = Distribution::normal(0.5, 0.1);
  bystander.reservation.path = "actors.bystander.reservation";
  bystander.positions.push_back(position(0, Distribution::fixed(1.0), Distribution::fixed(1.0)));
  s.actors = {solo, bystander};
  s.proposals = {proposal("p", {0.3})};
  return s;
}

SimulationSettings settings() {
  SimulationSettings s;
  s.draws = 5000;
  s.seed = 9;
  return s;
}
}  // namespace

TEST_CASE("a tornado bar holds the input at its quantiles and gives the closed-form P(deal)", "[tornado][exact]") {
  const TornadoResult t = tornado_scenario(two_inputs(), "p", settings());
  REQUIRE(t.bars.size() == 2);  // fixed inputs are not listed
  const TornadoBar& top = t.bars[0];
  CHECK(top.input == "actors.solo.reservation");
  CHECK(top.low_value == Approx(0.4 + 0.05 * 0.5).epsilon(1e-14));
  CHECK(top.high_value == Approx(0.4 + 0.95 * 0.5).epsilon(1e-14));
  // The only input that matters is held fixed: P(deal) is exact, se 0.
  CHECK(top.low.mean == Approx(closed_form_logistic(6.0 * (0.7 - top.low_value))).epsilon(1e-14));
  CHECK(top.high.mean == Approx(closed_form_logistic(6.0 * (0.7 - top.high_value))).epsilon(1e-14));
  CHECK(top.low.se == Approx(0.0).margin(1e-15));
  CHECK(top.swing < 0.0);
}

TEST_CASE("an input that cannot move P(deal) has a swing of exactly zero and comes last", "[tornado][exact]") {
  const TornadoResult t = tornado_scenario(two_inputs(), "p", settings());
  REQUIRE(t.bars.size() == 2);
  CHECK(t.bars[1].input == "actors.bystander.reservation");
  CHECK(t.bars[1].swing == 0.0);  // common random numbers: the same draws either way
}

TEST_CASE("tornado refuses an unknown proposal and a scenario with nothing uncertain", "[tornado][errors]") {
  CHECK_THROWS_WITH(tornado_scenario(two_inputs(), "q", settings()), Catch::Contains("unknown proposal 'q'"));
  Scenario fixed = two_inputs();
  fixed.actors[0].reservation.dist = Distribution::fixed(0.5);
  fixed.actors[1].reservation.dist = Distribution::fixed(0.5);
  CHECK_THROWS_AS(tornado_scenario(fixed, "p", settings()), InputError);
  CHECK_THROWS_WITH(tornado_scenario(fixed, "p", settings()), Catch::Contains("no uncertain inputs"));
}

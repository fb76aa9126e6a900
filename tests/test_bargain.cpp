// The bargain analysis: the game over many draws against closed forms, and
// determinism for any number of threads.

#include <catch2/catch.hpp>
#include <cmath>

#include "parley/analysis/bargain.hpp"
#include "parley/core/errors.hpp"
#include "parley/io/scenario_loader.hpp"
#include "scenario_builder.hpp"

using namespace parley;
using namespace parley::testing;

namespace {
double closed_form_logistic(double x) {
  return 1.0 / (1.0 + std::exp(-x));
}

// Veto actors whose ideal is the starting proposal (z = 1): the mediator has
// nothing to move, so each round is the same Bernoulli trial, unless
// reservations drift.
Scenario settled_scenario(const std::vector<double>& reservations, double rationality, double drift = 0.0) {
  Scenario s;
  s.issues = {issue("x")};
  for (std::size_t i = 0; i < reservations.size(); ++i) {
    Actor a = actor("a" + std::to_string(i), reservations[i], rationality);
    a.positions.push_back(position(0, Distribution::fixed(1.0), Distribution::fixed(1.0)));
    a.drift.dist = Distribution::fixed(drift);
    s.actors.push_back(a);
  }
  s.proposals = {proposal("p", {1.0})};
  return s;
}

BargainSettings settings_for(std::size_t rounds, std::uint64_t draws, unsigned threads = 1) {
  BargainSettings settings;
  settings.rounds = rounds;
  settings.simulation.draws = draws;
  settings.simulation.seed = 2025;
  settings.simulation.threads = threads;
  return settings;
}
}  // namespace

TEST_CASE("P(agreement by round t) is 1 - (1 - p)^t when the terms cannot move", "[bargain][statistical]") {
  // Two veto actors with margin 1 - 0.7 = 0.3 and lambda 3: each accepts with
  // closed_form_logistic(0.9), a deal happens with p = closed_form_logistic(0.9)^2 per round.
  const Scenario s = settled_scenario({0.7, 0.7}, 3.0);
  const BargainResult r = bargain_scenario(s, settings_for(6, 20000));
  const double p = std::pow(closed_form_logistic(0.9), 2);
  for (std::size_t t = 1; t <= 6; ++t) {
    const Estimate& e = r.agreement_by_round[t - 1];
    INFO("round " << t);
    CHECK(std::fabs(e.mean - (1.0 - std::pow(1.0 - p, static_cast<double>(t)))) < 4.0 * e.se + 1e-12);
  }
  // The agreed terms are the start, exactly.
  CHECK(r.terms[0].q05 == 1.0);
  CHECK(r.terms[0].q95 == 1.0);
  CHECK(r.terms[0].mean == 1.0);
  // Mean round of agreement: a geometric distribution truncated at 6 rounds.
  double mass = 0.0;
  double first_moment = 0.0;
  for (int t = 1; t <= 6; ++t) {
    const double q = p * std::pow(1.0 - p, t - 1);
    mass += q;
    first_moment += t * q;
  }
  CHECK(std::fabs(r.rounds_to_agreement.mean - first_moment / mass) < 4.0 * r.rounds_to_agreement.se);
}

TEST_CASE("a reservation that falls by round makes agreement more likely each round", "[bargain][statistical]") {
  // One veto actor; r(t) = 0.9 - 0.1 (t - 1), lambda 4: P_t = closed_form_logistic(4 (1 - r(t))).
  const Scenario s = settled_scenario({0.9}, 4.0, -0.1);
  const BargainResult r = bargain_scenario(s, settings_for(5, 20000));
  double none = 1.0;
  for (std::size_t t = 1; t <= 5; ++t) {
    const double reservation = 0.9 - 0.1 * static_cast<double>(t - 1);
    none *= 1.0 - closed_form_logistic(4.0 * (1.0 - reservation));
    const Estimate& e = r.agreement_by_round[t - 1];
    INFO("round " << t);
    CHECK(std::fabs(e.mean - (1.0 - none)) < 4.0 * e.se);
  }
}

TEST_CASE("every rejection is counted for the actor that made it", "[bargain][statistical]") {
  // One veto actor rejects with probability q each round until it accepts:
  // the number of rejections in 3 rounds has mean q + q^2 + q^3.
  const Scenario s = settled_scenario({0.8}, 2.0);
  const BargainResult r = bargain_scenario(s, settings_for(3, 20000));
  const double q = 1.0 - closed_form_logistic(2.0 * 0.2);
  REQUIRE(r.rejections.size() == 1);
  CHECK(std::fabs(r.rejections[0].rejections.mean - (q + q * q + q * q * q)) < 4.0 * r.rejections[0].rejections.se);
  CHECK(std::fabs(r.rejections[0].ever_rejected.mean - q) < 4.0 * r.rejections[0].ever_rejected.se);
}

TEST_CASE("bargain gives identical results for 1, 2 and 4 threads", "[bargain][determinism]") {
  const Scenario s = load_scenario_file("scenarios/ukraine-28-point-2025-11.yaml");
  for (const auto protocol : {BargainingProtocol::mediated, BargainingProtocol::alternating}) {
    BargainSettings one = settings_for(8, protocol == BargainingProtocol::mediated ? 9000 : 300);
    one.protocol = protocol;
    BargainSettings two = one;
    two.simulation.threads = 2;
    BargainSettings four = one;
    four.simulation.threads = 4;
    const BargainResult a = bargain_scenario(s, one);
    for (const BargainResult& b : {bargain_scenario(s, two), bargain_scenario(s, four)}) {
      REQUIRE(a.agreement_by_round.size() == b.agreement_by_round.size());
      for (std::size_t t = 0; t < a.agreement_by_round.size(); ++t) {
        CHECK(a.agreement_by_round[t].mean == b.agreement_by_round[t].mean);
      }
      CHECK(a.rounds_to_agreement.mean == b.rounds_to_agreement.mean);
      for (std::size_t k = 0; k < a.terms.size(); ++k) {
        CHECK(a.terms[k].mean == b.terms[k].mean);
        CHECK(a.terms[k].q50 == b.terms[k].q50);
      }
      for (std::size_t v = 0; v < a.rejections.size(); ++v) {
        CHECK(a.rejections[v].actor == b.rejections[v].actor);
        CHECK(a.rejections[v].rejections.mean == b.rejections[v].rejections.mean);
      }
    }
  }
}

TEST_CASE("the trace replays the game of its draw", "[bargain]") {
  const Scenario s = load_scenario_file("scenarios/ukraine-28-point-2025-11.yaml");
  BargainSettings settings = settings_for(10, 50);
  settings.trace = 7;
  const BargainResult r = bargain_scenario(s, settings);
  REQUIRE(r.trace_draw == 7);
  REQUIRE(!r.trace.empty());
  CHECK(r.trace.front().terms == s.proposals[0].terms);
  CHECK(r.trace.size() == (r.trace_outcome.agreed ? r.trace_outcome.round : 10));
  CHECK(r.trace.back().agreement == r.trace_outcome.agreed);
}

TEST_CASE("bad bargain settings are reported together", "[bargain][errors]") {
  const Scenario s = settled_scenario({0.5}, 1.0);
  BargainSettings settings = settings_for(0, 10);
  settings.step = 1.5;
  settings.trace = 10;
  try {
    (void)bargain_scenario(s, settings);
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    const std::string message = e.what();
    CHECK_THAT(message, Catch::Contains("--rounds: expected a whole number from 1 to 10000, got 0"));
    CHECK_THAT(message, Catch::Contains("--step: expected a number in (0, 1], got 1.5\n"));
    CHECK_THAT(message, Catch::Contains("--trace: expected a draw from 0 to 9, got 10"));
  }
}

// The bargaining game: closed forms (Rubinstein's split), the mediator's
// concession rule, drifting reservations and the random events.

#include <catch2/catch.hpp>
#include <cmath>

#include "parley/core/bargaining.hpp"
#include "random_scenario.hpp"
#include "scenario_builder.hpp"

using namespace parley;
using namespace parley::testing;

namespace {
// Two veto actors splitting one issue z in [0, 1]: u1 = z, u2 = 1 - z.
Scenario split_scenario(double reservation1, double reservation2, double rationality, double d1 = 1.0,
                        double d2 = 1.0) {
  Scenario s;
  s.issues = {issue("share")};
  Actor first = actor("first", reservation1, rationality);
  first.positions.push_back(position(0, Distribution::fixed(1.0), Distribution::fixed(1.0)));
  first.discount.dist = Distribution::fixed(d1);
  Actor second = actor("second", reservation2, rationality);
  second.positions.push_back(position(0, Distribution::fixed(0.0), Distribution::fixed(1.0)));
  second.discount.dist = Distribution::fixed(d2);
  s.actors = {first, second};
  s.proposals = {proposal("even", {0.5})};
  return s;
}

GameDraw median_draw(const BargainingGame& game) {
  GameDraw draw;
  const std::vector<double> u(game.input_count(), 0.5);
  game.realize(u, draw);
  return draw;
}

GameRules alternating(std::size_t rounds) {
  GameRules rules;
  rules.protocol = BargainingProtocol::alternating;
  rules.rounds = rounds;
  rules.start = {0.5};
  rules.search_tolerance = 1e-6;
  return rules;
}
}  // namespace

TEST_CASE("the first alternating offer gives the first proposer Rubinstein's share", "[bargaining][closed-form]") {
  for (const auto& [d1, d2] : {std::pair{0.9, 0.9}, std::pair{0.8, 0.95}, std::pair{0.95, 0.7}}) {
    const BargainingGame game(split_scenario(0.0, 0.0, 2000.0, d1, d2), alternating(120));
    const auto plan = game.plan_alternating(median_draw(game));
    const double rubinstein = (1.0 - d2) / (1.0 - d1 * d2);
    INFO("d1 = " << d1 << ", d2 = " << d2);
    CHECK(plan.offers[0][0] == Approx(rubinstein).margin(0.02));
  }
}

TEST_CASE("in the last alternating round the proposer takes nearly everything", "[bargaining][closed-form]") {
  const BargainingGame game(split_scenario(0.0, 0.0, 2000.0, 0.9, 0.9), alternating(1));
  const auto plan = game.plan_alternating(median_draw(game));
  CHECK(plan.offers[0][0] > 0.99);
  CHECK(plan.offers[0][0] < 1.0);
}

TEST_CASE("the veto actors propose in turn in file order", "[bargaining]") {
  const BargainingGame game(split_scenario(0.0, 0.0, 10.0), alternating(4));
  CHECK(game.proposer(1) == 0);
  CHECK(game.proposer(2) == 1);
  CHECK(game.proposer(3) == 0);
}

TEST_CASE("reservations drift by round and stay on the utility scale", "[bargaining]") {
  CHECK(BargainingGame::reservation_in_round(0.5, -0.1, 1) == 0.5);
  CHECK(BargainingGame::reservation_in_round(0.5, -0.1, 3) == Approx(0.3));
  CHECK(BargainingGame::reservation_in_round(0.5, -0.1, 20) == 0.0);
  CHECK(BargainingGame::reservation_in_round(0.5, 0.2, 5) == 1.0);
}

TEST_CASE("a proposal every veto actor accepts for sure is agreed in round one", "[bargaining]") {
  // Reservations 0 and rationality 1000: the even split has margin 0.5 each.
  GameRules rules;
  rules.start = {0.5};
  const BargainingGame game(split_scenario(0.0, 0.0, 1000.0), rules);
  const PhiloxCube events(7, Stream::bargaining);
  std::vector<RoundRecord> trace;
  const GameOutcome outcome = game.play(0, median_draw(game), events, &trace);
  CHECK(outcome.agreed);
  CHECK(outcome.round == 1);
  CHECK(outcome.terms[0] == 0.5);
  REQUIRE(trace.size() == 1);
  CHECK(trace[0].agreement);
  CHECK(trace[0].responses.size() == 2);
}

TEST_CASE("the mediator moves the terms toward the actor that rejects", "[bargaining]") {
  // The first actor needs z > 0.8 and cannot get it at the start z = 0.2;
  // the second accepts anything. The mediator pulls z up by step * (1 - z)
  // times the first actor's weight share (it is the only one rejecting).
  GameRules rules;
  rules.start = {0.2};
  rules.step = 0.5;
  rules.rounds = 3;
  const BargainingGame game(split_scenario(0.8, 0.0, 1000.0), rules);
  const PhiloxCube events(7, Stream::bargaining);
  std::vector<RoundRecord> trace;
  const GameOutcome outcome = game.play(0, median_draw(game), events, &trace);
  REQUIRE(trace.size() == 3);
  CHECK(trace[0].terms[0] == Approx(0.2));
  CHECK(trace[1].terms[0] == Approx(0.2 + 0.5 * 0.8));
  CHECK(trace[2].terms[0] == Approx(0.6 + 0.5 * 0.4));
  CHECK_FALSE(trace[0].responses[0].accepted);
  CHECK(trace[0].responses[1].accepted);
  CHECK(outcome.rejections[0] >= 2);
  CHECK(outcome.rejections[1] == 0);
}

TEST_CASE("the same draw plays the same game", "[bargaining][determinism]") {
  GameRules rules;
  rules.start = {0.3};
  rules.rounds = 10;
  const BargainingGame game(split_scenario(0.55, 0.35, 5.0), rules);
  const PhiloxCube events(11, Stream::bargaining);
  const GameDraw draw = median_draw(game);
  const GameOutcome a = game.play(42, draw, events);
  const GameOutcome b = game.play(42, draw, events);
  CHECK(a.round == b.round);
  CHECK(a.terms == b.terms);
  CHECK(a.rejections == b.rejections);
}

TEST_CASE("a game without a veto actor or with no rounds is refused", "[bargaining][errors]") {
  Scenario s = split_scenario(0.0, 0.0, 1.0);
  GameRules rules;
  rules.start = {0.5};
  rules.rounds = 0;
  CHECK_THROWS_AS(BargainingGame(s, rules), std::invalid_argument);
  rules.rounds = 5;
  for (auto& a : s.actors) a.veto = false;
  CHECK_THROWS_AS(BargainingGame(s, rules), std::invalid_argument);
}

TEST_CASE("random valid games end inside the box with finite answers", "[bargaining][property]") {
  std::mt19937_64 rng(20251123);
  for (int trial = 0; trial < 60; ++trial) {
    Scenario s = random_scenario(rng);
    for (auto& a : s.actors) {
      a.drift.dist = random_distribution(rng, -0.05, 0.05);
      a.drift.allowed = {-1, 1};
      a.discount.dist = random_distribution(rng, 0.5, 1.0);
      a.discount.allowed = {0, 1};
    }
    for (const auto protocol : {BargainingProtocol::mediated, BargainingProtocol::alternating}) {
      GameRules rules;
      rules.protocol = protocol;
      rules.rounds = 6;
      rules.start = s.proposals[0].terms;
      const BargainingGame game(s, rules);
      const PhiloxCube parameters(trial, Stream::parameters);
      const PhiloxCube events(trial, Stream::bargaining);
      std::vector<double> u(game.input_count());
      GameDraw draw;
      for (std::uint64_t j = 0; j < 5; ++j) {
        parameters.point(j, u);
        game.realize(u, draw);
        for (std::size_t i = 0; i < s.actors.size(); ++i) {
          REQUIRE(draw.discount[i] > 0.0);
          REQUIRE(draw.discount[i] <= 1.0);
          REQUIRE(std::fabs(draw.drift[i]) <= 1.0);
        }
        std::vector<RoundRecord> trace;
        const GameOutcome outcome = game.play(j, draw, events, &trace);
        INFO("trial " << trial << ", draw " << j);
        CHECK(outcome.round <= rules.rounds);
        CHECK(outcome.agreed == (outcome.round > 0));
        CHECK(trace.size() == (outcome.agreed ? outcome.round : rules.rounds));
        for (std::size_t k = 0; k < s.issues.size(); ++k) {
          CHECK(outcome.terms[k] >= s.issues[k].lo);
          CHECK(outcome.terms[k] <= s.issues[k].hi);
        }
        for (const RoundRecord& round : trace) {
          for (const Response& r : round.responses) {
            CHECK(std::isfinite(r.margin));
            CHECK(std::isfinite(r.stance));
            CHECK(r.probability >= 0.0);
            CHECK(r.probability <= 1.0);
          }
        }
      }
    }
  }
}

TEST_CASE("the mediator flips a binary issue once the pull carries it past one half", "[bargaining]") {
  Scenario s;
  Issue ban = issue("ban");
  ban.type = IssueType::binary;
  s.issues = {ban};
  Actor a = actor("a", 0.8, 1000.0);
  a.positions.push_back(position(0, Distribution::fixed(1.0), Distribution::fixed(1.0)));
  s.actors = {a};
  s.proposals = {proposal("no_ban", {0.0})};
  GameRules rules;
  rules.start = {0.0};
  rules.step = 0.3;
  rules.rounds = 5;
  const BargainingGame game(s, rules);
  std::vector<RoundRecord> trace;
  const GameOutcome outcome = game.play(0, median_draw(game), PhiloxCube(3, Stream::bargaining), &trace);
  // Latent values 0, 0.3, 0.51: offered 0, 0, then 1, which it accepts.
  REQUIRE(trace.size() == 3);
  CHECK(trace[0].terms[0] == 0.0);
  CHECK(trace[1].terms[0] == 0.0);
  CHECK(trace[2].terms[0] == 1.0);
  CHECK(outcome.agreed);
  CHECK(outcome.round == 3);
}

TEST_CASE("the mediator weighs each rejecting actor by capability, (1 - P) and salience", "[bargaining]") {
  // Two issues; a (capability 2) wants both high, mostly x; b (capability 1)
  // wants both low, mostly y. Both reject the start (0.5, 0.5) in the draw
  // picked below; the move must be the README's rule with their P_i.
  Scenario s;
  s.issues = {issue("x"), issue("y")};
  Actor a = actor("a", 0.9, 2.0, true, 2.0);
  a.positions.push_back(position(0, Distribution::fixed(1.0), Distribution::fixed(3.0)));
  a.positions.push_back(position(1, Distribution::fixed(1.0), Distribution::fixed(1.0)));
  Actor b = actor("b", 0.8, 3.0, true, 1.0);
  b.positions.push_back(position(0, Distribution::fixed(0.0), Distribution::fixed(1.0)));
  b.positions.push_back(position(1, Distribution::fixed(0.2), Distribution::fixed(3.0)));
  s.actors = {a, b};
  s.proposals = {proposal("middle", {0.5, 0.5})};
  GameRules rules;
  rules.start = {0.5, 0.5};
  rules.step = 0.4;
  rules.rounds = 2;
  const BargainingGame game(s, rules);
  const PhiloxCube events(5, Stream::bargaining);
  const GameDraw draw = median_draw(game);
  std::vector<RoundRecord> trace;
  std::uint64_t index = 0;
  for (; index < 100; ++index) {
    (void)game.play(index, draw, events, &trace);
    if (!trace[0].responses[0].accepted && !trace[0].responses[1].accepted) break;
  }
  REQUIRE(index < 100);
  REQUIRE(trace.size() == 2);
  const double pa = trace[0].responses[0].probability;
  const double pb = trace[0].responses[1].probability;
  CHECK(pa == Approx(1.0 / (1.0 + std::exp(-2.0 * (0.5 - 0.9)))));
  const double wa = 2.0 * (1.0 - pa);
  const double wb = 1.0 * (1.0 - pb);
  const double x = 0.5 + 0.4 * (wa * 0.75 * (1.0 - 0.5) + wb * 0.25 * (0.0 - 0.5)) / (wa + wb);
  const double y = 0.5 + 0.4 * (wa * 0.25 * (1.0 - 0.5) + wb * 0.75 * (0.2 - 0.5)) / (wa + wb);
  CHECK(trace[1].terms[0] == Approx(x).epsilon(1e-12));
  CHECK(trace[1].terms[1] == Approx(y).epsilon(1e-12));
}

TEST_CASE("a game without agreement ends on the offer of its last round", "[bargaining]") {
  // The only actor never accepts (it needs more than the best possible utility).
  GameRules rules;
  rules.start = {0.2};
  rules.rounds = 3;
  const BargainingGame game(split_scenario(1.0, 0.0, 1000.0), rules);
  std::vector<RoundRecord> trace;
  const GameOutcome outcome = game.play(0, median_draw(game), PhiloxCube(1, Stream::bargaining), &trace);
  REQUIRE_FALSE(outcome.agreed);
  REQUIRE(trace.size() == 3);
  CHECK(outcome.terms == trace.back().terms);
}

#include <catch2/catch.hpp>
#include <cmath>

#include "parley/core/batch.hpp"
#include "parley/core/sampler.hpp"
#include "random_scenario.hpp"

using namespace parley;

TEST_CASE("the batch evaluator agrees with the draw-by-draw model on random scenarios", "[model][batch][property]") {
  std::mt19937_64 rng(4242);
  constexpr std::size_t B = BatchEvaluator::kBatch;
  for (int trial = 0; trial < 150; ++trial) {
    const Scenario s = testing::random_scenario(rng);
    const Model model(s);
    std::vector<Package> packages;
    for (const auto& p : s.proposals) packages.push_back(model.package(p.terms));
    BatchEvaluator batch(model, packages);
    const PhiloxCube cube(static_cast<std::uint64_t>(trial));
    const std::size_t inputs = model.input_count();
    const std::size_t draws = trial % 3 == 0 ? B - 7 : B;  // also a partial batch
    std::vector<std::vector<double>> points(draws, std::vector<double>(inputs));
    std::vector<double> u(inputs * B);
    for (std::size_t b = 0; b < draws; ++b) {
      cube.point(b, points[b]);
      for (std::size_t d = 0; d < inputs; ++d) u[d * B + b] = points[b][d];
    }
    batch.evaluate(u, draws);
    DrawParameters theta;
    Evaluation e;
    for (std::size_t b = 0; b < draws; ++b) {
      model.realize(points[b], theta);
      model.evaluate(theta, packages, e);
      for (std::size_t c = 0; c < packages.size(); ++c) {
        INFO("trial " << trial << " draw " << b << " package " << c);
        REQUIRE(batch.deal(c, b) == Approx(e.deal(static_cast<Eigen::Index>(c))).epsilon(1e-12).margin(1e-300));
        REQUIRE(batch.support(c, b) == Approx(e.support(static_cast<Eigen::Index>(c))).epsilon(1e-12));
        for (std::size_t i = 0; i < model.actor_count(); ++i) {
          REQUIRE(batch.accept(i, c, b) ==
                  Approx(e.accept(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(c))).epsilon(1e-12));
        }
      }
    }
  }
}

TEST_CASE("a deal-only evaluation gives P(deal) with the same bits and support as NaN", "[model][batch]") {
  std::mt19937_64 rng(777);
  constexpr std::size_t B = BatchEvaluator::kBatch;
  for (int trial = 0; trial < 40; ++trial) {
    const Scenario s = testing::random_scenario(rng);
    const Model model(s);
    std::vector<Package> packages;
    for (const auto& p : s.proposals) packages.push_back(model.package(p.terms));
    BatchEvaluator all(model, packages);
    BatchEvaluator deal_only(model, packages);
    const PhiloxCube cube(static_cast<std::uint64_t>(trial) + 1000);
    const std::size_t inputs = model.input_count();
    std::vector<double> point(inputs);
    std::vector<double> u(inputs * B);
    for (std::size_t b = 0; b < B; ++b) {
      cube.point(b, point);
      for (std::size_t d = 0; d < inputs; ++d) u[d * B + b] = point[d];
    }
    all.evaluate(u, B);
    deal_only.realize(u, B);
    deal_only.evaluate_realized(Outcomes::deal_only);
    for (std::size_t c = 0; c < packages.size(); ++c) {
      for (std::size_t b = 0; b < B; ++b) {
        INFO("trial " << trial << " draw " << b << " package " << c);
        REQUIRE(deal_only.deal(c, b) == all.deal(c, b));
        REQUIRE(std::isnan(deal_only.support(c, b)));
        for (std::size_t i = 0; i < model.actor_count(); ++i) {
          if (model.is_veto(i)) REQUIRE(deal_only.accept(i, c, b) == all.accept(i, c, b));
        }
      }
    }
  }
}

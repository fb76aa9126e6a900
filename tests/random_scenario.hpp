#pragma once
// Random valid scenarios for property tests.

#include <cmath>
#include <random>

#include "scenario_builder.hpp"

namespace parley::testing {

inline Distribution random_distribution(std::mt19937_64& rng, double lo, double hi) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const double a = lo + (hi - lo) * unit(rng) * 0.5;
  const double b = a + (hi - a) * (0.1 + 0.9 * unit(rng));
  switch (rng() % 6) {
    case 0:
      return Distribution::fixed(a);
    case 1:
      return Distribution::uniform(a, b);
    case 2:
      return Distribution::normal((a + b) / 2, (b - a) + 0.01);
    case 3:
      return Distribution::triangular(a, a + (b - a) * unit(rng), b);
    case 4:
      return Distribution::beta(0.5 + 5 * unit(rng), 0.5 + 5 * unit(rng), a, b);
    default:
      return Distribution::lognormal(std::log(std::max(0.05, (a + b) / 2)), 0.1 + unit(rng));
  }
}

// A random valid scenario: 1-8 actors, 1-6 issues, a random signed graph
// whose incoming |weight| sums stay below 1 at every draw.
inline Scenario random_scenario(std::mt19937_64& rng) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  Scenario s;
  const std::size_t issues = 1 + rng() % 6;
  const std::size_t actors = 1 + rng() % 8;
  for (std::size_t k = 0; k < issues; ++k) s.issues.push_back(issue("i" + std::to_string(k), -5, 10));
  for (std::size_t i = 0; i < actors; ++i) {
    Actor a = actor("a" + std::to_string(i), 0.5, 1.0, rng() % 3 != 0, 1.0, 1.0);
    a.reservation.dist = random_distribution(rng, 0, 1);
    a.rationality.dist = random_distribution(rng, 0.1, 30);
    a.capability.dist = random_distribution(rng, 0.1, 5);
    a.rho.dist = random_distribution(rng, 1, 4);
    for (std::size_t k = 0; k < issues; ++k) {
      if (k > 0 && rng() % 2 == 0) continue;
      a.positions.push_back(position(k, random_distribution(rng, -5, 10), random_distribution(rng, 0, 3), {-5, 10}));
    }
    s.actors.push_back(a);
  }
  s.actors[0].veto = true;
  for (std::size_t to = 0; to < actors; ++to) {
    double budget = 0.95;
    for (std::size_t from = 0; from < actors; ++from) {
      if (from == to || rng() % 3 != 0) continue;
      const double w = budget * unit(rng) * 0.6;
      budget -= w;
      s.relations.push_back(relation(from, to, rng() % 2 ? Distribution::uniform(-w, w) : Distribution::fixed(-w)));
    }
  }
  for (int p = 0; p < 3; ++p) {
    std::vector<double> terms;
    for (std::size_t k = 0; k < issues; ++k) terms.push_back(-5 + 15 * unit(rng));
    s.proposals.push_back(proposal("p" + std::to_string(p), terms));
  }
  return s;
}

}  // namespace parley::testing

// The well-posedness check of the influence system (influence_problems):
// it agrees with the dense reference it replaced, and stays linear in the size
// of the graph, so that large scenarios validate quickly.

#include <Eigen/Dense>
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "parley/io/diagnostics.hpp"
#include "parley/core/influence.hpp"
#include "parley/core/scenario.hpp"
#include "parley/io/scenario_loader.hpp"

using parley::Edge;
using parley::InfluenceProblems;

namespace {

// The dense check that scenario validation did before: the sums of the worst
// |weight|, and a FullPivLU (threshold 1e-10) of each block of I - W on the
// strongly connected components, found here from the transitive closure.
struct Reference {
  std::vector<std::size_t> overloaded;
  std::vector<std::vector<std::size_t>> singular;  // sorted
};

Reference dense_reference(std::size_t n, const std::vector<Edge>& edges, const std::vector<double>& worst_abs,
                          const std::vector<double>& nominal) {
  Reference ref;
  std::vector<double> sums(n, 0.0);
  for (std::size_t e = 0; e < edges.size(); ++e) sums[edges[e].to] += worst_abs[e];
  for (std::size_t i = 0; i < n; ++i) {
    if (sums[i] >= 1.0) ref.overloaded.push_back(i);
  }
  std::vector<std::vector<bool>> reach(n, std::vector<bool>(n, false));
  for (std::size_t i = 0; i < n; ++i) reach[i][i] = true;
  for (const Edge& e : edges) reach[e.from][e.to] = true;
  for (std::size_t k = 0; k < n; ++k) {
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) reach[i][j] = reach[i][j] || (reach[i][k] && reach[k][j]);
    }
  }
  const Eigen::MatrixXd w = parley::influence_matrix(n, edges, nominal);
  std::vector<bool> done(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    if (done[i]) continue;
    std::vector<std::size_t> members;
    for (std::size_t j = 0; j < n; ++j) {
      if (reach[i][j] && reach[j][i]) {
        members.push_back(j);
        done[j] = true;
      }
    }
    const auto m = static_cast<Eigen::Index>(members.size());
    Eigen::MatrixXd block(m, m);
    for (Eigen::Index r = 0; r < m; ++r) {
      for (Eigen::Index q = 0; q < m; ++q) {
        block(r, q) = (r == q ? 1.0 : 0.0) - w(static_cast<Eigen::Index>(members[static_cast<std::size_t>(r)]),
                                               static_cast<Eigen::Index>(members[static_cast<std::size_t>(q)]));
      }
    }
    Eigen::FullPivLU<Eigen::MatrixXd> lu(block);
    lu.setThreshold(1e-10);
    if (!lu.isInvertible()) ref.singular.push_back(members);
  }
  std::sort(ref.singular.begin(), ref.singular.end());
  return ref;
}

}  // namespace

TEST_CASE("the sparse well-posedness check agrees with a dense FullPivLU reference on random graphs",
          "[influence][property]") {
  std::mt19937_64 rng(20251202);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  int singular_seen = 0;
  int overloaded_seen = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const std::size_t n = 1 + rng() % 9;
    std::vector<Edge> edges;
    std::vector<double> nominal;
    // Exactly singular blocks: a ring whose weights (powers of 2, one sign
    // flip pair or none) multiply to 1 has det(I - W) = 1 - prod w = 0.
    if (n >= 2 && rng() % 3 == 0) {
      const std::size_t k = 2 + rng() % (n - 1);
      const double weights[] = {0.5, 2.0, 1.0, -1.0};
      double product = 1.0;
      for (std::size_t i = 0; i + 1 < k; ++i) {
        const double w = weights[rng() % 4];
        edges.push_back({i, i + 1});
        nominal.push_back(w);
        product *= w;
      }
      edges.push_back({k - 1, 0});
      nominal.push_back(rng() % 4 == 0 ? -1.0 / product : 1.0 / product);  // the first: det 2, not singular
    }
    // Random extra edges, self loops included, of either sign.
    const std::size_t extra = rng() % (2 * n + 1);
    const double scale = 0.2 + 0.8 * unit(rng);
    for (std::size_t k = 0; k < extra; ++k) {
      edges.push_back({static_cast<std::size_t>(rng() % n), static_cast<std::size_t>(rng() % n)});
      nominal.push_back(scale * (2 * unit(rng) - 1));
    }
    std::vector<double> worst_abs;
    for (double w : nominal) worst_abs.push_back(std::fabs(w) * (rng() % 2 ? 1.0 : 1.0 + unit(rng)));

    const InfluenceProblems got = parley::influence_problems(n, edges, worst_abs, nominal);
    const Reference want = dense_reference(n, edges, worst_abs, nominal);
    INFO("trial " << trial << ", " << n << " actors, " << edges.size() << " edges");
    std::vector<std::size_t> overloaded;
    for (const auto& o : got.overloaded) {
      overloaded.push_back(o.actor);
      double sum = 0.0;
      std::vector<std::size_t> into;
      for (std::size_t e = 0; e < edges.size(); ++e) {
        if (edges[e].to == o.actor) {
          sum += worst_abs[e];
          into.push_back(e);
        }
      }
      CHECK(o.worst_sum == sum);  // summed in edge order, bit for bit
      CHECK(o.edges == into);
    }
    CHECK(overloaded == want.overloaded);
    std::vector<std::vector<std::size_t>> singular;
    for (const auto& cycle : got.singular) {
      CHECK(std::is_sorted(cycle.members.begin(), cycle.members.end()));
      std::size_t last = 0;
      for (std::size_t e = 0; e < edges.size(); ++e) {
        const bool from_in = std::binary_search(cycle.members.begin(), cycle.members.end(), edges[e].from);
        const bool to_in = std::binary_search(cycle.members.begin(), cycle.members.end(), edges[e].to);
        if (from_in && to_in) last = e;
      }
      CHECK(cycle.last_edge == last);
      singular.push_back(cycle.members);
    }
    std::sort(singular.begin(), singular.end());
    CHECK(singular == want.singular);
    CHECK(got.ok() == (want.overloaded.empty() && want.singular.empty()));
    singular_seen += want.singular.empty() ? 0 : 1;
    overloaded_seen += want.overloaded.empty() ? 0 : 1;
  }
  // Both kinds of problem, and well-posed systems, were exercised.
  CHECK(singular_seen > 100);
  CHECK(overloaded_seen > 300);
  CHECK(overloaded_seen < 2900);
}

TEST_CASE("a ring is singular at weight 1 and well posed at weight 0.5, also of 10,000 actors", "[influence][scale]") {
  // A ring small enough to factor is reported as singular too.
  constexpr std::size_t small = 2000;
  std::vector<Edge> small_edges;
  for (std::size_t i = 0; i < small; ++i) small_edges.push_back({i, (i + 1) % small});
  const std::vector<double> small_one(small, 1.0);
  const InfluenceProblems small_bad = parley::influence_problems(small, small_edges, small_one, small_one);
  CHECK(small_bad.overloaded.size() == small);
  REQUIRE(small_bad.singular.size() == 1);
  CHECK(small_bad.singular[0].members.size() == small);
  CHECK(small_bad.singular[0].last_edge == small - 1);

  // A larger one holding overloaded actors is not factored: the overloads say it.
  constexpr std::size_t n = 10000;
  std::vector<Edge> edges;
  for (std::size_t i = 0; i < n; ++i) edges.push_back({i, (i + 1) % n});
  const std::vector<double> one(n, 1.0);
  const InfluenceProblems bad = parley::influence_problems(n, edges, one, one);
  CHECK(bad.overloaded.size() == n);
  CHECK(bad.singular.empty());

  const std::vector<double> half(n, 0.5);
  CHECK(parley::influence_problems(n, edges, half, half).ok());
  // At 1 with one sign flipped, det(I - W) = 2: overloaded, not singular.
  std::vector<double> flipped = one;
  flipped[n / 2] = -1.0;
  const InfluenceProblems sums_only = parley::influence_problems(n, edges, one, flipped);
  CHECK(sums_only.overloaded.size() == n);
  CHECK(sums_only.singular.empty());
}

TEST_CASE("no edges, and actors without edges, are well posed", "[influence][exact]") {
  CHECK(parley::influence_problems(0, {}, {}, {}).ok());
  CHECK(parley::influence_problems(5, {}, {}, {}).ok());
  const std::vector<Edge> loop{{2, 2}};
  const std::vector<double> one{1.0};
  const InfluenceProblems self = parley::influence_problems(3, loop, one, one);  // 1 - w_22 = 0
  REQUIRE(self.singular.size() == 1);
  CHECK(self.singular[0].members == std::vector<std::size_t>{2});
}

namespace {

// A scenario of `n` actors with beta reservations of three shapes (and the
// truncation of the utility scale), and the given relations.
std::string large_scenario(std::size_t n, const std::vector<Edge>& relations, const std::vector<double>& weights) {
  std::string text = "parley: 1\ntitle: \"Large\"\nsources: [{id: s}]\nissues: [{id: x, range: [0, 1]}]\nactors:\n";
  const char* shapes[] = {"{dist: beta, a: 2, b: 5}", "{dist: beta, a: 3, b: 6, low: 0.1, high: 0.9}",
                          "{dist: beta, a: 4, b: 7}"};
  for (std::size_t i = 0; i < n; ++i) {
    text += "  - {id: a" + std::to_string(i) + ", veto: " + (i == 0 ? "true" : "false") +
            ", reservation: " + shapes[i % 3] +
            ", positions: {x: {ideal: " + std::to_string(static_cast<double>(i % 7) / 7.0) + ", source: s}}}\n";
  }
  text += "proposals: [{id: p, terms: {x: 0.5}}]\n";
  if (!relations.empty()) text += "relations:\n";
  for (std::size_t e = 0; e < relations.size(); ++e) {
    text += "  - {from: a" + std::to_string(relations[e].from) + ", to: a" + std::to_string(relations[e].to) +
            ", weight: " + std::to_string(weights[e]) + "}\n";
  }
  return text;
}

}  // namespace

TEST_CASE("scenarios of 10,000 actors with beta reservations and a chain, a ring or random relations validate",
          "[loader][influence][scale]") {
  constexpr std::size_t n = 10000;
  std::vector<Edge> relations;
  std::vector<double> weights;
  SECTION("a chain") {
    for (std::size_t i = 1; i < n; ++i) relations.push_back({i - 1, i});
    weights.assign(relations.size(), 0.5);
  }
  SECTION("a ring") {
    for (std::size_t i = 0; i < n; ++i) relations.push_back({i, (i + 1) % n});
    weights.assign(relations.size(), 0.9);
  }
  SECTION("three random relations into each actor, |weight| sums below 0.6") {
    std::mt19937_64 rng(7);
    for (std::size_t to = 0; to < n; ++to) {
      std::vector<std::size_t> from;
      while (from.size() < 3) {
        const std::size_t f = rng() % n;
        if (f != to && std::find(from.begin(), from.end(), f) == from.end()) from.push_back(f);
      }
      for (std::size_t f : from) {
        relations.push_back({f, to});
        weights.push_back((rng() % 2 ? 0.19 : -0.19) * static_cast<double>(rng() % 1000) / 1000.0);
      }
    }
  }
  const parley::Scenario s = parley::load_scenario_text(large_scenario(n, relations, weights), "large.yaml");
  CHECK(s.actors.size() == n);
  REQUIRE(s.relations.size() == relations.size());
  CHECK(s.relations.back().from == relations.back().from);
  CHECK(s.relations.back().to == relations.back().to);
  CHECK(s.actors[1].reservation.dist.kind == parley::DistributionKind::beta);
}

TEST_CASE("a singular cycle among three of 10,000 actors is reported once, with its members",
          "[loader][influence][scale][errors]") {
  constexpr std::size_t n = 10000;
  std::vector<Edge> relations;
  std::vector<double> weights;
  for (std::size_t i = 1; i + 3 < n; ++i) relations.push_back({i - 1, i});
  weights.assign(relations.size(), 0.5);
  // The last three actors influence each other at 0.5 (as tests/data/bad/singular_cycle.yaml):
  // each row of I - W sums to 0.
  for (std::size_t to = n - 3; to < n; ++to) {
    for (std::size_t from = n - 3; from < n; ++from) {
      if (from == to) continue;
      relations.push_back({from, to});
      weights.push_back(0.5);
    }
  }
  try {
    (void)parley::load_scenario_text(large_scenario(n, relations, weights), "large.yaml");
    FAIL("expected a ScenarioError");
  } catch (const parley::ScenarioError& error) {
    const std::string what = error.what();
    for (const char* actor : {"a9997", "a9998", "a9999"}) {
      CHECK(what.find("error: influence into '" + std::string(actor) + "' is ill-posed") != std::string::npos);
    }
    CHECK(what.find("error: the influence cycle among a9997, a9998, a9999 makes I - W singular") != std::string::npos);
    CHECK(error.diagnostics().size() == 4);
  }
}

// Sums just below 1 are not overloads: the blocks are strictly diagonally
// dominant and need no factorisation (a sparse LU of this took 11 s).
TEST_CASE("random relations into 10,000 actors with sums just below 1 are well posed without a factorisation",
          "[influence][scale]") {
  constexpr std::size_t n = 10000;
  std::vector<Edge> edges;
  std::uint64_t state = 12345;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(state >> 33);
  };
  for (std::size_t to = 0; to < n; ++to) {
    for (int k = 0; k < 3; ++k) {
      std::size_t from = next() % n;
      if (from == to) from = (from + 1) % n;
      edges.push_back({from, to});
    }
  }
  const std::vector<double> third(edges.size(), 0.33333333333);
  CHECK(parley::influence_problems(n, edges, third, third).ok());
}

// The well-posedness check of the influence system (influence_problems):
// it agrees with the dense reference it replaced, and stays linear in the size
// of the graph, so that large scenarios validate quickly. The sparse solve of
// large graphs (Gauss–Seidel with a certified bound): it is within its stated
// tolerance of an extended-precision solve, in InfluenceSolver, in the batch
// evaluator and in the bargaining game.

#include <Eigen/Dense>
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "parley/core/bargaining.hpp"
#include "parley/core/batch.hpp"
#include "parley/core/influence.hpp"
#include "parley/core/model.hpp"
#include "parley/core/sampler.hpp"
#include "parley/core/scenario.hpp"
#include "parley/io/diagnostics.hpp"
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

// ============================================================================
// The sparse solve (Gauss–Seidel with a certified bound) and its uses.
// ============================================================================

using parley::ActorMatrix;
using parley::InfluenceMethod;
using parley::InfluenceSolver;
using parley::kInfluenceTolerance;
using parley::SparseSolveStats;

namespace {

// A random well-posed graph: edges between random actors (self loops and
// repeated edges included), weights of either sign, each actor's sum of
// |weight| scaled to at most `largest_sum` (< 1).
struct Graph {
  std::size_t n = 0;
  std::vector<Edge> edges;
  std::vector<double> weights;
};

Graph random_graph(std::mt19937_64& rng, std::size_t n, std::size_t edge_count, double largest_sum) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  Graph g;
  g.n = n;
  for (std::size_t k = 0; k < edge_count; ++k) {
    const std::size_t from = rng() % n;
    const std::size_t to = rng() % n;
    g.edges.push_back({from, to});
    if (k > 0 && rng() % 8 == 0) g.edges.push_back(g.edges[k - 1]);  // a repeated edge
  }
  for (std::size_t e = 0; e < g.edges.size(); ++e) g.weights.push_back((rng() % 3 == 0 ? -1.0 : 1.0) * unit(rng));
  std::vector<double> sum(n, 0.0);
  for (std::size_t e = 0; e < g.edges.size(); ++e) sum[g.edges[e].to] += std::fabs(g.weights[e]);
  std::vector<double> target(n);
  for (std::size_t i = 0; i < n; ++i) target[i] = largest_sum * (0.3 + 0.7 * unit(rng));
  for (std::size_t e = 0; e < g.edges.size(); ++e) g.weights[e] *= target[g.edges[e].to] / sum[g.edges[e].to];
  return g;
}

// The stances in extended precision (long double, 64-bit significand):
// Gaussian elimination with partial pivoting of (I - W) y = (I - diag(a)) m.
std::vector<long double> reference_stances(const Graph& g, const std::vector<double>& m) {
  const std::size_t n = g.n;
  std::vector<long double> a(n * n, 0.0L);
  std::vector<long double> y(m.begin(), m.end());
  for (std::size_t i = 0; i < n; ++i) a[i * n + i] = 1.0L;
  for (std::size_t e = 0; e < g.edges.size(); ++e) {
    a[g.edges[e].to * n + g.edges[e].from] -= g.weights[e];
    y[g.edges[e].to] -= std::fabs(static_cast<long double>(g.weights[e])) * m[g.edges[e].to];
  }
  for (std::size_t k = 0; k < n; ++k) {
    std::size_t pivot = k;
    for (std::size_t i = k + 1; i < n; ++i) {
      if (std::fabs(a[i * n + k]) > std::fabs(a[pivot * n + k])) pivot = i;
    }
    for (std::size_t j = 0; j < n; ++j) std::swap(a[k * n + j], a[pivot * n + j]);
    std::swap(y[k], y[pivot]);
    for (std::size_t i = k + 1; i < n; ++i) {
      const long double f = a[i * n + k] / a[k * n + k];
      if (f == 0.0L) continue;
      for (std::size_t j = k; j < n; ++j) a[i * n + j] -= f * a[k * n + j];
      y[i] -= f * y[k];
    }
  }
  for (std::size_t k = n; k-- > 0;) {
    for (std::size_t j = k + 1; j < n; ++j) y[k] -= a[k * n + j] * y[j];
    y[k] /= a[k * n + k];
  }
  return y;
}

double largest_sum(const Graph& g) {
  std::vector<double> sum(g.n, 0.0);
  for (std::size_t e = 0; e < g.edges.size(); ++e) sum[g.edges[e].to] += std::fabs(g.weights[e]);
  return *std::max_element(sum.begin(), sum.end());
}

// What the certified bound allows, plus rounding: the sweeps' rounding errors
// (a few units in the last place of y per sweep) are damped by the
// contraction, so they add at most about 16 u ||m|| / (1 - q) (u = 2^-53),
// well below the tolerance for q <= 0.98 (3.6e-14 ||m||_inf at q = 0.98).
double allowed_error(double norm_m, double q) {
  return kInfluenceTolerance * norm_m + 16.0 * 1.1102230246251565e-16 * norm_m / (1.0 - q);
}

// Margins on the utility scale, of either sign.
ActorMatrix random_margins(std::mt19937_64& rng, std::size_t n, std::size_t columns) {
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  ActorMatrix m(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(columns));
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    for (Eigen::Index c = 0; c < m.cols(); ++c) m(i, c) = unit(rng);
  }
  return m;
}

// The largest error of column c of `y` against the extended-precision solve.
double column_error(const Graph& g, const ActorMatrix& m, const ActorMatrix& y, Eigen::Index c, double& norm_m) {
  std::vector<double> column(g.n);
  norm_m = 0.0;
  for (std::size_t i = 0; i < g.n; ++i) {
    column[i] = m(static_cast<Eigen::Index>(i), c);
    norm_m = std::max(norm_m, std::fabs(column[i]));
  }
  const std::vector<long double> want = reference_stances(g, column);
  double error = 0.0;
  for (std::size_t i = 0; i < g.n; ++i) {
    error = std::max(error, static_cast<double>(std::fabs(y(static_cast<Eigen::Index>(i), c) - want[i])));
  }
  return error;
}

}  // namespace

TEST_CASE("the sparse solve is within its certified bound of an extended-precision solve on random graphs",
          "[influence][sparse][property]") {
  // Negative weights, self loops and repeated edges; row sums up to 0.98.
  std::mt19937_64 rng(20251203);
  const double largest[] = {0.3, 0.6, 0.9, 0.98};
  std::size_t sweeps_seen = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const std::size_t n = 1 + rng() % 80;
    const Graph g = random_graph(rng, n, 1 + rng() % (4 * n), largest[trial % 4]);
    const std::size_t columns = 1 + rng() % 3;
    const ActorMatrix m = random_margins(rng, n, columns);
    const InfluenceSolver sparse(n, g.edges, {}, InfluenceMethod::sparse);
    const InfluenceSolver dense(n, g.edges, {}, InfluenceMethod::dense);
    REQUIRE(sparse.sparse());
    REQUIRE_FALSE(dense.sparse());
    ActorMatrix y_sparse;
    ActorMatrix y_dense;
    std::vector<double> scratch;
    SparseSolveStats stats;
    sparse.solve(g.weights, m, y_sparse, scratch, &stats);
    dense.solve(g.weights, m, y_dense, scratch);
    const double q = largest_sum(g);
    INFO("trial " << trial << ", " << n << " actors, " << g.edges.size() << " edges, q = " << q);
    CHECK(stats.densely == 0);  // q < 0.999: certified by the sweeps
    CHECK(stats.columns == columns);
    CHECK(stats.largest_bound <= kInfluenceTolerance);
    sweeps_seen = std::max(sweeps_seen, stats.sweeps);
    for (Eigen::Index c = 0; c < m.cols(); ++c) {
      // The error over what is allowed: at most 1.
      double norm_m = 0.0;
      const double sparse_error = column_error(g, m, y_sparse, c, norm_m);
      CHECK(sparse_error / allowed_error(norm_m, q) <= 1.0);
      // And the dense solve, to the same margin.
      const double dense_error = column_error(g, m, y_dense, c, norm_m);
      CHECK(dense_error / allowed_error(norm_m, q) <= 1.0);
    }
  }
  CHECK(sweeps_seen > 100);  // slow contractions were among them
}

TEST_CASE("an actor whose incoming influence is 0.985 slows the sweeps, which still certify the bound",
          "[influence][sparse]") {
  // 300 actors, random relations (sums up to 0.5), and into actor 7 a self
  // loop of 0.98 and 0.005 from actor 8: a_7 = 0.985, and each sweep shrinks
  // actor 7's error by about 0.98 only.
  std::mt19937_64 rng(99);
  Graph g = random_graph(rng, 300, 900, 0.5);
  for (std::size_t e = 0; e < g.edges.size(); ++e) {
    if (g.edges[e].to == 7) g.weights[e] = 0.0;
  }
  g.edges.push_back({7, 7});
  g.weights.push_back(0.98);
  g.edges.push_back({8, 7});
  g.weights.push_back(0.005);
  const ActorMatrix m = random_margins(rng, g.n, 2);
  const InfluenceSolver sparse(g.n, g.edges, {}, InfluenceMethod::sparse);
  ActorMatrix y;
  std::vector<double> scratch;
  SparseSolveStats stats;
  sparse.solve(g.weights, m, y, scratch, &stats);
  CHECK(stats.densely == 0);
  CHECK(stats.sweeps > 1000);  // about log(1e-12 / 65.7) / log(0.98) = 1,570 sweeps
  CHECK(stats.sweeps < sparse.max_sweeps());
  for (Eigen::Index c = 0; c < 2; ++c) {
    double norm_m = 0.0;
    const double error = column_error(g, m, y, c, norm_m);
    CHECK(error <= allowed_error(norm_m, 0.985));
    CHECK(error > 0.0);  // an iteration, not an exact solve
  }
}

TEST_CASE("a draw whose incoming influence reaches 0.999 is solved densely by the sparse solver",
          "[influence][sparse]") {
  std::mt19937_64 rng(5);
  Graph g = random_graph(rng, 60, 180, 0.5);
  g.edges.push_back({3, 3});
  g.weights.push_back(0.9995);
  for (std::size_t e = 0; e + 1 < g.edges.size(); ++e) {
    if (g.edges[e].to == 3) g.weights[e] = 0.0;
  }
  const ActorMatrix m = random_margins(rng, g.n, 3);
  const InfluenceSolver sparse(g.n, g.edges, {}, InfluenceMethod::sparse);
  ActorMatrix y;
  std::vector<double> scratch;
  SparseSolveStats stats;
  sparse.solve(g.weights, m, y, scratch, &stats);
  CHECK(stats.densely == 3);
  CHECK(stats.sweeps == 0);
  for (Eigen::Index c = 0; c < 3; ++c) {
    double norm_m = 0.0;
    const double error = column_error(g, m, y, c, norm_m);
    CHECK(error <= 1e-12 * norm_m);
  }
}

TEST_CASE("each column's sparse solve depends on that column alone, not on the columns solved with it",
          "[influence][sparse][exact]") {
  std::mt19937_64 rng(31);
  const Graph g = random_graph(rng, 120, 360, 0.9);
  const InfluenceSolver sparse(g.n, g.edges, {}, InfluenceMethod::sparse);
  ActorMatrix m = random_margins(rng, g.n, 3);
  m.col(1) *= 1e-3;  // a column that certifies sooner than the others
  ActorMatrix together;
  std::vector<double> scratch;
  sparse.solve(g.weights, m, together, scratch);
  for (Eigen::Index c = 0; c < 3; ++c) {
    const ActorMatrix alone_m = m.col(c);
    ActorMatrix alone;
    sparse.solve(g.weights, alone_m, alone, scratch);
    CHECK((alone.col(0).array() == together.col(c).array()).all());
  }
}

TEST_CASE("rows of the sparse solution operator give stances within the tolerance of an extended-precision solve",
          "[influence][sparse][property]") {
  std::mt19937_64 rng(777);
  const double largest[] = {0.3, 0.6, 0.9, 0.98};
  for (int trial = 0; trial < 200; ++trial) {
    const std::size_t n = 1 + rng() % 60;
    const Graph g = random_graph(rng, n, 1 + rng() % (4 * n), largest[trial % 4]);
    std::vector<std::size_t> actors;
    for (std::size_t r = 0; r < 1 + rng() % 6; ++r) actors.push_back(rng() % n);
    const InfluenceSolver sparse(n, g.edges, {}, InfluenceMethod::sparse);
    // The sparse rows, or (odd trials) the dense rows of fixed weights.
    const InfluenceSolver dense_fixed(n, g.edges, g.weights, InfluenceMethod::dense);
    const ActorMatrix rows =
        trial % 2 == 0 ? sparse.operator_rows(g.weights, actors) : dense_fixed.operator_rows({}, actors);
    REQUIRE(static_cast<std::size_t>(rows.rows()) == actors.size());
    const ActorMatrix m = random_margins(rng, n, 2);
    const double q = largest_sum(g);
    INFO("trial " << trial << ", " << n << " actors, " << g.edges.size() << " edges, q = " << q);
    for (Eigen::Index c = 0; c < 2; ++c) {
      std::vector<double> column(n);
      double norm_m = 0.0;
      for (std::size_t i = 0; i < n; ++i) {
        column[i] = m(static_cast<Eigen::Index>(i), c);
        norm_m = std::max(norm_m, std::fabs(column[i]));
      }
      const std::vector<long double> want = reference_stances(g, column);
      for (std::size_t r = 0; r < actors.size(); ++r) {
        double stance = 0.0;
        for (std::size_t j = 0; j < n; ++j)
          stance += rows(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(j)) * column[j];
        CHECK(std::fabs(stance - static_cast<double>(want[actors[r]])) <= allowed_error(norm_m, q));
      }
    }
  }
}

namespace {

// A scenario of `n` actors on 4 issues with three relations into each actor
// (uncertain or fixed weights, |weight| sums below 0.6, some negative), as
// bench/large_scenario.py writes them.
std::string sparse_scenario(std::size_t n, bool uncertain_weights, const std::string& veto_reservation = "0.4") {
  std::mt19937_64 rng(n);
  std::string text = "parley: 1\ntitle: \"Sparse\"\nsources: [{id: s}]\nissues:\n";
  for (int k = 0; k < 4; ++k) text += "  - {id: i" + std::to_string(k) + ", range: [0, 1]}\n";
  text += "actors:\n";
  for (std::size_t i = 0; i < n; ++i) {
    text += "  - {id: a" + std::to_string(i) + ", veto: " + (i < 3 ? "true" : "false") +
            ", rationality: 6, reservation: " + (i < 3 ? veto_reservation : "{dist: uniform, low: 0.3, high: 0.5}") +
            ", positions: {";
    for (int k = 0; k < 4; ++k) {
      text += std::string(k > 0 ? ", " : "") + "i" + std::to_string(k) +
              ": {ideal: {dist: normal, mean: " + std::to_string(static_cast<double>((i + k) % 9) / 9.0) +
              ", sd: 0.1}, salience: {dist: uniform, low: 0.5, high: 1.5}, source: s}";
    }
    text += "}}\n";
  }
  text +=
      "proposals:\n  - {id: p0, terms: {i0: 0.2, i1: 0.5, i2: 0.7, i3: 0.4}}\n"
      "  - {id: p1, terms: {i0: 0.8, i1: 0.3, i2: 0.1, i3: 0.6}}\n"
      "relations:\n";
  for (std::size_t to = 0; to < n; ++to) {
    std::vector<std::size_t> from;
    while (from.size() < 3) {
      const std::size_t f = rng() % n;
      if (f != to && std::find(from.begin(), from.end(), f) == from.end()) from.push_back(f);
    }
    for (const std::size_t f : from) {
      const bool negative = rng() % 5 == 0;
      const std::string weight = uncertain_weights ? (negative ? "{dist: uniform, low: -0.19, high: -0.02}"
                                                               : "{dist: uniform, low: 0.02, high: 0.19}")
                                                   : (negative ? "-0.15" : "0.17");
      text += "  - {from: a" + std::to_string(f) + ", to: a" + std::to_string(to) + ", weight: " + weight + "}\n";
    }
  }
  return text;
}

}  // namespace

TEST_CASE("the rule keeps small scenarios dense and solves a 1,000-actor graph of 3,000 edges sparsely",
          "[influence][exact]") {
  for (const bool fixed : {true, false}) {
    for (std::size_t n = 1; n < 48; ++n) CHECK_FALSE(parley::sparse_influence_pays(n, n * n, fixed));
    CHECK(parley::sparse_influence_pays(1000, 3000, fixed));
    CHECK(parley::sparse_influence_pays(3000, 9000, fixed));
  }
  // Complete graphs: dense with fixed weights; with drawn weights 32 sweeps
  // of n^2 still cost less than an elimination (n^3 / 3) from about 300 actors.
  CHECK_FALSE(parley::sparse_influence_pays(1000, 1000 * 999, true));
  CHECK_FALSE(parley::sparse_influence_pays(100, 100 * 99, false));
  CHECK(parley::sparse_influence_pays(100, 300, false));
  CHECK_FALSE(parley::sparse_influence_pays(100, 300, true));  // the fixed operator is cheaper there
  for (const char* name : {"ukraine-28-point-2025-11.yaml", "classroom-river-basin.yaml", "classroom-two-party.yaml"}) {
    const parley::Scenario s = parley::load_scenario_file(std::string(PARLEY_SOURCE_DIR) + "/scenarios/" + name);
    CHECK_FALSE(parley::Model(s).influence().sparse());
  }
}

TEST_CASE("fixed weights too close to 1 for the sweeps keep the operator computed once", "[influence][exact]") {
  // 300 actors in a ring, each pulled by its predecessor: sparse by the rule;
  // one actor's incoming influence at 0.9995 would leave every column of
  // every draw to an elimination of its own, so the solver stays dense.
  constexpr std::size_t n = 300;
  std::vector<parley::Edge> edges;
  std::vector<double> weights;
  for (std::size_t i = 0; i < n; ++i) {
    edges.push_back({(i + n - 1) % n, i});
    weights.push_back(0.5);
  }
  REQUIRE(parley::sparse_influence_pays(n, edges.size(), true));
  CHECK(parley::InfluenceSolver(n, edges, weights).sparse());
  weights[7] = 0.9995;
  const parley::InfluenceSolver near_one(n, edges, weights);
  CHECK_FALSE(near_one.sparse());
  CHECK(near_one.fixed_solution_operator().rows() == static_cast<Eigen::Index>(n));
}

TEST_CASE("the batch evaluator's sparse step gives every draw exactly the one-draw sparse solve, within the bound",
          "[influence][sparse][batch]") {
  using namespace parley;
  constexpr std::size_t B = BatchEvaluator::kBatch;
  for (const bool uncertain : {true, false}) {
    const std::size_t n = uncertain ? 64 : 300;
    const Scenario s = load_scenario_text(sparse_scenario(n, uncertain), "sparse.yaml");
    const Model model(s);
    REQUIRE(model.influence().sparse());
    CHECK(model.influence().weights_fixed() == !uncertain);
    std::vector<Package> packages;
    for (const auto& p : s.proposals) packages.push_back(model.package(p.terms));
    BatchEvaluator batch(model, packages);
    const PhiloxCube cube(11);
    const std::size_t inputs = model.input_count();
    for (const std::size_t draws : {B, B - 9}) {
      std::vector<std::vector<double>> points(draws, std::vector<double>(inputs));
      std::vector<double> u(inputs * B);
      for (std::size_t b = 0; b < draws; ++b) {
        cube.point(b + draws, points[b]);
        for (std::size_t d = 0; d < inputs; ++d) u[d * B + b] = points[b][d];
      }
      batch.evaluate(u, draws);
      DrawParameters theta;
      Evaluation e;
      for (std::size_t b = 0; b < draws; ++b) {
        model.realize(points[b], theta);
        model.evaluate(theta, packages, e);
        const Eigen::MatrixXd op = model.influence().solution_operator(theta.weight);
        const Eigen::MatrixXd dense = op * e.margin;
        double q = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
          double a = 0.0;
          for (std::size_t r = 0; r < s.relations.size(); ++r) {
            if (s.relations[r].to == i) a += std::fabs(theta.weight[r]);
          }
          q = std::max(q, a);
        }
        for (std::size_t c = 0; c < packages.size(); ++c) {
          const auto col = static_cast<Eigen::Index>(c);
          const double norm_m = e.margin.col(col).cwiseAbs().maxCoeff();
          for (std::size_t i = 0; i < n; ++i) {
            const auto row = static_cast<Eigen::Index>(i);
            INFO("draw " << b << " package " << c << " actor " << i);
            REQUIRE(batch.stance(i, c, b) == e.stance(row, col));
            REQUIRE(std::fabs(e.stance(row, col) - dense(row, col)) <= allowed_error(norm_m, q) + 1e-14 * norm_m);
          }
        }
      }
    }
  }
}

TEST_CASE("the mediated game on a large sparse graph sees the veto actors' stances within the tolerance",
          "[influence][sparse][bargain]") {
  using namespace parley;
  // Demanding veto actors, so that games last past the first rounds.
  const Scenario s =
      load_scenario_text(sparse_scenario(80, true, "{dist: uniform, low: 0.6, high: 0.8}"), "sparse.yaml");
  GameRules rules;
  rules.rounds = 12;
  rules.step = 0.1;
  rules.start = s.proposals[1].terms;
  const BargainingGame game(s, rules);
  REQUIRE(game.model().influence().sparse());
  const PhiloxCube cube(3);
  const PhiloxCube events(3, Stream::bargaining);
  std::vector<double> u(game.input_count());
  GameDraw draw;
  DrawParameters theta;
  Evaluation e;
  std::size_t late_rounds = 0;  // rounds after the veto rows were taken
  for (std::uint64_t d = 0; d < 40; ++d) {
    cube.point(d, u);
    game.realize(u, draw);
    std::vector<RoundRecord> trace;
    (void)game.play(d, draw, events, &trace);
    for (const RoundRecord& record : trace) {
      theta = draw.theta;
      for (std::size_t i = 0; i < s.actors.size(); ++i) {
        theta.reservation[i] =
            BargainingGame::reservation_in_round(draw.theta.reservation[i], draw.drift[i], record.round);
      }
      const Package offer = game.model().package(record.terms);
      game.model().evaluate(theta, std::span(&offer, 1), e);
      const Eigen::MatrixXd dense = game.model().influence().solution_operator(theta.weight) * e.margin;
      const double norm_m = e.margin.cwiseAbs().maxCoeff();
      late_rounds += record.round > game.veto_actors().size() ? 1 : 0;
      for (const Response& r : record.responses) {
        const auto row = static_cast<Eigen::Index>(r.actor);
        INFO("draw " << d << " round " << record.round << " actor " << r.actor);
        CHECK(r.margin == Approx(e.margin(row, 0)).epsilon(1e-12).margin(1e-12));
        CHECK(std::fabs(r.stance - dense(row, 0)) <= 2.0 * kInfluenceTolerance * norm_m + 1e-14);
        CHECK(r.probability == Approx(e.accept(row, 0)).epsilon(1e-10));
      }
    }
  }
  CHECK(late_rounds > 20);  // the veto rows were exercised
}

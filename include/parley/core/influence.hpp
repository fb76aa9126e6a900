#pragma once
// Friedkin–Johnsen influence on the actor graph: the stance y solves
//   (I - W) y = (I - diag(a)) m,   a_i = sum_j |W_ij|,
// where W_ij is the weight of the edge j -> i and m the actors' margins.
//
// Two solvers, chosen per scenario by sparse_influence_pays():
//  - dense: Gaussian elimination of I - W (for every draw when the weights
//    are uncertain; once, as the operator (I - W)^-1 (I - diag(a)), when they
//    are fixed). Exact up to rounding; O(n^3) per draw, or O(n^2) per margin
//    column with fixed weights. Small scenarios (every shipped one) use it.
//  - sparse: Gauss–Seidel sweeps (actors in ascending order) on
//      y = W y + (I - diag(a)) m,   starting from y_0 = m.
//    With q = max_i a_i < 1 (validation keeps every a_i below 1 at every
//    draw) one sweep is a contraction in the max norm with factor q (each
//    row's error is at most a_i times the largest error it reads, old or
//    new), hence the certified bound
//      ||y - y_k||_inf <= q / (1 - q) ||y_k - y_{k-1}||_inf.
//    Each margin column (each package of each draw) stops at the first sweep
//    k where that bound is <= kInfluenceTolerance * ||m||_inf: its result
//    depends on that column and the draw's weights only, not on the other
//    columns or draws solved with it. O(edges + actors) per sweep. A column
//    whose draw has q >= kSparseLargestContraction, or that is not certified
//    within max_sweeps() sweeps (where rounding stalls the differences),
//    is solved densely instead.

#include <Eigen/Dense>
#include <cstddef>
#include <span>
#include <vector>

namespace parley {

/// Actors x columns (one column per package), row-major: the packages of one
/// actor are contiguous, which is what the per-draw loops run over.
using ActorMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct Edge {
  std::size_t from = 0;
  std::size_t to = 0;
};

/// W as a dense matrix (row i holds the weights into actor i).
Eigen::MatrixXd influence_matrix(std::size_t actors, std::span<const Edge> edges, std::span<const double> weights);

/// a_i = sum_j |W_ij|, the total influence into each actor.
std::vector<double> incoming_influence(std::size_t actors, std::span<const Edge> edges,
                                       std::span<const double> weights);

/// What makes an influence system ill-posed, found by influence_problems().
struct InfluenceProblems {
  /// An actor whose incoming sum of |weight| can reach 1.
  struct Overload {
    std::size_t actor = 0;
    double worst_sum = 0.0;          ///< sum of the largest |weight| of each incoming edge, in edge order
    std::vector<std::size_t> edges;  ///< its incoming edges, in input order
  };
  /// A strongly connected component of the graph whose block of I - W is
  /// singular at the nominal weights.
  struct SingularCycle {
    std::vector<std::size_t> members;  ///< ascending
    std::size_t last_edge = 0;         ///< the last edge (in input order) with both ends in the component
  };
  std::vector<Overload> overloaded;     ///< by ascending actor
  std::vector<SingularCycle> singular;  ///< in the order of Boost.Graph's strong_components numbering
  [[nodiscard]] bool ok() const { return overloaded.empty() && singular.empty(); }
};

/// The well-posedness check of the influence system, for validation:
/// - every actor i with sum_e worst_abs[e] >= 1 over its incoming edges e
///   (the solver needs a_i < 1 at every draw), and
/// - every strongly connected component whose block of I - W, W built from
///   the `nominal` weights, is singular (numerically: see influence.cpp).
/// I - W is block triangular by the strongly connected components, so it is
/// singular exactly when one of these blocks is. Edges may repeat (weights
/// add up) and may be self loops. Cost O(actors + edges) when every row of
/// each component is strictly diagonally dominant (always the case when no
/// actor is overloaded); a sparse LU of the other components.
InfluenceProblems influence_problems(std::size_t actors, std::span<const Edge> edges, std::span<const double> worst_abs,
                                     std::span<const double> nominal);

/// The sparse solver's tolerance: each stance column is certified to within
/// kInfluenceTolerance * ||m||_inf (max norm) of the exact solution, m being
/// that column's margins (so within 1e-12 of the margins' scale, which is at
/// most 1 for margins u - r on the utility scale). The bound is that of the
/// iteration; rounding adds at most about 16 u ||m||_inf / (1 - q)
/// (u = 2^-53; 3.6e-14 ||m||_inf at q = 0.95, 8.9e-14 at q = 0.98), as the dense solve's does
/// (tests/test_influence.cpp checks both against an extended-precision solve).
inline constexpr double kInfluenceTolerance = 1e-12;

/// Draws whose largest incoming influence q = max_i a_i reaches this are
/// solved densely by the sparse solver: there the bound's factor q / (1 - q)
/// exceeds 999, the sweeps contract slowly, and rounding (a few units in the
/// last place of y per sweep, times that factor) could stall the bound above
/// the tolerance.
inline constexpr double kSparseLargestContraction = 0.999;

/// How InfluenceSolver solves the system.
enum class InfluenceMethod {
  automatic,  ///< sparse_influence_pays() decides
  dense,      ///< elimination of I - W (per draw, or once when W is fixed)
  sparse,     ///< Gauss–Seidel sweeps with the certified bound above
};

/// The rule of InfluenceMethod::automatic, from the cost per margin column:
/// a sweep costs about actors + edges and a sparse solve about 32 sweeps;
/// with weights drawn per draw the dense elimination costs about actors^3 / 3
/// per draw (for a few columns), with fixed weights the precomputed operator
/// costs actors^2 per column. Sparse is chosen
///  - weights drawn per draw: actors >= 48 and 2 * 32 (actors + edges) <= actors^3 / 9;
///  - fixed weights: actors >= 128 and 32 (actors + edges) <= actors^2.
/// With 3 edges per actor that is from 48 and from 128 actors, at or just
/// above the measured crossovers (bench/README.md, "Large sparse graphs"). Every
/// scenario under 48 actors (every shipped one) keeps the dense path and its
/// exact numbers.
[[nodiscard]] bool sparse_influence_pays(std::size_t actors, std::size_t edges, bool weights_fixed);

/// What the last sparse solve did, for tests and benchmarks.
struct SparseSolveStats {
  std::size_t sweeps = 0;    ///< the most sweeps any column took
  std::size_t columns = 0;   ///< columns solved
  std::size_t densely = 0;   ///< of which solved densely (q too close to 1, or not certified in time)
  double largest_bound = 0;  ///< the largest certified bound q / (1 - q) ||y_k - y_{k-1}||_inf met
};

/// Solves for the stances of one draw, for several margin columns at once
/// (one column per package). Factorises I - W once when the weights are fixed
/// and the dense method is used.
class InfluenceSolver {
 public:
  /// `fixed_weights` empty: weights vary by draw and are passed to solve().
  InfluenceSolver(std::size_t actors, std::vector<Edge> edges, std::span<const double> fixed_weights,
                  InfluenceMethod method = InfluenceMethod::automatic);

  /// `scratch` is working memory reused across calls (one per thread).
  /// `stats`, when given, tells what a sparse solve did.
  void solve(std::span<const double> weights, const ActorMatrix& margins, ActorMatrix& stances,
             std::vector<double>& scratch, SparseSolveStats* stats = nullptr) const;

  /// The sparse solve of a batch of draws at once, lanes innermost: margin
  /// column c of draw b of actor i at margins[(i * columns + c) * stride + b]
  /// (stances likewise), the weight of edge e in draw b at
  /// weights[e * stride + b], for draws b < draws <= stride. Every lane gets
  /// exactly what solve() gives for its draw's weights and its column.
  /// Requires sparse().
  void solve_lanes(const double* weights, const double* margins, double* stances, std::size_t columns,
                   std::size_t stride, std::size_t draws, std::vector<double>& scratch,
                   SparseSolveStats* stats = nullptr) const;

  /// Rows `actors` of the solution operator R = (I - W)^-1 (I - diag(a)) for
  /// the given weights (row r for actors[r]), for callers that need a few
  /// actors' stances R m for many margin vectors m on one draw. Sparse: each
  /// row x^T of (I - W)^-1 comes from Jacobi sweeps on x = W^T x + e_v, a
  /// contraction in the 1-norm with factor q (||W^T||_1 = max_i a_i), until
  /// q / (1 - q) ||x_k - x_{k-1}||_1 <= kInfluenceTolerance; then for every m,
  /// |(R m)_r - y_v| <= kInfluenceTolerance ||m||_inf. Dense: rows of
  /// solution_operator().
  [[nodiscard]] ActorMatrix operator_rows(std::span<const double> weights, std::span<const std::size_t> actors) const;

  /// (I - W)^-1 (I - diag(a)) for the given weights: the linear map from
  /// margins to stances, for callers that solve many times on one draw.
  /// Dense, O(actors^3).
  [[nodiscard]] Eigen::MatrixXd solution_operator(std::span<const double> weights) const;

  [[nodiscard]] bool has_edges() const { return !edges_.empty(); }
  [[nodiscard]] const std::vector<Edge>& edges() const { return edges_; }
  /// (I - W)^-1 (I - diag(a)) when the weights are fixed and the method is
  /// dense; empty otherwise.
  [[nodiscard]] const Eigen::MatrixXd& fixed_solution_operator() const { return fixed_solution_operator_; }
  [[nodiscard]] bool weights_fixed() const { return weights_fixed_; }
  /// Whether the sparse method is used (never without edges).
  [[nodiscard]] bool sparse() const { return sparse_; }
  /// The sweeps after which an uncertified column is solved densely: about
  /// the cost of one dense solve, and at least 1000.
  [[nodiscard]] std::size_t max_sweeps() const { return max_sweeps_; }

 private:
  void dense_solve(std::span<const double> weights, const ActorMatrix& margins, ActorMatrix& stances,
                   std::vector<double>& scratch) const;
  std::size_t actors_;
  std::vector<Edge> edges_;
  bool weights_fixed_ = false;
  bool sparse_ = false;
  std::size_t max_sweeps_ = 0;
  std::vector<double> fixed_weights_;  // the weights when fixed (for the sparse method)
  // The incoming edges of each actor, compressed (CSR): entries
  // row_begin_[i] .. row_begin_[i + 1] - 1 are the edges into actor i, in
  // input order; source_ holds each entry's `from`, edge_ its edge index.
  std::vector<std::size_t> row_begin_, source_, edge_;
  Eigen::MatrixXd fixed_solution_operator_;  // (I - W)^-1 (I - diag(a)) when W is fixed (dense method)
};

}  // namespace parley

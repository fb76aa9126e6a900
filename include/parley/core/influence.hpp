#pragma once
// Friedkin–Johnsen influence on the actor graph: the stance y solves
//   (I - W) y = (I - diag(a)) m,   a_i = sum_j |W_ij|,
// where W_ij is the weight of the edge j -> i and m the actors' margins.

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

/// Solves for the stances of one draw, for several margin columns at once
/// (one column per package). Factorises I - W once when the weights are fixed.
class InfluenceSolver {
 public:
  /// `fixed_weights` empty: weights vary by draw and are passed to solve().
  InfluenceSolver(std::size_t actors, std::vector<Edge> edges, std::span<const double> fixed_weights);

  /// `scratch` is working memory reused across calls (one per thread).
  void solve(std::span<const double> weights, const ActorMatrix& margins, ActorMatrix& stances,
             std::vector<double>& scratch) const;

  /// (I - W)^-1 (I - diag(a)) for the given weights: the linear map from
  /// margins to stances, for callers that solve many times on one draw.
  [[nodiscard]] Eigen::MatrixXd solution_operator(std::span<const double> weights) const;

  [[nodiscard]] bool has_edges() const { return !edges_.empty(); }
  [[nodiscard]] const std::vector<Edge>& edges() const { return edges_; }
  /// (I - W)^-1 (I - diag(a)) when the weights are fixed; empty otherwise.
  [[nodiscard]] const Eigen::MatrixXd& fixed_solution_operator() const { return fixed_solution_operator_; }
  [[nodiscard]] bool weights_fixed() const { return weights_fixed_; }

 private:
  std::size_t actors_;
  std::vector<Edge> edges_;
  bool weights_fixed_ = false;
  Eigen::MatrixXd fixed_solution_operator_;  // (I - W)^-1 (I - diag(a)) when W is fixed
};

}  // namespace parley

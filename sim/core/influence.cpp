#include "parley/influence.hpp"

#include <cmath>
#include <stdexcept>

namespace parley {

Eigen::MatrixXd influence_matrix(std::size_t actors, std::span<const Edge> edges, std::span<const double> weights) {
  const auto n = static_cast<Eigen::Index>(actors);
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(n, n);
  for (std::size_t e = 0; e < edges.size(); ++e) {
    w(static_cast<Eigen::Index>(edges[e].to), static_cast<Eigen::Index>(edges[e].from)) += weights[e];
  }
  return w;
}

std::vector<double> incoming_influence(std::size_t actors, std::span<const Edge> edges,
                                       std::span<const double> weights) {
  std::vector<double> a(actors, 0.0);
  for (std::size_t e = 0; e < edges.size(); ++e) a[edges[e].to] += std::fabs(weights[e]);
  return a;
}

namespace {
// (I - W)^-1 (I - diag(a)): the linear map from margins to stances.
Eigen::MatrixXd solution_operator(std::size_t actors, std::span<const Edge> edges, std::span<const double> weights) {
  const Eigen::MatrixXd w = influence_matrix(actors, edges, weights);
  const auto n = w.rows();
  const Eigen::MatrixXd system = Eigen::MatrixXd::Identity(n, n) - w;
  Eigen::VectorXd keep(n);
  const std::vector<double> a = incoming_influence(actors, edges, weights);
  for (Eigen::Index i = 0; i < n; ++i) keep(i) = 1.0 - a[static_cast<std::size_t>(i)];
  return system.partialPivLu().solve(Eigen::MatrixXd(keep.asDiagonal()));
}
}  // namespace

InfluenceSolver::InfluenceSolver(std::size_t actors, std::vector<Edge> edges, std::span<const double> fixed_weights)
    : actors_(actors), edges_(std::move(edges)), weights_fixed_(!fixed_weights.empty() || edges_.empty()) {
  if (!fixed_weights.empty()) {
    if (fixed_weights.size() != edges_.size()) throw std::invalid_argument("one weight per edge expected");
    fixed_solution_operator_ = solution_operator(actors_, edges_, fixed_weights);
  }
}

void InfluenceSolver::solve(std::span<const double> weights, const Eigen::MatrixXd& margins,
                            Eigen::MatrixXd& stances) const {
  if (edges_.empty()) {
    stances = margins;
  } else if (fixed_solution_operator_.size() > 0) {
    stances.noalias() = fixed_solution_operator_ * margins;
  } else {
    // Rows of I - W are strictly diagonally dominant (validated: a_i < 1), so
    // partial pivoting is stable here.
    stances = solution_operator(actors_, edges_, weights) * margins;
  }
}

}  // namespace parley

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

void InfluenceSolver::solve(std::span<const double> weights, const Eigen::MatrixXd& margins, Eigen::MatrixXd& stances,
                            Eigen::MatrixXd& scratch) const {
  if (edges_.empty()) {
    stances = margins;
    return;
  }
  if (fixed_solution_operator_.size() > 0) {
    stances.noalias() = fixed_solution_operator_ * margins;
    return;
  }
  // Weights drawn per draw: Gaussian elimination on A = I - W with right-hand
  // sides (1 - a_i) m_i. Validation keeps every row strictly diagonally
  // dominant (a_i < 1), for which elimination without pivoting is stable
  // (Wilkinson) and the pivots stay >= 1 - a_i > 0.
  const auto n = static_cast<Eigen::Index>(actors_);
  const Eigen::Index columns = margins.cols();
  scratch.setIdentity(n, n);
  stances = margins;
  double* a = scratch.data();  // column-major: a[i + j n] = A(i, j)
  double* y = stances.data();  // column-major: y[i + c n]
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    a[edges_[e].to + edges_[e].from * actors_] -= weights[e];
  }
  for (Eigen::Index i = 0; i < n; ++i) {
    double keep = 1.0;
    for (Eigen::Index j = 0; j < n; ++j) keep -= j == i ? 0.0 : std::fabs(a[i + j * n]);
    for (Eigen::Index c = 0; c < columns; ++c) y[i + c * n] *= keep;
  }
  for (Eigen::Index k = 0; k < n; ++k) {
    const double pivot = a[k + k * n];
    for (Eigen::Index i = k + 1; i < n; ++i) {
      const double factor = a[i + k * n] / pivot;
      if (factor == 0.0) continue;
      for (Eigen::Index j = k + 1; j < n; ++j) a[i + j * n] -= factor * a[k + j * n];
      for (Eigen::Index c = 0; c < columns; ++c) y[i + c * n] -= factor * y[k + c * n];
    }
  }
  for (Eigen::Index k = n - 1; k >= 0; --k) {
    for (Eigen::Index j = k + 1; j < n; ++j) {
      const double akj = a[k + j * n];
      if (akj == 0.0) continue;
      for (Eigen::Index c = 0; c < columns; ++c) y[k + c * n] -= akj * y[j + c * n];
    }
    const double inverse_pivot = 1.0 / a[k + k * n];
    for (Eigen::Index c = 0; c < columns; ++c) y[k + c * n] *= inverse_pivot;
  }
}

}  // namespace parley

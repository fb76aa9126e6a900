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
    fixed_solution_operator_ = parley::solution_operator(actors_, edges_, fixed_weights);
  }
}

Eigen::MatrixXd InfluenceSolver::solution_operator(std::span<const double> weights) const {
  return parley::solution_operator(actors_, edges_, weights);
}

void InfluenceSolver::solve(std::span<const double> weights, const ActorMatrix& margins, ActorMatrix& stances,
                            std::vector<double>& scratch) const {
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
  const std::size_t n = actors_;
  const auto columns = static_cast<std::size_t>(margins.cols());
  scratch.assign(n * n, 0.0);
  double* a = scratch.data();  // row-major: a[i n + j] = A(i, j)
  for (std::size_t i = 0; i < n; ++i) a[i * n + i] = 1.0;
  stances.resize(margins.rows(), margins.cols());
  double* y = stances.data();  // row-major: y[i columns + c]
  const double* m = margins.data();
  for (std::size_t i = 0; i < n * columns; ++i) y[i] = m[i];
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    const std::size_t to = edges_[e].to;
    const double w = weights[e];
    a[to * n + edges_[e].from] -= w;
    // y_i starts as (1 - a_i) m_i: take |w| off actor `to`'s share of its own margin.
    for (std::size_t c = 0; c < columns; ++c) y[to * columns + c] -= std::fabs(w) * m[to * columns + c];
  }
  for (std::size_t k = 0; k < n; ++k) {
    const double inverse_pivot = 1.0 / a[k * n + k];
    for (std::size_t i = k + 1; i < n; ++i) {
      const double factor = a[i * n + k] * inverse_pivot;
      if (factor == 0.0) continue;
      for (std::size_t j = k + 1; j < n; ++j) a[i * n + j] -= factor * a[k * n + j];
      for (std::size_t c = 0; c < columns; ++c) y[i * columns + c] -= factor * y[k * columns + c];
    }
  }
  for (std::size_t k = n; k-- > 0;) {
    for (std::size_t j = k + 1; j < n; ++j) {
      const double akj = a[k * n + j];
      if (akj == 0.0) continue;
      for (std::size_t c = 0; c < columns; ++c) y[k * columns + c] -= akj * y[j * columns + c];
    }
    const double inverse_pivot = 1.0 / a[k * n + k];
    for (std::size_t c = 0; c < columns; ++c) y[k * columns + c] *= inverse_pivot;
  }
}

}  // namespace parley

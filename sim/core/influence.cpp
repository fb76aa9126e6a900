#include "parley/core/influence.hpp"

#include <Eigen/SparseCore>
#include <Eigen/SparseLU>
#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <type_traits>

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
// Components larger than this that hold an overloaded actor are not factored.
constexpr std::size_t kLargestFactoredBlock = 2000;

// Whether the block of I - W on one strongly connected component is singular.
// The block is factorised by a sparse LU with partial pivoting (COLAMD column
// order) and judged singular when the factorisation meets an exactly zero
// pivot (info() != Success) or when its smallest pivot is at most 1e-10 times
// its largest: the relative threshold the dense FullPivLU check used before.
bool singular_block(const std::vector<std::size_t>& members, const std::vector<std::size_t>& local,
                    std::span<const Edge> edges, std::span<const double> nominal,
                    const std::vector<std::size_t>& internal) {
  const auto m = static_cast<Eigen::Index>(members.size());
  std::vector<Eigen::Triplet<double, Eigen::Index>> entries;
  entries.reserve(members.size() + internal.size());
  for (Eigen::Index r = 0; r < m; ++r) entries.emplace_back(r, r, 1.0);
  for (std::size_t e : internal) {  // duplicates add up, as in influence_matrix
    entries.emplace_back(static_cast<Eigen::Index>(local[edges[e].to]), static_cast<Eigen::Index>(local[edges[e].from]),
                         -nominal[e]);
  }
  Eigen::SparseMatrix<double> block(m, m);
  block.setFromTriplets(entries.begin(), entries.end());
  Eigen::SparseLU<Eigen::SparseMatrix<double>> lu;
  lu.compute(block);
  if (lu.info() != Eigen::Success) return true;
  // The pivots (the diagonal of U) sit in the supernodes of L: the loop of
  // Eigen's own SparseLU::logAbsDeterminant().
  double smallest = std::numeric_limits<double>::infinity();
  double largest = 0.0;
  const auto& stored = lu.matrixL().m_mapL;
  for (Eigen::Index j = 0; j < m; ++j) {
    for (typename std::remove_cvref_t<decltype(stored)>::InnerIterator it(stored, j); it; ++it) {
      if (it.row() == j) {
        smallest = std::min(smallest, std::fabs(it.value()));
        largest = std::max(largest, std::fabs(it.value()));
        break;
      }
    }
  }
  return !(smallest > 1e-10 * largest);
}
}  // namespace

InfluenceProblems influence_problems(std::size_t actors, std::span<const Edge> edges, std::span<const double> worst_abs,
                                     std::span<const double> nominal) {
  if (worst_abs.size() != edges.size() || nominal.size() != edges.size()) {
    throw std::invalid_argument("one worst |weight| and one nominal weight per edge expected");
  }
  InfluenceProblems problems;
  // a_i < 1 at every draw: sum the largest |weight| of each incoming edge.
  std::vector<double> worst(actors, 0.0);
  for (std::size_t e = 0; e < edges.size(); ++e) worst[edges[e].to] += worst_abs[e];
  for (std::size_t i = 0; i < actors; ++i) {
    if (worst[i] < 1.0) continue;
    problems.overloaded.push_back({i, worst[i], {}});
  }
  if (!problems.overloaded.empty()) {
    std::vector<std::size_t> overload_of(actors, actors);
    for (std::size_t k = 0; k < problems.overloaded.size(); ++k) overload_of[problems.overloaded[k].actor] = k;
    for (std::size_t e = 0; e < edges.size(); ++e) {
      if (overload_of[edges[e].to] < actors) problems.overloaded[overload_of[edges[e].to]].edges.push_back(e);
    }
  }
  if (edges.empty()) return problems;

  // I - W is block triangular by the strongly connected components.
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  Graph g(actors);
  for (const auto& e : edges) boost::add_edge(e.from, e.to, g);
  std::vector<int> component(actors);
  const auto count = static_cast<std::size_t>(boost::strong_components(g, component.data()));
  std::vector<std::vector<std::size_t>> members(count);
  std::vector<std::size_t> local(actors);  // index of an actor inside its component
  for (std::size_t i = 0; i < actors; ++i) {
    auto& list = members[static_cast<std::size_t>(component[i])];
    local[i] = list.size();
    list.push_back(i);
  }
  // Per row of a block: the diagonal 1 - (self loops) and the sum of the
  // |weight| of the other edges inside the component.
  std::vector<double> diagonal(actors, 1.0);
  std::vector<double> off_diagonal(actors, 0.0);
  std::vector<std::vector<std::size_t>> internal(count);
  for (std::size_t e = 0; e < edges.size(); ++e) {
    const auto c = static_cast<std::size_t>(component[edges[e].from]);
    if (c != static_cast<std::size_t>(component[edges[e].to])) continue;
    internal[c].push_back(e);
    if (edges[e].from == edges[e].to) {
      diagonal[edges[e].to] -= nominal[e];
    } else {
      off_diagonal[edges[e].to] += std::fabs(nominal[e]);
    }
  }
  for (std::size_t c = 0; c < count; ++c) {
    if (internal[c].empty()) continue;  // a single actor without a self loop: the block is 1
    // Without an overloaded actor every row's sum of |nominal weight| is at
    // most its worst sum, below 1: the block is strictly diagonally dominant,
    // so non-singular (Levy-Desplanques), and needs no factorisation.
    const bool overloaded =
        std::any_of(members[c].begin(), members[c].end(), [&](std::size_t i) { return worst[i] >= 1.0; });
    if (!overloaded) continue;
    // The same test at the nominal weights; the margin leaves rows within
    // rounding of the bound, and nearly singular blocks, to the LU.
    const bool dominant = std::all_of(members[c].begin(), members[c].end(), [&](std::size_t i) {
      return off_diagonal[i] < (1.0 - 1e-9) * std::fabs(diagonal[i]);
    });
    if (dominant) continue;
    // A sparse LU of thousands of overloaded actors takes seconds (8.6 s for a
    // 10,000-actor component with sums of 1.2), and the overloads are
    // reported already: a large block is not factored as well.
    if (members[c].size() > kLargestFactoredBlock) continue;
    if (!singular_block(members[c], local, edges, nominal, internal[c])) continue;
    problems.singular.push_back({std::move(members[c]), internal[c].back()});
  }
  return problems;
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

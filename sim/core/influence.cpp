#include "parley/core/influence.hpp"

#include <Eigen/SparseCore>
#include <Eigen/SparseLU>
#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <cmath>
#include <limits>
#include <optional>
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

// The sparse loops also in an AVX2 copy where the CPU has it, as in batch.cpp:
// both copies do the same operations in the same order (no fused
// multiply-add), so results do not depend on the copy.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && !defined(PARLEY_PORTABLE_ONLY)
#define PARLEY_INFLUENCE_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define PARLEY_INFLUENCE_CLONES
#endif

// The compressed incoming edges and the lanes of one sparse solve: lane
// (c, b) of actor i at [(i * columns + c) * stride + b], for b < draws.
struct Lanes {
  std::size_t actors, columns, stride, draws;
  const std::size_t* row_begin;
  const std::size_t* source;
  const std::size_t* edge;
};

// One Gauss–Seidel sweep over every actor, in ascending order, for all lanes:
//   t = rhs_i + sum_k w_k y_{source_k}   (incoming edges in input order),
// delta = the largest |t - y_i| per lane, and y_i = t in the active lanes
// (the others keep their certified values).
// The same sweep for one draw (stride 1): the same operations in the same
// order per lane, without loops over the lanes of a batch.
void sweep_one_draw(const Lanes& l, const double* w, const double* rhs, double* y, const double* active,
                    double* delta) {
  const std::size_t columns = l.columns;
  std::fill(delta, delta + columns, 0.0);
  for (std::size_t i = 0; i < l.actors; ++i) {
    for (std::size_t c = 0; c < columns; ++c) {
      double t = rhs[i * columns + c];
      for (std::size_t k = l.row_begin[i]; k < l.row_begin[i + 1]; ++k)
        t += w[l.edge[k]] * y[l.source[k] * columns + c];
      double& yi = y[i * columns + c];
      const double change = std::fabs(t - yi);
      delta[c] = delta[c] < change ? change : delta[c];
      yi = active[c] != 0.0 ? t : yi;
    }
  }
}

PARLEY_INFLUENCE_CLONES void sweep(const Lanes& l, const double* w, const double* rhs, double* y, const double* active,
                                   double* delta, double* t) {
  if (l.stride == 1) {
    sweep_one_draw(l, w, rhs, y, active, delta);
    return;
  }
  const std::size_t lanes = l.columns * l.stride;
  const std::size_t draws = l.draws;
  std::fill(delta, delta + lanes, 0.0);
  for (std::size_t i = 0; i < l.actors; ++i) {
    for (std::size_t c = 0; c < l.columns; ++c) {
      double* yi = y + (i * l.columns + c) * l.stride;
      const double* r = rhs + (i * l.columns + c) * l.stride;
      for (std::size_t b = 0; b < draws; ++b) t[b] = r[b];
      for (std::size_t k = l.row_begin[i]; k < l.row_begin[i + 1]; ++k) {
        const double* wk = w + l.edge[k] * l.stride;
        const double* yj = y + (l.source[k] * l.columns + c) * l.stride;
        for (std::size_t b = 0; b < draws; ++b) t[b] += wk[b] * yj[b];
      }
      double* d = delta + c * l.stride;
      const double* on = active + c * l.stride;
      for (std::size_t b = 0; b < draws; ++b) {
        const double change = std::fabs(t[b] - yi[b]);
        d[b] = d[b] < change ? change : d[b];
        yi[b] = on[b] != 0.0 ? t[b] : yi[b];
      }
    }
  }
}

// a_i per draw (sum of |w| over the incoming edges, in input order), the
// right-hand sides (1 - a_i) m_i, y_0 = m, and per draw the bound's factor
// q / (1 - q), q = max_i a_i.
PARLEY_INFLUENCE_CLONES void prepare(const Lanes& l, const double* w, const double* m, double* a, double* rhs,
                                     double* y, double* q) {
  const std::size_t draws = l.draws;
  std::fill(q, q + l.stride, 0.0);
  for (std::size_t i = 0; i < l.actors; ++i) {
    double* ai = a + i * l.stride;
    std::fill(ai, ai + l.stride, 0.0);
    for (std::size_t k = l.row_begin[i]; k < l.row_begin[i + 1]; ++k) {
      const double* wk = w + l.edge[k] * l.stride;
      for (std::size_t b = 0; b < draws; ++b) ai[b] += std::fabs(wk[b]);
    }
    for (std::size_t b = 0; b < draws; ++b) q[b] = q[b] < ai[b] ? ai[b] : q[b];
    for (std::size_t c = 0; c < l.columns; ++c) {
      const std::size_t at = (i * l.columns + c) * l.stride;
      for (std::size_t b = 0; b < draws; ++b) {
        rhs[at + b] = (1.0 - ai[b]) * m[at + b];
        y[at + b] = m[at + b];
      }
    }
  }
}
}  // namespace

bool sparse_influence_pays(std::size_t actors, std::size_t edges, bool weights_fixed) {
  // Measured on bench/large_scenario.py shapes (3 edges per actor, `run`,
  // one thread): drawn weights, sparse is ahead from about 32 actors (1.11x
  // at 64, 1.39x at 100); fixed weights, even at 100 and 128 actors, ahead
  // from 200 (1.09x) and 300 (1.12x). bench/README.md, "Large sparse graphs".
  const auto n = static_cast<double>(actors);
  const double sweeps = 32.0 * (n + static_cast<double>(edges));
  if (weights_fixed) return actors >= 128 && sweeps <= n * n;
  return actors >= 48 && 2.0 * sweeps <= n * n * n / 9.0;
}

InfluenceSolver::InfluenceSolver(std::size_t actors, std::vector<Edge> edges, std::span<const double> fixed_weights,
                                 InfluenceMethod method)
    : actors_(actors), edges_(std::move(edges)), weights_fixed_(!fixed_weights.empty() || edges_.empty()) {
  if (!fixed_weights.empty() && fixed_weights.size() != edges_.size()) {
    throw std::invalid_argument("one weight per edge expected");
  }
  switch (method) {
    case InfluenceMethod::automatic:
      sparse_ = sparse_influence_pays(actors_, edges_.size(), weights_fixed_);
      break;
    case InfluenceMethod::dense:
      sparse_ = false;
      break;
    case InfluenceMethod::sparse:
      sparse_ = true;
      break;
  }
  sparse_ = sparse_ && !edges_.empty();
  if (sparse_ && method == InfluenceMethod::automatic && !fixed_weights.empty()) {
    // Fixed weights whose largest incoming influence is too close to 1 for
    // the sweeps to certify would fall back to an elimination per column:
    // the operator, computed once, is cheaper.
    const std::vector<double> incoming = incoming_influence(actors_, edges_, fixed_weights);
    sparse_ = *std::max_element(incoming.begin(), incoming.end()) < kSparseLargestContraction;
  }
  fixed_weights_.assign(fixed_weights.begin(), fixed_weights.end());
  if (!sparse_) {
    if (!fixed_weights.empty()) fixed_solution_operator_ = parley::solution_operator(actors_, edges_, fixed_weights);
    return;
  }
  row_begin_.assign(actors_ + 1, 0);
  for (const Edge& e : edges_) ++row_begin_[e.to + 1];
  for (std::size_t i = 0; i < actors_; ++i) row_begin_[i + 1] += row_begin_[i];
  source_.resize(edges_.size());
  edge_.resize(edges_.size());
  std::vector<std::size_t> next(row_begin_.begin(), row_begin_.end() - 1);
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    const std::size_t k = next[edges_[e].to]++;
    source_[k] = edges_[e].from;
    edge_[k] = e;
  }
  // Sweeps worth one dense elimination (n^3 / 3 against n + edges each).
  const auto n = static_cast<double>(actors_);
  const double parity = n * n * n / (3.0 * (n + static_cast<double>(edges_.size())));
  max_sweeps_ = std::max<std::size_t>(1000, static_cast<std::size_t>(std::min(parity, 1e7)));
}

Eigen::MatrixXd InfluenceSolver::solution_operator(std::span<const double> weights) const {
  return parley::solution_operator(actors_, edges_, weights.empty() ? fixed_weights_ : weights);
}

void InfluenceSolver::solve(std::span<const double> weights, const ActorMatrix& margins, ActorMatrix& stances,
                            std::vector<double>& scratch, SparseSolveStats* stats) const {
  if (edges_.empty()) {
    stances = margins;
    return;
  }
  if (sparse_) {
    stances.resize(margins.rows(), margins.cols());
    const std::span<const double> w = weights.empty() ? std::span<const double>(fixed_weights_) : weights;
    solve_lanes(w.data(), margins.data(), stances.data(), static_cast<std::size_t>(margins.cols()), 1, 1, scratch,
                stats);
    return;
  }
  if (fixed_solution_operator_.size() > 0) {
    stances.noalias() = fixed_solution_operator_ * margins;
    return;
  }
  dense_solve(weights, margins, stances, scratch);
}

void InfluenceSolver::solve_lanes(const double* weights, const double* margins, double* stances, std::size_t columns,
                                  std::size_t stride, std::size_t draws, std::vector<double>& scratch,
                                  SparseSolveStats* stats) const {
  if (!sparse_) throw std::logic_error("InfluenceSolver::solve_lanes: the solver is not sparse");
  const std::size_t n = actors_;
  const std::size_t lanes = columns * stride;
  const Lanes l{n, columns, stride, draws, row_begin_.data(), source_.data(), edge_.data()};
  scratch.resize(n * lanes + n * stride + 3 * lanes + 2 * stride);
  double* rhs = scratch.data();
  double* a = rhs + n * lanes;
  double* active = a + n * stride;
  double* delta = active + lanes;
  double* tolerance = delta + lanes;
  double* factor = tolerance + lanes;
  double* t = factor + stride;
  prepare(l, weights, margins, a, rhs, stances, factor);
  std::size_t open = 0;
  for (std::size_t b = 0; b < draws; ++b) {
    const double q = factor[b];
    factor[b] = q / (1.0 - q);
    for (std::size_t c = 0; c < columns; ++c) {
      double largest = 0.0;
      for (std::size_t i = 0; i < n; ++i)
        largest = std::max(largest, std::fabs(margins[(i * columns + c) * stride + b]));
      const bool iterate = q < kSparseLargestContraction;
      // A negative tolerance marks a column left to the dense solve.
      tolerance[c * stride + b] = iterate ? kInfluenceTolerance * largest : -1.0;
      active[c * stride + b] = iterate ? 1.0 : 0.0;
      open += iterate ? 1 : 0;
    }
  }
  std::size_t sweeps = 0;
  double largest_bound = 0.0;
  while (open > 0 && sweeps < max_sweeps_) {
    sweep(l, weights, rhs, stances, active, delta, t);
    ++sweeps;
    for (std::size_t c = 0; c < columns; ++c) {
      for (std::size_t b = 0; b < draws; ++b) {
        const std::size_t lane = c * stride + b;
        if (active[lane] == 0.0) continue;
        const double bound = factor[b] * delta[lane];
        if (bound <= tolerance[lane]) {
          active[lane] = 0.0;
          largest_bound = std::max(largest_bound, bound);
          --open;
        }
      }
    }
  }
  // Columns not certified: q too close to 1, or the sweeps ran out. A draw's
  // uncertified columns share one dense elimination (a sweep's many
  // packages would otherwise cost one elimination each).
  std::size_t densely = 0;
  std::vector<double> w(edges_.size());
  std::vector<std::size_t> uncertified;
  ActorMatrix m;
  ActorMatrix y;
  std::vector<double> dense_scratch;
  for (std::size_t b = 0; b < draws; ++b) {
    uncertified.clear();
    for (std::size_t c = 0; c < columns; ++c) {
      const std::size_t lane = c * stride + b;
      if (active[lane] != 0.0 || tolerance[lane] < 0.0) uncertified.push_back(c);
    }
    if (uncertified.empty()) continue;
    for (std::size_t e = 0; e < edges_.size(); ++e) w[e] = weights[e * stride + b];
    m.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(uncertified.size()));
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t k = 0; k < uncertified.size(); ++k) {
        m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k)) =
            margins[(i * columns + uncertified[k]) * stride + b];
      }
    }
    dense_solve(w, m, y, dense_scratch);
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t k = 0; k < uncertified.size(); ++k) {
        stances[(i * columns + uncertified[k]) * stride + b] =
            y(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k));
      }
    }
    densely += uncertified.size();
  }
  if (stats != nullptr) {
    stats->sweeps = sweeps;
    stats->columns = columns * draws;
    stats->densely = densely;
    stats->largest_bound = largest_bound;
  }
}

ActorMatrix InfluenceSolver::operator_rows(std::span<const double> weights, std::span<const std::size_t> actors) const {
  const std::size_t n = actors_;
  const std::size_t rows = actors.size();
  ActorMatrix out(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(n));
  if (weights.empty()) weights = fixed_weights_;
  double q = 0.0;
  std::vector<double> keep(n, 1.0);  // 1 - a_j
  if (sparse_) {
    for (std::size_t i = 0; i < n; ++i) {
      double a = 0.0;
      for (std::size_t k = row_begin_[i]; k < row_begin_[i + 1]; ++k) a += std::fabs(weights[edge_[k]]);
      keep[i] = 1.0 - a;
      q = std::max(q, a);
    }
  }
  if (!sparse_ || q >= kSparseLargestContraction) {
    const auto size = static_cast<Eigen::Index>(n);
    const Eigen::MatrixXd full = edges_.empty()                        ? Eigen::MatrixXd::Identity(size, size)
                                 : fixed_solution_operator_.size() > 0 ? fixed_solution_operator_
                                                                       : solution_operator(weights);
    for (std::size_t r = 0; r < rows; ++r)
      out.row(static_cast<Eigen::Index>(r)) = full.row(static_cast<Eigen::Index>(actors[r]));
    return out;
  }
  // Jacobi on x = W^T x + e_v for all rows at once, x[j * rows + r]:
  // x_new[from] += w x_old[to] over the edges, in compressed order.
  const double factor = q / (1.0 - q);
  std::vector<double> x(n * rows, 0.0);
  std::vector<double> next(n * rows);
  std::vector<unsigned char> active(rows, 1);
  std::vector<double> change(rows);
  for (std::size_t r = 0; r < rows; ++r) x[actors[r] * rows + r] = 1.0;
  std::size_t open = rows;
  for (std::size_t sweeps = 0; open > 0 && sweeps < max_sweeps_; ++sweeps) {
    std::fill(next.begin(), next.end(), 0.0);
    for (std::size_t r = 0; r < rows; ++r) next[actors[r] * rows + r] = 1.0;
    for (std::size_t i = 0; i < n; ++i) {
      const double* xi = x.data() + i * rows;
      for (std::size_t k = row_begin_[i]; k < row_begin_[i + 1]; ++k) {
        const double w = weights[edge_[k]];
        double* to = next.data() + source_[k] * rows;
        for (std::size_t r = 0; r < rows; ++r) to[r] += w * xi[r];
      }
    }
    std::fill(change.begin(), change.end(), 0.0);
    for (std::size_t j = 0; j < n; ++j) {
      for (std::size_t r = 0; r < rows; ++r) change[r] += std::fabs(next[j * rows + r] - x[j * rows + r]);
    }
    // Certified rows keep their values.
    for (std::size_t r = 0; r < rows; ++r) {
      if (active[r] != 0) continue;
      for (std::size_t j = 0; j < n; ++j) next[j * rows + r] = x[j * rows + r];
    }
    x.swap(next);
    for (std::size_t r = 0; r < rows; ++r) {
      if (active[r] != 0 && factor * change[r] <= kInfluenceTolerance) {
        active[r] = 0;
        --open;
      }
    }
  }
  std::optional<Eigen::MatrixXd> full;  // rows not certified in time: dense
  for (std::size_t r = 0; r < rows; ++r) {
    const auto row = static_cast<Eigen::Index>(r);
    if (active[r] != 0) {
      if (!full) full = solution_operator(weights);
      out.row(row) = full->row(static_cast<Eigen::Index>(actors[r]));
      continue;
    }
    for (std::size_t j = 0; j < n; ++j) out(row, static_cast<Eigen::Index>(j)) = x[j * rows + r] * keep[j];
  }
  return out;
}

void InfluenceSolver::dense_solve(std::span<const double> weights, const ActorMatrix& margins, ActorMatrix& stances,
                                  std::vector<double>& scratch) const {
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

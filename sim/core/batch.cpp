#include "parley/core/batch.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

#include "parley/core/kernel.hpp"
#include "vector_clones.hpp"

namespace parley {

namespace {
constexpr std::size_t B = BatchEvaluator::kBatch;

// Whether any of x[0..n) is other than +-0 (NaN counts as nonzero, as for
// x != 0.0). On the bits, an OR without the sign bit: the loop vectorises
// where a short-circuit test would not.
[[gnu::always_inline]] inline bool any_nonzero(const double* x, std::size_t n) {
  std::uint64_t bits = 0;
  for (std::size_t b = 0; b < n; ++b) bits |= std::bit_cast<std::uint64_t>(x[b]) << 1;
  return bits != 0;
}
}  // namespace

BatchEvaluator::BatchEvaluator(const Model& model, std::span<const Package> packages)
    : model_(model), actors_(model.actor_count()) {
  // Fixed parameters are broadcast once; uncertain slots are overwritten per batch.
  const std::vector<double>& fixed = model.fixed_values();
  raw_.resize(fixed.size() * B);
  for (std::size_t slot = 0; slot < fixed.size(); ++slot) {
    std::fill_n(raw_.begin() + static_cast<std::ptrdiff_t>(slot * B), B, fixed[slot]);
  }
  const ParameterLayout& layout = model.layout();
  rho_is_one_.assign(actors_, 1);
  for (const auto& input : model.inputs()) {
    if (layout.role(input.slot) == ParameterLayout::Role::rho) rho_is_one_[input.actor] = 0;
  }
  for (std::size_t i = 0; i < actors_; ++i) {
    if (fixed[layout.rho(i)] != 1.0) rho_is_one_[i] = 0;
  }
  const std::size_t positions = model.position_count();
  ideal_.resize(positions * B);
  salience_.resize(positions * B);
  if (model.influence().has_edges() && model.influence().fixed_solution_operator().size() == 0 &&
      !model.influence().sparse()) {
    system_.resize(actors_ * actors_ * B);
  }
  set_packages(packages);
}

void BatchEvaluator::set_packages(std::span<const Package> packages) {
  const std::size_t issues = model_.issue_count();
  packages_ = packages.size();
  terms_.resize(issues * packages_);
  for (std::size_t c = 0; c < packages_; ++c) {
    for (std::size_t k = 0; k < issues; ++k) terms_[k * packages_ + c] = packages[c].z[k];
  }
  margin_.resize(actors_ * packages_ * B);
  stance_.resize(actors_ * packages_ * B);
  accept_.resize(actors_ * packages_ * B);
  deal_.resize(packages_ * B);
  support_.resize(packages_ * B);
}

// The model's steps run over all kBatch lanes, also when fewer draws are
// realised (the last batch): a constant trip count lets each loop vectorise
// without a remainder, and the lanes past draws_ hold an earlier batch's
// values (or the fixed ones), whose results nobody reads. Only the tests that
// choose a path (any_nonzero) look at the realised draws alone.
void BatchEvaluator::evaluate_realized(Outcomes outcomes) {
  margins();
  influence(draws_);
  acceptance(outcomes);
}

PARLEY_VECTOR_CLONES void BatchEvaluator::realize(std::span<const double> u, std::size_t draws) {
  draws = std::min(draws, B);
  draws_ = draws;
  const Model& m = model_;
  const ParameterLayout& layout = m.layout();
  for (std::size_t d = 0; d < m.input_count(); ++d) {
    const TruncatedQuantile& q = m.inputs()[d].quantile;
    double* out = raw_.data() + m.inputs()[d].slot * B;
    const double* in = u.data() + d * B;
    q.map(in, out, draws);
  }
  // As Model::normalise: ideals onto [0, 1], saliences to sum 1 per actor.
  double total[B];
  for (std::size_t i = 0; i < actors_; ++i) {
    std::fill_n(total, B, 0.0);
    const std::size_t first = m.position_begin(i);
    const std::size_t last = m.position_end(i);
    for (std::size_t p = first; p < last; ++p) {
      const std::size_t k = m.position_issue(p);
      const double lo = m.issue_lo(k);
      const double span = m.issue_span(k);
      const double* x = raw_.data() + layout.ideal(p) * B;
      const double* s = raw_.data() + layout.salience(p) * B;
      double* z = ideal_.data() + p * B;
      double* w = salience_.data() + p * B;
      for (std::size_t b = 0; b < draws; ++b) {
        z[b] = normalised_term(x[b], lo, span);
        w[b] = s[b];
        total[b] += s[b];
      }
    }
    for (std::size_t p = first; p < last; ++p) {
      double* w = salience_.data() + p * B;
      for (std::size_t b = 0; b < draws; ++b) w[b] = normalised_salience(w[b], total[b], last - first);
    }
  }
}

PARLEY_VECTOR_CLONES void BatchEvaluator::margins() {
  const Model& m = model_;
  const ParameterLayout& layout = m.layout();
  // A tile of lanes at a time, its margins kept in registers while the
  // actor's positions are subtracted one by one in position order (as
  // utility() does), rather than each position re-reading and re-writing a row.
  constexpr std::size_t kTile = 16;
  static_assert(B % kTile == 0);
  for (std::size_t i = 0; i < actors_; ++i) {
    const double* reservation = raw_.data() + layout.reservation(i) * B;
    const double* rho = raw_.data() + layout.rho(i) * B;
    const std::size_t first = m.position_begin(i);
    const std::size_t last = m.position_end(i);
    const bool linear = rho_is_one_[i] != 0;
    for (std::size_t c = 0; c < packages_; ++c) {
      double* row = margin_.data() + (i * packages_ + c) * B;
      if (!linear) {
        for (std::size_t b = 0; b < B; ++b) row[b] = margin_before_losses(reservation[b]);
        for (std::size_t p = first; p < last; ++p) {
          const double z = terms_[m.position_issue(p) * packages_ + c];
          const double* ideal = ideal_.data() + p * B;
          const double* salience = salience_.data() + p * B;
          for (std::size_t b = 0; b < B; ++b) row[b] -= position_loss(salience[b], ideal[b], z, rho[b]);
        }
        continue;
      }
      // rho = 1 as a constant, so the loops vectorise without the pow branch.
      for (std::size_t t = 0; t < B; t += kTile) {
        double margin[kTile];
        for (std::size_t b = 0; b < kTile; ++b) margin[b] = margin_before_losses(reservation[t + b]);
        for (std::size_t p = first; p < last; ++p) {
          const double z = terms_[m.position_issue(p) * packages_ + c];
          const double* ideal = ideal_.data() + p * B + t;
          const double* salience = salience_.data() + p * B + t;
          for (std::size_t b = 0; b < kTile; ++b) margin[b] -= position_loss(salience[b], ideal[b], z, 1.0);
        }
        for (std::size_t b = 0; b < kTile; ++b) row[t + b] = margin[b];
      }
    }
  }
}

PARLEY_VECTOR_CLONES void BatchEvaluator::influence(std::size_t draws) {
  const InfluenceSolver& solver = model_.influence();
  const std::size_t n = actors_;
  const std::size_t P = packages_;
  if (!solver.has_edges()) {
    std::copy(margin_.begin(), margin_.end(), stance_.begin());
    return;
  }
  if (solver.sparse()) {
    // Large sparse graphs: Gauss–Seidel sweeps for every draw and package at
    // once (core/influence.hpp); system_ is their working memory. The edge
    // weights are consecutive slots of the layout.
    const double* weights = raw_.data() + model_.layout().weight(0) * B;
    solver.solve_lanes(weights, margin_.data(), stance_.data(), P, B, draws, system_);
    return;
  }
  const Eigen::MatrixXd& op = solver.fixed_solution_operator();
  if (op.size() > 0) {
    // y_i = sum_j Op_ij m_j, with j ascending.
    std::fill(stance_.begin(), stance_.end(), 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) {
        const double w = op(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
        if (w == 0.0) continue;
        for (std::size_t c = 0; c < P; ++c) {
          double* y = stance_.data() + (i * P + c) * B;
          const double* x = margin_.data() + (j * P + c) * B;
          for (std::size_t b = 0; b < B; ++b) y[b] += w * x[b];
        }
      }
    }
    return;
  }
  // Weights drawn per draw: the same elimination as InfluenceSolver::solve,
  // done for every draw of the batch at once.
  const ParameterLayout& layout = model_.layout();
  const std::vector<Edge>& edges = solver.edges();
  std::fill(system_.begin(), system_.end(), 0.0);
  for (std::size_t i = 0; i < n; ++i)
    std::fill_n(system_.begin() + static_cast<std::ptrdiff_t>((i * n + i) * B), B, 1.0);
  std::copy(margin_.begin(), margin_.end(), stance_.begin());
  for (std::size_t e = 0; e < edges.size(); ++e) {
    const double* w = raw_.data() + layout.weight(e) * B;
    const std::size_t to = edges[e].to;
    double* a = system_.data() + (to * n + edges[e].from) * B;
    for (std::size_t b = 0; b < B; ++b) a[b] -= w[b];
    for (std::size_t c = 0; c < P; ++c) {
      double* y = stance_.data() + (to * P + c) * B;
      const double* x = margin_.data() + (to * P + c) * B;
      for (std::size_t b = 0; b < B; ++b) y[b] -= std::fabs(w[b]) * x[b];
    }
  }
  double factor[B];
  double inverse_pivot[B];
  for (std::size_t k = 0; k < n; ++k) {
    const double* pivot = system_.data() + (k * n + k) * B;
    for (std::size_t b = 0; b < B; ++b) inverse_pivot[b] = 1.0 / pivot[b];
    for (std::size_t i = k + 1; i < n; ++i) {
      const double* aik = system_.data() + (i * n + k) * B;
      for (std::size_t b = 0; b < B; ++b) factor[b] = aik[b] * inverse_pivot[b];
      if (!any_nonzero(factor, draws)) continue;  // structurally zero below the pivot
      for (std::size_t j = k + 1; j < n; ++j) {
        double* aij = system_.data() + (i * n + j) * B;
        const double* akj = system_.data() + (k * n + j) * B;
        for (std::size_t b = 0; b < B; ++b) aij[b] -= factor[b] * akj[b];
      }
      for (std::size_t c = 0; c < P; ++c) {
        double* yi = stance_.data() + (i * P + c) * B;
        const double* yk = stance_.data() + (k * P + c) * B;
        for (std::size_t b = 0; b < B; ++b) yi[b] -= factor[b] * yk[b];
      }
    }
  }
  for (std::size_t k = n; k-- > 0;) {
    for (std::size_t j = k + 1; j < n; ++j) {
      const double* akj = system_.data() + (k * n + j) * B;
      if (!any_nonzero(akj, draws)) continue;
      for (std::size_t c = 0; c < P; ++c) {
        double* yk = stance_.data() + (k * P + c) * B;
        const double* yj = stance_.data() + (j * P + c) * B;
        for (std::size_t b = 0; b < B; ++b) yk[b] -= akj[b] * yj[b];
      }
    }
    const double* pivot = system_.data() + (k * n + k) * B;
    for (std::size_t b = 0; b < B; ++b) inverse_pivot[b] = 1.0 / pivot[b];
    for (std::size_t c = 0; c < P; ++c) {
      double* yk = stance_.data() + (k * P + c) * B;
      for (std::size_t b = 0; b < B; ++b) yk[b] *= inverse_pivot[b];
    }
  }
}

PARLEY_VECTOR_CLONES void BatchEvaluator::acceptance(Outcomes outcomes) {
  const Model& m = model_;
  const ParameterLayout& layout = m.layout();
  std::fill(deal_.begin(), deal_.end(), 1.0);
  if (outcomes == Outcomes::deal_only) {
    // The same products in the same order as below, so P(deal) has the same bits.
    std::fill(support_.begin(), support_.end(), std::numeric_limits<double>::quiet_NaN());
    for (std::size_t i = 0; i < actors_; ++i) {
      if (!m.is_veto(i)) continue;
      const double* rationality = raw_.data() + layout.rationality(i) * B;
      for (std::size_t c = 0; c < packages_; ++c) {
        const double* y = stance_.data() + (i * packages_ + c) * B;
        double* p = accept_.data() + (i * packages_ + c) * B;
        double* deal = deal_.data() + c * B;
        for (std::size_t b = 0; b < B; ++b) {
          p[b] = parley::acceptance(rationality[b], y[b]);
          deal[b] *= p[b];
        }
      }
    }
    return;
  }
  std::fill(support_.begin(), support_.end(), 0.0);
  double capability_total[B] = {};
  for (std::size_t i = 0; i < actors_; ++i) {
    const double* capability = raw_.data() + layout.capability(i) * B;
    const double* rationality = raw_.data() + layout.rationality(i) * B;
    for (std::size_t b = 0; b < B; ++b) capability_total[b] += capability[b];
    for (std::size_t c = 0; c < packages_; ++c) {
      const double* y = stance_.data() + (i * packages_ + c) * B;
      double* p = accept_.data() + (i * packages_ + c) * B;
      double* support = support_.data() + c * B;
      // One pass per actor and package; each draw's products and sums keep their order.
      if (m.is_veto(i)) {
        double* deal = deal_.data() + c * B;
        for (std::size_t b = 0; b < B; ++b) {
          p[b] = parley::acceptance(rationality[b], y[b]);
          deal[b] *= p[b];
          support[b] += capability[b] * p[b];
        }
      } else {
        for (std::size_t b = 0; b < B; ++b) {
          p[b] = parley::acceptance(rationality[b], y[b]);
          support[b] += capability[b] * p[b];
        }
      }
    }
  }
  for (std::size_t c = 0; c < packages_; ++c) {
    double* support = support_.data() + c * B;
    for (std::size_t b = 0; b < B; ++b) support[b] /= capability_total[b];
  }
}

}  // namespace parley

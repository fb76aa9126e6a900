#include "parley/core/model.hpp"

#include <cmath>
#include <stdexcept>

namespace parley {

namespace {
std::vector<Edge> edges_of(const Scenario& s) {
  std::vector<Edge> edges;
  edges.reserve(s.relations.size());
  for (const auto& r : s.relations) edges.push_back({r.from, r.to});
  return edges;
}
std::vector<double> fixed_weights_of(const Scenario& s) {
  std::vector<double> w;
  for (const auto& r : s.relations) {
    if (r.weight.is_uncertain()) return {};
    w.push_back(r.weight.dist.value);
  }
  return w;
}
}  // namespace

Model::Model(const Scenario& scenario)
    : actor_count_(scenario.actors.size()),
      influence_(scenario.actors.size(), edges_of(scenario), fixed_weights_of(scenario)) {
  for (const auto& issue : scenario.issues) {
    issue_lo_.push_back(issue.lo);
    issue_span_.push_back(issue.hi - issue.lo);
  }
  position_offset_.push_back(0);
  for (const auto& actor : scenario.actors) {
    veto_.push_back(actor.veto);
    for (const auto& pos : actor.positions) position_issue_.push_back(pos.issue);
    position_offset_.push_back(position_issue_.size());
  }
  relation_count_ = scenario.relations.size();
  layout_ = ParameterLayout(actor_count_, position_issue_.size(), relation_count_);
  base_.assign(layout_.size(), 0.0);

  auto add = [&](const Parameter& p, std::size_t slot, std::size_t actor, const std::string& group) {
    if (!p.is_uncertain()) {
      base_[slot] = p.dist.value;
      return;
    }
    UncertainInput input{p.path, actor, group, TruncatedQuantile(p.dist, p.allowed), slot};
    base_[slot] = input.quantile(0.5);
    inputs_.push_back(std::move(input));
  };
  std::size_t position = 0;
  for (std::size_t i = 0; i < actor_count_; ++i) {
    const Actor& actor = scenario.actors[i];
    add(actor.capability, layout_.capability(i), i, "");
    add(actor.rationality, layout_.rationality(i), i, "");
    add(actor.rho, layout_.rho(i), i, "");
    add(actor.reservation, layout_.reservation(i), i, "");
    for (const auto& pos : actor.positions) {
      const std::string& group = scenario.issues[pos.issue].group;
      add(pos.ideal, layout_.ideal(position), i, group);
      add(pos.salience, layout_.salience(position), i, group);
      ++position;
    }
  }
  for (std::size_t e = 0; e < relation_count_; ++e) {
    add(scenario.relations[e].weight, layout_.weight(e), scenario.relations[e].to, "");
  }
}

Package Model::package(std::span<const double> terms) const {
  if (terms.size() != issue_lo_.size()) throw std::invalid_argument("a package needs one term per issue");
  Package p;
  p.z.resize(terms.size());
  for (std::size_t k = 0; k < terms.size(); ++k) p.z[k] = (terms[k] - issue_lo_[k]) / issue_span_[k];
  return p;
}

void Model::realize(std::span<const double> u, DrawParameters& theta) const {
  theta.raw.assign(base_.begin(), base_.end());
  for (std::size_t d = 0; d < inputs_.size(); ++d) theta.raw[inputs_[d].slot] = inputs_[d].quantile(u[d]);
  normalise(theta);
}

DrawParameters Model::median_parameters() const {
  DrawParameters theta;
  theta.raw = base_;
  normalise(theta);
  return theta;
}

void Model::normalise(DrawParameters& theta) const {
  const std::size_t n = actor_count_;
  const std::size_t positions = position_issue_.size();
  if (theta.capability.size() != n || theta.ideal.size() != positions || theta.weight.size() != relation_count_) {
    theta.capability.resize(n);
    theta.rationality.resize(n);
    theta.rho.resize(n);
    theta.reservation.resize(n);
    theta.ideal.resize(positions);
    theta.salience.resize(positions);
    theta.weight.resize(relation_count_);
  }
  for (std::size_t i = 0; i < n; ++i) {
    theta.capability[i] = theta.raw[layout_.capability(i)];
    theta.rationality[i] = theta.raw[layout_.rationality(i)];
    theta.rho[i] = theta.raw[layout_.rho(i)];
    theta.reservation[i] = theta.raw[layout_.reservation(i)];
    double total = 0.0;
    for (std::size_t p = position_offset_[i]; p < position_offset_[i + 1]; ++p) {
      const std::size_t k = position_issue_[p];
      theta.ideal[p] = normalised_term(theta.raw[layout_.ideal(p)], issue_lo_[k], issue_span_[k]);
      theta.salience[p] = theta.raw[layout_.salience(p)];
      total += theta.salience[p];
    }
    const std::size_t count = position_offset_[i + 1] - position_offset_[i];
    for (std::size_t p = position_offset_[i]; p < position_offset_[i + 1]; ++p) {
      theta.salience[p] = normalised_salience(theta.salience[p], total, count);
    }
  }
  for (std::size_t e = 0; e < relation_count_; ++e) theta.weight[e] = theta.raw[layout_.weight(e)];
}

Eigen::MatrixXd Model::influence_operator(const DrawParameters& theta) const {
  if (!influence_.has_edges()) return {};
  return influence_.weights_fixed() ? influence_.fixed_solution_operator() : influence_.solution_operator(theta.weight);
}

void Model::evaluate(const DrawParameters& theta, std::span<const Package> packages, Evaluation& out,
                     const Eigen::MatrixXd* influence) const {
  const std::size_t n = actor_count_;
  const std::size_t columns = packages.size();
  // Terms issue-major, so that one position's loss runs over all packages at once.
  out.terms.resize(issue_lo_.size() * columns);
  for (std::size_t c = 0; c < columns; ++c) {
    for (std::size_t k = 0; k < issue_lo_.size(); ++k) out.terms[k * columns + c] = packages[c].z[k];
  }
  out.margin.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(columns));
  double* margin = out.margin.data();
  const double* terms = out.terms.data();
  for (std::size_t i = 0; i < n; ++i) {
    double* row = margin + i * columns;
    const double base = margin_before_losses(theta.reservation[i]);
    for (std::size_t c = 0; c < columns; ++c) row[c] = base;
    const double rho = theta.rho[i];
    for (std::size_t p = position_offset_[i]; p < position_offset_[i + 1]; ++p) {
      const double* z = terms + position_issue_[p] * columns;
      const double ideal = theta.ideal[p];
      const double salience = theta.salience[p];
      for (std::size_t c = 0; c < columns; ++c) row[c] -= position_loss(salience, ideal, z[c], rho);
    }
  }
  if (influence != nullptr && influence->size() > 0) {
    out.stance.noalias() = *influence * out.margin;
  } else {
    influence_.solve(theta.weight, out.margin, out.stance, out.scratch);
  }
  out.accept.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(columns));
  out.deal.setOnes(static_cast<Eigen::Index>(columns));
  out.support.setZero(static_cast<Eigen::Index>(columns));
  const double* stance = out.stance.data();
  double* accept = out.accept.data();
  double* deal = out.deal.data();
  double* support = out.support.data();
  double capability_total = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double lambda = theta.rationality[i];
    const double capability = theta.capability[i];
    capability_total += capability;
    double* row = accept + i * columns;
    for (std::size_t c = 0; c < columns; ++c) row[c] = acceptance(lambda, stance[i * columns + c]);
    if (veto_[i] != 0) {
      for (std::size_t c = 0; c < columns; ++c) deal[c] *= row[c];
    }
    for (std::size_t c = 0; c < columns; ++c) support[c] += capability * row[c];
  }
  for (std::size_t c = 0; c < columns; ++c) support[c] /= capability_total;
}

}  // namespace parley

#pragma once
// The bargaining model of DESIGN section 2 as pure functions of a checked
// Scenario and one draw of its uncertain parameters. No I/O.

#include <Eigen/Dense>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "parley/core/distribution.hpp"
#include "parley/core/influence.hpp"
#include "parley/core/kernel.hpp"
#include "parley/core/scenario.hpp"

namespace parley {

/// A package of terms, normalised to [0, 1] per issue.
struct Package {
  std::vector<double> z;
};

/// One uncertain input: a coordinate of the unit cube mapped through a
/// truncated inverse CDF to a parameter.
struct UncertainInput {
  std::string path;         // e.g. actors.ukraine.reservation
  std::size_t actor;        // the actor it belongs to (for relations: the target actor)
  std::string issue_group;  // the issue's group for position inputs, "" otherwise
  TruncatedQuantile quantile;
  std::size_t slot;  // where it lands in the parameter vector
};

/// Where each parameter of a draw sits in the flat parameter vector
/// (DrawParameters::raw, the batch evaluator's rows): four per actor, then
/// two per position, then one per relation.
class ParameterLayout {
 public:
  enum class Role : std::uint8_t { capability, rationality, rho, reservation, ideal, salience, weight };

  ParameterLayout() = default;
  ParameterLayout(std::size_t actors, std::size_t positions, std::size_t relations)
      : position0_(kPerActor * actors),
        relation0_(position0_ + kPerPosition * positions),
        size_(relation0_ + relations) {}

  [[nodiscard]] std::size_t capability(std::size_t actor) const { return kPerActor * actor; }
  [[nodiscard]] std::size_t rationality(std::size_t actor) const { return kPerActor * actor + 1; }
  [[nodiscard]] std::size_t rho(std::size_t actor) const { return kPerActor * actor + 2; }
  [[nodiscard]] std::size_t reservation(std::size_t actor) const { return kPerActor * actor + 3; }
  [[nodiscard]] std::size_t ideal(std::size_t position) const { return position0_ + kPerPosition * position; }
  [[nodiscard]] std::size_t salience(std::size_t position) const { return position0_ + kPerPosition * position + 1; }
  [[nodiscard]] std::size_t weight(std::size_t relation) const { return relation0_ + relation; }
  [[nodiscard]] std::size_t size() const { return size_; }

  /// What the parameter in `slot` is.
  [[nodiscard]] Role role(std::size_t slot) const {
    if (slot >= relation0_) return Role::weight;
    if (slot >= position0_) return (slot - position0_) % kPerPosition == 0 ? Role::ideal : Role::salience;
    return static_cast<Role>(slot % kPerActor);
  }

 private:
  static constexpr std::size_t kPerActor = 4;
  static constexpr std::size_t kPerPosition = 2;
  std::size_t position0_ = 0, relation0_ = 0, size_ = 0;
};

/// The parameters of one draw (theta), normalised for the model: ideals on
/// [0, 1], saliences summing to 1 per actor.
struct DrawParameters {
  std::vector<double> raw;  // every parameter in file units, in ParameterLayout order
  std::vector<double> capability, rationality, rho, reservation;  // per actor
  std::vector<double> ideal, salience;                            // per position
  std::vector<double> weight;                                     // per relation
};

/// What the model says for one draw and several packages. Matrices are
/// actors x packages.
struct Evaluation {
  ActorMatrix margin, stance, accept;
  Eigen::VectorXd deal, support;  // per package
  std::vector<double> scratch;    // working memory of the influence solver
  std::vector<double> terms;      // the packages' terms, issue-major (k * packages + c)
};

/// A scenario compiled for fast evaluation.
class Model {
 public:
  explicit Model(const Scenario& scenario);

  [[nodiscard]] std::size_t actor_count() const { return actor_count_; }
  [[nodiscard]] std::size_t issue_count() const { return issue_lo_.size(); }
  [[nodiscard]] std::size_t input_count() const { return inputs_.size(); }
  [[nodiscard]] const std::vector<UncertainInput>& inputs() const { return inputs_; }
  [[nodiscard]] bool is_veto(std::size_t actor) const { return veto_[actor] != 0; }
  [[nodiscard]] std::size_t position_count() const { return position_issue_.size(); }
  [[nodiscard]] std::size_t relation_count() const { return relation_count_; }
  [[nodiscard]] const ParameterLayout& layout() const { return layout_; }
  /// Every parameter at its fixed value (uncertain ones at their median), in layout order.
  [[nodiscard]] const std::vector<double>& fixed_values() const { return base_; }
  [[nodiscard]] double issue_lo(std::size_t issue) const { return issue_lo_[issue]; }
  [[nodiscard]] double issue_span(std::size_t issue) const { return issue_span_[issue]; }
  [[nodiscard]] const InfluenceSolver& influence() const { return influence_; }

  /// Terms in issue units -> a normalised package.
  [[nodiscard]] Package package(std::span<const double> terms) const;

  /// Maps a point u of the unit cube (one coordinate per uncertain input) to
  /// the parameters of a draw.
  void realize(std::span<const double> u, DrawParameters& theta) const;

  /// The parameters with every uncertain input at its median (u = 1/2).
  [[nodiscard]] DrawParameters median_parameters() const;

  /// Margins, stances, acceptance, P(deal) and support for every package.
  /// `influence`, when given, is influence_operator(theta): callers that
  /// evaluate many packages on one draw (the bargaining game, `solve`)
  /// compute it once instead of solving the influence system at every call.
  void evaluate(const DrawParameters& theta, std::span<const Package> packages, Evaluation& out,
                const Eigen::MatrixXd* influence = nullptr) const;

  /// The linear map (I - W)^-1 (I - diag(a)) from margins to stances for the
  /// draw's weights; empty when the graph has no edges.
  [[nodiscard]] Eigen::MatrixXd influence_operator(const DrawParameters& theta) const;

  /// Index range of actor i's positions in DrawParameters::ideal/salience.
  [[nodiscard]] std::size_t position_begin(std::size_t actor) const { return position_offset_[actor]; }
  [[nodiscard]] std::size_t position_end(std::size_t actor) const { return position_offset_[actor + 1]; }
  [[nodiscard]] std::size_t position_issue(std::size_t position) const { return position_issue_[position]; }

 private:
  void normalise(DrawParameters& theta) const;

  std::size_t actor_count_ = 0;
  std::vector<double> issue_lo_, issue_span_;
  std::vector<unsigned char> veto_;  // not vector<bool>: read in the per-draw loop
  std::vector<std::size_t> position_offset_, position_issue_;
  std::vector<double> base_;  // every parameter at its fixed value (uncertain: median)
  std::vector<UncertainInput> inputs_;
  InfluenceSolver influence_;
  ParameterLayout layout_;
  std::size_t relation_count_ = 0;
};

}  // namespace parley

#pragma once
// The bargaining model of DESIGN section 2 as pure functions of a checked
// Scenario and one draw of its uncertain parameters. No I/O.

#include <Eigen/Dense>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "parley/core/distribution.hpp"
#include "parley/core/influence.hpp"
#include "parley/core/scenario.hpp"

namespace parley {

/// Utility of an actor for a package: 1 - sum_k s_k |z_k - ideal_k|^rho over
/// the issues it has positions on (saliences summing to 1).
double utility(std::span<const double> salience, std::span<const double> ideal, std::span<const double> terms,
               double rho);

/// The logistic acceptance probability 1 / (1 + exp(-lambda * stance)).
double acceptance(double rationality, double stance);

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

/// The parameters of one draw (theta), normalised for the model: ideals on
/// [0, 1], saliences summing to 1 per actor.
struct DrawParameters {
  const void* model = nullptr;                                    // the Model that last filled `raw`
  std::vector<double> raw;                                        // every parameter in file units, in Model slot order
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

class BatchEvaluator;

/// A scenario compiled for fast evaluation.
class Model {
  friend class BatchEvaluator;

 public:
  explicit Model(const Scenario& scenario);

  [[nodiscard]] std::size_t actor_count() const { return actor_count_; }
  [[nodiscard]] std::size_t issue_count() const { return issue_lo_.size(); }
  [[nodiscard]] std::size_t input_count() const { return inputs_.size(); }
  [[nodiscard]] const std::vector<UncertainInput>& inputs() const { return inputs_; }
  [[nodiscard]] bool is_veto(std::size_t actor) const { return veto_[actor]; }

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
  // Slot layout in DrawParameters::raw: 4 per actor, 2 per position, 1 per relation.
  std::size_t position_slot0_ = 0, relation_slot0_ = 0, relation_count_ = 0;
};

}  // namespace parley

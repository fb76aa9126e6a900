#pragma once
// The model evaluated for a batch of draws at once (draws as the innermost
// index), so that every per-draw loop runs over contiguous memory and
// vectorises. It computes exactly what Model::realize + Model::evaluate do,
// draw by draw (tested to agree), and is what the engine runs.

#include <cstddef>
#include <span>
#include <vector>

#include "parley/core/model.hpp"

namespace parley {

/// What an evaluation computes: every outcome, or only P(deal) (the veto
/// actors' acceptance and their product), for callers that read nothing else
/// (solve --best's polls): the other actors' acceptance is not computed and
/// support is NaN.
enum class Outcomes { all, deal_only };

class BatchEvaluator {
 public:
  /// Draws per batch; fixed, so results never depend on how work is split.
  static constexpr std::size_t kBatch = 64;

  BatchEvaluator(const Model& model, std::span<const Package> packages);

  /// Evaluates up to kBatch draws. `u` holds their unit-cube points
  /// input-major: u[d * kBatch + b] is coordinate d of draw b.
  void evaluate(std::span<const double> u, std::size_t draws) {
    realize(u, draws);
    evaluate_realized();
  }

  /// The two halves of evaluate, for callers that evaluate many package
  /// lists on the same draws (solve): realise the draws once, then change the
  /// packages and evaluate as often as needed.
  void realize(std::span<const double> u, std::size_t draws);
  void set_packages(std::span<const Package> packages);
  void evaluate_realized(Outcomes outcomes = Outcomes::all);

  [[nodiscard]] std::size_t draws() const { return draws_; }
  [[nodiscard]] std::size_t package_count() const { return packages_; }

  [[nodiscard]] double accept(std::size_t actor, std::size_t package, std::size_t draw) const {
    return accept_[(actor * packages_ + package) * kBatch + draw];
  }
  [[nodiscard]] double deal(std::size_t package, std::size_t draw) const { return deal_[package * kBatch + draw]; }
  [[nodiscard]] double support(std::size_t package, std::size_t draw) const {
    return support_[package * kBatch + draw];
  }
  /// The batch's draws of one quantity, contiguous (draws() values).
  [[nodiscard]] const double* accept_row(std::size_t actor, std::size_t package) const {
    return accept_.data() + (actor * packages_ + package) * kBatch;
  }
  [[nodiscard]] const double* deal_row(std::size_t package) const { return deal_.data() + package * kBatch; }
  [[nodiscard]] const double* support_row(std::size_t package) const { return support_.data() + package * kBatch; }
  [[nodiscard]] double margin(std::size_t actor, std::size_t package, std::size_t draw) const {
    return margin_[(actor * packages_ + package) * kBatch + draw];
  }
  [[nodiscard]] double stance(std::size_t actor, std::size_t package, std::size_t draw) const {
    return stance_[(actor * packages_ + package) * kBatch + draw];
  }

  /// The draw's parameters, as Model::realize gives them: a raw parameter in
  /// file units by its ParameterLayout slot, ideals normalised to [0, 1] and
  /// saliences summing to 1 per actor by position.
  [[nodiscard]] double parameter(std::size_t slot, std::size_t draw) const { return raw_[slot * kBatch + draw]; }
  [[nodiscard]] double ideal(std::size_t position, std::size_t draw) const { return ideal_[position * kBatch + draw]; }
  [[nodiscard]] double salience(std::size_t position, std::size_t draw) const {
    return salience_[position * kBatch + draw];
  }
  [[nodiscard]] const Model& model() const { return model_; }

 private:
  void margins();
  void influence(std::size_t draws);
  void acceptance(Outcomes outcomes);

  const Model& model_;
  std::size_t actors_;
  std::size_t packages_ = 0;
  std::size_t draws_ = 0;
  std::vector<double> terms_;              // [issue][package]
  std::vector<unsigned char> rho_is_one_;  // per actor: rho fixed at 1
  std::vector<double> raw_;                // [slot][draw]
  std::vector<double> ideal_;              // [position][draw], normalised
  std::vector<double> salience_;           // [position][draw], normalised per actor
  std::vector<double> margin_;             // [actor][package][draw]
  std::vector<double> stance_;             // [actor][package][draw]
  std::vector<double> system_;             // [row][column][draw]: I - W per draw (sparse: the sweeps' memory)
  std::vector<double> accept_;             // [actor][package][draw]
  std::vector<double> deal_;               // [package][draw]
  std::vector<double> support_;            // [package][draw]
};

}  // namespace parley

#pragma once
// The model's arithmetic for one actor and one package, written once. The
// batched evaluator (what the engine runs), the draw-by-draw Model, the
// bargaining game, solve and explain all call these, so a test of them is a
// test of the code every command runs (DESIGN section 2).

#include <cmath>
#include <cstddef>
#include <span>

#include "parley/core/vector_math.hpp"

namespace parley {

/// The loss of one position at term z: s |z - ideal|^rho. rho = 1 (the
/// default) needs no power; other curvatures use the batch-friendly power of
/// core/vector_math.hpp (within 2e-13 of libm's pow, relative).
inline double position_loss(double salience, double ideal, double z, double rho) {
  const double distance = std::fabs(z - ideal);
  return salience * (rho == 1.0 ? distance : power_of_distance(distance, rho));
}

/// The losses of an actor's positions summed in position order.
inline double total_loss(std::span<const double> salience, std::span<const double> ideal, std::span<const double> terms,
                         double rho) {
  double loss = 0.0;
  for (std::size_t k = 0; k < salience.size(); ++k) loss += position_loss(salience[k], ideal[k], terms[k], rho);
  return loss;
}

/// Utility of an actor for a package: 1 - sum_k s_k |z_k - ideal_k|^rho over
/// the issues it has positions on (saliences summing to 1). The margin of
/// acceptance is u - r; the evaluators subtract the losses from 1 - r one by
/// one, position_loss by position_loss.
inline double utility(std::span<const double> salience, std::span<const double> ideal, std::span<const double> terms,
                      double rho) {
  return 1.0 - total_loss(salience, ideal, terms, rho);
}

/// Where an actor's margin of acceptance u - r starts before its losses are
/// subtracted, position_loss by position_loss in position order (the same
/// losses utility() takes from 1).
inline double margin_before_losses(double reservation) {
  return 1.0 - reservation;
}

/// An ideal point in issue units mapped onto [0, 1].
inline double normalised_term(double value, double lo, double span) {
  return (value - lo) / span;
}

/// One salience divided by the actor's total, so that they sum to 1;
/// validation rules out all-zero saliences, and equal weights keep such a
/// draw finite rather than NaN.
inline double normalised_salience(double salience, double total, std::size_t positions) {
  return total > 0.0 ? salience / total : 1.0 / static_cast<double>(positions);
}

/// The logistic acceptance probability 1 / (1 + exp(-lambda * stance)),
/// without overflow for any stance (core/vector_math.hpp; within 1e-15 of
/// libm's, relative).
inline double acceptance(double rationality, double stance) {
  return logistic(rationality * stance);
}

}  // namespace parley

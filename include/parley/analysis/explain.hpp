#pragma once
// The `explain` analysis: why one actor accepts or rejects one proposal. Per
// draw the model's identities hold exactly,
//   m_i = 1 - sum_k loss_ik - r_i,   loss_ik = s_ik |z_k - z_ik|^rho_i,
//   y_i = (1 - a_i) m_i + sum_j W_ij y_j   (Friedkin–Johnsen),
// so their expectations over the draws decompose the mean margin and the
// mean stance into the actor's issues, its outside option and its neighbours.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "parley/core/engine.hpp"
#include "parley/core/scenario.hpp"
#include "parley/core/statistics.hpp"

namespace parley {

/// What one issue costs the actor: its expected loss and the expected
/// salience and distance behind it (the loss is the mean of their product,
/// not the product of their means).
struct IssueLoss {
  std::size_t issue = 0;  // index into Scenario::issues
  double term = 0.0;      // the proposal's term, issue units
  double ideal = 0.0;     // E[ideal point], issue units
  double salience = 0.0;  // E[s_ik], saliences normalised to sum to 1
  double distance = 0.0;  // E[|z_k - z_ik|], on the normalised scale
  Estimate loss;          // E[s_ik |z_k - z_ik|^rho_i]
};

/// The pull of one in-neighbour j on the actor's stance, E[W_ij y_j].
struct NeighbourPull {
  std::size_t relation = 0;   // index into Scenario::relations (j -> actor)
  std::size_t neighbour = 0;  // j, index into Scenario::actors
  double weight = 0.0;        // E[W_ij]
  double stance = 0.0;        // E[y_j]
  Estimate pull;              // E[W_ij y_j]
};

struct Explanation {
  std::size_t actor = 0;     // index into Scenario::actors
  std::size_t proposal = 0;  // index into Scenario::proposals
  std::uint64_t seed = 0;
  std::uint64_t draws = 0;
  std::size_t uncertain_inputs = 0;
  std::vector<IssueLoss> issues;          // the actor's positions, in file order
  Estimate utility;                       // E[u_i] = 1 - sum of the issue losses
  Estimate reservation;                   // E[r_i]
  Estimate margin;                        // E[m_i] = E[u_i] - E[r_i]
  double incoming_influence = 0;          // E[a_i], a_i = sum_j |W_ij|
  Estimate own_share;                     // E[(1 - a_i) m_i]
  std::vector<NeighbourPull> neighbours;  // one per relation into the actor, in file order
  Estimate stance;                        // E[y_i] = own share + sum of the pulls
  double rationality = 0.0;               // E[lambda_i]
  Estimate accept;                        // E[P_i]
};


/// Decomposes actor `actor`'s margin and stance for proposal `proposal` over
/// draws 0 .. draws-1 of the seed's parameter stream (the draws `run` uses).
/// Throws InputError naming every unknown id.
Explanation explain_actor(const Scenario& scenario, const std::string& proposal, const std::string& actor,
                          const SimulationSettings& settings);

}  // namespace parley

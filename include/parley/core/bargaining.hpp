#pragma once
// The bargaining game of one draw of the uncertain parameters: rounds of
// offers, acceptances drawn at each veto actor's acceptance probability, and
// reservations that drift by round. Two protocols:
//  - mediated: a mediator starts from a proposal and, after a rejection, moves
//    the terms toward the rejecting actors' ideals;
//  - alternating: the veto actors take turns proposing; offers come from
//    backward induction over the remaining rounds (Rubinstein, Stahl).
// Pure functions of (scenario, draw); random events come from the Philox
// stream `Stream::bargaining` at (draw, round, actor), so adding them never
// shifts the parameter draws. No I/O.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "parley/core/model.hpp"
#include "parley/core/optimise.hpp"
#include "parley/core/sampler.hpp"
#include "parley/core/scenario.hpp"

namespace parley {

struct GameRules {
  BargainingProtocol protocol = BargainingProtocol::mediated;
  std::size_t rounds = 20;
  double step = 0.25;              // mediated: the share of the pull applied per round
  std::vector<double> start;       // the starting proposal's terms, in issue units
  double search_tolerance = 1e-3;  // alternating: compass-search tolerance of the offers
};

/// One veto actor's response in one round.
struct Response {
  std::size_t actor = 0;
  double utility = 0.0;      // u_i of the offer
  double threshold = 0.0;    // what it compares the offer with: its reservation this round
                             // (mediated) or its discounted value of going on (alternating)
  double margin = 0.0;       // utility - threshold
  double stance = 0.0;       // after the pull of its neighbours on the graph
  double probability = 0.0;  // of accepting, 1 / (1 + exp(-lambda stance))
  double drawn = 0.0;        // the uniform number drawn; it accepts when drawn < probability
  bool accepted = false;
};

/// One round of one game, for traces.
struct RoundRecord {
  std::size_t round = 1;                // 1-based
  std::optional<std::size_t> proposer;  // the proposing actor; none: the mediator
  std::vector<double> terms;            // the offer, in issue units
  std::vector<Response> responses;      // every veto actor (alternating: but the proposer)
  bool agreement = false;
};

struct GameOutcome {
  bool agreed = false;
  std::size_t round = 0;                  // of agreement (1-based); 0 without agreement
  std::vector<double> terms;              // the agreed terms, or the last offer; issue units
  std::vector<std::uint32_t> rejections;  // per actor (non-veto actors: 0)
};

/// The parameters of one draw: the model's, and the game's own.
struct GameDraw {
  DrawParameters theta;
  std::vector<double> drift, discount;  // per actor
};

/// A scenario compiled for playing the game many times.
class BargainingGame {
 public:
  /// Throws std::invalid_argument when the rules do not fit the scenario
  /// (no veto actor, no rounds, a step outside (0, 1], start terms of the
  /// wrong size).
  BargainingGame(const Scenario& scenario, GameRules rules);

  [[nodiscard]] const Model& model() const { return model_; }
  [[nodiscard]] const GameRules& rules() const { return rules_; }
  /// The coordinates of a draw: the model's uncertain inputs first (the same
  /// draws as `run`), then the uncertain drifts and discounts.
  [[nodiscard]] std::size_t input_count() const { return model_.input_count() + game_inputs_.size(); }
  [[nodiscard]] const std::vector<std::size_t>& veto_actors() const { return veto_; }

  void realize(std::span<const double> u, GameDraw& draw) const;
  /// The reservation of an actor in round t (1-based): r + drift (t - 1),
  /// clamped to [0, 1].
  [[nodiscard]] static double reservation_in_round(double reservation, double drift, std::size_t round);

  /// Plays the game of draw `index` (its random events come from `events`).
  /// With `trace`, every round is recorded.
  [[nodiscard]] GameOutcome play(std::uint64_t index, const GameDraw& draw, const PhiloxCube& events,
                                 std::vector<RoundRecord>* trace = nullptr) const;

  /// The actor proposing in round t of the alternating protocol: the veto
  /// actors in file order, starting with the first.
  [[nodiscard]] std::size_t proposer(std::size_t round) const { return veto_[(round - 1) % veto_.size()]; }

  /// Alternating protocol: the offers of rounds 1..R (normalised terms) and
  /// each veto actor's value of the game at the start of round 1, from
  /// backward induction. Exposed for tests (Rubinstein's split).
  struct Plan {
    std::vector<std::vector<double>> offers;      // [round - 1][issue], normalised
    std::vector<std::vector<double>> thresholds;  // [round - 1][actor]: veto actors d V(t + 1),
                                                  // the others their drifted reservation
    std::vector<double> value;                    // per actor: expected utility of the game from round 1
  };
  [[nodiscard]] Plan plan_alternating(const GameDraw& draw) const;

 private:
  [[nodiscard]] std::vector<double> in_issue_units(std::span<const double> z) const;
  /// The veto actors' rows of the draw's solution operator when the model
  /// uses the sparse influence method (in `storage`, or the fixed ones);
  /// nullptr otherwise.
  const ActorMatrix* veto_rows(const GameDraw& draw, ActorMatrix& storage) const;
  const ActorMatrix* first_rows(const GameDraw& draw, ActorMatrix& storage) const;
  void evaluate_offer(const DrawParameters& theta, const Package& offer, const ActorMatrix* rows,
                      const Eigen::MatrixXd* influence, Evaluation& eval) const;
  bool respond(std::uint64_t index, std::size_t round, const DrawParameters& theta, const Evaluation& eval,
               std::span<const std::size_t> responders, const PhiloxCube& events, GameOutcome& outcome,
               std::vector<unsigned char>& accepted_by, RoundRecord* record) const;
  [[nodiscard]] GameOutcome play_mediated(std::uint64_t index, const GameDraw& draw, const PhiloxCube& events,
                                          std::vector<RoundRecord>* trace) const;
  [[nodiscard]] GameOutcome play_alternating(std::uint64_t index, const GameDraw& draw, const PhiloxCube& events,
                                             std::vector<RoundRecord>* trace) const;

  Model model_;
  GameRules rules_;
  std::vector<double> start_z_;  // the start, normalised
  std::vector<double> issue_lo_, issue_span_;
  SearchBox box_;
  std::vector<std::size_t> veto_;
  struct GameInput {
    TruncatedQuantile quantile;
    std::size_t actor;
    bool is_drift;
  };
  std::vector<GameInput> game_inputs_;
  std::vector<double> fixed_drift_, fixed_discount_;
  ActorMatrix fixed_veto_rows_;  // sparse influence with fixed weights: veto_ rows of the solution operator
};

}  // namespace parley

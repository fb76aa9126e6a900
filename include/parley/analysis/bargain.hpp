#pragma once
// The `bargain` analysis: the bargaining game played on every draw of the
// uncertain parameters, summarised over the draws.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parley/core/bargaining.hpp"
#include "parley/core/engine.hpp"
#include "parley/core/scenario.hpp"
#include "parley/core/statistics.hpp"

namespace parley {

/// Draws `bargain` uses with the alternating protocol when the command line
/// gives none: the scenario's simulation.draws, at most this many. Each
/// alternating draw solves its game by backward induction, a compass search
/// per round: far slower than a mediated draw.
inline constexpr std::uint64_t kBargainAlternatingDefaultDraws = 2000;

struct BargainSettings {
  BargainingProtocol protocol = BargainingProtocol::mediated;
  std::size_t rounds = 20;
  double step = 0.25;
  std::size_t proposal = 0;  // index of the starting proposal
  SimulationSettings simulation;
  std::optional<std::uint64_t> trace;  // a draw whose game is recorded round by round
};

/// Where the agreed terms of one issue land, over the draws that agreed.
struct IssueOutcome {
  std::size_t issue = 0;
  double start = 0.0;                                  // the starting proposal's term
  double mean = 0.0, q05 = 0.0, q50 = 0.0, q95 = 0.0;  // issue units
};

struct ActorRejections {
  std::size_t actor = 0;
  Estimate rejections;     // mean number of rejections per game
  Estimate ever_rejected;  // share of games in which it rejected at least once
};

struct BargainResult {
  BargainingProtocol protocol = BargainingProtocol::mediated;
  std::size_t rounds = 0;
  double step = 0.0;
  std::string proposal;  // the starting proposal's id
  std::uint64_t seed = 0;
  std::uint64_t draws = 0;
  std::vector<Estimate> agreement_by_round;  // P(agreement by round t), t = 1..rounds
  std::uint64_t agreed_draws = 0;
  Estimate rounds_to_agreement;  // mean round of agreement, over the draws that agreed
  std::vector<IssueOutcome> terms;
  std::vector<ActorRejections> rejections;  // veto actors, most rejections first
  std::optional<std::uint64_t> trace_draw;
  std::vector<RoundRecord> trace;
  GameOutcome trace_outcome;
};

/// Plays the game on draws 0 .. draws-1; throws InputError when the settings
/// do not fit the scenario. Deterministic for a seed, for any thread count.
BargainResult bargain_scenario(const Scenario& scenario, const BargainSettings& settings);

}  // namespace parley

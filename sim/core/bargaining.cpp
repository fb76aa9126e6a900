#include "parley/core/bargaining.hpp"

#include <algorithm>
#include <stdexcept>

#include "parley/core/kernel.hpp"

namespace parley {

namespace {
// The Philox word of (round, actor) in the bargaining stream of one draw.
std::uint32_t event_word(std::size_t round, std::size_t actor, std::size_t actors) {
  return static_cast<std::uint32_t>((round - 1) * actors + actor);
}
}  // namespace

BargainingGame::BargainingGame(const Scenario& scenario, GameRules rules) : model_(scenario), rules_(std::move(rules)) {
  for (std::size_t i = 0; i < scenario.actors.size(); ++i) {
    if (scenario.actors[i].veto) veto_.push_back(i);
  }
  if (veto_.empty()) throw std::invalid_argument("no actor has veto: a deal needs at least one veto actor");
  if (rules_.rounds < 1 || rules_.rounds > kMaxBargainingRounds) {
    throw std::invalid_argument("the number of rounds must be from 1 to " + std::to_string(kMaxBargainingRounds));
  }
  if (!(rules_.step > 0.0 && rules_.step <= 1.0)) throw std::invalid_argument("the step must be in (0, 1]");
  if (rules_.start.size() != scenario.issues.size()) {
    throw std::invalid_argument("the starting proposal needs one term per issue");
  }
  start_z_ = model_.package(rules_.start).z;
  std::vector<unsigned char> binary;
  for (const auto& issue : scenario.issues) binary.push_back(issue.type == IssueType::binary ? 1 : 0);
  box_ = SearchBox::unit(scenario.issues.size(), binary);
  issue_lo_.reserve(scenario.issues.size());
  for (const auto& issue : scenario.issues) {
    issue_lo_.push_back(issue.lo);
    issue_span_.push_back(issue.hi - issue.lo);
  }
  // Large sparse graphs with fixed weights: the veto actors' rows of the
  // solution operator serve every draw.
  if (model_.influence().sparse() && model_.influence().weights_fixed()) {
    fixed_veto_rows_ = model_.influence().operator_rows({}, veto_);
  }
  for (std::size_t i = 0; i < scenario.actors.size(); ++i) {
    const Actor& actor = scenario.actors[i];
    fixed_drift_.push_back(actor.drift.is_uncertain() ? 0.0 : actor.drift.dist.value);
    fixed_discount_.push_back(actor.discount.is_uncertain() ? 1.0 : actor.discount.dist.value);
    if (actor.drift.is_uncertain()) {
      game_inputs_.push_back({TruncatedQuantile(actor.drift.dist, actor.drift.allowed), i, true});
    }
    if (actor.discount.is_uncertain()) {
      game_inputs_.push_back({TruncatedQuantile(actor.discount.dist, actor.discount.allowed), i, false});
    }
  }
}

void BargainingGame::realize(std::span<const double> u, GameDraw& draw) const {
  const std::size_t model_inputs = model_.input_count();
  model_.realize(u.first(model_inputs), draw.theta);
  draw.drift = fixed_drift_;
  draw.discount = fixed_discount_;
  for (std::size_t k = 0; k < game_inputs_.size(); ++k) {
    const GameInput& input = game_inputs_[k];
    (input.is_drift ? draw.drift : draw.discount)[input.actor] = input.quantile(u[model_inputs + k]);
  }
}

double BargainingGame::reservation_in_round(double reservation, double drift, std::size_t round) {
  return std::clamp(reservation + drift * static_cast<double>(round - 1), 0.0, 1.0);
}

std::vector<double> BargainingGame::in_issue_units(std::span<const double> z) const {
  std::vector<double> terms(z.size());
  for (std::size_t k = 0; k < z.size(); ++k) terms[k] = issue_lo_[k] + z[k] * issue_span_[k];
  return terms;
}

const ActorMatrix* BargainingGame::veto_rows(const GameDraw& draw, ActorMatrix& storage) const {
  const InfluenceSolver& influence = model_.influence();
  if (!influence.sparse()) return nullptr;
  if (influence.weights_fixed()) return &fixed_veto_rows_;
  storage = influence.operator_rows(draw.theta.weight, veto_);
  return &storage;
}

// The rows a game starts with: the fixed ones, else none yet. The rows of a
// draw cost about one sparse solve per veto actor, so a game plays its first
// rounds with one sparse solve per offer and takes the rows when it is still
// going after as many rounds as there are veto actors (the ski-rental rule:
// never more than twice the cheaper of the two).
const ActorMatrix* BargainingGame::first_rows(const GameDraw& draw, ActorMatrix& storage) const {
  return model_.influence().weights_fixed() ? veto_rows(draw, storage) : nullptr;
}

// Every round of a game evaluates one offer, but reads only the veto actors'
// margins, stances and acceptance. On a large sparse graph their stances can
// come from the veto rows of the solution operator (one solve per draw
// instead of one per offer), within kInfluenceTolerance ||m||_inf of the full
// solve (core/influence.hpp); the other actors' stance and acceptance stay 0.
// Without rows: Model::evaluate, as on every small scenario.
void BargainingGame::evaluate_offer(const DrawParameters& theta, const Package& offer, const ActorMatrix* rows,
                                    const Eigen::MatrixXd* influence, Evaluation& eval) const {
  if (rows == nullptr) {
    model_.evaluate(theta, std::span(&offer, 1), eval, influence);
    return;
  }
  const std::size_t n = model_.actor_count();
  const auto actors = static_cast<Eigen::Index>(n);
  eval.margin.resize(actors, 1);
  eval.stance.setZero(actors, 1);
  eval.accept.setZero(actors, 1);
  double* margin = eval.margin.data();
  for (std::size_t i = 0; i < n; ++i) {  // as Model::evaluate
    double m = margin_before_losses(theta.reservation[i]);
    for (std::size_t p = model_.position_begin(i); p < model_.position_end(i); ++p) {
      m -= position_loss(theta.salience[p], theta.ideal[p], offer.z[model_.position_issue(p)], theta.rho[i]);
    }
    margin[i] = m;
  }
  for (std::size_t r = 0; r < veto_.size(); ++r) {
    const double* row = rows->data() + r * n;
    double stance = 0.0;
    for (std::size_t j = 0; j < n; ++j) stance += row[j] * margin[j];
    const auto v = static_cast<Eigen::Index>(veto_[r]);
    eval.stance(v, 0) = stance;
    eval.accept(v, 0) = acceptance(theta.rationality[veto_[r]], stance);
  }
}

GameOutcome BargainingGame::play(std::uint64_t index, const GameDraw& draw, const PhiloxCube& events,
                                 std::vector<RoundRecord>* trace) const {
  if (trace != nullptr) trace->clear();
  switch (rules_.protocol) {
    case BargainingProtocol::mediated:
      return play_mediated(index, draw, events, trace);
    case BargainingProtocol::alternating:
      return play_alternating(index, draw, events, trace);
  }
  throw std::logic_error("BargainingGame::play: unknown protocol");
}

// Every actor in `responders` draws its answer to the offer evaluated in
// `eval` (accepted[i]); returns whether all accepted.
bool BargainingGame::respond(std::uint64_t index, std::size_t round, const DrawParameters& theta,
                             const Evaluation& eval, std::span<const std::size_t> responders, const PhiloxCube& events,
                             GameOutcome& outcome, std::vector<unsigned char>& accepted_by, RoundRecord* record) const {
  bool all = true;
  const std::size_t n = model_.actor_count();
  accepted_by.assign(n, 1);
  for (const std::size_t i : responders) {
    const auto row = static_cast<Eigen::Index>(i);
    const double probability = eval.accept(row, 0);
    const double drawn = events.coordinate(index, event_word(round, i, n));
    const bool accepted = drawn < probability;
    if (!accepted) {
      all = false;
      accepted_by[i] = 0;
      ++outcome.rejections[i];
    }
    if (record != nullptr) {
      const double margin = eval.margin(row, 0);
      record->responses.push_back({i, margin + theta.reservation[i], theta.reservation[i], margin, eval.stance(row, 0),
                                   probability, drawn, accepted});
    }
  }
  return all;
}

GameOutcome BargainingGame::play_mediated(std::uint64_t index, const GameDraw& draw, const PhiloxCube& events,
                                          std::vector<RoundRecord>* trace) const {
  const std::size_t n = model_.actor_count();
  const std::size_t issues = start_z_.size();
  GameOutcome outcome;
  outcome.rejections.assign(n, 0);
  // The mediator keeps a continuous latent value per issue; a binary issue is
  // offered at the end its latent value is nearer (kept on an exact tie).
  std::vector<double> latent = start_z_;
  Package offer{start_z_};
  DrawParameters theta = draw.theta;
  Evaluation eval;
  std::vector<double> pull(issues);
  std::vector<unsigned char> accepted;
  ActorMatrix rows_storage;
  const ActorMatrix* rows = first_rows(draw, rows_storage);
  for (std::size_t round = 1; round <= rules_.rounds; ++round) {
    if (rows == nullptr && round > veto_.size()) rows = veto_rows(draw, rows_storage);
    for (std::size_t i = 0; i < n; ++i) {
      theta.reservation[i] = reservation_in_round(draw.theta.reservation[i], draw.drift[i], round);
    }
    evaluate_offer(theta, offer, rows, nullptr, eval);
    RoundRecord* record = nullptr;
    if (trace != nullptr) {
      trace->push_back({round, std::nullopt, in_issue_units(offer.z), {}, false});
      record = &trace->back();
    }
    if (respond(index, round, theta, eval, veto_, events, outcome, accepted, record)) {
      outcome.agreed = true;
      outcome.round = round;
      if (record != nullptr) record->agreement = true;
      break;
    }
    // The last round's offer stands as the last offer: no move after it.
    if (round == rules_.rounds) break;
    // Each rejecting actor pulls every issue it has a position on toward its
    // ideal, weighted by capability, by how far it is from accepting
    // (1 - P_i) and by its salience on the issue.
    std::fill(pull.begin(), pull.end(), 0.0);
    double total_weight = 0.0;
    for (const std::size_t i : veto_) {
      if (accepted[i] != 0) continue;
      const double probability = eval.accept(static_cast<Eigen::Index>(i), 0);
      const double weight = theta.capability[i] * (1.0 - probability);
      total_weight += weight;
      for (std::size_t p = model_.position_begin(i); p < model_.position_end(i); ++p) {
        const std::size_t k = model_.position_issue(p);
        pull[k] += weight * theta.salience[p] * (theta.ideal[p] - latent[k]);
      }
    }
    if (total_weight > 0.0) {
      for (std::size_t k = 0; k < issues; ++k) {
        latent[k] += rules_.step * pull[k] / total_weight;
        if (box_.binary[k] == 0) {
          offer.z[k] = latent[k];
        } else if (latent[k] != 0.5) {
          offer.z[k] = latent[k] > 0.5 ? 1.0 : 0.0;
        }
      }
    }
  }
  outcome.terms = in_issue_units(offer.z);
  return outcome;
}

}  // namespace parley

namespace parley {

BargainingGame::Plan BargainingGame::plan_alternating(const GameDraw& draw) const {
  const std::size_t n = model_.actor_count();
  const std::size_t rounds = rules_.rounds;
  Plan plan;
  plan.offers.assign(rounds, {});
  plan.thresholds.assign(rounds, {});
  // V(R + 1): when the rounds run out, each actor is left with its drifted
  // reservation.
  std::vector<double> value(n);
  for (std::size_t i = 0; i < n; ++i) {
    value[i] = reservation_in_round(draw.theta.reservation[i], draw.drift[i], rounds + 1);
  }
  DrawParameters theta = draw.theta;
  Evaluation eval;
  // Thousands of packages on one draw: solve its influence system once (on a
  // large sparse graph, for the veto actors only).
  ActorMatrix rows_storage;
  const ActorMatrix* rows = veto_rows(draw, rows_storage);
  const Eigen::MatrixXd influence = rows == nullptr ? model_.influence_operator(draw.theta) : Eigen::MatrixXd();
  Package offer{start_z_};
  // Backward induction (Stahl's finite-horizon alternating offers, with logit
  // responders): in round t the responders compare an offer with their
  // discounted value of going on, and the proposer makes the offer that
  // maximises its own expected utility.
  for (std::size_t round = rounds; round > 0; --round) {
    const std::size_t proposer_actor = proposer(round);
    std::vector<double>& threshold = plan.thresholds[round - 1];
    threshold.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      threshold[i] = reservation_in_round(draw.theta.reservation[i], draw.drift[i], round);
    }
    for (const std::size_t i : veto_) threshold[i] = draw.discount[i] * value[i];
    theta.reservation = threshold;
    // P(every responder accepts) and the proposer's utility of the package.
    auto evaluate = [&](std::span<const double> z) {
      std::copy(z.begin(), z.end(), offer.z.begin());
      evaluate_offer(theta, offer, rows, &influence, eval);
      double all = 1.0;
      for (const std::size_t i : veto_) {
        if (i != proposer_actor) all *= eval.accept(static_cast<Eigen::Index>(i), 0);
      }
      return all;
    };
    const Objective expected_utility = [&](std::span<const double> z) {
      const double all = evaluate(z);
      const double utility = eval.margin(static_cast<Eigen::Index>(proposer_actor), 0) + threshold[proposer_actor];
      return all * utility + (1.0 - all) * threshold[proposer_actor];
    };
    // Starts: the next round's offer, the starting proposal, and the
    // proposer's ideal on the issues it cares about.
    std::vector<std::vector<double>> starts;
    const std::vector<double>& next = round < rounds ? plan.offers[round] : start_z_;
    starts.push_back(next);
    if (next != start_z_) starts.push_back(start_z_);
    std::vector<double> ideal = next;
    for (std::size_t p = model_.position_begin(proposer_actor); p < model_.position_end(proposer_actor); ++p) {
      ideal[model_.position_issue(p)] = draw.theta.ideal[p];
    }
    starts.push_back(box_.project(ideal));
    CompassSettings search;
    search.tolerance = rules_.search_tolerance;
    const Optimum best = maximise_in_box(expected_utility, box_, starts, search);
    plan.offers[round - 1] = best.x;
    const double all = evaluate(best.x);
    for (const std::size_t i : veto_) {
      const double utility = eval.margin(static_cast<Eigen::Index>(i), 0) + threshold[i];
      value[i] = all * utility + (1.0 - all) * threshold[i];
    }
  }
  plan.value = value;
  return plan;
}

GameOutcome BargainingGame::play_alternating(std::uint64_t index, const GameDraw& draw, const PhiloxCube& events,
                                             std::vector<RoundRecord>* trace) const {
  const std::size_t n = model_.actor_count();
  const Plan plan = plan_alternating(draw);
  GameOutcome outcome;
  outcome.rejections.assign(n, 0);
  DrawParameters theta = draw.theta;
  Evaluation eval;
  Package offer;
  std::vector<std::size_t> responders;
  std::vector<unsigned char> accepted;
  ActorMatrix rows_storage;
  const ActorMatrix* rows = first_rows(draw, rows_storage);
  for (std::size_t round = 1; round <= rules_.rounds; ++round) {
    if (rows == nullptr && round > veto_.size()) rows = veto_rows(draw, rows_storage);
    const std::size_t proposer_actor = proposer(round);
    theta.reservation = plan.thresholds[round - 1];
    offer.z = plan.offers[round - 1];
    evaluate_offer(theta, offer, rows, nullptr, eval);
    responders.clear();
    for (const std::size_t i : veto_) {
      if (i != proposer_actor) responders.push_back(i);
    }
    RoundRecord* record = nullptr;
    if (trace != nullptr) {
      trace->push_back({round, proposer_actor, in_issue_units(offer.z), {}, false});
      record = &trace->back();
    }
    outcome.terms = in_issue_units(offer.z);
    if (respond(index, round, theta, eval, responders, events, outcome, accepted, record)) {
      outcome.agreed = true;
      outcome.round = round;
      if (record != nullptr) record->agreement = true;
      break;
    }
  }
  return outcome;
}

}  // namespace parley

#include "parley/analysis/lookup.hpp"
#include "parley/analysis/explain.hpp"

#include <cmath>
#include <limits>
#include <optional>

#include "parley/core/model.hpp"
#include "parley/core/parallel.hpp"
#include "parley/core/sampler.hpp"

namespace parley {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The per-draw terms of the decomposition, accumulated over a chunk of draws.
struct ExplainAccumulator {
  std::vector<MeanAccumulator> ideal, salience, distance, loss;  // per position of the actor
  std::vector<MeanAccumulator> weight, neighbour_stance, pull;   // per relation into the actor
  MeanAccumulator utility, reservation, margin, incoming, own_share, stance, rationality, accept;

  ExplainAccumulator(std::size_t positions, std::size_t relations)
      : ideal(positions),
        salience(positions),
        distance(positions),
        loss(positions),
        weight(relations),
        neighbour_stance(relations),
        pull(relations) {}

  void merge(const ExplainAccumulator& other) {
    auto merge_all = [](std::vector<MeanAccumulator>& mine, const std::vector<MeanAccumulator>& theirs) {
      for (std::size_t k = 0; k < mine.size(); ++k) mine[k].merge(theirs[k]);
    };
    merge_all(ideal, other.ideal);
    merge_all(salience, other.salience);
    merge_all(distance, other.distance);
    merge_all(loss, other.loss);
    merge_all(weight, other.weight);
    merge_all(neighbour_stance, other.neighbour_stance);
    merge_all(pull, other.pull);
    utility.merge(other.utility);
    reservation.merge(other.reservation);
    margin.merge(other.margin);
    incoming.merge(other.incoming);
    own_share.merge(other.own_share);
    stance.merge(other.stance);
    rationality.merge(other.rationality);
    accept.merge(other.accept);
  }
};

}  // namespace

Explanation explain_actor(const Scenario& scenario, const std::string& proposal, const std::string& actor,
                          const SimulationSettings& settings) {
  // Both ids are checked before either is reported, so one run names every mistake.
  std::string problems;
  std::optional<std::size_t> proposal_index, actor_index;
  try {
    proposal_index = require_proposal(scenario, proposal);
  } catch (const InputError& e) {
    problems = e.what();
  }
  try {
    actor_index = require_actor(scenario, actor);
  } catch (const InputError& e) {
    problems += (problems.empty() ? "" : "\n") + std::string(e.what());
  }
  if (!problems.empty()) throw InputError(problems);

  const std::size_t i = *actor_index;
  const Model model(scenario);
  const Package package = model.package(scenario.proposals[*proposal_index].terms);
  const std::size_t first_position = model.position_begin(i);
  const std::size_t positions = model.position_end(i) - first_position;
  std::vector<std::size_t> incoming;  // relations into the actor
  for (std::size_t e = 0; e < scenario.relations.size(); ++e) {
    if (scenario.relations[e].to == i) incoming.push_back(e);
  }

  const PhiloxCube cube(settings.seed, Stream::parameters);
  const auto row = static_cast<Eigen::Index>(i);
  auto process = [&](std::uint64_t begin, std::uint64_t end, ExplainAccumulator& acc) {
    std::vector<double> point(model.input_count());
    DrawParameters theta;
    Evaluation evaluation;
    for (std::uint64_t draw = begin; draw < end; ++draw) {
      cube.point(draw, point);
      model.realize(point, theta);
      model.evaluate(theta, std::span(&package, 1), evaluation);
      const double rho = theta.rho[i];
      double total_loss = 0.0;
      for (std::size_t q = 0; q < positions; ++q) {
        const std::size_t p = first_position + q;
        const std::size_t k = model.position_issue(p);
        const double distance = std::fabs(package.z[k] - theta.ideal[p]);
        const double loss = theta.salience[p] * (rho == 1.0 ? distance : std::pow(distance, rho));
        total_loss += loss;
        acc.ideal[q].add(scenario.issues[k].denormalise(theta.ideal[p]));
        acc.salience[q].add(theta.salience[p]);
        acc.distance[q].add(distance);
        acc.loss[q].add(loss);
      }
      const double margin = evaluation.margin(row, 0);
      double incoming_influence = 0.0;
      for (std::size_t n = 0; n < incoming.size(); ++n) {
        const double w = theta.weight[incoming[n]];
        const double neighbour_stance =
            evaluation.stance(static_cast<Eigen::Index>(scenario.relations[incoming[n]].from), 0);
        incoming_influence += std::fabs(w);
        acc.weight[n].add(w);
        acc.neighbour_stance[n].add(neighbour_stance);
        acc.pull[n].add(w * neighbour_stance);
      }
      acc.utility.add(1.0 - total_loss);
      acc.reservation.add(theta.reservation[i]);
      acc.margin.add(margin);
      acc.incoming.add(incoming_influence);
      acc.own_share.add((1.0 - incoming_influence) * margin);
      acc.stance.add(evaluation.stance(row, 0));
      acc.rationality.add(theta.rationality[i]);
      acc.accept.add(evaluation.accept(row, 0));
    }
  };
  const ExplainAccumulator total = reduce_chunks(
      settings.draws, settings.threads, ExplainAccumulator(positions, incoming.size()), process, settings.progress);

  Explanation result;
  result.actor = i;
  result.proposal = *proposal_index;
  result.seed = settings.seed;
  result.draws = settings.draws;
  result.uncertain_inputs = model.input_count();
  const std::vector<double>& terms = scenario.proposals[*proposal_index].terms;
  for (std::size_t q = 0; q < positions; ++q) {
    const std::size_t k = model.position_issue(first_position + q);
    result.issues.push_back({k, terms[k], total.ideal[q].mean(), total.salience[q].mean(), total.distance[q].mean(),
                             estimate_of(total.loss[q])});
  }
  result.utility = estimate_of(total.utility);
  result.reservation = estimate_of(total.reservation);
  result.margin = estimate_of(total.margin, -kInf, kInf);
  result.incoming_influence = total.incoming.mean();
  result.own_share = estimate_of(total.own_share, -kInf, kInf);
  for (std::size_t n = 0; n < incoming.size(); ++n) {
    result.neighbours.push_back({incoming[n], scenario.relations[incoming[n]].from, total.weight[n].mean(),
                                 total.neighbour_stance[n].mean(), estimate_of(total.pull[n], -kInf, kInf)});
  }
  result.stance = estimate_of(total.stance, -kInf, kInf);
  result.rationality = total.rationality.mean();
  result.accept = estimate_of(total.accept);
  return result;
}

}  // namespace parley

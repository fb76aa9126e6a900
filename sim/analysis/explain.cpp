#include "parley/analysis/explain.hpp"
#include "parley/analysis/lookup.hpp"

#include <cmath>
#include <limits>
#include <optional>

#include "parley/core/engine.hpp"
#include "parley/core/model.hpp"

namespace parley {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// What the tally needs to know of the actor and the proposal.
struct ExplainContext {
  const Scenario* scenario = nullptr;
  std::size_t actor = 0;
  std::size_t first_position = 0;
  std::vector<std::size_t> incoming;  // relations into the actor
  std::vector<double> z;              // the proposal's package, normalised
};

// The per-draw terms of the decomposition, accumulated over the draws.
struct ExplainTally {
  const ExplainContext* context = nullptr;
  std::vector<MeanAccumulator> ideal, salience, distance, loss;  // per position of the actor
  std::vector<MeanAccumulator> weight, neighbour_stance, pull;   // per relation into the actor
  MeanAccumulator utility, reservation, margin, incoming, own_share, stance, rationality, accept;
  std::vector<double> draw_salience, draw_ideal, draw_terms;  // one draw's positions: scratch

  ExplainTally(const ExplainContext& c, std::size_t positions)
      : context(&c),
        ideal(positions),
        salience(positions),
        distance(positions),
        loss(positions),
        weight(c.incoming.size()),
        neighbour_stance(c.incoming.size()),
        pull(c.incoming.size()) {}

  void add(const DrawBatch& batch) {
    const ExplainContext& c = *context;
    const BatchEvaluator& e = *batch.evaluation;
    const Model& model = e.model();
    const ParameterLayout& layout = model.layout();
    const std::size_t i = c.actor;
    for (std::size_t b = 0; b < batch.size; ++b) {
      const double rho = e.parameter(layout.rho(i), b);
      const std::size_t positions = ideal.size();
      draw_salience.resize(positions);
      draw_ideal.resize(positions);
      draw_terms.resize(positions);
      for (std::size_t q = 0; q < positions; ++q) {
        const std::size_t p = c.first_position + q;
        const std::size_t k = model.position_issue(p);
        const double x = e.ideal(p, b);
        const double s = e.salience(p, b);
        const double term_loss = position_loss(s, x, c.z[k], rho);
        draw_salience[q] = s;
        draw_ideal[q] = x;
        draw_terms[q] = c.z[k];
        ideal[q].add(c.scenario->issues[k].denormalise(x));
        salience[q].add(s);
        distance[q].add(std::fabs(c.z[k] - x));
        loss[q].add(term_loss);
      }
      const double actor_margin = e.margin(i, 0, b);
      double incoming_influence = 0.0;
      for (std::size_t n = 0; n < c.incoming.size(); ++n) {
        const double w = e.parameter(layout.weight(c.incoming[n]), b);
        const double their_stance = e.stance(c.scenario->relations[c.incoming[n]].from, 0, b);
        incoming_influence += std::fabs(w);
        weight[n].add(w);
        neighbour_stance[n].add(their_stance);
        pull[n].add(w * their_stance);
      }
      utility.add(parley::utility(draw_salience, draw_ideal, draw_terms, rho));
      reservation.add(e.parameter(layout.reservation(i), b));
      margin.add(actor_margin);
      incoming.add(incoming_influence);
      own_share.add((1.0 - incoming_influence) * actor_margin);
      stance.add(e.stance(i, 0, b));
      rationality.add(e.parameter(layout.rationality(i), b));
      accept.add(e.accept(i, 0, b));
    }
  }

  void merge(const ExplainTally& other) {
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

  // For the processes of a cluster (core/serialise.hpp).
  void save(ByteWriter& out) const {
    for (const auto* v : {&ideal, &salience, &distance, &loss, &weight, &neighbour_stance, &pull}) out.put_all(*v);
    for (const auto* m : {&utility, &reservation, &margin, &incoming, &own_share, &stance, &rationality, &accept}) {
      m->save(out);
    }
  }
  void load(ByteReader& in) {
    for (auto* v : {&ideal, &salience, &distance, &loss, &weight, &neighbour_stance, &pull}) in.get_all(*v);
    for (auto* m : {&utility, &reservation, &margin, &incoming, &own_share, &stance, &rationality, &accept}) {
      m->load(in);
    }
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
  ExplainContext context;
  context.scenario = &scenario;
  context.actor = i;
  context.first_position = model.position_begin(i);
  const std::size_t positions = model.position_end(i) - context.first_position;
  for (std::size_t e = 0; e < scenario.relations.size(); ++e) {
    if (scenario.relations[e].to == i) context.incoming.push_back(e);
  }
  const std::vector<Package> package = {model.package(scenario.proposals[*proposal_index].terms)};
  context.z = package[0].z;
  const std::vector<std::size_t>& incoming = context.incoming;
  const std::size_t first_position = context.first_position;

  const Engine engine(settings.threads, settings.progress);
  const ExplainTally total = engine.run(DrawPoints(settings.seed, model.input_count()), settings.draws,
                                        ExplainTally(context, positions), Evaluated{model, package});

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

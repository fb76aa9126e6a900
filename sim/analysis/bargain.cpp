#include "parley/analysis/bargain.hpp"
#include "parley/core/errors.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "parley/core/engine.hpp"
#include "request_text.hpp"

namespace parley {

namespace {

// Draws per chunk of the alternating protocol (a few milliseconds each).
constexpr std::uint64_t kAlternatingChunk = 16;

// What the games of the draws add up to: each draw's game is realised from
// the engine's point and played on the spot.
struct GameTally {
  const Scenario* scenario = nullptr;
  const BargainingGame* game = nullptr;
  const PhiloxCube* events = nullptr;
  std::vector<std::uint64_t> agreed_in_round;  // per round (0-based)
  MeanAccumulator round_of_agreement;
  std::vector<MeanAccumulator> term_mean;                  // per issue, issue units, agreed games
  std::vector<UnitIntervalQuantiles> term_spread;          // per issue, normalised, agreed games
  std::vector<MeanAccumulator> rejections, ever_rejected;  // per veto actor

  void add(const DrawBatch& batch) {
    const std::vector<std::size_t>& veto = game->veto_actors();
    std::vector<double> u(game->input_count());
    GameDraw draw;
    for (std::size_t b = 0; b < batch.size; ++b) {
      for (std::size_t d = 0; d < u.size(); ++d) u[d] = batch.point(d, b);
      game->realize(u, draw);
      const GameOutcome outcome = game->play(batch.first + b, draw, *events);
      if (outcome.agreed) {
        ++agreed_in_round[outcome.round - 1];
        round_of_agreement.add(static_cast<double>(outcome.round));
        for (std::size_t k = 0; k < term_mean.size(); ++k) {
          term_mean[k].add(outcome.terms[k]);
          term_spread[k].add(scenario->issues[k].normalise(outcome.terms[k]));
        }
      }
      for (std::size_t v = 0; v < veto.size(); ++v) {
        const auto count = outcome.rejections[veto[v]];
        rejections[v].add(static_cast<double>(count));
        ever_rejected[v].add(count > 0 ? 1.0 : 0.0);
      }
    }
  }

  void merge(const GameTally& other) {
    for (std::size_t t = 0; t < agreed_in_round.size(); ++t) agreed_in_round[t] += other.agreed_in_round[t];
    round_of_agreement.merge(other.round_of_agreement);
    for (std::size_t k = 0; k < term_mean.size(); ++k) {
      term_mean[k].merge(other.term_mean[k]);
      term_spread[k].merge(other.term_spread[k]);
    }
    for (std::size_t v = 0; v < rejections.size(); ++v) {
      rejections[v].merge(other.rejections[v]);
      ever_rejected[v].merge(other.ever_rejected[v]);
    }
  }

  // For the processes of a cluster (core/serialise.hpp).
  void save(ByteWriter& out) const {
    out.put_vector(agreed_in_round);
    round_of_agreement.save(out);
    out.put_all(term_mean);
    out.put_all(term_spread);
    out.put_all(rejections);
    out.put_all(ever_rejected);
  }
  void load(ByteReader& in) {
    in.get_vector(agreed_in_round);
    round_of_agreement.load(in);
    in.get_all(term_mean);
    in.get_all(term_spread);
    in.get_all(rejections);
    in.get_all(ever_rejected);
  }
};

// A share of n Bernoulli outcomes as an estimate with the same standard
// error MeanAccumulator gives for 0/1 values.
Estimate share_estimate(std::uint64_t hits, std::uint64_t n) {
  Estimate e;
  if (n == 0) return e;
  const double p = static_cast<double>(hits) / static_cast<double>(n);
  e.mean = p;
  e.se = n > 1 ? std::sqrt(p * (1.0 - p) / static_cast<double>(n - 1)) : 0.0;
  e.ci95 = {std::max(0.0, p - 1.96 * e.se), std::min(1.0, p + 1.96 * e.se)};
  return e;
}

void check_settings(const Scenario& scenario, const BargainSettings& settings) {
  std::string problems;
  auto problem = [&](const std::string& message) { problems += (problems.empty() ? "" : "\n") + message; };
  if (settings.rounds < 1 || settings.rounds > kMaxBargainingRounds) {
    problem("--rounds: expected a whole number from 1 to " + std::to_string(kMaxBargainingRounds) + ", got " +
            std::to_string(settings.rounds));
  }
  if (!(settings.step > 0.0 && settings.step <= 1.0)) {
    problem("--step: expected a number in (0, 1], got " + detail::number_text(settings.step));
  }
  if (settings.proposal >= scenario.proposals.size()) {
    problem("the starting proposal: expected one of the scenario's " + std::to_string(scenario.proposals.size()) +
            " proposals");
  }
  if (std::none_of(scenario.actors.begin(), scenario.actors.end(), [](const Actor& a) { return a.veto; })) {
    problem("no actor has 'veto: true': a bargaining game needs at least one actor whose acceptance a deal needs");
  }
  if (settings.trace && *settings.trace >= settings.simulation.draws) {
    problem("--trace: expected a draw from 0 to " + std::to_string(settings.simulation.draws - 1) + ", got " +
            std::to_string(*settings.trace));
  }
  if (!problems.empty()) throw InputError(problems);
}

}  // namespace

BargainResult bargain_scenario(const Scenario& scenario, const BargainSettings& settings) {
  check_settings(scenario, settings);
  GameRules rules;
  rules.protocol = settings.protocol;
  rules.rounds = settings.rounds;
  rules.step = settings.step;
  rules.start = scenario.proposals[settings.proposal].terms;
  const BargainingGame game(scenario, rules);
  const std::vector<std::size_t>& veto = game.veto_actors();
  const std::size_t issues = scenario.issues.size();

  const DrawPoints points(settings.simulation.seed, game.input_count());
  const PhiloxCube events(settings.simulation.seed, Stream::bargaining);
  GameTally empty;
  empty.scenario = &scenario;
  empty.game = &game;
  empty.events = &events;
  empty.agreed_in_round.assign(settings.rounds, 0);
  empty.term_mean.resize(issues);
  empty.term_spread.resize(issues);
  empty.rejections.resize(veto.size());
  empty.ever_rejected.resize(veto.size());

  // An alternating game costs thousands of evaluations: small chunks keep
  // every thread busy on the few thousand draws it is played on.
  std::uint64_t chunk = kChunkSize;
  switch (settings.protocol) {
    case BargainingProtocol::mediated:
      break;
    case BargainingProtocol::alternating:
      chunk = kAlternatingChunk;
      break;
  }
  const Engine engine(settings.simulation.threads, settings.simulation.progress);
  const GameTally total = engine.run(points, settings.simulation.draws, empty, std::nullopt, chunk);

  BargainResult result;
  result.protocol = settings.protocol;
  result.rounds = settings.rounds;
  result.step = settings.step;
  result.proposal = scenario.proposals[settings.proposal].id;
  result.seed = settings.simulation.seed;
  result.draws = settings.simulation.draws;
  std::uint64_t agreed = 0;
  for (std::size_t t = 0; t < settings.rounds; ++t) {
    agreed += total.agreed_in_round[t];
    result.agreement_by_round.push_back(share_estimate(agreed, settings.simulation.draws));
  }
  result.agreed_draws = agreed;
  result.rounds_to_agreement = estimate_of(total.round_of_agreement, 1.0, static_cast<double>(settings.rounds));
  for (std::size_t k = 0; k < issues; ++k) {
    const Issue& issue = scenario.issues[k];
    IssueOutcome o;
    o.issue = k;
    o.start = rules.start[k];
    if (agreed > 0) {
      o.mean = total.term_mean[k].mean();
      o.q05 = issue.denormalise(total.term_spread[k].quantile(0.05));
      o.q50 = issue.denormalise(total.term_spread[k].quantile(0.50));
      o.q95 = issue.denormalise(total.term_spread[k].quantile(0.95));
    }
    result.terms.push_back(o);
  }
  // An actor rejects at most once per round.
  const auto most_rejections = static_cast<double>(settings.rounds);
  for (std::size_t v = 0; v < veto.size(); ++v) {
    result.rejections.push_back(
        {veto[v], estimate_of(total.rejections[v], 0.0, most_rejections), estimate_of(total.ever_rejected[v])});
  }
  // Most rejections first; file order among equals.
  std::stable_sort(
      result.rejections.begin(), result.rejections.end(),
      [](const ActorRejections& a, const ActorRejections& b) { return a.rejections.mean > b.rejections.mean; });
  if (settings.trace) {
    std::vector<double> u(game.input_count());
    GameDraw draw;
    points.fill(*settings.trace, 1, u, 1);
    game.realize(u, draw);
    result.trace_draw = settings.trace;
    result.trace_outcome = game.play(*settings.trace, draw, events, &result.trace);
  }
  return result;
}

}  // namespace parley

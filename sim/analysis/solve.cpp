#include "parley/analysis/solve.hpp"
#include "parley/analysis/lookup.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>

#include "parley/core/engine.hpp"
#include "parley/core/model.hpp"
#include "parley/core/optimise.hpp"
#include "request_text.hpp"

namespace parley {

namespace {

using detail::known_issues;
using detail::number_text;

// Per-chunk sums merged in chunk order: the same totals for any thread count.
struct Sums {
  std::vector<double> values;
  void merge(const Sums& other) {
    for (std::size_t k = 0; k < values.size(); ++k) values[k] += other.values[k];
  }
  void save(ByteWriter& out) const { out.put_vector(values); }
  void load(ByteReader& in) { in.get_vector(values); }
};

// `count` sums over the kept draws, reduced by the engine.
template <class Process>
std::vector<double> sum_over_draws(const Engine& engine, std::uint64_t draws, std::size_t count, Process&& process) {
  return engine
      .reduce(draws, Sums{std::vector<double>(count, 0.0)},
              [&](std::uint64_t begin, std::uint64_t end, Sums& part) { process(begin, end, part.values); })
      .values;
}

// The veto actors' expected utilities E[u_i(z)] over the draws, for any
// package z (normalised). Ideals, saliences and curvatures are stored per
// position and draw, so an evaluation is one pass over plain arrays.
class ExpectedUtilities {
 public:
  ExpectedUtilities(const Scenario& scenario, const Model& model, const std::vector<DrawParameters>& thetas,
                    const Engine& engine)
      : draws_(thetas.size()), engine_(&engine) {
    for (std::size_t i = 0; i < model.actor_count(); ++i) {
      if (model.is_veto(i)) actors_.push_back(i);
    }
    for (std::size_t a = 0; a < actors_.size(); ++a) {
      const std::size_t i = actors_[a];
      // Shifted sums (MeanAccumulator): a parameter fixed in the file keeps its exact value.
      MeanAccumulator capability, reservation;
      bool rho_one = true;
      for (const auto& theta : thetas) {
        capability.add(theta.capability[i]);
        reservation.add(theta.reservation[i]);
        rho_one = rho_one && theta.rho[i] == 1.0;
      }
      capability_.push_back(capability.mean());
      reservation_.push_back(reservation.mean());
      rho_is_one_.push_back(rho_one ? 1 : 0);
      for (std::size_t p = model.position_begin(i); p < model.position_end(i); ++p) {
        position_actor_.push_back(a);
        position_issue_.push_back(model.position_issue(p));
        for (const auto& theta : thetas) {
          ideal_.push_back(theta.ideal[p]);
          salience_.push_back(theta.salience[p]);
        }
      }
      for (const auto& theta : thetas) rho_.push_back(theta.rho[i]);
    }
    for (std::size_t i : actors_) ids_.push_back(scenario.actors[i].id);
  }

  [[nodiscard]] std::size_t actor_count() const { return actors_.size(); }
  [[nodiscard]] const std::string& id(std::size_t a) const { return ids_[a]; }
  [[nodiscard]] double capability(std::size_t a) const { return capability_[a]; }
  [[nodiscard]] double reservation(std::size_t a) const { return reservation_[a]; }

  // E[u_a(z)] for every veto actor a.
  [[nodiscard]] std::vector<double> utilities(std::span<const double> z) const {
    std::vector<double> loss = sum_over_draws(
        *engine_, draws_, actors_.size(), [&](std::uint64_t begin, std::uint64_t end, std::vector<double>& sums) {
          for (std::size_t p = 0; p < position_actor_.size(); ++p) {
            sums[position_actor_[p]] += position_loss(p, z[position_issue_[p]], begin, end);
          }
        });
    for (double& l : loss) l = 1.0 - l / static_cast<double>(draws_);
    return loss;
  }

  // E[s |t - ideal|^rho] of actor a's position on `issue` (0 without one):
  // how much of a's expected utility that issue costs at value t.
  [[nodiscard]] double issue_loss(std::size_t a, std::size_t issue, double t) const {
    for (std::size_t p = 0; p < position_actor_.size(); ++p) {
      if (position_actor_[p] != a || position_issue_[p] != issue) continue;
      const std::vector<double> sum =
          sum_over_draws(*engine_, draws_, 1, [&](std::uint64_t begin, std::uint64_t end, std::vector<double>& sums) {
            sums[0] += position_loss(p, t, begin, end);
          });
      return sum[0] / static_cast<double>(draws_);
    }
    return 0.0;
  }

 private:
  [[nodiscard]] double position_loss(std::size_t p, double t, std::uint64_t begin, std::uint64_t end) const {
    const double* ideal = ideal_.data() + p * draws_;
    const double* salience = salience_.data() + p * draws_;
    const std::size_t a = position_actor_[p];
    double sum = 0.0;
    if (rho_is_one_[a] != 0) {
      for (std::uint64_t j = begin; j < end; ++j) sum += parley::position_loss(salience[j], ideal[j], t, 1.0);
    } else {
      const double* rho = rho_.data() + a * draws_;
      for (std::uint64_t j = begin; j < end; ++j) sum += parley::position_loss(salience[j], ideal[j], t, rho[j]);
    }
    return sum;
  }

  std::size_t draws_;
  const Engine* engine_;
  std::vector<std::size_t> actors_;  // veto actors, file order
  std::vector<std::string> ids_;
  std::vector<double> capability_, reservation_;  // expected, per veto actor
  std::vector<unsigned char> rho_is_one_;         // per veto actor
  std::vector<double> rho_;                       // [actor][draw]
  std::vector<std::size_t> position_actor_, position_issue_;
  std::vector<double> ideal_, salience_;  // [position][draw], normalised
};

std::vector<double> to_terms(const Scenario& scenario, std::span<const double> z) {
  std::vector<double> terms(z.size());
  for (std::size_t k = 0; k < z.size(); ++k) terms[k] = scenario.issues[k].denormalise(z[k]);
  return terms;
}

std::vector<unsigned char> binary_issues(const Scenario& scenario) {
  std::vector<unsigned char> binary;
  for (const auto& issue : scenario.issues) binary.push_back(issue.type == IssueType::binary ? 1 : 0);
  return binary;
}

// Where compass search starts: the given packages, every scenario proposal
// and the centre of the box (each projected into the box by the optimiser).
std::vector<std::vector<double>> starting_points(const Model& model, const Scenario& scenario,
                                                 std::vector<std::vector<double>> first, const SearchBox& box) {
  for (const auto& p : scenario.proposals) first.push_back(model.package(p.terms).z);
  std::vector<double> centre(box.size());
  for (std::size_t k = 0; k < box.size(); ++k) centre[k] = 0.5 * (box.lo[k] + box.hi[k]);
  first.push_back(centre);
  return first;
}

std::vector<ActorMargin> margins_at(const ExpectedUtilities& eu, std::span<const double> z,
                                    const std::vector<double>& weights) {
  const std::vector<double> u = eu.utilities(z);
  std::vector<ActorMargin> out;
  for (std::size_t a = 0; a < eu.actor_count(); ++a) {
    out.push_back({eu.id(a), weights[a], u[a], eu.reservation(a), u[a] - eu.reservation(a)});
  }
  return out;
}

// The share of stage `stage` of `stages` reported as a share of the whole.
std::function<void(double)> stage_progress(const std::function<void(double)>& progress, std::size_t stage,
                                           std::size_t stages) {
  if (!progress) return {};
  return [&progress, stage, stages](double share) {
    progress((static_cast<double>(stage) + share) / static_cast<double>(stages));
  };
}

NashSolution solve_nash(const Scenario& scenario, const Model& model, const ExpectedUtilities& eu,
                        const std::function<void(double)>& progress) {
  // Three soft-minimum stages, the minimum itself, then the Nash product.
  constexpr std::size_t kStages = 5;
  std::size_t stage_index = 0;
  const std::size_t n = eu.actor_count();
  std::vector<double> weights(n);
  double total = 0.0;
  for (std::size_t a = 0; a < n; ++a) total += eu.capability(a);
  for (std::size_t a = 0; a < n; ++a) weights[a] = eu.capability(a) / total;
  auto margins = [&](std::span<const double> z) {
    std::vector<double> m = eu.utilities(z);
    for (std::size_t a = 0; a < n; ++a) m[a] -= eu.reservation(a);
    return m;
  };
  const SearchBox box = SearchBox::unit(model.issue_count(), binary_issues(scenario));
  NashSolution result;

  // Feasibility first: maximise the smallest margin. The minimum is not
  // smooth where two margins cross, and compass search can stall on such a
  // ridge, so it maximises the smooth soft minimum -log(sum exp(-t m))/t
  // (concave, within log(n)/t of the minimum) for growing t, each stage
  // starting where the last ended, and then the minimum itself.
  std::vector<std::vector<double>> starts = starting_points(model, scenario, {}, box);
  for (const double sharpness : {20.0, 100.0, 500.0}) {
    const Objective soft_min = [&](std::span<const double> z) {
      const std::vector<double> m = margins(z);
      const double lowest = *std::min_element(m.begin(), m.end());
      double sum = 0.0;
      for (double v : m) sum += std::exp(-sharpness * (v - lowest));
      return lowest - std::log(sum) / sharpness;
    };
    CompassSettings coarse;
    coarse.progress = stage_progress(progress, stage_index++, kStages);
    const Optimum stage = maximise_in_box(soft_min, box, starts, coarse);
    result.evaluations += stage.evaluations;
    starts = {stage.x};
  }
  const Objective min_margin = [&](std::span<const double> z) {
    const std::vector<double> m = margins(z);
    return *std::min_element(m.begin(), m.end());
  };
  // The last stages run to a fine mesh: an evaluation is cheap, and a kink of
  // the optimum (an actor's ideal) is then hit to 1e-7 of the issue's width.
  CompassSettings fine;
  fine.tolerance = 1e-7;
  fine.progress = stage_progress(progress, stage_index++, kStages);
  const Optimum widest = maximise_in_box(min_margin, box, starts, fine);
  result.evaluations += widest.evaluations;
  result.feasible = widest.value > 0.0;

  std::vector<double> z = widest.x;
  if (result.feasible) {
    // The Nash product is concave where every margin is positive (Nash 1950;
    // weights as in Kalai 1977's asymmetric solution); -inf outside.
    const Objective nash = [&](std::span<const double> x) {
      const std::vector<double> m = margins(x);
      double sum = 0.0;
      for (std::size_t a = 0; a < n; ++a) {
        if (!(m[a] > 0.0)) return -HUGE_VAL;
        sum += weights[a] * std::log(m[a]);
      }
      return sum;
    };
    fine.progress = stage_progress(progress, stage_index, kStages);
    const Optimum best = maximise_in_box(nash, box, std::vector<std::vector<double>>{widest.x}, fine);
    result.evaluations += best.evaluations;
    result.objective = best.value;
    z = best.x;
  }
  result.terms = to_terms(scenario, z);
  result.actors = margins_at(eu, z, weights);
  result.min_margin = result.actors.front().margin;
  for (const auto& a : result.actors) {
    result.min_margin = std::min(result.min_margin, a.margin);
    if (!result.feasible && a.margin <= 0.0) result.short_actors.push_back(a.id);
  }
  return result;
}

// The interval of t in [0, 1] where f(t) > 0, for a concave f; nullopt when
// f <= 0 everywhere. Golden-section search finds a maximiser, bisection the
// two roots on either side of it.
struct PositiveInterval {
  double lo, hi;
  bool lo_is_root, hi_is_root;
};

template <class F>
std::optional<PositiveInterval> positive_interval(F f) {
  const double golden = (std::sqrt(5.0) - 1.0) / 2.0;
  double a = 0.0, b = 1.0;
  double c = b - golden * (b - a), d = a + golden * (b - a);
  double fc = f(c), fd = f(d);
  for (int iteration = 0; iteration < 80; ++iteration) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - golden * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + golden * (b - a);
      fd = f(d);
    }
  }
  double peak = 0.5 * (a + b);
  double top = f(peak);
  for (const double end : {0.0, 1.0}) {
    const double value = f(end);
    if (value > top) {
      top = value;
      peak = end;
    }
  }
  if (!(top > 0.0)) return std::nullopt;
  // Bisection keeps f(inside) > 0 >= f(outside); 60 halvings reach double precision.
  auto root = [&](double outside, double inside) {
    for (int iteration = 0; iteration < 60; ++iteration) {
      const double mid = 0.5 * (outside + inside);
      (f(mid) > 0.0 ? inside : outside) = mid;
    }
    return inside;
  };
  PositiveInterval out{0.0, 1.0, false, false};
  if (!(f(0.0) > 0.0)) {
    out.lo = root(0.0, peak);
    out.lo_is_root = true;
  }
  if (!(f(1.0) > 0.0)) {
    out.hi = root(1.0, peak);
    out.hi_is_root = true;
  }
  return out;
}

ZopaResult solve_zopa(const Scenario& scenario, const Model& model, const ExpectedUtilities& eu, std::size_t proposal) {
  ZopaResult result;
  result.proposal = scenario.proposals[proposal].id;
  const std::vector<double> z = model.package(scenario.proposals[proposal].terms).z;
  const std::size_t n = eu.actor_count();
  result.actors = margins_at(eu, z, std::vector<double>(n, 0.0));
  result.proposal_inside =
      std::all_of(result.actors.begin(), result.actors.end(), [](const ActorMargin& a) { return a.margin > 0.0; });
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    const Issue& issue = scenario.issues[k];
    IssueZone zone;
    zone.issue = issue.id;
    zone.binary = issue.type == IssueType::binary;
    // Actor a's margin with issue k at t, the others at the proposal: its
    // margin at the proposal with the loss on issue k replaced.
    std::vector<double> at_proposal(n);
    for (std::size_t a = 0; a < n; ++a) at_proposal[a] = result.actors[a].margin + eu.issue_loss(a, k, z[k]);
    auto margin = [&](std::size_t a, double t) { return at_proposal[a] - eu.issue_loss(a, k, t); };
    if (zone.binary) {
      for (const double t : {0.0, 1.0}) {
        bool inside = true;
        for (std::size_t a = 0; a < n && inside; ++a) inside = margin(a, t) > 0.0;
        if (inside) zone.values.push_back(issue.denormalise(t));
      }
      zone.empty = zone.values.empty();
      if (!zone.empty) {
        zone.lo = zone.values.front();
        zone.hi = zone.values.back();
      }
    } else {
      // Each E[u_a] is concave in one issue's value (rho >= 1), so each
      // actor's positive-margin set is an interval; the zone is their
      // intersection.
      double lo = 0.0, hi = 1.0;
      zone.empty = false;
      for (std::size_t a = 0; a < n && !zone.empty; ++a) {
        const auto interval = positive_interval([&](double t) { return margin(a, t); });
        if (!interval) {
          zone.empty = true;
          break;
        }
        if (interval->lo_is_root && interval->lo > lo) {
          lo = interval->lo;
          zone.lo_limit = eu.id(a);
        }
        if (interval->hi_is_root && interval->hi < hi) {
          hi = interval->hi;
          zone.hi_limit = eu.id(a);
        }
      }
      if (!zone.empty && !(lo < hi)) zone.empty = true;
      if (zone.empty) {
        zone.lo_limit.clear();
        zone.hi_limit.clear();
      } else {
        zone.lo = issue.denormalise(lo);
        zone.hi = issue.denormalise(hi);
      }
    }
    result.empty = result.empty && zone.empty;
    result.issues.push_back(std::move(zone));
  }
  return result;
}

// Checks --fix and --bound against the scenario; returns the search box of
// --best (normalised) or throws InputError with every problem.
SearchBox constraint_box(const Scenario& scenario, const std::vector<IssueFix>& fixes,
                         const std::vector<IssueBound>& bounds, std::string& problems) {
  auto problem = [&](const std::string& message) { problems += (problems.empty() ? "" : "\n") + message; };
  SearchBox box = SearchBox::unit(scenario.issues.size(), binary_issues(scenario));
  std::vector<std::string> constrained(scenario.issues.size());  // the option that constrains each issue
  auto claim = [&](std::size_t k, const std::string& option) {
    if (constrained[k].empty()) {
      constrained[k] = option;
      return true;
    }
    const std::string& id = scenario.issues[k].id;
    problem(option == constrained[k] ? option + " " + id + ": the issue is given twice: expected it once"
                                     : "--fix and --bound both constrain '" + id +
                                           "': expected one of them (a fixed issue cannot also be bounded)");
    return false;
  };
  for (const auto& fix : fixes) {
    const auto k = scenario.find_issue(fix.issue);
    if (!k) {
      problem("--fix: unknown issue '" + fix.issue + "': expected one of " + known_issues(scenario));
      continue;
    }
    const Issue& issue = scenario.issues[*k];
    if (issue.type == IssueType::binary ? fix.value != 0.0 && fix.value != 1.0
                                        : fix.value < issue.lo || fix.value > issue.hi) {
      problem("--fix " + fix.issue + ": expected " +
              (issue.type == IssueType::binary
                   ? std::string("0 or 1 (a binary issue)")
                   : "a value in the issue's range [" + number_text(issue.lo) + ", " + number_text(issue.hi) + "]") +
              ", got " + number_text(fix.value));
      continue;
    }
    if (!claim(*k, "--fix")) continue;
    box.lo[*k] = box.hi[*k] = issue.normalise(fix.value);
    box.binary[*k] = 1;
  }
  for (const auto& bound : bounds) {
    const auto k = scenario.find_issue(bound.issue);
    if (!k) {
      problem("--bound: unknown issue '" + bound.issue + "': expected one of " + known_issues(scenario));
      continue;
    }
    const Issue& issue = scenario.issues[*k];
    if (issue.type == IssueType::binary) {
      problem("--bound " + bound.issue + ": a binary issue takes 0 or 1: expected --fix " + bound.issue + "=0 or =1");
      continue;
    }
    if (bound.lo < issue.lo || bound.hi > issue.hi) {
      problem("--bound " + bound.issue + ": expected LO and HI inside the issue's range [" + number_text(issue.lo) +
              ", " + number_text(issue.hi) + "], got " + number_text(bound.lo) + ":" + number_text(bound.hi));
      continue;
    }
    if (!claim(*k, "--bound")) continue;
    box.lo[*k] = issue.normalise(bound.lo);
    box.hi[*k] = issue.normalise(bound.hi);
  }
  return box;
}

// Per package, the sum of P(deal | theta) over the draws, in draw order.
struct DealSums {
  std::vector<double> sums;
  void add(const DrawBatch& batch) {
    for (std::size_t c = 0; c < sums.size(); ++c) {
      for (std::size_t b = 0; b < batch.size; ++b) sums[c] += batch.evaluation->deal(c, b);
    }
  }
  void merge(const DealSums& other) {
    for (std::size_t c = 0; c < sums.size(); ++c) sums[c] += other.sums[c];
  }
  void save(ByteWriter& out) const { out.put_vector(sums); }
  void load(ByteReader& in) { in.get_vector(sums); }
};

// The best package and the start on the same draws: the gain is a paired
// difference, whose standard error is that of the per-draw differences.
struct PairedDeals {
  MeanAccumulator best, start, gain;
  void add(const DrawBatch& batch) {
    for (std::size_t b = 0; b < batch.size; ++b) {
      const double with_best = batch.evaluation->deal(0, b);
      const double with_start = batch.evaluation->deal(1, b);
      best.add(with_best);
      start.add(with_start);
      gain.add(with_best - with_start);
    }
  }
  void merge(const PairedDeals& other) {
    best.merge(other.best);
    start.merge(other.start);
    gain.merge(other.gain);
  }
  void save(ByteWriter& out) const {
    for (const auto* m : {&best, &start, &gain}) m->save(out);
  }
  void load(ByteReader& in) {
    for (auto* m : {&best, &start, &gain}) m->load(in);
  }
};

BestPackage solve_best(const Scenario& scenario, const Model& model, BatchSample& sample, const Engine& engine,
                       std::size_t proposal, const SearchBox& box, const std::function<void(double)>& progress) {
  BestPackage result;
  result.proposal = scenario.proposals[proposal].id;
  result.start_terms = scenario.proposals[proposal].terms;
  const Package start = model.package(result.start_terms);
  const std::vector<std::vector<double>> starts = starting_points(model, scenario, {start.z}, box);
  result.starts = starts.size();
  // Every point of a poll is one package of one pass over the kept draws.
  const PollObjective deal = [&](std::span<const std::vector<double>> points, std::span<double> values) {
    std::vector<Package> packages;
    packages.reserve(points.size());
    for (const auto& z : points) packages.push_back(Package{z});
    const DealSums total =
        engine.revisit(sample, packages, DealSums{std::vector<double>(points.size(), 0.0)}, Outcomes::deal_only);
    for (std::size_t c = 0; c < points.size(); ++c) values[c] = total.sums[c] / static_cast<double>(sample.draws);
  };
  // P(deal) is smooth but needs no derivatives here; a step of 1e-4 of an
  // issue's width is finer than any term a negotiator would state.
  CompassSettings compass;
  compass.tolerance = 1e-4;
  compass.progress = progress;
  const Optimum best = maximise_in_box_polled(deal, box, starts, compass);
  result.evaluations = best.evaluations;
  result.terms = to_terms(scenario, best.x);

  const std::vector<Package> packages{Package{best.x}, start};
  const PairedDeals paired = engine.revisit(sample, packages, PairedDeals{}, Outcomes::deal_only);
  result.deal = estimate_of(paired.best);
  result.start_deal = estimate_of(paired.start);
  result.gain = estimate_of(paired.gain, -1.0, 1.0);
  return result;
}

}  // namespace

SolveResult solve_scenario(const Scenario& scenario, const SolveSettings& settings) {
  std::string problems;
  auto problem = [&](const std::string& message) { problems += (problems.empty() ? "" : "\n") + message; };
  if (std::none_of(scenario.actors.begin(), scenario.actors.end(), [](const Actor& a) { return a.veto; })) {
    problem("the scenario has no veto actor: solve needs at least one actor whose acceptance a deal needs");
  }
  std::size_t proposal = 0;
  if (settings.mode == SolveMode::nash) {
    if (!settings.proposal.empty()) problem("--proposal: --nash does not start from a proposal: leave it out");
  } else if (!settings.proposal.empty()) {
    try {
      proposal = require_proposal(scenario, settings.proposal);
    } catch (const InputError& e) {
      problem(e.what());  // reported with the other problems
    }
  } else if (scenario.proposals.empty()) {
    problem("the scenario has no proposal to start from");
  }
  SearchBox box;
  if (settings.mode == SolveMode::best) {
    box = constraint_box(scenario, settings.fixes, settings.bounds, problems);
  } else if (!settings.fixes.empty() || !settings.bounds.empty()) {
    problem("--fix and --bound constrain the search of --best: expected them with --best only");
  }
  if (settings.simulation.draws == 0 || settings.simulation.draws > kSolveMaxDraws) {
    problem("--draws: expected 1 to " + std::to_string(kSolveMaxDraws) +
            " draws (solve keeps every draw in memory), got " + std::to_string(settings.simulation.draws));
  }
  if (!problems.empty()) throw InputError(problems);

  const Model model(scenario);
  // Progress: the sample is realised first, then the search or the sums run
  // on it (their share of the bar reported by the search, in draws' units).
  const std::uint64_t draws = settings.simulation.draws;
  const ProgressCallback& progress = settings.simulation.progress;
  const Engine sampler(settings.simulation.threads, progress ? ProgressCallback([&](std::uint64_t done, std::uint64_t) {
                         progress(done / 2, draws);
                       })
                                                             : ProgressCallback());
  const DrawPoints points(settings.simulation.seed, model.input_count());
  const Engine engine(settings.simulation.threads);
  auto searched = [&](double share) {
    if (progress)
      progress(draws / 2 + static_cast<std::uint64_t>(share * static_cast<double>(draws - draws / 2)), draws);
  };
  SolveResult result;
  result.mode = settings.mode;
  result.seed = settings.simulation.seed;
  result.draws = settings.simulation.draws;
  switch (settings.mode) {
    case SolveMode::nash: {
      const DrawSample sample = sampler.sample(model, points, draws);
      result.nash = solve_nash(scenario, model, ExpectedUtilities(scenario, model, sample.draws, engine), searched);
      break;
    }
    case SolveMode::zopa: {
      const DrawSample sample = sampler.sample(model, points, draws);
      result.zopa = solve_zopa(scenario, model, ExpectedUtilities(scenario, model, sample.draws, engine), proposal);
      break;
    }
    case SolveMode::best: {
      BatchSample sample = sampler.keep(model, points, draws);
      result.best = solve_best(scenario, model, sample, engine, proposal, box, searched);
      result.best.fixes = settings.fixes;
      result.best.bounds = settings.bounds;
      break;
    }
  }
  return result;
}

}  // namespace parley

#include "parley/analysis/sweep.hpp"
#include "parley/analysis/lookup.hpp"

#include <cmath>
#include <optional>

#include "parley/core/model.hpp"
#include "request_text.hpp"

namespace parley {

std::vector<double> SweepAxis::values() const {
  std::vector<double> out(steps);
  for (std::size_t k = 0; k < steps; ++k) {
    // Ends exact; interior points by linear interpolation from both ends.
    const double t = static_cast<double>(k) / static_cast<double>(steps - 1);
    out[k] = k + 1 == steps ? hi : lo + t * (hi - lo);
  }
  return out;
}

using detail::number_text;

SweepResult sweep_scenario(const Scenario& scenario, const std::string& proposal, const std::vector<SweepAxis>& axes,
                           const SimulationSettings& settings) {
  std::string problems;
  auto problem = [&](const std::string& message) { problems += (problems.empty() ? "" : "\n") + message; };
  std::optional<std::size_t> proposal_index;
  try {
    proposal_index = require_proposal(scenario, proposal);
  } catch (const InputError& e) {
    problem(e.what());  // reported with the other problems
  }
  if (axes.empty() || axes.size() > 2) {
    problem("--vary: expected one or two issues to vary, got " + std::to_string(axes.size()));
  }
  SweepResult result;
  result.proposal = proposal;
  result.axes = axes;
  result.seed = settings.seed;
  result.draws = settings.draws;
  for (std::size_t a = 0; a < axes.size(); ++a) {
    const SweepAxis& axis = axes[a];
    const auto issue = scenario.find_issue(axis.issue);
    if (!issue) {
      problem("--vary: unknown issue '" + axis.issue + "': expected one of " + detail::known_issues(scenario));
      continue;
    }
    if (a == 1 && !result.axis_issues.empty() && result.axis_issues[0] == *issue) {
      problem("--vary: issue '" + axis.issue + "' is varied twice: expected two different issues");
    }
    result.axis_issues.push_back(*issue);
    const Issue& i = scenario.issues[*issue];
    if (i.type == IssueType::binary) {
      if (axis.lo != 0.0 || axis.hi != 1.0 || axis.steps != 2) {
        problem("--vary " + axis.issue + ": a binary issue takes 0 and 1: expected " + axis.issue + "=0:1:2");
      }
    } else if (axis.lo < i.lo || axis.hi > i.hi) {
      problem("--vary " + axis.issue + ": expected LO and HI inside the issue's range [" + number_text(i.lo) + ", " +
              number_text(i.hi) + "], got " + number_text(axis.lo) + ":" + number_text(axis.hi));
    }
  }
  std::size_t points = 1;
  for (const auto& axis : axes) points *= axis.steps;
  if (points > kMaxSweepPoints) {
    problem("--vary: the grid has " + std::to_string(points) + " points: expected at most " +
            std::to_string(kMaxSweepPoints) + " (each point holds per-actor accumulators in memory)");
  }
  if (!problems.empty()) throw InputError(problems);

  const Model model(scenario);
  const std::vector<double> base = scenario.proposals[*proposal_index].terms;
  const std::vector<double> first = axes[0].values();
  const std::vector<double> second = axes.size() > 1 ? axes[1].values() : std::vector<double>{0.0};
  std::vector<Package> packages;
  std::vector<std::vector<double>> coordinates;
  for (double x : first) {
    for (double y : second) {
      std::vector<double> terms = base;
      terms[result.axis_issues[0]] = x;
      if (axes.size() > 1) terms[result.axis_issues[1]] = y;
      packages.push_back(model.package(terms));
      coordinates.push_back(axes.size() > 1 ? std::vector<double>{x, y} : std::vector<double>{x});
    }
  }
  SimulationSettings grid = settings;
  grid.deal_quantiles = false;
  const SimulationSummary summary = simulate(model, packages, grid);
  for (std::size_t p = 0; p < packages.size(); ++p) {
    const PackageAccumulator& acc = summary.packages[p];
    SweepPoint point;
    point.values = coordinates[p];
    point.deal = estimate_of(acc.deal);
    point.support = estimate_of(acc.support);
    for (const auto& a : acc.accept) point.accept.push_back(estimate_of(a));
    result.points.push_back(std::move(point));
  }
  return result;
}

}  // namespace parley

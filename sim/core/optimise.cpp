#include "parley/core/optimise.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

namespace parley {

SearchBox SearchBox::unit(std::size_t n, std::span<const unsigned char> binary) {
  SearchBox box;
  box.lo.assign(n, 0.0);
  box.hi.assign(n, 1.0);
  box.binary.assign(n, 0);
  for (std::size_t k = 0; k < std::min(n, binary.size()); ++k) box.binary[k] = binary[k];
  return box;
}

std::vector<double> SearchBox::project(std::span<const double> x) const {
  std::vector<double> p(size());
  for (std::size_t k = 0; k < size(); ++k) {
    const double v = std::isnan(x[k]) ? lo[k] : std::clamp(x[k], lo[k], hi[k]);
    p[k] = binary[k] != 0 ? (v - lo[k] <= hi[k] - v ? lo[k] : hi[k]) : v;
  }
  return p;
}

namespace {
// `refined(step)` is called after each halving of the step.
Optimum compass_from(const Objective& f, const SearchBox& box, std::vector<double> x, const CompassSettings& settings,
                     std::size_t budget, const std::function<void(double)>& refined) {
  Optimum best{x, f(x), 1};
  if (std::isnan(best.value)) best.value = -HUGE_VAL;
  bool any_continuous = false;
  for (std::size_t k = 0; k < box.size(); ++k)
    any_continuous = any_continuous || (box.binary[k] == 0 && box.hi[k] > box.lo[k]);
  double step = settings.initial_step;
  auto improves = [&](std::vector<double>& trial) {
    const double value = f(trial);
    ++best.evaluations;
    if (value > best.value) {  // false for NaN
      best.value = value;
      best.x = trial;
      return true;
    }
    return false;
  };
  while (best.evaluations < budget) {
    bool moved = false;
    for (std::size_t k = 0; k < box.size() && best.evaluations < budget; ++k) {
      const double width = box.hi[k] - box.lo[k];
      if (width <= 0.0) continue;
      std::vector<double> trial = best.x;
      if (box.binary[k] != 0) {
        trial[k] = trial[k] == box.lo[k] ? box.hi[k] : box.lo[k];
        moved = improves(trial) || moved;
        continue;
      }
      for (const double sign : {1.0, -1.0}) {
        trial[k] = std::clamp(best.x[k] + sign * step * width, box.lo[k], box.hi[k]);
        if (trial[k] == best.x[k]) continue;
        if (improves(trial)) {
          moved = true;
          break;
        }
        trial[k] = best.x[k];
      }
    }
    if (moved) continue;
    // A poll without improvement: refine the mesh, or stop at the tolerance
    // (at once when only binary coordinates are left to poll).
    if (!any_continuous) break;
    step *= 0.5;
    if (step < settings.tolerance) break;
    refined(step);
  }
  return best;
}

// The start with its binary coordinates set to the best of their
// combinations (the start's own combination on ties); `evaluations` counts
// the calls of f.
std::vector<double> best_binary_combination(const Objective& f, const SearchBox& box, std::vector<double> start,
                                            std::size_t& evaluations) {
  std::vector<std::size_t> binary;
  for (std::size_t k = 0; k < box.size(); ++k) {
    if (box.binary[k] != 0 && box.hi[k] > box.lo[k]) binary.push_back(k);
  }
  if (binary.empty() || binary.size() > kMaxEnumeratedBinaries) return start;
  double best_value = f(start);
  ++evaluations;
  std::vector<double> best = start;
  // Combination m flips the binary coordinates whose bit is set, so m = 0 is
  // the start itself.
  for (std::size_t m = 1; m < (std::size_t{1} << binary.size()); ++m) {
    std::vector<double> trial = start;
    for (std::size_t b = 0; b < binary.size(); ++b) {
      const std::size_t k = binary[b];
      if ((m >> b) & 1U) trial[k] = trial[k] == box.lo[k] ? box.hi[k] : box.lo[k];
    }
    const double value = f(trial);
    ++evaluations;
    if (value > best_value || (std::isnan(best_value) && !std::isnan(value))) {
      best_value = value;
      best = std::move(trial);
    }
  }
  return best;
}

// Complete polls around x until the step falls below the tolerance.
Optimum polled_compass_from(const PollObjective& f, const SearchBox& box, std::vector<double> x,
                            const CompassSettings& settings, std::size_t budget,
                            const std::function<void(double)>& refined) {
  bool any_continuous = false;
  for (std::size_t k = 0; k < box.size(); ++k)
    any_continuous = any_continuous || (box.binary[k] == 0 && box.hi[k] > box.lo[k]);
  std::vector<std::vector<double>> trials{x};
  std::vector<double> values(1);
  f(trials, values);
  Optimum best{x, std::isnan(values[0]) ? -HUGE_VAL : values[0], 1};
  double step = settings.initial_step;
  while (best.evaluations < budget) {
    trials.clear();
    for (std::size_t k = 0; k < box.size(); ++k) {
      const double width = box.hi[k] - box.lo[k];
      if (width <= 0.0) continue;
      std::vector<double> trial = best.x;
      if (box.binary[k] != 0) {
        trial[k] = trial[k] == box.lo[k] ? box.hi[k] : box.lo[k];
        trials.push_back(trial);
        continue;
      }
      for (const double sign : {1.0, -1.0}) {
        trial[k] = std::clamp(best.x[k] + sign * step * width, box.lo[k], box.hi[k]);
        if (trial[k] != best.x[k]) trials.push_back(trial);
      }
    }
    if (trials.empty()) break;
    values.assign(trials.size(), 0.0);
    f(trials, values);
    best.evaluations += trials.size();
    std::size_t chosen = trials.size();
    double value = best.value;
    for (std::size_t i = 0; i < trials.size(); ++i) {
      if (values[i] > value) {  // false for NaN
        value = values[i];
        chosen = i;
      }
    }
    if (chosen < trials.size()) {
      best.x = trials[chosen];
      best.value = value;
      continue;
    }
    if (!any_continuous) break;
    step *= 0.5;
    if (step < settings.tolerance) break;
    refined(step);
  }
  return best;
}

// best_binary_combination with every combination evaluated in one call.
std::vector<double> polled_binary_combination(const PollObjective& f, const SearchBox& box, std::vector<double> start,
                                              std::size_t& evaluations) {
  std::vector<std::size_t> binary;
  for (std::size_t k = 0; k < box.size(); ++k) {
    if (box.binary[k] != 0 && box.hi[k] > box.lo[k]) binary.push_back(k);
  }
  if (binary.empty() || binary.size() > kMaxEnumeratedBinaries) return start;
  std::vector<std::vector<double>> trials;
  for (std::size_t m = 0; m < (std::size_t{1} << binary.size()); ++m) {
    std::vector<double> trial = start;
    for (std::size_t b = 0; b < binary.size(); ++b) {
      const std::size_t k = binary[b];
      if ((m >> b) & 1U) trial[k] = trial[k] == box.lo[k] ? box.hi[k] : box.lo[k];
    }
    trials.push_back(std::move(trial));
  }
  std::vector<double> values(trials.size());
  f(trials, values);
  evaluations += trials.size();
  std::size_t best = 0;
  for (std::size_t m = 1; m < trials.size(); ++m) {
    if (values[m] > values[best] || (std::isnan(values[best]) && !std::isnan(values[m]))) best = m;
  }
  return trials[best];
}

// Runs `search(start, budget, refined)` from each start and keeps the best,
// reporting progress as the starts and the step halvings go.
template <class Search>
Optimum best_of_starts(const SearchBox& box, std::span<const std::vector<double>> starts,
                       const CompassSettings& settings, Search&& search) {
  if (starts.empty()) throw std::invalid_argument("maximise_in_box: expected at least one start");
  if (box.hi.size() != box.size() || box.binary.size() != box.size()) {
    throw std::invalid_argument("maximise_in_box: the box's lo, hi and binary differ in size");
  }
  Optimum best;
  best.value = -HUGE_VAL;
  std::size_t used = 0;
  bool first = true;
  const double halvings = std::max(1.0, std::log2(settings.initial_step / settings.tolerance));
  std::size_t start_index = 0;
  auto report = [&](double within) {
    if (settings.progress) {
      settings.progress((static_cast<double>(start_index) + std::clamp(within, 0.0, 1.0)) /
                        static_cast<double>(starts.size()));
    }
  };
  for (const auto& start : starts) {
    if (start.size() != box.size()) throw std::invalid_argument("maximise_in_box: a start has the wrong size");
    Optimum run = search(box.project(start), used,
                         [&](double step) { report(std::log2(settings.initial_step / step) / halvings); });
    used += run.evaluations;
    ++start_index;
    report(0.0);
    if (first || run.value > best.value) {
      run.evaluations = used;
      best = std::move(run);
      first = false;
    }
  }
  best.evaluations = used;
  return best;
}
}  // namespace

Optimum maximise_in_box_polled(const PollObjective& f, const SearchBox& box,
                               std::span<const std::vector<double>> starts, const CompassSettings& settings) {
  return best_of_starts(box, starts, settings,
                        [&](std::vector<double> start, std::size_t& used, const std::function<void(double)>& refined) {
                          std::vector<double> from = polled_binary_combination(f, box, std::move(start), used);
                          const std::size_t budget =
                              settings.max_evaluations > used ? settings.max_evaluations - used : 1;
                          return polled_compass_from(f, box, std::move(from), settings, budget, refined);
                        });
}

Optimum maximise_in_box(const Objective& f, const SearchBox& box, std::span<const std::vector<double>> starts,
                        const CompassSettings& settings) {
  return best_of_starts(box, starts, settings,
                        [&](std::vector<double> start, std::size_t& used, const std::function<void(double)>& refined) {
                          std::vector<double> from = best_binary_combination(f, box, std::move(start), used);
                          const std::size_t budget =
                              settings.max_evaluations > used ? settings.max_evaluations - used : 1;
                          return compass_from(f, box, std::move(from), settings, budget, refined);
                        });
}

}  // namespace parley

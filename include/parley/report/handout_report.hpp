#pragma once
// `parley report`: the scenario and its results as one printable,
// self-contained HTML page (a classroom handout): inline CSS and SVG, no
// scripts, nothing fetched from the network.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/analysis/bargain.hpp"
#include "parley/analysis/run.hpp"
#include "parley/analysis/sobol_analysis.hpp"
#include "parley/analysis/sweep.hpp"
#include "parley/analysis/tornado.hpp"
#include "parley/core/scenario.hpp"

namespace parley {

/// An exercise with `set:` changes, run before and after them on the same
/// seed and draw indices.
struct ExerciseResult {
  std::size_t exercise = 0;  // index into Scenario::exercises
  RunResult before, after;
};

/// What the handout shows beyond the scenario itself: the results of `run`,
/// the optional analyses (`--with`), and the exercises' before and after.
struct Handout {
  std::string command;  // the command line that reproduces the page
  RunResult run;
  std::optional<TornadoResult> tornado;
  std::optional<SweepResult> sweep;
  std::optional<SobolAnalysis> sobol;
  std::optional<BargainResult> bargain;
  std::vector<ExerciseResult> exercises;
};

/// The page: the HYPOTHETICAL banner (at the top and on every printed page),
/// what the numbers are and are not, sources, actors, positions with quotes,
/// assumptions, relations (drawing and table), proposals, results (table and
/// chart), the optional analyses, the exercises, and how to reproduce it.
std::string handout_html(const Scenario& scenario, const Handout& handout);

}  // namespace parley

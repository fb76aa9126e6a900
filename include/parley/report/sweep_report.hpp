#pragma once
// The `sweep` analysis as a table, JSON and CSV.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "parley/analysis/sweep.hpp"
#include "parley/core/scenario.hpp"
#include "parley/report/common.hpp"

namespace parley {

/// How a plot names a swept issue: its label, "[unit]" when it has one, and
/// "(assumed)" when the issue's note marks an assumption ("assumption: ...");
/// the id itself for an issue the scenario does not have.
std::string sweep_axis_label(const Scenario& scenario, const std::string& issue_id);

/// The table, its actor columns fitted to a terminal `width` columns wide.
std::string sweep_table(const Scenario& scenario, const SweepResult& result, std::size_t width = 80);
nlohmann::ordered_json sweep_json(const Scenario& scenario, const SweepResult& result);
std::string sweep_csv(const Scenario& scenario, const SweepResult& result);

}  // namespace parley

#pragma once
// The `sweep` analysis as a table, JSON and CSV.

#include <nlohmann/json.hpp>
#include <string>

#include "parley/analysis/sweep.hpp"
#include "parley/core/scenario.hpp"
#include "parley/report/common.hpp"

namespace parley {

std::string sweep_table(const Scenario& scenario, const SweepResult& result);
nlohmann::ordered_json sweep_json(const Scenario& scenario, const SweepResult& result);
std::string sweep_csv(const Scenario& scenario, const SweepResult& result);

}  // namespace parley

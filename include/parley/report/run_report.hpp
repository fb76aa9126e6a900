#pragma once
// The `run` analysis as a table, JSON and CSV.

#include <nlohmann/json.hpp>
#include <string>

#include "parley/analysis/run.hpp"
#include "parley/core/scenario.hpp"
#include "parley/report/common.hpp"

namespace parley {

std::string run_table(const Scenario& scenario, const RunResult& result);
nlohmann::ordered_json run_json(const Scenario& scenario, const RunResult& result);
std::string run_csv(const Scenario& scenario, const RunResult& result);

}  // namespace parley

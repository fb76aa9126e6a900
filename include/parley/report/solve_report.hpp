#pragma once
// The `solve` analysis as a table, JSON and CSV.

#include <nlohmann/json.hpp>
#include <string>

#include "parley/analysis/solve.hpp"
#include "parley/core/scenario.hpp"
#include "parley/report/common.hpp"

namespace parley {

std::string solve_table(const Scenario& scenario, const SolveResult& result);
nlohmann::ordered_json solve_json(const Scenario& scenario, const SolveResult& result);
std::string solve_csv(const Scenario& scenario, const SolveResult& result);

}  // namespace parley

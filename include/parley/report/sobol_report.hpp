#pragma once
// The `sobol` and `morris` analyses as tables, JSON and CSV.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "parley/analysis/sobol_analysis.hpp"
#include "parley/core/scenario.hpp"
#include "parley/report/common.hpp"

namespace parley {

/// The tables fit their input names to a terminal `width` columns wide.
std::string sobol_table(const Scenario& scenario, const SobolAnalysis& analysis, std::size_t width = 80);
nlohmann::ordered_json sobol_json(const Scenario& scenario, const SobolAnalysis& analysis);
std::string sobol_csv(const Scenario& scenario, const SobolAnalysis& analysis);

std::string morris_table(const Scenario& scenario, const MorrisAnalysis& analysis, std::size_t width = 80);
nlohmann::ordered_json morris_json(const Scenario& scenario, const MorrisAnalysis& analysis);
std::string morris_csv(const Scenario& scenario, const MorrisAnalysis& analysis);

}  // namespace parley

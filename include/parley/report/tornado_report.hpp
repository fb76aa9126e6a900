#pragma once
// The `tornado` analysis as a table, JSON and CSV.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "parley/analysis/tornado.hpp"
#include "parley/core/scenario.hpp"
#include "parley/report/common.hpp"

namespace parley {

/// The table, its input names fitted to a terminal `width` columns wide.
std::string tornado_table(const Scenario& scenario, const TornadoResult& result, std::size_t width = 80);
nlohmann::ordered_json tornado_json(const Scenario& scenario, const TornadoResult& result);
std::string tornado_csv(const Scenario& scenario, const TornadoResult& result);

}  // namespace parley

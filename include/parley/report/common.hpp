#pragma once
// What every output carries: the HYPOTHETICAL label, the layout's version,
// and the JSON and CSV headers with the tool's version, the seed and draws.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "parley/core/scenario.hpp"
#include "parley/core/statistics.hpp"

namespace parley {

inline constexpr const char* kDisclaimer =
    "HYPOTHETICAL \xe2\x80\x94 model output from the stated assumptions; not a prediction.";

/// Version of the JSON and CSV layouts documented in docs/outputs.md.
inline constexpr int kOutputSchema = 1;

/// Fields every JSON output starts with: tool, version, disclaimer, command,
/// scenario {title, file}, seed, draws.
nlohmann::ordered_json json_header(const Scenario& scenario, const std::string& command, std::uint64_t seed,
                                   std::uint64_t draws);

/// The leading `#` comment line of every CSV output.
std::string csv_header(const Scenario& scenario, const std::string& command, std::uint64_t seed, std::uint64_t draws);

/// A probability estimate as {mean, se, ci95: [lo, hi]}.
nlohmann::ordered_json estimate_json(const Estimate& e);

/// Text made safe inside HTML (and Graphviz HTML-like labels) elements and
/// attribute values: & < > " ' escaped.
std::string html_escape(std::string_view text);

}  // namespace parley

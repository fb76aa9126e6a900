#pragma once
// The scenario in words (`validate --explain`).

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/core/scenario.hpp"
#include "parley/report/common.hpp"

namespace parley {

/// A parameter as the file gives it, in words: "0.25", "normal, mean 0.45,
/// sd 0.08", "uniform from 0.1 to 0.25", ...
std::string parameter_in_words(const Distribution& d);

/// A value a note marks as an assumption ("assumption: ..."): the path that
/// names it and the note's text from "assumption:" on.
struct Assumption {
  std::string path, text;
};

/// The text of `note` from "assumption:" on (any case), on one line; empty
/// when the note marks no assumption.
std::string assumption_in(const std::string& note);

/// Every assumption the file's notes mark, in file order (sources, issues,
/// actors and their positions, relations, proposals).
std::vector<Assumption> scenario_assumptions(const Scenario& scenario);

/// The scenario as a reader sees it (`parley validate --explain`): title, as
/// of, sources; each actor's positions (issue, ideal with unit, salience,
/// quote and source); and every value a note marks as an assumption
/// ("assumption: ..."), by its path. Plain text wrapped to `width` columns
/// (at least 40), with the HYPOTHETICAL label.
std::string scenario_explanation(const Scenario& scenario, std::size_t width);

}  // namespace parley

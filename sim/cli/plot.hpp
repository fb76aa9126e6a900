#pragma once
// `parley plot CSV --out FILE.svg|png [--chart NAME]`: picks the gnuplot script
// in plots/ from the kind of the CSV (its leading comment line) and runs gnuplot.

#include <string>

#include "parley/core/errors.hpp"

namespace parley::cli {

/// `chart` picks one of the pictures of a bargain CSV: "agreement" (the
/// default when empty) or "terms"; other CSVs have one picture and no chart.
/// Throws parley::InputError for a CSV it cannot plot, a chart it does not
/// have or a bad --out, and std::runtime_error when gnuplot is missing or
/// fails. Writes atomically.
void plot_csv(const std::string& csv, const std::string& out, const std::string& title, const std::string& chart);

}  // namespace parley::cli

#pragma once
// `parley plot CSV --out FILE.svg|png`: picks the gnuplot script in plots/ from
// the kind of the CSV (its leading comment line) and runs gnuplot.

#include <string>

namespace parley::cli {

/// Throws parley::InputError for a CSV it cannot plot or a bad --out, and
/// std::runtime_error when gnuplot is missing or fails. Writes atomically.
void plot_csv(const std::string& csv, const std::string& out, const std::string& title);

}  // namespace parley::cli

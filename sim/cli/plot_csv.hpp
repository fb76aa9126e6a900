#pragma once
// Reading the CSV that `parley plot` draws (sweep, tornado, sobol, bargain):
// the leading line `# HYPOTHETICAL ... parley VERSION KIND; scenario "TITLE"
// (FILE); seed ...`, the header of KIND, and rows whose every field is a
// number, an id or a name of [A-Za-z0-9_.+- ]. Lines are at most 16 KiB,
// fields 1 KiB and the file 256 MiB. No regex, no shell: the data is
// reshaped here into the file gnuplot reads.

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "parley/core/errors.hpp"

namespace parley::cli {

/// What gnuplot gets: the script, the data prepared for it, and the script's
/// variables as gnuplot literals; and the CSV's kind and scenario title.
struct PlotData {
  std::string script;
  std::string data;
  std::vector<std::pair<std::string, std::string>> variables;
  std::string kind{};
  std::string title{};
};

/// Reads and checks the CSV at `csv`; `chart` picks a bargain CSV's picture
/// ("" or "agreement", "terms"). Throws parley::InputError naming the file,
/// line and field for a CSV parley did not write.
PlotData read_plot_csv(const std::string& csv, const std::string& chart);

/// The same from an open file, named `csv` in messages.
PlotData read_plot_csv(std::FILE* file, const std::string& csv, const std::string& chart);

/// A gnuplot string literal in single quotes ('' stands for one quote; there
/// are no other escapes). Only printable one-line text may be passed.
std::string gnuplot_string(const std::string& s);

}  // namespace parley::cli

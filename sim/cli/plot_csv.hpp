#pragma once
// The check `parley plot` makes of a CSV before gnuplot sees it, without
// std::regex and with length bounds: the leading line
//   # HYPOTHETICAL ... parley VERSION KIND; scenario "TITLE" (FILE); seed ...
// then the header of KIND, then rows whose every field is a number, an id or
// a path of [A-Za-z0-9_.+- ] (so no quotes, $ or ` reach the scripts' pipes).

#include <cstddef>
#include <string>
#include <string_view>

namespace parley::cli {

/// Lines longer than this are refused (parley's longest are well under 1 KiB).
inline constexpr std::size_t kMaxPlotCsvLine = 4096;
/// CSVs larger than this are refused (a 201 x 201 sweep is far smaller).
inline constexpr std::size_t kMaxPlotCsvBytes = std::size_t{256} << 20;

struct PlotCsv {
  std::string kind;         // sweep, tornado, sobol or bargain
  std::string title;        // the scenario's title, its doubled quotes undone
  std::size_t columns = 0;  // fields of the header and of every row
  std::size_t issues = 0;   // sweep: 1 or 2 varied issues (curves or heat map); else 0
  std::size_t rows = 0;     // data rows, at least 1
};

/// Parses and checks the text of a CSV written by parley; throws
/// parley::InputError (parley/sweep.hpp) saying what is wrong, naming
/// `file_name`. Accepts '\n' line ends only, as parley writes them.
PlotCsv check_plot_csv(std::string_view text, std::string_view file_name = "CSV");

}  // namespace parley::cli

// libFuzzer target: the check `parley plot` makes of a CSV before gnuplot
// reads it. InputError is the expected outcome for a CSV parley did not
// write; any other exception, a crash or a sanitizer report is a finding. An
// accepted CSV must be as promised: a known kind, at least one row.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "parley/sweep.hpp"
#include "plot_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const parley::cli::PlotCsv csv = parley::cli::check_plot_csv(text, "fuzz.csv");
    const bool known = csv.kind == "sweep" || csv.kind == "tornado" || csv.kind == "sobol" || csv.kind == "bargain";
    const bool sweep_ok = csv.kind == "sweep" ? csv.issues == 1 || csv.issues == 2 : csv.issues == 0;
    if (!known || !sweep_ok || csv.rows == 0 || csv.columns == 0) std::abort();
    // No accepted field may carry a character outside the safe set.
    for (std::size_t at = text.find('\n'); at != std::string_view::npos && at + 1 < text.size();
         at = text.find('\n', at + 1)) {
      const std::string_view rest = text.substr(at + 1);
      for (char c : rest.substr(0, rest.find('\n'))) {
        const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                          c == '.' || c == '+' || c == '-' || c == ' ' || c == ',';
        if (!safe) std::abort();
      }
    }
  } catch (const parley::InputError&) {
  }
  return 0;
}

// libFuzzer target: the reader of `parley plot`'s CSV (sim/cli/plot_csv.cpp),
// the same code the command runs before gnuplot. InputError is the expected
// outcome for a CSV parley did not write; any other exception, a crash or a
// sanitizer report is a finding. What it accepts must be safe for gnuplot:
// a known script and data of numbers, ids, commas and line breaks only.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "parley/core/errors.hpp"

#include "plot_csv.hpp"

namespace {
bool safe(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == '+' || c == '-' || c == ' ' || c == ',' || c == '\n' || c == 'e';
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  for (const char* chart : {"", "terms"}) {
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(fmemopen(text.data(), text.size(), "rb"), &std::fclose);
    if (!file) return 0;  // fmemopen refuses an empty buffer
    try {
      const parley::cli::PlotData plot = parley::cli::read_plot_csv(file.get(), "fuzz.csv", chart);
      const bool known =
          plot.kind == "sweep" || plot.kind == "tornado" || plot.kind == "sobol" || plot.kind == "bargain";
      if (!known || plot.script.empty()) std::abort();
      for (char c : plot.data) {
        if (!safe(c)) std::abort();
      }
    } catch (const parley::InputError&) {
    }
  }
  return 0;
}

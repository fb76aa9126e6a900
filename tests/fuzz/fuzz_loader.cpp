// libFuzzer target: the scenario loader with `--set` overrides.
//
// The input is scenario text, optionally followed by a line "# --set" (a YAML
// comment, so plain scenario files are seeds as they are) and up to
// kMaxOverrides lines PATH=VALUE, each parsed with parley::parse_override.
// ScenarioError and InputError are expected outcomes; any other exception, a
// crash, a sanitizer report, a timeout or running out of memory is a finding.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/core/errors.hpp"
#include "parley/io/diagnostics.hpp"
#include "parley/io/scenario_loader.hpp"

namespace {
constexpr std::string_view kSeparator = "\n# --set\n";
constexpr std::size_t kMaxOverrides = 8;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t separator = input.find(kSeparator);
  const std::string_view text = input.substr(0, separator);
  try {
    std::vector<parley::Override> overrides;
    if (separator != std::string_view::npos) {
      std::string_view rest = input.substr(separator + kSeparator.size());
      while (!rest.empty() && overrides.size() < kMaxOverrides) {
        const std::size_t end = rest.find('\n');
        const std::string_view line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
        if (!line.empty()) overrides.push_back(parley::parse_override(line));
      }
    }
    const parley::Scenario scenario = parley::load_scenario_text(text, "fuzz.yaml", overrides);
    (void)scenario;
  } catch (const parley::ScenarioError& e) {
    // Every diagnostic must format.
    for (const parley::Diagnostic& d : e.diagnostics()) (void)parley::format_diagnostic(d);
  } catch (const parley::InputError&) {
  }
  return 0;
}

// Scenario loading: YAML (yaml-cpp) -> plain data, with strict validation that
// collects every problem before failing (pbrt's FileLoc / ReportUnused idea).
// The steps live in the files named in loader_context.hpp.

#include "parley/io/scenario_loader.hpp"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "loader_context.hpp"
#include "parley/io/utf8.hpp"
#include "yaml_document.hpp"

namespace parley {
namespace io {

Loader::Loader(std::string file, std::span<const Override> overrides) : file_(std::move(file)) {
  for (const auto& o : overrides) overrides_.push_back(o);
}

Scenario Loader::load(std::string_view text) {
  text_ = text;
  if (!check_encoding(text)) fail();
  io::YamlDocument document = io::read_yaml_document(text);
  if (document.problem) {
    report_at(document.problem->mark, document.problem->message);
    fail();
  }
  empty_value_keys_ = std::move(document.empty_value_keys);
  trees_.push_back(document.tree);
  const YamlNode root = document.root;
  if (!root.IsDefined() || root.IsNull()) {
    errors_.push_back({{file_, 1, 1}, "the file is empty: expected a scenario, a map starting with 'parley: 1'"});
    fail();
  }
  if (!root.IsMap()) {
    report(root, "", "expected a scenario, a map starting with 'parley: 1', got " + describe(root));
    fail();
  }
  apply_overrides(root);
  Scenario s = read(root);
  if (errors_.empty() && check_exercises_) check_exercise_changes(s);
  if (!errors_.empty()) fail();
  return s;
}

bool Loader::check_encoding(std::string_view text) {
  int line = 1;
  int column = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t length = utf8_sequence_length(text, i);
    const bool valid = length > 0;
    if (!valid) {
      errors_.push_back({{file_, line, column},
                         fmt::format("the file is not valid UTF-8: expected UTF-8 text, got the byte 0x{:02x}", c)});
      return false;
    }
    // YAML allows no control characters but tab and line breaks (YAML 1.2,
    // c-printable); yaml-cpp would pass a NUL byte on into titles.
    const char32_t code = decode_utf8(text, i).first;
    if (is_control(code) && code != '\t' && code != '\n' && code != '\r') {
      errors_.push_back({{file_, line, column},
                         fmt::format("the file contains the control character U+{:04X}: expected text",
                                     static_cast<std::uint32_t>(code))});
      return false;
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += length;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    errors_.push_back({{file_, 1, 1}, "the file is empty: expected a scenario, a map starting with 'parley: 1'"});
    return false;
  }
  return true;
}

}  // namespace io

Scenario load_scenario_text(std::string_view text, const std::string& file_name, std::span<const Override> overrides) {
  return io::Loader(file_name, overrides).load(text);
}

Scenario load_scenario_file(const std::string& path, std::span<const Override> overrides) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    throw ScenarioError({{{path, 0, 0}, "cannot read the scenario: expected a file, got a directory"}});
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const std::string reason = errno != 0 ? std::strerror(errno) : "cannot open";
    throw ScenarioError({{{path, 0, 0}, "cannot open the scenario file (" + reason + "): expected a readable file"}});
  }
  // Read at most one byte past the limit: a device such as /dev/zero never ends.
  std::string content;
  std::array<char, 1 << 16> buffer{};
  while (content.size() <= limits::kFileBytes && in) {
    in.read(buffer.data(), buffer.size());
    content.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw ScenarioError({{{path, 0, 0}, "cannot read the scenario file: expected a readable file"}});
  if (content.size() > limits::kFileBytes) {
    throw ScenarioError({{{path, 0, 0},
                          fmt::format("the file has more than {} bytes: expected a smaller scenario (see "
                                      "docs/input-limits.md)",
                                      limits::kFileBytes)}});
  }
  return load_scenario_text(content, path, overrides);
}

}  // namespace parley

#pragma once
// The scenario loader's state and steps (internal to parley_io). One Loader
// reads one file; its member functions live in the file of their concern:
//   scenario_loader.cpp    the entry points, the file's encoding
//   loader_context.cpp     where a node came from, collecting and throwing errors
//   overrides.cpp          `--set PATH=VALUE`, applied to the YAML tree first
//   yaml_values.cpp        maps, lists and scalars of the expected types
//   parameters.cpp         a number or a distribution, within its domain
//   scenario_sections.cpp  the scenario's top level, sources, issues, proposals,
//                          groups, simulation and bargaining settings
//   actor_sections.cpp     actors, their positions, and relations
//   exercise_sections.cpp  classroom exercises, their `set:` changes checked as --set
//   cross_checks.cpp       unique ids, references, the influence graph
// The text becomes a tree of YamlNode (yaml_document.hpp) before any of this.

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "message_text.hpp"
#include "parley/core/scenario.hpp"
#include "parley/io/diagnostics.hpp"
#include "parley/io/input_limits.hpp"
#include "parley/io/scenario_loader.hpp"
#include "yaml_document.hpp"

namespace parley::io {

// The domain of a parameter: an interval, each end open or closed.
struct Domain {
  Interval range;
  bool open_lo = false;
  bool open_hi = false;
  [[nodiscard]] bool contains(double x) const {
    return (open_lo ? x > range.lo : x >= range.lo) && (open_hi ? x < range.hi : x <= range.hi);
  }
  [[nodiscard]] std::string text() const { return interval_text(range, open_lo, open_hi); }
};

// Ids in file order with a hashed look-up: relations between thousands of
// actors resolve in linear time.
class IdIndex {
 public:
  IdIndex() = default;
  explicit IdIndex(std::vector<std::string> names) : names_(std::move(names)) {
    for (std::size_t i = 0; i < names_.size(); ++i) index_.emplace(names_[i], i);
  }
  [[nodiscard]] std::optional<std::size_t> find(const std::string& id) const {
    const auto it = index_.find(id);
    if (it == index_.end()) return std::nullopt;
    return it->second;
  }
  [[nodiscard]] const std::vector<std::string>& names() const { return names_; }
  [[nodiscard]] const std::string& operator[](std::size_t i) const { return names_[i]; }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, std::size_t> index_;
};

class Loader {
 public:
  Loader(std::string file, std::span<const Override> overrides);

  // The scenario in `text`; throws ScenarioError with every problem found.
  Scenario load(std::string_view text);

 private:
  // ---- scenario_loader.cpp
  bool check_encoding(std::string_view text);

  // ---- loader_context.cpp
  SourceLocation location(const YamlNode& node, const std::string& path) const;
  void report(const YamlNode& node, const std::string& path, std::string message);
  void report_at(const YAML::Mark& mark, std::string message);
  std::string suggest(std::string_view word, const std::vector<std::string>& candidates);
  [[noreturn]] void fail();

  // ---- overrides.cpp
  void apply_overrides(YamlNode root);
  std::string missing_child(const YamlNode& node, const std::string& key);
  static YamlNode child(const YamlNode& node, const std::string& key);

  // ---- yaml_values.cpp
  static std::string item_name(const std::string& what, std::size_t k, const YamlNode& item);
  bool check_map(const YamlNode& node, const std::string& path, const std::string& what,
                 const std::vector<std::string>& allowed, const std::vector<std::string>& required);
  bool list(const YamlNode& node, const std::string& path, bool required_nonempty, const std::string& item,
            std::size_t max_items);
  std::optional<double> number(const YamlNode& node, const std::string& path, const std::string& expected);
  std::optional<double> number_in(const YamlNode& node, const std::string& path, const Domain& domain,
                                  const std::string& what = "a number");
  std::optional<std::uint64_t> integer(const YamlNode& node, const std::string& path, std::uint64_t minimum);
  std::optional<bool> boolean(const YamlNode& node, const std::string& path);
  std::string text(const YamlNode& node, const std::string& path, std::size_t max_length = limits::kShortText,
                   bool multi_line = false);
  std::string long_text(const YamlNode& node, const std::string& path);
  std::string identifier(const YamlNode& node, const std::string& path);
  std::string date(const YamlNode& node, const std::string& path);

  // ---- parameters.cpp
  Parameter parameter(const YamlNode& node, const std::string& path, const Domain& domain, double fallback, bool& ok);

  // ---- scenario_sections.cpp
  Scenario read(const YamlNode& root);
  void read_sources(const YamlNode& node, Scenario& s);
  void read_issues(const YamlNode& node, Scenario& s);
  Domain issue_domain(std::size_t index, const Issue& issue) const;
  void read_proposals(const YamlNode& node, Scenario& s);
  void read_groups(const YamlNode& node, Scenario& s);
  void read_simulation(const YamlNode& node, Scenario& s);
  void read_bargaining(const YamlNode& node, Scenario& s);
  static std::vector<std::string> source_ids(const Scenario& s);
  static std::vector<std::string> issue_ids(const Scenario& s);

  // ---- actor_sections.cpp
  void read_actors(const YamlNode& node, Scenario& s);
  void read_positions(const YamlNode& positions, const std::string& actor_path, const Scenario& s,
                      const IdIndex& sources, Actor& actor);
  void read_relations(const YamlNode& node, Scenario& s);

  // ---- exercise_sections.cpp
  void read_exercises(const YamlNode& node, Scenario& s);
  void check_exercise_changes(const Scenario& s);

  // ---- cross_checks.cpp
  bool unique_id(std::map<std::string, int>& seen, const YamlNode& node, const std::string& path, const std::string& id,
                 const std::string& what);
  std::optional<std::size_t> reference(const YamlNode& node, const std::string& path, const IdIndex& ids,
                                       const std::string& what);
  void check_influence(const Scenario& s, const std::vector<YamlNode>& nodes, const std::vector<std::size_t>& indices);

  std::string file_;
  std::string_view text_;        // the file's text, while load() runs
  bool check_exercises_ = true;  // false in the reading that checks an exercise's changes
  std::vector<Override> overrides_;
  // An override as applied: the value node put into the tree (and the key
  // node when the key was new), and the maps and lists on the way to it.
  struct Applied {
    std::string path;
    std::string text;  // "path=value"
    YamlNode value;
    YamlNode key;
    std::vector<YamlNode> ancestors;
  };
  std::vector<Applied> applied_;
  std::vector<std::shared_ptr<YamlTree>> trees_;          // the nodes of the file and of the --set values
  std::unordered_map<int, YAML::Mark> empty_value_keys_;  // see io::YamlDocument
  std::set<std::size_t> unchecked_ranges_;                // issues whose range is invalid
  std::size_t suggestion_budget_ = 50'000'000;            // edit-distance cells left for suggestions
  std::vector<Diagnostic> errors_;
};

}  // namespace parley::io

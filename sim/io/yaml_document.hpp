#pragma once
// One YAML document read with bounded work (internal to parley_io).
//
// yaml-cpp 0.7's YAML::LoadAll loops forever, allocating, on a stray flow
// indicator such as a lone ',' (yaml-cpp issue #1040), and a tree walk over
// nested aliases can take exponential time. So the tree is built from the
// parser's events by parley itself, in one pass that checks them as they
// come: it stops a parser that makes no progress, a second document, nesting
// deeper than limits::kNestingDepth, more than limits::kNodes nodes, and
// aliases that would expand past limits::kExpandedNodes or refer to
// themselves. An alias shares the node it names, so the tree never holds more
// than limits::kNodes nodes.

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace parley::io {

/// Why a text is not one acceptable YAML document, and where.
struct YamlProblem {
  YAML::Mark mark;  // 0-based; line < 0 when unknown
  std::string message;
};

struct YamlDocument {
  YAML::Node root;  // Null for an empty document
  /// yaml-cpp marks an empty value (`key:` and nothing after it) at the next
  /// token, often on a later line: the mark of its key, by the value's offset.
  std::unordered_map<int, YAML::Mark> empty_value_keys;
  std::optional<YamlProblem> problem;  // set when `root` is not usable
};

/// Parses `text` as a single YAML document within parley's input limits.
YamlDocument read_yaml_document(std::string_view text);

}  // namespace parley::io

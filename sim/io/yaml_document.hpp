#pragma once
// One YAML document read with bounded work, as a compact tree (internal to
// parley_io).
//
// yaml-cpp 0.7's YAML::LoadAll loops forever, allocating, on a stray flow
// indicator such as a lone ',' (yaml-cpp issue #1040), and a tree walk over
// nested aliases can take exponential time. So parley builds the tree itself
// from the parser's events, in one pass that checks them as they come: it
// stops a parser that makes no progress, a second document, nesting deeper
// than limits::kNestingDepth, more than limits::kNodes nodes, and aliases
// that would expand past limits::kExpandedNodes or refer to themselves. An
// alias shares the node it names, so the tree holds at most limits::kNodes
// nodes.
//
// The tree is parley's, not yaml-cpp's YAML::Node: a yaml-cpp node takes
// about 500 bytes in seven allocations, and building, reading and freeing
// those took most of the time to load a 20,000-line scenario. YamlNode offers
// the part of YAML::Node's interface the loader uses, under the same names and
// with the same meaning, so the loader reads as it did.

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace parley::io {

struct YamlNodeData;
struct YamlEntry;
class YamlIterator;

/// A node of a tree read by read_yaml_document(), or an undefined node (a key
/// that is not there). A handle: copies refer to the same node, and it lives
/// as long as the YamlTree that holds it.
class YamlNode {
 public:
  YamlNode() = default;  // undefined
  explicit YamlNode(YamlNodeData* data) : data_(data) {}

  [[nodiscard]] bool IsDefined() const { return data_ != nullptr; }
  [[nodiscard]] bool IsNull() const;
  [[nodiscard]] bool IsScalar() const;
  [[nodiscard]] bool IsSequence() const;
  [[nodiscard]] bool IsMap() const;
  /// The text of a scalar; empty for any other node.
  [[nodiscard]] const std::string& Scalar() const;
  /// The tag: "!" for a quoted scalar, "?" for a plain one, "" for null.
  [[nodiscard]] const std::string& Tag() const;
  /// Where the node starts (0-based); line -1 for an undefined node.
  [[nodiscard]] YAML::Mark Mark() const;
  /// Items of a list or pairs of a map; 0 for anything else.
  [[nodiscard]] std::size_t size() const;
  /// The value of the first pair of a map whose key is the scalar `key`.
  YamlNode operator[](std::string_view key) const;
  /// Item `index` of a list.
  YamlNode operator[](std::size_t index) const;
  /// Whether both are the same node of a tree.
  [[nodiscard]] bool is(const YamlNode& other) const { return data_ != nullptr && data_ == other.data_; }

  /// Items of a list (YamlEntry as a node) or pairs of a map (first, second).
  [[nodiscard]] YamlIterator begin() const;
  [[nodiscard]] YamlIterator end() const;

  [[nodiscard]] YamlNodeData* data() const { return data_; }

 private:
  YamlNodeData* data_ = nullptr;
};

/// What iterating a node gives: the item of a list, or a map's key and value.
struct YamlEntry : YamlNode {
  YamlNode first;
  YamlNode second;
};

class YamlIterator {
 public:
  YamlIterator(const YamlNodeData* node, std::size_t at);
  const YamlEntry& operator*() const { return entry_; }
  const YamlEntry* operator->() const { return &entry_; }
  YamlIterator& operator++();
  bool operator==(const YamlIterator& other) const { return at_ == other.at_; }
  bool operator!=(const YamlIterator& other) const { return at_ != other.at_; }

 private:
  void load();
  const YamlNodeData* node_;
  std::size_t at_;
  YamlEntry entry_;
};

struct YamlNodeData {
  YAML::NodeType::value type = YAML::NodeType::Null;
  YAML::Mark mark;
  std::string tag;
  std::string scalar;
  std::vector<YamlNodeData*> items;                            // a list's
  std::vector<std::pair<YamlNodeData*, YamlNodeData*>> pairs;  // a map's, in file order (duplicates kept)
};

/// The nodes of one or more trees.
class YamlTree {
 public:
  YamlNodeData& add() { return nodes_.emplace_back(); }

 private:
  std::deque<YamlNodeData> nodes_;  // stable addresses
};

/// The value of a scalar converted as yaml-cpp's YAML::Node::as<double>() and
/// as<std::uint64_t>() convert it; nullopt where they would throw.
std::optional<double> scalar_to_double(const std::string& text);
std::optional<std::uint64_t> scalar_to_unsigned(const std::string& text);

/// Why a text is not one acceptable YAML document, and where.
struct YamlProblem {
  YAML::Mark mark;  // 0-based; line < 0 when unknown
  std::string message;
};

struct YamlDocument {
  std::shared_ptr<YamlTree> tree;  // holds the nodes of `root`
  YamlNode root;                   // Null for an empty document
  /// yaml-cpp marks an empty value (`key:` and nothing after it) at the next
  /// token, often on a later line: the mark of its key, by the value's offset.
  std::unordered_map<int, YAML::Mark> empty_value_keys;
  std::optional<YamlProblem> problem;  // set when `root` is not usable
};

/// Parses `text` as a single YAML document within parley's input limits.
YamlDocument read_yaml_document(std::string_view text);

}  // namespace parley::io

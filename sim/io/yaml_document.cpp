#include "yaml_document.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>

#include <limits>
#include <sstream>
#include <type_traits>
#include <vector>

#include "parley/io/input_limits.hpp"

namespace parley::io {

bool YamlNode::IsNull() const {
  return data_ != nullptr && data_->type == YAML::NodeType::Null;
}
bool YamlNode::IsScalar() const {
  return data_ != nullptr && data_->type == YAML::NodeType::Scalar;
}
bool YamlNode::IsSequence() const {
  return data_ != nullptr && data_->type == YAML::NodeType::Sequence;
}
bool YamlNode::IsMap() const {
  return data_ != nullptr && data_->type == YAML::NodeType::Map;
}

const std::string& YamlNode::Scalar() const {
  static const std::string empty;
  return IsScalar() ? data_->scalar : empty;
}

const std::string& YamlNode::Tag() const {
  static const std::string empty;
  return data_ != nullptr ? data_->tag : empty;
}

YAML::Mark YamlNode::Mark() const {
  return data_ != nullptr ? data_->mark : YAML::Mark::null_mark();
}

std::size_t YamlNode::size() const {
  if (IsSequence()) return data_->items.size();
  if (IsMap()) return data_->pairs.size();
  return 0;
}

YamlNode YamlNode::operator[](std::string_view key) const {
  if (!IsMap()) return {};
  for (const auto& [k, v] : data_->pairs) {
    if (k->type == YAML::NodeType::Scalar && k->scalar == key) return YamlNode(v);
  }
  return {};
}

YamlNode YamlNode::operator[](std::size_t index) const {
  if (!IsSequence() || index >= data_->items.size()) return {};
  return YamlNode(data_->items[index]);
}

YamlIterator YamlNode::begin() const {
  return {data_, 0};
}
YamlIterator YamlNode::end() const {
  return {data_, size()};
}

YamlIterator::YamlIterator(const YamlNodeData* node, std::size_t at) : node_(node), at_(at) {
  load();
}

YamlIterator& YamlIterator::operator++() {
  ++at_;
  load();
  return *this;
}

void YamlIterator::load() {
  entry_ = {};
  if (node_ == nullptr) return;
  if (node_->type == YAML::NodeType::Sequence && at_ < node_->items.size()) {
    static_cast<YamlNode&>(entry_) = YamlNode(node_->items[at_]);
  } else if (node_->type == YAML::NodeType::Map && at_ < node_->pairs.size()) {
    entry_.first = YamlNode(node_->pairs[at_].first);
    entry_.second = YamlNode(node_->pairs[at_].second);
  }
}

namespace {
// A scalar to a number as YAML::Node::as<T>() converts it (the decode of
// YAML_DEFINE_CONVERT_STREAMABLE in yaml-cpp's convert.h, with its helpers):
// a stream without a fixed base (whole numbers may be written 0x1F or 017),
// then .inf and .nan, so that numbers read as they did with yaml-cpp's tree.
template <typename T>
std::optional<T> convert_scalar(const std::string& input) {
  std::stringstream stream(input);
  stream.unsetf(std::ios::dec);
  if (stream.peek() == '-' && std::is_unsigned_v<T>) return std::nullopt;
  T value{};
  if (YAML::conversion::ConvertStreamTo(stream, value)) return value;
  if constexpr (std::numeric_limits<T>::has_infinity) {
    if (YAML::conversion::IsInfinity(input)) return std::numeric_limits<T>::infinity();
    if (YAML::conversion::IsNegativeInfinity(input)) return -std::numeric_limits<T>::infinity();
  }
  if constexpr (std::numeric_limits<T>::has_quiet_NaN) {
    if (YAML::conversion::IsNaN(input)) return std::numeric_limits<T>::quiet_NaN();
  }
  return std::nullopt;
}
}  // namespace

std::optional<double> scalar_to_double(const std::string& text) {
  return convert_scalar<double>(text);
}
std::optional<std::uint64_t> scalar_to_unsigned(const std::string& text) {
  return convert_scalar<std::uint64_t>(text);
}

namespace {

// Thrown by the event handler to stop the parser at the first problem.
struct Stop {
  YamlProblem problem;
};

// The character at a byte offset, for "unexpected ','" messages.
std::string character_at(std::string_view text, int pos) {
  if (pos < 0 || static_cast<std::size_t>(pos) >= text.size()) return "the end of the file";
  const auto c = static_cast<unsigned char>(text[static_cast<std::size_t>(pos)]);
  if (c < 0x20 || c == 0x7f) return fmt::format("the control character 0x{:02x}", c);
  std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  length = std::min(length, text.size() - static_cast<std::size_t>(pos));
  return "'" + std::string(text.substr(static_cast<std::size_t>(pos), length)) + "'";
}

// Counts what the parser reports, with the limits of parley/input_limits.hpp,
// and builds the first document's tree from the same events: the text is
// scanned once.
class BoundedEvents : public YAML::EventHandler {
 public:
  std::unordered_map<int, YAML::Mark> empty_value_keys;

  explicit BoundedEvents(YamlTree& tree) : tree_(tree) {}

  /// Where the last document began.
  [[nodiscard]] const YAML::Mark& document_start() const { return document_start_; }

  /// The first document's root, as YAML::Load reads it: null when empty.
  [[nodiscard]] YamlNode root() const {
    if (root_ != nullptr) return YamlNode(root_);
    return YamlNode(&tree_.add());
  }

  void OnDocumentStart(const YAML::Mark& mark) override {
    document_start_ = mark;
    building_ = ++documents_ == 1;  // a later document is an error: no tree
  }
  void OnDocumentEnd() override { building_ = false; }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const bool is_value = node(mark, 1);
    if (is_value) empty_value_keys.emplace(mark.pos, frames_.back().key_mark);
    finish(anchor, 1);
    if (YamlNodeData* built = create(mark, anchor, YAML::NodeType::Null)) attach(*built);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto size = sizes_.find(anchor);
    if (size == sizes_.end()) {
      throw Stop{{mark, "an alias refers to the list or map that contains it: expected an alias to a complete node"}};
    }
    node(mark, size->second);
    if (!building_) return;
    if (const auto target = anchored_.find(anchor); target != anchored_.end()) {
      attach(*target->second);  // the node itself, shared, as YAML::Load does
    }
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    node(mark, 1);
    finish(anchor, 1);
    if (YamlNodeData* built = create(mark, anchor, YAML::NodeType::Scalar)) {
      built->scalar = value;
      built->tag = tag;
      attach(*built);
    }
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, false);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, true);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    bool is_map = false;
    bool at_key = true;  // in a map: the next node is a key
    YAML::Mark key_mark;
    YAML::anchor_t anchor = 0;
    std::size_t expanded_before = 0;
    YamlNodeData* built = nullptr;      // the list or map in the tree (null when not building)
    YamlNodeData* built_key = nullptr;  // in a map: a complete key still waiting for its value
  };

  // A new node of the tree at `mark`, or null when no tree is being built.
  YamlNodeData* create(const YAML::Mark& mark, YAML::anchor_t anchor, YAML::NodeType::value type) {
    if (!building_) return nullptr;
    YamlNodeData& built = tree_.add();
    built.type = type;
    built.mark = mark;
    if (anchor != 0) anchored_[anchor] = &built;
    return &built;
  }

  // Puts a complete node into the list or map around it, or makes it the root.
  // In a map the first complete child is a key and the next its value: a key
  // is always complete before its value starts.
  void attach(YamlNodeData& child) {
    if (frames_.empty()) {
      root_ = &child;
      return;
    }
    Frame& parent = frames_.back();
    if (parent.built == nullptr) return;
    if (!parent.is_map) {
      parent.built->items.push_back(&child);
    } else if (parent.built_key == nullptr) {
      parent.built_key = &child;
    } else {
      parent.built->pairs.emplace_back(parent.built_key, &child);
      parent.built_key = nullptr;
    }
  }

  // Counts a node that expands to `expanded` nodes; true when it is a map's value.
  bool node(const YAML::Mark& mark, std::size_t expanded) {
    if (++nodes_ > limits::kNodes) {
      throw Stop{{mark, fmt::format("the file has more than {} YAML nodes: expected a smaller scenario (see "
                                    "docs/input-limits.md)",
                                    limits::kNodes)}};
    }
    if (expanded > limits::kExpandedNodes - expanded_) {
      throw Stop{{mark, fmt::format("aliases expand the file to more than {} YAML nodes: expected fewer or smaller "
                                    "aliases (see docs/input-limits.md)",
                                    limits::kExpandedNodes)}};
    }
    expanded_ += expanded;
    if (frames_.empty() || !frames_.back().is_map) return false;
    Frame& map = frames_.back();
    map.at_key = !map.at_key;
    if (!map.at_key) map.key_mark = mark;
    return map.at_key;
  }

  void finish(YAML::anchor_t anchor, std::size_t size) {
    if (anchor != 0) sizes_[anchor] = size;
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, bool is_map) {
    const std::size_t before = expanded_;
    node(mark, 1);
    if (frames_.size() >= limits::kNestingDepth) {
      throw Stop{{mark, fmt::format("lists and maps nested more than {} deep: expected a scenario's shallow nesting",
                                    limits::kNestingDepth)}};
    }
    YamlNodeData* built = create(mark, anchor, is_map ? YAML::NodeType::Map : YAML::NodeType::Sequence);
    if (built != nullptr) built->tag = tag;
    frames_.push_back({is_map, true, {}, anchor, before, built, nullptr});
  }

  void close() {
    const Frame frame = frames_.back();
    frames_.pop_back();
    finish(frame.anchor, expanded_ - frame.expanded_before);
    if (frame.built != nullptr) attach(*frame.built);
  }

  YamlTree& tree_;
  std::vector<Frame> frames_;
  std::unordered_map<YAML::anchor_t, std::size_t> sizes_;  // expanded size of each complete anchored node
  std::size_t nodes_ = 0;
  std::size_t expanded_ = 0;
  YAML::Mark document_start_;
  std::size_t documents_ = 0;
  bool building_ = false;  // inside the first document
  std::unordered_map<YAML::anchor_t, YamlNodeData*> anchored_;
  YamlNodeData* root_ = nullptr;
};

// The event pass: nullopt when `text` is one document within the limits, and
// then its tree in `root`.
std::optional<YamlProblem> read_events(std::string_view text, YamlTree& tree, YamlNode& root,
                                       std::unordered_map<int, YAML::Mark>& empty_values) {
  std::istringstream stream{std::string(text)};
  YAML::Parser parser(stream);
  BoundedEvents events(tree);
  try {
    // Each call handles one document. A parser stuck on a token it cannot
    // consume reports empty documents at one place forever: stop there.
    std::vector<YAML::Mark> starts;
    while (parser.HandleNextDocument(events)) {
      starts.push_back(events.document_start());
      if (starts.size() >= 2 && starts[starts.size() - 1].pos == starts[starts.size() - 2].pos) {
        return YamlProblem{starts.back(), "YAML syntax error: unexpected " + character_at(text, starts.back().pos) +
                                              ": expected a key, a value or a list item"};
      }
    }
    if (starts.size() >= 2) {
      // YAML::Load would silently drop everything after the first document.
      return YamlProblem{starts[1], fmt::format("expected a single YAML document (one scenario), got {} documents "
                                                "separated by '---'",
                                                starts.size())};
    }
  } catch (const Stop& stop) {
    return stop.problem;
  } catch (const YAML::Exception& e) {
    return YamlProblem{e.mark, "YAML syntax error: " + e.msg};
  }
  empty_values = std::move(events.empty_value_keys);
  root = events.root();
  return std::nullopt;
}

}  // namespace

YamlDocument read_yaml_document(std::string_view text) {
  YamlDocument document;
  if (text.size() > limits::kFileBytes) {
    document.problem = YamlProblem{YAML::Mark::null_mark(),
                                   fmt::format("the file has {} bytes: expected at most {} (see docs/input-limits.md)",
                                               text.size(), limits::kFileBytes)};
    return document;
  }
  document.tree = std::make_shared<YamlTree>();
  document.problem = read_events(text, *document.tree, document.root, document.empty_value_keys);
  return document;
}

}  // namespace parley::io

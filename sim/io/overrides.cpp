// `--set PATH=VALUE`: parsed from the command line, then applied to the YAML
// tree before it is read, so that overridden values are checked like the file's.

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <sstream>
#include <string>

#include "loader_context.hpp"
#include "parley/io/scenario_loader.hpp"
#include "yaml_document.hpp"

namespace parley {

Override parse_override(std::string_view text) {
  const auto eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 == text.size()) {
    throw ScenarioError(
        {{{"--set", 0, 0},
          "expected PATH=VALUE (e.g. actors.ukraine.reservation.mean=0.5), got '" + std::string(text) + "'"}});
  }
  return {std::string(text.substr(0, eq)), std::string(text.substr(eq + 1))};
}

}  // namespace parley

namespace parley::io {

void Loader::apply_overrides(YamlNode root) {
  for (const auto& o : overrides_) {
    const std::string text = shown(o.path + "=" + o.value, 200);
    const SourceLocation where{"--set " + text, 0, 0};
    if (const auto bad = invalid_utf8(o.path + "=" + o.value)) {
      errors_.push_back({where, fmt::format("expected UTF-8 text, got the byte 0x{:02x}",
                                            static_cast<unsigned char>((o.path + "=" + o.value)[*bad]))});
      continue;
    }
    std::vector<std::string> parts;
    std::stringstream split(o.path);
    for (std::string part; std::getline(split, part, '.');) parts.push_back(part);
    if (parts.empty() || o.path.back() == '.' ||
        std::any_of(parts.begin(), parts.end(), [](const auto& p) { return p.empty(); })) {
      errors_.push_back({where, "'" + o.path + "': expected a path of keys separated by dots, got an empty key"});
      continue;
    }
    const io::YamlDocument parsed = io::read_yaml_document(o.value);
    if (parsed.problem) {
      std::string_view reason = parsed.problem->message;
      if (reason.starts_with("YAML syntax error: ")) reason.remove_prefix(19);
      errors_.push_back({where, "'" + shown(o.path) + "': the value is not valid YAML: " + std::string(reason)});
      continue;
    }
    const YamlNode value = parsed.root;
    if (!value.IsScalar()) {
      errors_.push_back({where, "'" + o.path + "': expected a scalar value, got " + describe(value)});
      continue;
    }
    // Walk to the parent of the last key; sequences are entered by id or index.
    Applied applied{o.path, text, value, YamlNode(), {}};
    YamlNode node = root;
    std::string walked;
    bool ok = true;
    for (std::size_t k = 0; k + 1 < parts.size() && ok; ++k) {
      YamlNode next = child(node, parts[k]);
      const std::string parent = walked.empty() ? "the scenario" : "'" + walked + "'";
      walked += (k ? "." : "") + parts[k];
      if (!next.IsDefined()) {
        errors_.push_back({where, "'" + o.path + "': " + parent + " has no " + missing_child(node, parts[k])});
        ok = false;
      } else if (!(next.IsMap() || next.IsSequence())) {
        errors_.push_back(
            {where, "'" + o.path + "': expected '" + walked + "' to be a map or list, got " + describe(next)});
        ok = false;
      } else {
        applied.ancestors.push_back(next);
      }
      node = next;
    }
    if (!ok) continue;
    // The value goes into the tree in place of the old one, at the same node,
    // so that every alias of that node sees it, as yaml-cpp's `node[key] =
    // value` would; that node is then the override's.
    trees_.push_back(parsed.tree);
    YamlNodeData* target = nullptr;
    const std::string& last = parts.back();
    if (node.IsSequence()) {
      target = child(node, last).data();
      if (target == nullptr) {
        errors_.push_back({where, "'" + o.path + "': '" + walked + "' has no " + missing_child(node, last)});
        continue;
      }
    } else {
      // An empty file's root is null: yaml-cpp made it a map on assignment.
      if (node.data()->type == YAML::NodeType::Null) node.data()->type = YAML::NodeType::Map;
      for (const auto& [key, old_value] : node.data()->pairs) {
        if (key->type == YAML::NodeType::Scalar && key->scalar == last) {
          target = old_value;
          break;
        }
      }
      if (target == nullptr) {  // a new key, marked like the one yaml-cpp makes
        YamlNodeData& key = parsed.tree->add();
        key.type = YAML::NodeType::Scalar;
        key.mark = YAML::Mark();
        key.scalar = last;
        target = &parsed.tree->add();
        node.data()->pairs.emplace_back(&key, target);
      }
    }
    *target = *value.data();
    applied.value = YamlNode(target);
    for (auto& earlier : applied_) {  // an earlier override of the same node is gone
      if (earlier.value.is(applied.value)) earlier.value = YamlNode();
    }
    if (node.IsMap()) {
      // Remember the key too: a new key that the scenario does not know is
      // reported at the key.
      for (auto it = node.begin(); it != node.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == last) applied.key = it->first;
      }
    }
    applied_.push_back(std::move(applied));
  }
}

// "key 'x' (did you mean 'y'?)" or "element 'x': expected an id (a, b) or an index 0..1".
std::string Loader::missing_child(const YamlNode& node, const std::string& key) {
  if (node.IsSequence()) {
    std::vector<std::string> ids;
    for (auto item : node) {
      if (item.IsMap() && item["id"].IsDefined() && item["id"].IsScalar()) ids.push_back(item["id"].Scalar());
    }
    if (node.size() == 0) return "element '" + shown(key) + "': expected an id or an index, got an empty list";
    const std::string expected = ids.empty() ? fmt::format("an index 0..{}", node.size() - 1)
                                             : fmt::format("an id ({}) or an index 0..{}", join(ids), node.size() - 1);
    return "element '" + shown(key) + "'" + suggest(key, ids) + ": expected " + expected;
  }
  std::vector<std::string> keys;
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (it->first.IsScalar()) keys.push_back(it->first.Scalar());
  }
  return "key '" + shown(key) + "'" + suggest(key, keys) + ": expected one of " + join(keys);
}

// A child of a map by key, or of a list by index or by the `id` of its items.
YamlNode Loader::child(const YamlNode& node, const std::string& key) {
  if (node.IsMap()) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (it->first.IsScalar() && it->first.Scalar() == key) return it->second;
    }
    return YamlNode();
  }
  if (node.IsSequence()) {
    for (auto item : node) {
      if (item.IsMap() && item["id"].IsDefined() && item["id"].IsScalar() && item["id"].Scalar() == key) return item;
    }
    // An index too large for any list (99999999999999999999) is simply not there.
    std::size_t index = 0;
    const auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), index);
    if (!key.empty() && error == std::errc() && end == key.data() + key.size() && index < node.size()) {
      return node[index];
    }
  }
  return YamlNode();
}

}  // namespace parley::io

// The `exercises:` list: classroom questions, each with an optional proposal
// and `set:` changes. A change is checked the way `--set` is: the file is
// read again with the exercise's changes applied, and what that reading
// finds is reported at the exercise's `set:` entry.

#include <fmt/format.h>

#include "loader_context.hpp"

namespace parley::io {

void Loader::read_exercises(const YamlNode& node, Scenario& s) {
  if (!list(node, "exercises", false, "exercise", limits::kExercises)) return;
  std::vector<std::string> proposals;
  for (const auto& p : s.proposals) proposals.push_back(p.id);
  const IdIndex proposal_ids(proposals);
  for (std::size_t k = 0; k < node.size(); ++k) {
    const YamlNode item = node[k];
    const std::string path = fmt::format("exercises.{}", k);
    if (!check_map(item, path, fmt::format("exercise {}", k), {"title", "question", "hint", "proposal", "set"},
                   {"title", "question"})) {
      continue;
    }
    Exercise e;
    e.where = location(item, path);
    if (item["title"].IsDefined()) e.title = text(item["title"], path + ".title");
    if (item["question"].IsDefined()) e.question = long_text(item["question"], path + ".question");
    if (item["hint"].IsDefined()) e.hint = long_text(item["hint"], path + ".hint");
    if (const YamlNode p = item["proposal"]; p.IsDefined()) {
      if (auto ref = reference(p, path + ".proposal", proposal_ids, "proposal")) e.proposal = proposals[*ref];
    }
    if (const YamlNode changes = item["set"]; changes.IsDefined()) {
      if (!changes.IsMap() || changes.size() == 0) {
        report(
            changes, path + ".set",
            "'" + path + ".set': expected a map from paths to values (as --set PATH=VALUE), got " + describe(changes));
      } else {
        for (auto it = changes.begin(); it != changes.end(); ++it) {
          const std::string key = it->first.IsScalar() ? it->first.Scalar() : "";
          if (key.empty() || !it->second.IsScalar()) {
            report(it->first, path + ".set",
                   "'" + path + ".set': expected PATH: VALUE with a scalar value (as --set PATH=VALUE), got " +
                       describe(it->second.IsScalar() ? it->first : it->second));
            continue;
          }
          if (key == "exercises" || key.starts_with("exercises.")) {
            report(it->first, path + ".set",
                   "'" + path + ".set': '" + shown(key) +
                       "': an exercise cannot change the exercises: expected the path "
                       "of a scenario value");
            continue;
          }
          e.changes.push_back({key, it->second.Scalar(), location(it->first, path + ".set." + key)});
        }
      }
    }
    s.exercises.push_back(std::move(e));
  }
}

// Reads the file again with each exercise's changes, as `--set` would apply
// them, and reports what goes wrong at the exercise. Only run on a file that
// is otherwise valid, so that every error here is the exercise's.
void Loader::check_exercise_changes(const Scenario& s) {
  for (std::size_t k = 0; k < s.exercises.size(); ++k) {
    const Exercise& e = s.exercises[k];
    if (e.changes.empty()) continue;
    std::vector<Override> overrides;
    for (const auto& c : e.changes) overrides.push_back({c.path, c.value});
    Loader nested(file_, overrides);
    nested.check_exercises_ = false;
    try {
      (void)nested.load(text_);
    } catch (const ScenarioError& error) {
      for (const Diagnostic& d : error.diagnostics()) {
        // A problem found at a `--set` is the change's; one found in the
        // file (e.g. influence made ill-posed) is the whole exercise's.
        SourceLocation where = e.where;
        for (const auto& c : e.changes) {
          if (d.where.file == "--set " + shown(c.path + "=" + c.value, 200)) where = c.where;
        }
        errors_.push_back({where, fmt::format("exercise {} ('{}'), set: {}", k, shown(e.title), d.message)});
      }
    }
  }
}

}  // namespace parley::io

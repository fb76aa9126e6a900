// The scenario's top level and its sections other than actors and relations
// (actor_sections.cpp): sources, issues, proposals, groups, and the simulation
// and bargaining settings.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "loader_context.hpp"

namespace parley::io {

Scenario Loader::read(const YamlNode& root) {
  Scenario s;
  s.file = file_;
  check_map(root, "", "the scenario",
            {"parley", "title", "as_of", "description", "sources", "issues", "actors", "relations", "proposals",
             "groups", "simulation", "bargaining", "exercises"},
            {"parley", "title", "issues", "actors", "proposals"});
  if (const auto v = root["parley"]; v.IsDefined()) {
    if (auto version = integer(v, "parley", 1)) {
      if (*version != 1) {
        report(v, "parley", fmt::format("'parley': unsupported schema version: expected 1, got {}", *version));
      }
    }
  }
  if (const auto v = root["title"]; v.IsDefined()) s.title = text(v, "title");
  if (const auto v = root["as_of"]; v.IsDefined()) s.as_of = date(v, "as_of");
  if (const auto v = root["description"]; v.IsDefined()) s.description = long_text(v, "description");
  read_sources(root["sources"], s);
  read_issues(root["issues"], s);
  read_actors(root["actors"], s);
  read_relations(root["relations"], s);
  read_proposals(root["proposals"], s);
  read_groups(root["groups"], s);
  read_simulation(root["simulation"], s);
  read_bargaining(root["bargaining"], s);
  read_exercises(root["exercises"], s);
  return s;
}

void Loader::read_sources(const YamlNode& node, Scenario& s) {
  if (!list(node, "sources", false, "sources", limits::kSources)) return;
  std::map<std::string, int> seen;
  for (std::size_t k = 0; k < node.size(); ++k) {
    const YamlNode item = node[k];
    const std::string path = fmt::format("sources.{}", k);
    if (!check_map(item, path, item_name("source", k, item), {"id", "outlet", "date", "title", "file", "url", "note"},
                   {"id"})) {
      continue;
    }
    Source src;
    if (item["id"].IsDefined()) src.id = identifier(item["id"], path + ".id");
    if (!unique_id(seen, item["id"], path + ".id", src.id, "source")) continue;
    if (item["outlet"].IsDefined()) src.outlet = text(item["outlet"], path + ".outlet");
    if (item["date"].IsDefined()) src.date = date(item["date"], path + ".date");
    if (item["title"].IsDefined()) src.title = text(item["title"], path + ".title");
    if (item["file"].IsDefined()) src.file = text(item["file"], path + ".file");
    if (item["url"].IsDefined()) src.url = text(item["url"], path + ".url");
    if (item["note"].IsDefined()) src.note = long_text(item["note"], path + ".note");
    s.sources.push_back(src);
  }
}

std::vector<std::string> Loader::source_ids(const Scenario& s) {
  std::vector<std::string> ids;
  for (const auto& src : s.sources) ids.push_back(src.id);
  return ids;
}

void Loader::read_issues(const YamlNode& node, Scenario& s) {
  if (!list(node, "issues", true, "issue", limits::kIssues)) return;
  std::map<std::string, int> seen;
  for (std::size_t k = 0; k < node.size(); ++k) {
    const YamlNode item = node[k];
    std::string path = fmt::format("issues.{}", k);
    if (!check_map(item, path, item_name("issue", k, item), {"id", "label", "unit", "type", "range", "group", "note"},
                   {"id"})) {
      continue;
    }
    Issue issue;
    if (item["id"].IsDefined()) issue.id = identifier(item["id"], path + ".id");
    if (!unique_id(seen, item["id"], path + ".id", issue.id, "issue")) continue;
    path = "issues." + issue.id;
    if (item["label"].IsDefined()) issue.label = text(item["label"], path + ".label");
    if (item["unit"].IsDefined()) issue.unit = text(item["unit"], path + ".unit");
    if (item["group"].IsDefined()) issue.group = identifier(item["group"], path + ".group");
    if (item["note"].IsDefined()) issue.note = long_text(item["note"], path + ".note");
    if (issue.label.empty()) issue.label = issue.id;
    bool type_ok = true;
    if (const auto t = item["type"]; t.IsDefined()) {
      const std::string type = t.IsScalar() ? t.Scalar() : "";
      if (const auto parsed = parse_issue_type(type)) {
        issue.type = *parsed;
      } else {
        const std::vector<std::string> names = issue_type_names();
        report(t, path + ".type",
               "'" + path + ".type': unknown issue type " + describe(t) + suggest(type, names) + ": expected " +
                   or_list(names));
        type_ok = false;
      }
    }
    // Values on an issue whose range is unusable are not checked against it
    // (that would repeat the one mistake at every position and term).
    bool range_ok = false;
    const YamlNode range = item["range"];
    if (issue.type == IssueType::binary) {
      range_ok = true;
      if (range.IsDefined()) {
        report(
            range, path + ".range",
            "'" + path + ".range': a binary issue takes the values 0 and 1: expected no range, got " + describe(range));
      }
    } else if (!range.IsDefined()) {
      if (type_ok) {
        report(item, path,
               "missing required key 'range' in issue '" + issue.id +
                   "': expected [lo, hi] for a continuous issue (or 'type: binary')");
      }
    } else if (!range.IsSequence() || range.size() != 2) {
      report(range, path + ".range", "'" + path + ".range': expected [lo, hi], got " + describe(range));
    } else {
      const auto lo = number(range[0], path + ".range", "a number for lo");
      const auto hi = number(range[1], path + ".range", "a number for hi");
      if (lo && hi) {
        if (!(*lo < *hi)) {
          report(range, path + ".range",
                 "'" + path + ".range': range inverted: expected [lo, hi] with lo < hi, got [" + number_text(*lo) +
                     ", " + number_text(*hi) + "]");
        } else if (!std::isfinite(*hi - *lo)) {
          report(range, path + ".range",
                 "'" + path +
                     ".range': the width hi - lo overflows: expected a range whose width is a finite "
                     "number, got [" +
                     number_text(*lo) + ", " + number_text(*hi) + "]");
        } else {
          issue.lo = *lo;
          issue.hi = *hi;
          range_ok = true;
        }
      }
    }
    if (!range_ok) unchecked_ranges_.insert(s.issues.size());
    s.issues.push_back(issue);
  }
}

// The values allowed on an issue: its range, or any number when the range
// itself is in error.
Domain Loader::issue_domain(std::size_t index, const Issue& issue) const {
  if (unchecked_ranges_.contains(index)) return {{-kInf, kInf}};
  return {{issue.lo, issue.hi}};
}

std::vector<std::string> Loader::issue_ids(const Scenario& s) {
  std::vector<std::string> ids;
  for (const auto& i : s.issues) ids.push_back(i.id);
  return ids;
}

void Loader::read_proposals(const YamlNode& node, Scenario& s) {
  if (!list(node, "proposals", true, "proposal", limits::kProposals)) return;
  std::map<std::string, int> seen;
  const std::vector<std::string> issues = issue_ids(s);
  const IdIndex sources(source_ids(s));
  for (std::size_t k = 0; k < node.size(); ++k) {
    const YamlNode item = node[k];
    std::string path = fmt::format("proposals.{}", k);
    if (!check_map(item, path, item_name("proposal", k, item), {"id", "label", "source", "terms", "note"},
                   {"id", "terms"})) {
      continue;
    }
    Proposal p;
    if (item["id"].IsDefined()) p.id = identifier(item["id"], path + ".id");
    if (!unique_id(seen, item["id"], path + ".id", p.id, "proposal")) continue;
    path = "proposals." + p.id;
    p.label = p.id;
    if (item["label"].IsDefined()) p.label = text(item["label"], path + ".label");
    if (item["note"].IsDefined()) p.note = long_text(item["note"], path + ".note");
    if (item["source"].IsDefined()) {
      if (auto ref = reference(item["source"], path + ".source", sources, "source")) p.source = sources[*ref];
    }
    const YamlNode terms = item["terms"];
    if (!terms.IsDefined()) continue;
    if (!check_map(terms, path + ".terms", "the terms of proposal '" + p.id + "'", issues, {})) continue;
    p.terms.assign(s.issues.size(), 0.0);
    for (std::size_t i = 0; i < s.issues.size(); ++i) {
      const Issue& issue = s.issues[i];
      const YamlNode term = terms[issue.id];
      const std::string term_path = path + ".terms." + issue.id;
      if (!term.IsDefined()) {
        report(terms, path + ".terms",
               "'" + path + ".terms': missing the term for issue '" + issue.id + "': expected a value for every issue");
        continue;
      }
      if (issue.type == IssueType::binary) {
        const auto x = number(term, term_path, "0 or 1 (binary issue)");
        if (x && *x != 0.0 && *x != 1.0) {
          report(term, term_path, "'" + term_path + "': expected 0 or 1 (binary issue), got " + number_text(*x));
        } else if (x) {
          p.terms[i] = *x;
        }
      } else if (const auto x = number_in(term, term_path, issue_domain(i, issue))) {
        p.terms[i] = *x;
      }
    }
    s.proposals.push_back(p);
  }
}

// groups: {name: [input path, ...]} for sensitivity analyses.
void Loader::read_groups(const YamlNode& node, Scenario& s) {
  if (!node.IsDefined()) return;
  if (!node.IsMap()) {
    report(node, "groups", "'groups': expected a map from group names to lists of input paths, got " + describe(node));
    return;
  }
  std::vector<std::string> uncertain;
  std::vector<std::string> fixed;
  std::vector<std::string> fixed_by_set;  // made fixed numbers by --set (or an exercise): left out of their group
  for (const Parameter* p : s.parameters()) {
    if (p->is_uncertain()) {
      uncertain.push_back(p->path);
    } else {
      (p->where.file.starts_with("--set ") ? fixed_by_set : fixed).push_back(p->path);
    }
  }
  std::map<std::string, std::string> owner;  // input path -> group
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string name = identifier(it->first, "groups");
    if (name.empty()) continue;
    const std::string path = "groups." + name;
    const YamlNode members = it->second;
    if (!members.IsSequence() || members.size() == 0) {
      report(members, path,
             "'" + path + "': expected a non-empty list of uncertain input paths, got " + describe(members));
      continue;
    }
    std::vector<std::string> inputs;
    for (std::size_t k = 0; k < members.size(); ++k) {
      const YamlNode m = members[k];
      if (!m.IsScalar()) {
        report(m, path, "'" + path + "': expected an input path such as actors.ID.reservation, got " + describe(m));
        continue;
      }
      const std::string& input = m.Scalar();
      if (std::find(fixed_by_set.begin(), fixed_by_set.end(), input) != fixed_by_set.end()) continue;
      if (std::find(uncertain.begin(), uncertain.end(), input) == uncertain.end()) {
        if (std::find(fixed.begin(), fixed.end(), input) != fixed.end()) {
          report(m, path,
                 "'" + path + "': '" + shown(input) +
                     "' is a fixed number: expected an uncertain input (a parameter given as a distribution)");
        } else {
          report(m, path,
                 "'" + path + "': unknown input '" + shown(input) + "'" + suggest(input, uncertain) +
                     ": expected the path of an uncertain input");
        }
        continue;
      }
      if (auto [at, inserted] = owner.emplace(input, name); !inserted) {
        report(m, path,
               "'" + path + "': '" + input + "' is already in group '" + at->second +
                   "': expected each input in at most one group");
        continue;
      }
      inputs.push_back(input);
    }
    if (!inputs.empty()) s.groups.emplace_back(name, inputs);
  }
}

void Loader::read_simulation(const YamlNode& node, Scenario& s) {
  if (!node.IsDefined()) return;
  if (!check_map(node, "simulation", "the simulation settings", {"draws", "seed"}, {})) return;
  if (node["draws"].IsDefined()) {
    s.simulation.draws = integer(node["draws"], "simulation.draws", 1).value_or(s.simulation.draws);
  }
  if (node["seed"].IsDefined()) {
    s.simulation.seed = integer(node["seed"], "simulation.seed", 0).value_or(s.simulation.seed);
  }
}

void Loader::read_bargaining(const YamlNode& node, Scenario& s) {
  if (!node.IsDefined()) return;
  if (!check_map(node, "bargaining", "the bargaining settings", {"protocol", "rounds", "step", "proposal"}, {})) {
    return;
  }
  BargainingDefaults& b = s.bargaining;
  if (const auto v = node["protocol"]; v.IsDefined()) {
    const std::string name = v.IsScalar() ? v.Scalar() : "";
    if (const auto protocol = parse_bargaining_protocol(name)) {
      b.protocol = *protocol;
    } else {
      const std::vector<std::string> names = bargaining_protocol_names();
      report(v, "bargaining.protocol",
             "'bargaining.protocol': unknown protocol " + describe(v) + suggest(name, names) + ": expected " +
                 or_list(names));
    }
  }
  if (const auto v = node["rounds"]; v.IsDefined()) {
    if (const auto rounds = integer(v, "bargaining.rounds", 1)) {
      if (*rounds > kMaxBargainingRounds) {
        report(v, "bargaining.rounds",
               fmt::format("'bargaining.rounds': expected a whole number from 1 to {}, got {}", kMaxBargainingRounds,
                           *rounds));
      } else {
        b.rounds = static_cast<std::size_t>(*rounds);
      }
    }
  }
  if (const auto v = node["step"]; v.IsDefined()) {
    if (const auto step = number_in(v, "bargaining.step", {{0.0, 1.0}, true, false})) b.step = *step;
  }
  if (const auto v = node["proposal"]; v.IsDefined()) {
    const std::string id = identifier(v, "bargaining.proposal");
    std::vector<std::string> ids;
    for (const auto& p : s.proposals) ids.push_back(p.id);
    if (!id.empty() && !s.find_proposal(id) && !s.proposals.empty()) {
      report(v, "bargaining.proposal",
             "'bargaining.proposal': unknown proposal '" + shown(id) + "'" + suggest(id, ids) + ": expected one of " +
                 join(ids));
    }
    b.proposal = id;
  }
}

}  // namespace parley::io

// Actors, their positions on the issues, and the relations between them.

#include <fmt/format.h>

#include <algorithm>

#include "loader_context.hpp"

namespace parley::io {
namespace {
// Upper bounds that keep every sum in the model finite (a lognormal can
// otherwise draw inf): capability, rationality and salience are relative
// weights, for which a million to one is already extreme; rho is a power.
constexpr double kRelativeMax = 1e6;
constexpr double kRhoMax = 100.0;
}  // namespace

void Loader::read_actors(const YamlNode& node, Scenario& s) {
  if (!list(node, "actors", true, "actor", limits::kActors)) return;
  std::map<std::string, int> seen;
  const std::vector<std::string> issues = issue_ids(s);
  const IdIndex sources(source_ids(s));
  bool any_veto = false;
  for (std::size_t k = 0; k < node.size(); ++k) {
    const YamlNode item = node[k];
    std::string path = fmt::format("actors.{}", k);
    if (!check_map(item, path, item_name("actor", k, item),
                   {"id", "name", "veto", "mediator", "capability", "rationality", "rho", "reservation", "drift",
                    "discount", "positions", "note"},
                   {"id", "reservation", "positions"})) {
      continue;
    }
    Actor actor;
    if (item["id"].IsDefined()) actor.id = identifier(item["id"], path + ".id");
    if (!unique_id(seen, item["id"], path + ".id", actor.id, "actor")) continue;
    path = "actors." + actor.id;
    actor.name = actor.id;
    if (item["name"].IsDefined()) actor.name = text(item["name"], path + ".name");
    if (item["note"].IsDefined()) actor.note = long_text(item["note"], path + ".note");
    if (item["veto"].IsDefined()) actor.veto = boolean(item["veto"], path + ".veto").value_or(false);
    if (item["mediator"].IsDefined()) actor.mediator = boolean(item["mediator"], path + ".mediator").value_or(false);
    any_veto = any_veto || actor.veto;
    bool ok = true;
    actor.capability = parameter(item["capability"], path + ".capability", {{0.0, kRelativeMax}, true, false}, 1.0, ok);
    actor.rationality =
        parameter(item["rationality"], path + ".rationality", {{0.0, kRelativeMax}, true, false}, 1.0, ok);
    actor.rho = parameter(item["rho"], path + ".rho", {{1.0, kRhoMax}, false, false}, 1.0, ok);
    actor.reservation = parameter(item["reservation"], path + ".reservation", {{0.0, 1.0}}, 0.5, ok);
    // The bargaining game's parameters: a reservation that drifts by round
    // and a discount factor for the value of agreeing later.
    actor.drift = parameter(item["drift"], path + ".drift", {{-1.0, 1.0}}, 0.0, ok);
    actor.discount = parameter(item["discount"], path + ".discount", {{0.0, 1.0}, true, false}, 1.0, ok);
    const YamlNode positions = item["positions"];
    if (positions.IsDefined()) {
      if (check_map(positions, path + ".positions", "the positions of actor '" + actor.id + "'", issues, {})) {
        if (positions.size() == 0) {
          report(positions, path + ".positions",
                 "'" + path + ".positions': expected a position on at least one issue, got an empty map");
        }
        read_positions(positions, path, s, sources, actor);
      }
    }
    s.actors.push_back(std::move(actor));
  }
  if (!any_veto && !s.actors.empty()) {
    report(node, "actors",
           "'actors': no actor has 'veto: true': expected at least one actor whose acceptance a deal needs");
  }
}

void Loader::read_positions(const YamlNode& positions, const std::string& actor_path, const Scenario& s,
                            const IdIndex& sources, Actor& actor) {
  double max_salience = 0.0;
  bool saliences_ok = true;
  for (auto it = positions.begin(); it != positions.end(); ++it) {
    if (!it->first.IsScalar()) continue;
    const std::string issue_id = it->first.Scalar();
    const auto issue_index = s.find_issue(issue_id);
    if (!issue_index) continue;  // reported by check_map as an unknown key
    const Issue& issue = s.issues[*issue_index];
    const std::string path = actor_path + ".positions." + issue_id;
    const YamlNode item = it->second;
    if (!check_map(item, path, "the position of '" + actor.id + "' on '" + issue_id + "'",
                   {"ideal", "salience", "source", "quote", "note"}, {"ideal", "source"})) {
      continue;
    }
    Position pos;
    pos.issue = *issue_index;
    bool ok = true;
    pos.ideal = parameter(item["ideal"], path + ".ideal", issue_domain(*issue_index, issue), issue.lo, ok);
    pos.salience = parameter(item["salience"], path + ".salience", {{0.0, kRelativeMax}, false, false}, 1.0, ok);
    saliences_ok = saliences_ok && ok;
    if (ok) {
      max_salience =
          std::max(max_salience, pos.salience.dist.is_fixed()
                                     ? pos.salience.dist.value
                                     : TruncatedQuantile(pos.salience.dist, pos.salience.allowed).range().hi);
    }
    if (item["source"].IsDefined()) {
      if (auto ref = reference(item["source"], path + ".source", sources, "source")) pos.source = sources[*ref];
    }
    if (item["quote"].IsDefined()) pos.quote = long_text(item["quote"], path + ".quote");
    if (item["note"].IsDefined()) pos.note = long_text(item["note"], path + ".note");
    actor.positions.push_back(std::move(pos));
  }
  if (saliences_ok && !actor.positions.empty() && max_salience <= 0.0) {
    report(positions, actor_path + ".positions",
           "'" + actor_path + ".positions': all saliences of actor '" + actor.id +
               "' are zero: expected at least one salience > 0");
  }
}

void Loader::read_relations(const YamlNode& node, Scenario& s) {
  if (!list(node, "relations", false, "relations", limits::kRelations)) return;
  std::vector<std::string> actor_ids;
  for (const auto& a : s.actors) actor_ids.push_back(a.id);
  const IdIndex actors(std::move(actor_ids));
  const IdIndex sources(source_ids(s));
  std::set<std::pair<std::size_t, std::size_t>> pairs;
  std::vector<YamlNode> nodes;       // the file's node of each relation kept
  std::vector<std::size_t> indices;  // and its index in the file's list
  for (std::size_t k = 0; k < node.size(); ++k) {
    const YamlNode item = node[k];
    const std::string path = fmt::format("relations.{}", k);
    if (!check_map(item, path, "relation " + std::to_string(k), {"from", "to", "weight", "kind", "source", "note"},
                   {"from", "to", "weight"})) {
      continue;
    }
    Relation r;
    std::optional<std::size_t> from;
    std::optional<std::size_t> to;
    if (item["from"].IsDefined()) from = reference(item["from"], path + ".from", actors, "actor");
    if (item["to"].IsDefined()) to = reference(item["to"], path + ".to", actors, "actor");
    bool ok = true;
    r.weight = parameter(item["weight"], path + ".weight", {{-1.0, 1.0}, true, true}, 0.0, ok);
    if (item["kind"].IsDefined()) r.kind = text(item["kind"], path + ".kind");
    if (item["note"].IsDefined()) r.note = long_text(item["note"], path + ".note");
    if (item["source"].IsDefined()) {
      if (auto ref = reference(item["source"], path + ".source", sources, "source")) r.source = sources[*ref];
    }
    if (!from || !to || !ok || !item["weight"].IsDefined()) continue;
    if (*from == *to) {
      report(
          item, path,
          "'" + path + "': an actor cannot influence itself: expected from != to, got '" + actors[*from] + "' twice");
      continue;
    }
    if (!pairs.emplace(*from, *to).second) {
      report(item, path,
             "'" + path + "': duplicate relation " + actors[*from] + " -> " + actors[*to] +
                 ": expected at most one edge per ordered pair");
      continue;
    }
    r.from = *from;
    r.to = *to;
    s.relations.push_back(r);
    nodes.push_back(item);
    indices.push_back(k);
  }
  check_influence(s, nodes, indices);
}

}  // namespace parley::io

// Checks across items: ids defined once, references to defined ids, and an
// influence graph whose stances are well defined (parley/core/influence.hpp).

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "loader_context.hpp"
#include "parley/core/influence.hpp"

namespace parley::io {

// Registers an id; reports duplicates. Returns false for a duplicate.
bool Loader::unique_id(std::map<std::string, int>& seen, const YamlNode& node, const std::string& path,
                       const std::string& id, const std::string& what) {
  if (id.empty()) return false;
  if (auto [pos, inserted] = seen.emplace(id, node.Mark().line + 1); !inserted) {
    report(node, path, fmt::format("duplicate {} id '{}' (first defined on line {})", what, id, pos->second));
    return false;
  }
  return true;
}

// Resolves a reference to an id in `ids`; reports dangling references.
std::optional<std::size_t> Loader::reference(const YamlNode& node, const std::string& path, const IdIndex& ids,
                                             const std::string& what) {
  if (!node.IsScalar()) {
    report(node, path, "'" + path + "': expected the id of " + what + ", got " + describe(node));
    return std::nullopt;
  }
  const std::string& id = node.Scalar();
  if (const auto found = ids.find(id)) return found;
  const std::vector<std::string>& names = ids.names();
  report(node, path,
         "'" + path + "': unknown " + what + " '" + shown(id) + "'" + suggest(id, names) + ": expected one of " +
             (names.empty() ? std::string("(none defined)") : join(names)));
  return std::nullopt;
}

// a_i = sum_j |W_ij| < 1 for every draw, and I - W non-singular.
void Loader::check_influence(const Scenario& s, const std::vector<YamlNode>& nodes,
                             const std::vector<std::size_t>& indices) {
  std::vector<double> worst;
  std::vector<double> nominal;
  std::vector<Edge> edges;
  for (const Relation& r : s.relations) {
    const Interval range = r.weight.dist.is_fixed() ? Interval{r.weight.dist.value, r.weight.dist.value}
                                                    : TruncatedQuantile(r.weight.dist, r.weight.allowed).range();
    worst.push_back(std::max(std::fabs(range.lo), std::fabs(range.hi)));
    nominal.push_back(r.weight.dist.is_fixed() ? r.weight.dist.value : r.weight.dist.quantile(0.5));
    edges.push_back({r.from, r.to});
  }
  const InfluenceProblems problems = influence_problems(s.actors.size(), edges, worst, nominal);
  for (const auto& overload : problems.overloaded) {
    std::string list_text;
    bool uncertain = false;
    for (std::size_t e : overload.edges) {
      list_text += (list_text.empty() ? "" : ", ") + s.actors[s.relations[e].from].id;
      uncertain = uncertain || !s.relations[e].weight.dist.is_fixed();
    }
    const std::size_t last = overload.edges.back();
    report(nodes[last], fmt::format("relations.{}", indices[last]),
           fmt::format("influence into '{}' is ill-posed: expected the sum of |weight| over its incoming relations "
                       "(from {}) to stay below 1, got {}{}",
                       s.actors[overload.actor].id, list_text, uncertain ? "up to " : "",
                       number_text(overload.worst_sum)));
  }
  // Reported at the last relation of each cycle.
  for (const auto& cycle : problems.singular) {
    std::vector<std::string> names;
    for (std::size_t i : cycle.members) names.push_back(s.actors[i].id);
    report(nodes[cycle.last_edge], fmt::format("relations.{}", indices[cycle.last_edge]),
           "the influence cycle among " + join(names) +
               " makes I - W singular: expected weights whose stances have a unique solution, got a singular "
               "system (lower the weights so that each actor's incoming sum |weight| < 1)");
  }
}

}  // namespace parley::io

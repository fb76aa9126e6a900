#pragma once
// The actor graph of a scenario (`parley graph`): its relations as a directed
// graph, with each actor's betweenness centrality and the total influence into
// and out of it. Uncertain weights and capabilities enter through their means.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "parley/core/influence.hpp"
#include "parley/core/scenario.hpp"

namespace parley {

struct GraphNode {
  std::size_t actor = 0;          // index into Scenario::actors
  double capability = 0.0;        // its mean
  double betweenness = 0.0;       // Brandes, on hop counts of the directed graph
  double incoming_influence = 0;  // sum_j E|W_ij| over the edges j -> i (E[a_i])
  double outgoing_influence = 0;  // sum_j E|W_ji| over the edges i -> j
};

enum class EdgeSign : std::uint8_t { positive, negative, mixed };

struct GraphEdge {
  std::size_t relation = 0;  // index into Scenario::relations
  double weight = 0.0;       // E[W]
  double weight_low = 0.0;   // the range of values the weight's distribution reaches
  double weight_high = 0.0;
  /// From the range, not the mean: a weight that can take either sign is mixed.
  [[nodiscard]] EdgeSign sign() const {
    if (weight_low >= 0.0) return EdgeSign::positive;
    if (weight_high <= 0.0) return EdgeSign::negative;
    return EdgeSign::mixed;
  }
};

struct ActorGraph {
  std::vector<GraphNode> nodes;  // one per actor, in file order
  std::vector<GraphEdge> edges;  // one per relation, in file order
};

/// Number of quantile midpoints over which expected_value and
/// expected_magnitude average.
inline constexpr std::size_t kMeanQuadraturePoints = 1 << 16;

/// E[X] of a parameter's distribution as truncated to its domain: the mean
/// of its quantile at the midpoints (j + 1/2) / kMeanQuadraturePoints. Exact
/// for a fixed value.
double expected_value(const Parameter& parameter);
/// E[|X|], computed the same way.
double expected_magnitude(const Parameter& parameter);

/// Betweenness centrality of each vertex of a directed graph (Brandes 2001 via
/// Boost.Graph): the sum over ordered pairs s != t != v of the share of
/// shortest s -> t paths (counted in hops) through v. Not normalised.
std::vector<double> betweenness_centrality(std::size_t vertices, std::span<const Edge> edges);

ActorGraph actor_graph(const Scenario& scenario);

}  // namespace parley

#include "parley/core/actor_graph.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/property_map/property_map.hpp>
#include <cmath>

#include "parley/core/distribution.hpp"

namespace parley {

namespace {
// The average of f(quantile) over equal-probability cells: the midpoint rule
// on E[f(X)] = integral of f(F^-1(u)) du over (0, 1).
template <class Transform>
double quantile_average(const Parameter& parameter, Transform transform) {
  if (!parameter.is_uncertain()) return transform(parameter.dist.value);
  const TruncatedQuantile quantile(parameter.dist, parameter.allowed);
  constexpr std::size_t kBlock = 1024;
  std::vector<double> u(kBlock), x(kBlock);
  double total = 0.0;
  for (std::size_t first = 0; first < kMeanQuadraturePoints; first += kBlock) {
    for (std::size_t j = 0; j < kBlock; ++j) {
      u[j] = (static_cast<double>(first + j) + 0.5) / static_cast<double>(kMeanQuadraturePoints);
    }
    quantile.map(u.data(), x.data(), kBlock);
    for (double value : x) total += transform(value);
  }
  return total / static_cast<double>(kMeanQuadraturePoints);
}
}  // namespace

double expected_value(const Parameter& parameter) {
  const double mean = quantile_average(parameter, [](double x) { return x; });
  if (!parameter.is_uncertain()) return mean;
  // The mean of a distribution symmetric about 0 comes out as rounding noise
  // (1e-18); far below the quadrature's accuracy, it is 0.
  return std::fabs(mean) < 1e-12 * expected_magnitude(parameter) ? 0.0 : mean;
}

double expected_magnitude(const Parameter& parameter) {
  return quantile_average(parameter, [](double x) { return std::fabs(x); });
}

std::vector<double> betweenness_centrality(std::size_t vertices, std::span<const Edge> edges) {
  using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  Digraph graph(vertices);
  for (const Edge& e : edges) boost::add_edge(e.from, e.to, graph);
  std::vector<double> centrality(vertices, 0.0);
  boost::brandes_betweenness_centrality(
      graph, boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, graph)));
  return centrality;
}

ActorGraph actor_graph(const Scenario& scenario) {
  const std::size_t n = scenario.actors.size();
  std::vector<Edge> edges;
  ActorGraph graph;
  for (std::size_t i = 0; i < n; ++i)
    graph.nodes.push_back({i, expected_value(scenario.actors[i].capability), 0, 0, 0});
  for (std::size_t e = 0; e < scenario.relations.size(); ++e) {
    const Relation& r = scenario.relations[e];
    edges.push_back({r.from, r.to});
    const Interval range = TruncatedQuantile(r.weight.dist, r.weight.allowed).range();
    graph.edges.push_back({e, expected_value(r.weight), range.lo, range.hi});
    const double magnitude = expected_magnitude(r.weight);
    graph.nodes[r.to].incoming_influence += magnitude;
    graph.nodes[r.from].outgoing_influence += magnitude;
  }
  const std::vector<double> centrality = betweenness_centrality(n, edges);
  for (std::size_t i = 0; i < n; ++i) graph.nodes[i].betweenness = centrality[i];
  return graph;
}

}  // namespace parley

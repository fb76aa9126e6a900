#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>

#include "parley/core/actor_graph.hpp"
#include "parley/report/graph_report.hpp"
#include "parley/io/scenario_loader.hpp"
#include "scenario_builder.hpp"

using namespace parley;
using namespace parley::testing;

namespace {
Scenario river_basin() {
  return load_scenario_file(std::string(PARLEY_SOURCE_DIR) + "/scenarios/classroom-river-basin.yaml");
}

// Three actors a, b, c with edges a -> c (+0.2), b -> c (-0.3) and
// c -> a (uniform on [-0.1, 0.1]).
Scenario triangle() {
  Scenario s;
  s.title = "Triangle";
  s.issues = {issue("x")};
  for (const char* id : {"a", "b", "c"}) {
    Actor a = actor(id, 0.5, 1.0, std::string(id) != "b");
    a.positions.push_back(position(0, Distribution::fixed(1.0), Distribution::fixed(1.0)));
    s.actors.push_back(a);
  }
  s.actors[1].mediator = true;
  s.actors[2].capability.dist = Distribution::uniform(1.0, 3.0);
  s.relations = {relation(0, 2, Distribution::fixed(0.2)), relation(1, 2, Distribution::fixed(-0.3)),
                 relation(2, 0, Distribution::uniform(-0.1, 0.1))};
  s.relations[0].kind = "alliance";
  s.relations[1].kind = "rivalry";
  s.proposals = {proposal("p", {0.5})};
  return s;
}

// The line of a DOT output that defines a node or an edge.
std::string dot_line(const std::string& dot, const std::string& start) {
  const std::size_t at = dot.find("\n" + start);
  if (at == std::string::npos) return "";
  return dot.substr(at + 1, dot.find('\n', at + 1) - at - 1);
}
}  // namespace

TEST_CASE("betweenness counts the shortest paths in hops through each actor", "[graph][exact]") {
  // a -> b -> c: b lies on the only path from a to c.
  const std::vector<Edge> path = {{0, 1}, {1, 2}};
  CHECK(betweenness_centrality(3, path) == std::vector<double>{0.0, 1.0, 0.0});
  // A directed 3-cycle: each actor lies on the path between the other two.
  const std::vector<Edge> cycle = {{0, 1}, {1, 2}, {2, 0}};
  CHECK(betweenness_centrality(3, cycle) == std::vector<double>{1.0, 1.0, 1.0});
  // A diamond a -> {b, c} -> d: two shortest paths from a to d share the credit.
  const std::vector<Edge> diamond = {{0, 1}, {0, 2}, {1, 3}, {2, 3}};
  CHECK(betweenness_centrality(4, diamond) == std::vector<double>{0.0, 0.5, 0.5, 0.0});
  // No edges: nobody lies between anyone.
  CHECK(betweenness_centrality(2, std::vector<Edge>{}) == std::vector<double>{0.0, 0.0});
}

TEST_CASE("incoming and outgoing influence sum the mean absolute weights", "[graph][exact]") {
  const ActorGraph g = actor_graph(triangle());
  REQUIRE(g.nodes.size() == 3);
  REQUIRE(g.edges.size() == 3);
  CHECK(g.nodes[2].incoming_influence == Approx(0.5).epsilon(1e-12));
  CHECK(g.nodes[0].incoming_influence == Approx(0.05).epsilon(1e-9));  // E|U(-0.1, 0.1)|
  CHECK(g.nodes[1].incoming_influence == 0.0);
  CHECK(g.nodes[0].outgoing_influence == Approx(0.2).epsilon(1e-12));
  CHECK(g.nodes[1].outgoing_influence == Approx(0.3).epsilon(1e-12));
  CHECK(g.nodes[2].outgoing_influence == Approx(0.05).epsilon(1e-9));
  CHECK(g.nodes[2].capability == Approx(2.0).epsilon(1e-12));
  // A weight symmetric about 0 has mean 0 and either sign.
  CHECK(g.edges[2].weight == 0.0);
  CHECK(g.edges[2].weight_low == -0.1);
  CHECK(g.edges[2].weight_high == 0.1);
  CHECK(g.edges[2].sign() == EdgeSign::mixed);
  CHECK(g.edges[0].sign() == EdgeSign::positive);
  CHECK(g.edges[1].sign() == EdgeSign::negative);
  // b -> c -> a is the only path from b to a.
  CHECK(g.nodes[2].betweenness == 1.0);
}

TEST_CASE("the mean of a truncated distribution matches its closed form", "[graph][distribution]") {
  Parameter p = fixed(0.25);
  CHECK(expected_value(p) == 0.25);
  p = param(Distribution::lognormal(-2.3, 0.25), "x", {0, kInf});
  CHECK(expected_value(p) == Approx(std::exp(-2.3 + 0.25 * 0.25 / 2)).epsilon(1e-6));
  // The standard normal conditioned on [0, inf): mean sqrt(2 / pi).
  p = param(Distribution::normal(0, 1), "x", {0, kInf});
  CHECK(expected_value(p) == Approx(std::sqrt(2 / std::numbers::pi)).epsilon(1e-5));
  p = param(Distribution::triangular(-0.2, -0.12, -0.05), "x", {-1, 1});
  CHECK(expected_value(p) == Approx((-0.2 - 0.12 - 0.05) / 3).epsilon(1e-8));
  CHECK(expected_magnitude(p) == Approx((0.2 + 0.12 + 0.05) / 3).epsilon(1e-8));
}

TEST_CASE("the DOT output carries the label, veto marks and signed edge styles", "[graph][report]") {
  const Scenario s = river_basin();
  const std::string dot = graph_dot(s, actor_graph(s));
  CHECK(dot.rfind(std::string("// ") + kDisclaimer + "\n", 0) == 0);
  CHECK_THAT(dot, Catch::Contains("\ndigraph G {\nlabel=\"HYPOTHETICAL"));
  CHECK(dot.size() >= 2);
  CHECK(dot.substr(dot.size() - 2) == "}\n");
  const std::string upland = dot_line(dot, "upland[");
  CHECK_THAT(upland, Catch::Contains("peripheries=2") && Catch::Contains("<B>(veto)</B>"));
  const std::string commission = dot_line(dot, "basin_commission[");
  CHECK_THAT(commission,
             Catch::Contains("peripheries=1") && Catch::Contains("shape=box") && Catch::Contains("(mediator)"));
  const std::string rivalry = dot_line(dot, "upland->lowmarsh ");
  CHECK_THAT(rivalry,
             Catch::Contains("label=\"-0.12\"") && Catch::Contains("color=\"red\"") && Catch::Contains("style=dashed"));
  const std::string alliance = dot_line(dot, "delta_fishers->green_alliance ");
  CHECK_THAT(alliance,
             Catch::Contains("label=\"+0.20\"") && Catch::Contains("penwidth=3.00") && Catch::Contains("style=solid"));
  CHECK_THAT(dot_line(dot, "upland->midvale "), Catch::Contains("style=dotted"));
  // One edge statement per relation: lines with an arrow before their attributes.
  std::size_t edges = 0;
  for (std::size_t start = 0; start < dot.size(); start = dot.find('\n', start) + 1) {
    const std::string line = dot.substr(start, dot.find('\n', start) - start);
    if (line.find("->") < line.find('[') && line.rfind("//", 0) != 0) ++edges;
  }
  CHECK(edges == s.relations.size());
}

TEST_CASE("DOT text from the scenario is escaped", "[graph][report]") {
  Scenario s = triangle();
  s.title = "A \"quoted\" title\\";
  s.actors[0].name = "Alpha & <Beta>";
  const std::string dot = graph_dot(s, actor_graph(s));
  CHECK_THAT(dot, Catch::Contains("\\nA \\\"quoted\\\" title\\\\\";"));
  CHECK_THAT(dot_line(dot, "a["), Catch::Contains("label=<Alpha &amp; &lt;Beta&gt;<BR/>"));
}

TEST_CASE("the graph's JSON and CSV list every actor and relation with the label", "[graph][report]") {
  const Scenario s = river_basin();
  const ActorGraph g = actor_graph(s);
  const nlohmann::ordered_json j = graph_json(s, g);
  CHECK(j["disclaimer"] == kDisclaimer);
  CHECK(j["command"] == "graph");
  REQUIRE(j["nodes"].size() == s.actors.size());
  REQUIRE(j["edges"].size() == s.relations.size());
  CHECK(j["nodes"][0]["id"] == "upland");
  CHECK(j["nodes"][0]["veto"] == true);
  CHECK(j["nodes"][3]["mediator"] == true);
  CHECK(j["edges"][0]["sign"] == "negative");
  CHECK(j["edges"][0]["abs_weight_max"] == 0.2);
  double incoming = 0.0, outgoing = 0.0;
  for (const auto& node : j["nodes"]) {
    incoming += node["incoming_influence"].get<double>();
    outgoing += node["outgoing_influence"].get<double>();
  }
  CHECK(incoming == Approx(outgoing).epsilon(1e-12));
  const std::string csv = graph_csv(s, g);
  CHECK(csv.rfind(std::string("# ") + kDisclaimer, 0) == 0);
  std::size_t rows = 0;
  for (char c : csv) rows += c == '\n' ? 1 : 0;
  CHECK(rows == 2 + s.actors.size() + s.relations.size());
  CHECK_THAT(graph_table(s, g), Catch::Contains(kDisclaimer));
}

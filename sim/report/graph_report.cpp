#include <fmt/format.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <cmath>
#include <sstream>

#include "parley/report/graph_report.hpp"
#include "parley/report/text_layout.hpp"
#include "parley/version.hpp"

namespace parley {

namespace {
using text::csv_field;
using text::fit;
using text::pad;

constexpr const char* kBetweennessMethod =
    "Brandes: shortest paths in hops on the directed graph, over ordered pairs, not normalised";

const char* sign_name(EdgeSign sign) {
  switch (sign) {
    case EdgeSign::positive:
      return "positive";
    case EdgeSign::negative:
      return "negative";
    case EdgeSign::mixed:
      return "mixed";
  }
  return "";
}

// Text inside a DOT string: quotes and backslashes escaped, newlines as blanks.
std::string dot_escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

struct DotVertex {
  std::string id;
};
struct DotEdge {
  std::size_t edge = 0;  // index into ActorGraph::edges
};
using DotGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, DotVertex, DotEdge>;
}  // namespace

std::string graph_dot(const Scenario& scenario, const ActorGraph& graph) {
  DotGraph g;
  for (const Actor& actor : scenario.actors) boost::add_vertex(DotVertex{actor.id}, g);
  for (std::size_t e = 0; e < graph.edges.size(); ++e) {
    const Relation& r = scenario.relations[graph.edges[e].relation];
    boost::add_edge(r.from, r.to, DotEdge{e}, g);
  }
  double largest_capability = 0.0;
  for (const GraphNode& node : graph.nodes) largest_capability = std::max(largest_capability, node.capability);

  auto vertex_writer = [&](std::ostream& out, DotGraph::vertex_descriptor v) {
    const GraphNode& node = graph.nodes[v];
    const Actor& actor = scenario.actors[node.actor];
    // Area proportional to capability: width grows with its square root.
    const double scale = largest_capability > 0.0 ? std::sqrt(node.capability / largest_capability) : 1.0;
    std::string label = html_escape(one_line(actor.name));
    if (actor.veto) label += "<BR/><B>(veto)</B>";
    if (actor.mediator) label += "<BR/><I>(mediator)</I>";
    label += fmt::format("<BR/><FONT POINT-SIZE=\"10\">capability {:.3g}</FONT>", node.capability);
    out << fmt::format(
        "[label=<{}>, shape={}, style=\"{}\", fillcolor=\"{}\", peripheries={}, width={:.2f}, "
        "height={:.2f}, tooltip=\"{}\"]",
        label, actor.mediator ? "box" : "ellipse", actor.mediator ? "rounded,filled" : "filled",
        actor.veto ? "#dae8fc" : (actor.mediator ? "#fff2cc" : "#eeeeee"), actor.veto ? 2 : 1, 0.8 + 1.6 * scale,
        0.5 + 0.8 * scale, dot_escaped(actor.id));
  };
  auto edge_writer = [&](std::ostream& out, DotGraph::edge_descriptor e) {
    const GraphEdge& edge = graph.edges[g[e].edge];
    const Relation& r = scenario.relations[edge.relation];
    const EdgeSign sign = edge.sign();
    const char* colour = sign == EdgeSign::negative ? "red" : (sign == EdgeSign::mixed ? "gray40" : "#1f4e79");
    const char* style = sign == EdgeSign::negative ? "dashed" : (sign == EdgeSign::mixed ? "dotted" : "solid");
    // A weight that can take either sign shows its range: its mean alone may be near 0.
    const std::string label = sign == EdgeSign::mixed ? fmt::format("{:+.2f}\\n[{:+.2f}, {:+.2f}]", edge.weight,
                                                                    edge.weight_low, edge.weight_high)
                                                      : fmt::format("{:+.2f}", edge.weight);
    out << fmt::format(
        "[label=\"{}\", penwidth={:.2f}, color=\"{}\", fontcolor=\"{}\", style={}, "
        "tooltip=\"{}\"]",
        label, 1.0 + 10.0 * std::fabs(edge.weight), colour, colour, style,
        dot_escaped(fmt::format("relations.{} {} -> {} {}", edge.relation, scenario.actors[r.from].id,
                                scenario.actors[r.to].id, r.kind)));
  };
  auto graph_writer = [&](std::ostream& out) {
    out << fmt::format("label=\"{}\\n{}\";\nlabelloc=t;\nfontsize=12;\nnode [fontsize=12];\nedge [fontsize=10];\n",
                       dot_escaped(kDisclaimer), dot_escaped(scenario.title));
  };

  std::ostringstream out;
  out << "// " << kDisclaimer << "\n";
  out << fmt::format("// parley {} graph; scenario \"{}\" ({})\n", kVersion, one_line(scenario.title),
                     one_line(scenario.file));
  out << "// Nodes: area from the mean capability; double border: veto actor; box: mediator.\n"
         "// Edges j -> i: j pulls i's stance; label and width: the mean weight;\n"
         "// red dashed: negative (reactive devaluation); gray dotted: either sign.\n";
  boost::write_graphviz(out, g, vertex_writer, edge_writer, graph_writer, boost::get(&DotVertex::id, g));
  return out.str();
}

nlohmann::ordered_json graph_json(const Scenario& scenario, const ActorGraph& graph) {
  nlohmann::ordered_json j = json_header(scenario, "graph", scenario.simulation.seed, 0);
  j["mean_method"] = fmt::format("mean of the distribution truncated to its domain: midpoint rule on {} quantiles",
                                 kMeanQuadraturePoints);
  j["betweenness_method"] = kBetweennessMethod;
  nlohmann::ordered_json nodes = nlohmann::ordered_json::array();
  for (const GraphNode& node : graph.nodes) {
    const Actor& actor = scenario.actors[node.actor];
    nodes.push_back({{"id", actor.id},
                     {"name", actor.name},
                     {"veto", actor.veto},
                     {"mediator", actor.mediator},
                     {"capability", node.capability},
                     {"betweenness", node.betweenness},
                     {"incoming_influence", node.incoming_influence},
                     {"outgoing_influence", node.outgoing_influence}});
  }
  j["nodes"] = nodes;
  nlohmann::ordered_json edges = nlohmann::ordered_json::array();
  for (const GraphEdge& edge : graph.edges) {
    const Relation& r = scenario.relations[edge.relation];
    edges.push_back({{"relation", edge.relation},
                     {"from", scenario.actors[r.from].id},
                     {"to", scenario.actors[r.to].id},
                     {"kind", r.kind},
                     {"weight", edge.weight},
                     {"weight_range", {edge.weight_low, edge.weight_high}},
                     {"abs_weight_max", std::max(std::fabs(edge.weight_low), std::fabs(edge.weight_high))},
                     {"sign", sign_name(edge.sign())}});
  }
  j["edges"] = edges;
  return j;
}

std::string graph_csv(const Scenario& scenario, const ActorGraph& graph) {
  std::string out = csv_header(scenario, "graph", scenario.simulation.seed, 0);
  out +=
      "element,id,name,veto,mediator,capability,betweenness,incoming_influence,outgoing_influence,from,to,kind,"
      "weight,weight_low,weight_high,sign\n";
  for (const GraphNode& node : graph.nodes) {
    const Actor& actor = scenario.actors[node.actor];
    out += fmt::format("node,{},{},{},{},{},{},{},{},,,,,,,\n", csv_field(actor.id), csv_field(actor.name),
                       actor.veto ? "true" : "false", actor.mediator ? "true" : "false",
                       text::csv_number(node.capability), text::csv_number(node.betweenness),
                       text::csv_number(node.incoming_influence), text::csv_number(node.outgoing_influence));
  }
  for (const GraphEdge& edge : graph.edges) {
    const Relation& r = scenario.relations[edge.relation];
    out += fmt::format("edge,{},,,,,,,,{},{},{},{},{},{},{}\n", edge.relation, csv_field(scenario.actors[r.from].id),
                       csv_field(scenario.actors[r.to].id), csv_field(r.kind), text::csv_number(edge.weight),
                       text::csv_number(edge.weight_low), text::csv_number(edge.weight_high), sign_name(edge.sign()));
  }
  return out;
}

std::string graph_table(const Scenario& scenario, const ActorGraph& graph) {
  std::string out;
  out += fit(scenario.title, 78) + "\n";
  out += std::string(kDisclaimer) + "\n";
  out += fmt::format("parley {} graph: {} actors, {} relations; uncertain values enter by their mean\n", kVersion,
                     graph.nodes.size(), graph.edges.size());
  out += "\n" + pad("actor", 24) +
         fmt::format("{:>11} {:>11} {:>9} {:>9}\n", "capability", "betweenness", "in |W|", "out |W|");
  for (const GraphNode& node : graph.nodes) {
    const Actor& actor = scenario.actors[node.actor];
    const std::string mark = std::string(actor.veto ? " *" : "") + (actor.mediator ? " (m)" : "");
    out += pad(fit(actor.id, 23 - mark.size()) + mark, 24) +
           fmt::format("{:>11.3f} {:>11.2f} {:>9.3f} {:>9.3f}\n", node.capability, node.betweenness,
                       node.incoming_influence, node.outgoing_influence);
  }
  if (!graph.edges.empty()) {
    out += "\n" + pad("relation (j pulls i)", 40) + fmt::format("{:>8}  {:<15} {}\n", "weight", "range", "kind");
    for (const GraphEdge& edge : graph.edges) {
      const Relation& r = scenario.relations[edge.relation];
      const std::string range = fmt::format("[{:+.2f}, {:+.2f}]", edge.weight_low, edge.weight_high);
      out += text::trim_line_ends(pad(fit(scenario.actors[r.from].id + " -> " + scenario.actors[r.to].id, 39), 40) +
                                  fmt::format("{:>+8.3f}  {:<15} {}", edge.weight, range, fit(r.kind, 12))) +
             "\n";
    }
  }
  out +=
      "\n* veto actor, (m) mediator. betweenness: shortest paths (in hops) through the\n"
      "actor. in |W|: total influence into the actor, sum of E|W_ij| (a_i); out |W|:\n"
      "its total influence on others. weight: mean; range: the values it can take.\n";
  return out;
}

}  // namespace parley

// Reading the CSV that `parley plot` draws (sim/cli/plot_csv.hpp): parley's
// own CSVs pass with their kind and title, anything else is refused with a
// message naming the line and what was expected. The same function is fuzzed
// (tests/fuzz/fuzz_plot_csv.cpp).

#include <catch2/catch.hpp>
#include <cstdio>
#include <memory>
#include <string>

#include "parley/report/sweep_report.hpp"
#include "plot_csv.hpp"

using parley::cli::PlotData;
using parley::cli::read_plot_csv;

namespace {
std::string example(const std::string& name) {
  return std::string(PARLEY_SOURCE_DIR) + "/plots/examples/" + name;
}

// Reads CSV text through an in-memory file.
PlotData read_text(std::string text, const std::string& chart = "") {
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(fmemopen(text.data(), text.size(), "rb"), &std::fclose);
  REQUIRE(file);
  return read_plot_csv(file.get(), "f.csv", chart);
}

const std::string kTornadoHeader = "input,low,high,swing,low_se,high_se,low_value,high_value\n";
const std::string kRow = "x,1,2,3,4,5,6,7\n";

std::string first_line(const std::string& kind, const std::string& title = "T") {
  return "# HYPOTHETICAL - x. parley 0.1.0 " + kind + "; scenario \"" + title + "\" (s.yaml); seed 1; draws 10\n";
}
}  // namespace

TEST_CASE("plot reads the committed example CSVs with their kind, title and script", "[plot]") {
  const std::string title = "US 28-point plan for ending the war in Ukraine, November 2025 (as reported)";
  const PlotData curves = read_plot_csv(example("sweep-army-cap.csv"), "");
  CHECK(curves.kind == "sweep");
  CHECK(curves.title == title);
  CHECK(curves.script == "sweep_curves.gp");
  CHECK(read_plot_csv(example("sweep-donbas-guarantee.csv"), "").script == "sweep_heatmap.gp");
  CHECK(read_plot_csv(example("tornado.csv"), "").script == "tornado.gp");
  CHECK(read_plot_csv(example("sobol-actor.csv"), "").script == "sobol.gp");
  CHECK(read_plot_csv(example("bargain-mediated.csv"), "").script == "bargain_agreement.gp");
  CHECK(read_plot_csv(example("bargain-mediated.csv"), "terms").script == "bargain_terms.gp");
}

TEST_CASE("plot undoes the doubled quotes of a title in the CSV header", "[plot]") {
  const PlotData data = read_text(first_line("tornado", "a \"\"b\"\"") + kTornadoHeader + kRow);
  CHECK(data.title == "a \"b\"");
  CHECK(data.data == kRow);
}

TEST_CASE("plot refuses a CSV parley did not write, naming the line", "[plot]") {
  CHECK_THROWS_WITH(read_text(""), Catch::Contains("is not a CSV written by parley"));
  CHECK_THROWS_WITH(read_text("# HYPOTHETICAL parley 0.1.0 tornado\n" + kTornadoHeader + kRow),
                    Catch::Contains("is not a CSV written by parley"));
  CHECK_THROWS_WITH(read_text(first_line("pie") + kTornadoHeader + kRow),
                    Catch::Contains("no plot for the CSV of 'pie'"));
  CHECK_THROWS_WITH(read_text(first_line("sobol") + kTornadoHeader + kRow),
                    Catch::Contains("f.csv:2: does not have the columns of a sobol CSV"));
  CHECK_THROWS_WITH(read_text(first_line("sweep") + "a,b,c,measure,actor,mean,se,ci95_low,ci95_high\n"),
                    Catch::Contains("does not have the columns of a sweep CSV"));
  CHECK_THROWS_WITH(read_text(first_line("sweep") + "a,$(x),measure,actor,mean,se,ci95_low,ci95_high\n"),
                    Catch::Contains("expected numbers and ids"));
  CHECK_THROWS_WITH(read_text(first_line("tornado") + kTornadoHeader), Catch::Contains("has no data rows"));
  CHECK_THROWS_WITH(read_text(first_line("tornado") + kTornadoHeader + "x,1,2,3,4,5,6,'7'\n"),
                    Catch::Contains("f.csv:3:15: is not as parley writes it: expected numbers and ids"));
  CHECK_THROWS_WITH(
      read_text(first_line("tornado") + kTornadoHeader + kRow + "x,1,2\n"),
      Catch::Contains("f.csv:4: is not as parley writes it: expected 8 fields as in the header, found 3"));
  CHECK_THROWS_WITH(read_text(first_line("tornado") + kTornadoHeader + "x,1,2,3,4,5,6,7\r\n"),
                    Catch::Contains("f.csv:3:16: is not as parley writes it"));
  CHECK_THROWS_WITH(read_text(first_line("tornado") + kTornadoHeader + std::string(20000, '1') + "\n"),
                    Catch::Contains("f.csv:3: expected a line of at most 16384 bytes"));
  CHECK_THROWS_WITH(read_text(first_line("tornado") + kTornadoHeader + std::string(2000, '1') + ",2,3,4,5,6,7,8\n"),
                    Catch::Contains("expected a field of at most 1024 bytes, found 2000 bytes"));
  CHECK_THROWS_WITH(read_text(first_line("tornado") + kTornadoHeader + kRow, "terms"),
                    Catch::Contains("only the CSV of bargain has charts"));
}

TEST_CASE("plot reads the name column of tornado and sweep CSVs", "[plot][names]") {
  const PlotData tornado =
      read_text(first_line("tornado") + kTornadoHeader.substr(0, kTornadoHeader.size() - 1) +
                ",name\nrelations.0.weight,0.2,0.4,0.2,0.01,0.01,0.1,0.2,\"A, Inc. \xe2\x86\x92 B\"\n");
  CHECK(tornado.data == "A; Inc. \xe2\x86\x92 B,0.2,0.4,0.2,0.01,0.01,0.1,0.2\n");
  const PlotData sweep = read_text(first_line("sweep") +
                                   "x,measure,actor,mean,se,ci95_low,ci95_high,name\n"
                                   "1,accept,a,0.5,0.01,0.4,0.6,Alpha town\n1,deal,,0.5,0.01,0.4,0.6,\n");
  CHECK(sweep.script == "sweep_curves.gp");
  bool legend = false;
  for (const auto& [key, value] : sweep.variables) legend = legend || (key == "actors" && value == "'\"Alpha town\"'");
  CHECK(legend);
}

TEST_CASE("plot names a sweep's proposal and axes from the CSV's description lines", "[plot][names]") {
  const std::string rows =
      "army_cap,measure,actor,mean,se,ci95_low,ci95_high,name\n"
      "400,accept,a,0.5,0.01,0.4,0.6,Alpha town\n400,deal,,0.5,0.01,0.4,0.6,\n";
  const PlotData described = read_text(first_line("sweep") + "# proposal draft: The draft, as reported\n" +
                                       "# axis army_cap: Cap on the army [thousand personnel] (assumed)\n" + rows);
  auto variable = [](const PlotData& data, const std::string& key) {
    for (const auto& [k, value] : data.variables) {
      if (k == key) return value;
    }
    return std::string("(none)");
  };
  CHECK(variable(described, "issue") == "'Cap on the army [thousand personnel] (assumed)'");
  CHECK(variable(described, "subtitle") == "'Varying the terms of the proposal: The draft, as reported'");

  // Written by an older parley: the axis is named by the issue id, no subtitle.
  const PlotData bare = read_text(first_line("sweep") + rows);
  CHECK(variable(bare, "issue") == "'army_cap'");
  CHECK(variable(bare, "subtitle") == "(none)");

  const PlotData grid = read_text(first_line("sweep") + "# axis x: Ex [m]\n# axis y: Why (assumed)\n" +
                                  "x,y,measure,actor,mean,se,ci95_low,ci95_high,name\n1,2,deal,,0.5,0.01,0.4,0.6,\n");
  CHECK(variable(grid, "xissue") == "'Ex [m]'");
  CHECK(variable(grid, "yissue") == "'Why (assumed)'");

  // A label too long for the side of the map is cut, keeping "(assumed)".
  const PlotData long_label =
      read_text(first_line("sweep") + "# axis y: " + std::string(80, 'w') + " (assumed)\n" +
                "x,y,measure,actor,mean,se,ci95_low,ci95_high,name\n1,2,deal,,0.5,0.01,0.4,0.6,\n");
  CHECK(variable(long_label, "yissue") == "'" + std::string(50, 'w') + "\xe2\x80\xa6 (assumed)'");
  CHECK(variable(long_label, "xissue") == "'x'");
}

TEST_CASE("plot refuses a sweep description line it does not know, naming the line", "[plot][names]") {
  const std::string header = "x,measure,actor,mean,se,ci95_low,ci95_high,name\n1,deal,,0.5,0.01,0.4,0.6,\n";
  CHECK_THROWS_WITH(read_text(first_line("sweep") + "# note x: y\n" + header),
                    Catch::Contains("f.csv:2: is not as parley writes it: expected '# proposal ID: LABEL'"));
  CHECK_THROWS_WITH(read_text(first_line("sweep") + "# axis $(x): y\n" + header),
                    Catch::Contains("f.csv:2: is not as parley writes it: expected an id"));
  CHECK_THROWS_WITH(read_text(first_line("sweep") + "# axis x: \x01\n" + header),
                    Catch::Contains("f.csv:2: is not as parley writes it: expected a label of printable UTF-8"));
  // A description line in another kind's CSV is not a header either.
  CHECK_THROWS_WITH(read_text(first_line("tornado") + "# axis x: y\n" + kTornadoHeader + kRow),
                    Catch::Contains("f.csv:2"));
}

TEST_CASE("a sweep axis named by the longest label and unit a file may hold still fits a CSV field", "[plot][names]") {
  parley::Scenario s;
  parley::Issue issue;
  issue.id = "cap";
  // 1,000 two-byte characters each, and a note marking an assumption.
  for (int k = 0; k < 1000; ++k) issue.label += "\xd0\x96", issue.unit += "\xd0\x96";
  issue.note = "assumption: no figure reported";
  s.issues.push_back(issue);
  const std::string label = parley::sweep_axis_label(s, "cap");
  CHECK(label.size() <= 1024);
  CHECK(label.substr(label.size() - 10) == " (assumed)");
  // And plot reads it back, "(assumed)" kept.
  const PlotData data = read_text(first_line("sweep") + "# axis cap: " + label + "\n" +
                                  "cap,measure,actor,mean,se,ci95_low,ci95_high,name\n1,deal,,0.5,0.01,0.4,0.6,\n");
  for (const auto& [key, value] : data.variables) {
    if (key == "issue") CHECK(value.substr(value.size() - 11) == " (assumed)'");
  }
}

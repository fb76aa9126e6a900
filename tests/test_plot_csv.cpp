// The check of a CSV before `parley plot` hands it to gnuplot
// (sim/cli/plot_csv.hpp): parley's own CSVs pass, anything else is refused
// with a message saying what was expected.

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "parley/sweep.hpp"
#include "plot_csv.hpp"

using parley::InputError;
using parley::cli::check_plot_csv;

namespace {
std::string example(const std::string& name) {
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/plots/examples/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::string kTornadoHeader = "input,low,high,swing,low_se,high_se,low_value,high_value\n";

std::string first_line(const std::string& kind, const std::string& title = "T") {
  return "# HYPOTHETICAL - x. parley 0.1.0 " + kind + "; scenario \"" + title + "\" (s.yaml); seed 1; draws 10\n";
}
}  // namespace

TEST_CASE("plot CSV check: the committed examples pass with their kind, title and shape", "[plot]") {
  const std::string title = "US 28-point plan for ending the war in Ukraine, November 2025 (as reported)";
  auto csv = check_plot_csv(example("sweep-army-cap.csv"));
  CHECK(csv.kind == "sweep");
  CHECK(csv.title == title);
  CHECK(csv.issues == 1);
  CHECK(csv.columns == 7);
  csv = check_plot_csv(example("sweep-donbas-guarantee.csv"));
  CHECK(csv.issues == 2);
  CHECK(csv.columns == 8);
  CHECK(csv.rows > 1000);
  CHECK(check_plot_csv(example("tornado.csv")).kind == "tornado");
  CHECK(check_plot_csv(example("sobol-actor.csv")).kind == "sobol");
  CHECK(check_plot_csv(example("bargain-mediated.csv")).kind == "bargain");
}

TEST_CASE("plot CSV check: doubled quotes in the title are undone", "[plot]") {
  const auto csv = check_plot_csv(first_line("tornado", "a \"\"b\"\"") + kTornadoHeader + "x,1,2,3,4,5,6,7\n");
  CHECK(csv.title == "a \"b\"");
  CHECK(csv.rows == 1);
}

TEST_CASE("plot CSV check: what parley did not write is refused", "[plot]") {
  const std::string row = "x,1,2,3,4,5,6,7\n";
  CHECK_THROWS_WITH(check_plot_csv("", "f.csv"), Catch::Contains("'f.csv' is not a CSV written by parley"));
  CHECK_THROWS_WITH(check_plot_csv("# HYPOTHETICAL parley 0.1.0 tornado\n" + kTornadoHeader + row),
                    Catch::Contains("is not a CSV written by parley"));
  CHECK_THROWS_WITH(check_plot_csv(first_line("tornado", "a\"b") + kTornadoHeader + row),
                    Catch::Contains("is not a CSV written by parley"));
  CHECK_THROWS_WITH(check_plot_csv(first_line("pie") + kTornadoHeader + row),
                    Catch::Contains("no plot for the CSV of 'pie'"));
  CHECK_THROWS_WITH(check_plot_csv(first_line("sobol") + kTornadoHeader + row),
                    Catch::Contains("does not have the columns of a sobol CSV"));
  CHECK_THROWS_WITH(check_plot_csv(first_line("sweep") + "a,b,c,measure,actor,mean,se,ci95_low,ci95_high\n"),
                    Catch::Contains("does not have the columns of a sweep CSV"));
  CHECK_THROWS_WITH(check_plot_csv(first_line("sweep") + "a,$(x),measure,actor,mean,se,ci95_low,ci95_high\n"),
                    Catch::Contains("does not have the columns of a sweep CSV"));
  CHECK_THROWS_WITH(check_plot_csv(first_line("tornado") + kTornadoHeader), Catch::Contains("has no data rows"));
  CHECK_THROWS_WITH(check_plot_csv(first_line("tornado") + kTornadoHeader + "x,1,2,3,4,5,6,'7'\n"),
                    Catch::Contains("row 1 is not as parley writes it: expected 8 fields"));
  CHECK_THROWS_WITH(check_plot_csv(first_line("tornado") + kTornadoHeader + row + "x,1,2\n"),
                    Catch::Contains("row 2 is not as parley writes it"));
  CHECK_THROWS_WITH(check_plot_csv(first_line("tornado") + kTornadoHeader + "x,1,2,3,4,5,6,7\r\n"),
                    Catch::Contains("row 1 is not as parley writes it"));
  CHECK_THROWS_WITH(check_plot_csv(first_line("tornado") + kTornadoHeader + std::string(5000, '1') + "\n"),
                    Catch::Contains("line 3 is longer than 4096 bytes"));
}

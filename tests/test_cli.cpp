#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "process.hpp"

using parley::testing::read_file;
using parley::testing::run_parley;

namespace {
const std::string kReports = "scenarios/ukraine-28-point-2025-11.yaml";
const std::string kTwoParty = "scenarios/classroom-two-party.yaml";

std::filesystem::path scratch_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("parley_cli_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}
}  // namespace

TEST_CASE("run gives byte-identical JSON for 1, 2 and 4 threads", "[cli][determinism]") {
  const auto one = run_parley("run " + kReports + " --draws 30000 --format json --threads 1");
  REQUIRE(one.status == 0);
  for (const char* threads : {"2", "4"}) {
    const auto other = run_parley("run " + kReports + " --draws 30000 --format json --threads " + threads);
    REQUIRE(other.status == 0);
    CHECK(other.out == one.out);
  }
}

TEST_CASE("the JSON output has the documented fields and the label", "[cli][output]") {
  const auto r = run_parley("run " + kReports + " --draws 5000 --seed 99 --format json");
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["tool"] == "parley");
  CHECK(j["version"].is_string());
  CHECK(j["disclaimer"].get<std::string>().find("HYPOTHETICAL") == 0);
  CHECK(j["scenario"]["title"].is_string());
  CHECK(j["scenario"]["file"] == kReports);
  CHECK(j["seed"] == 99);
  CHECK(j["draws"] == 5000);
  REQUIRE(j["proposals"].size() == 4);
  for (const auto& p : j["proposals"]) {
    CHECK(p["id"].is_string());
    CHECK(p["label"].is_string());
    for (const char* key : {"mean", "se", "q05", "q50", "q95"}) CHECK(p["deal"][key].is_number());
    CHECK(p["deal"]["ci95"].size() == 2);
    CHECK(p["deal"]["q05"] <= p["deal"]["q50"]);
    CHECK(p["deal"]["q50"] <= p["deal"]["q95"]);
    CHECK(p["support"]["mean"].is_number());
    CHECK(p["support"]["se"].is_number());
    REQUIRE(p["actors"].size() == 6);
    for (const auto& a : p["actors"]) {
      CHECK(a["id"].is_string());
      const double mean = a["accept"]["mean"];
      CHECK(mean >= 0.0);
      CHECK(mean <= 1.0);
      CHECK(a["accept"]["ci95"][0] <= a["accept"]["ci95"][1]);
    }
  }
}

TEST_CASE("the two-party classroom scenario gives its hand-computed numbers", "[cli][exact]") {
  const auto r = run_parley("run " + kTwoParty + " --draws 10 --format json");
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["proposals"][0]["deal"]["mean"].get<double>() == Approx(0.600452).margin(5e-7));
  CHECK(j["proposals"][0]["deal"]["se"].get<double>() == 0.0);
  CHECK(j["proposals"][0]["support"]["mean"].get<double>() == Approx(0.824347).margin(5e-7));
  CHECK(j["proposals"][1]["deal"]["mean"].get<double>() == Approx(0.585203).margin(5e-7));
  CHECK(j["proposals"][1]["actors"][1]["accept"]["mean"].get<double>() == Approx(0.898439).margin(5e-7));
}

TEST_CASE("the CSV output is tidy with a leading comment holding the label, seed and draws", "[cli][output]") {
  const auto r = run_parley("run " + kReports + " --draws 2000 --seed 7 --format csv");
  REQUIRE(r.status == 0);
  std::istringstream lines(r.out);
  std::string first, header, line;
  std::getline(lines, first);
  std::getline(lines, header);
  CHECK(first.rfind("# HYPOTHETICAL", 0) == 0);
  CHECK(first.find("seed 7") != std::string::npos);
  CHECK(first.find("draws 2000") != std::string::npos);
  CHECK(header == "proposal,measure,actor,veto,mean,se,ci95_low,ci95_high,q05,q50,q95");
  int rows = 0;
  while (std::getline(lines, line)) {
    CHECK(std::count(line.begin(), line.end(), ',') == 10);
    ++rows;
  }
  CHECK(rows == 4 * (6 + 2));
}

TEST_CASE("the table carries the label and fits an 80-column terminal", "[cli][output]") {
  const auto r = run_parley("run " + kReports + " --draws 2000");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("HYPOTHETICAL") != std::string::npos);
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    std::size_t columns = 0;
    for (char c : line) columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    INFO(line);
    CHECK(columns <= 80);
  }
}

TEST_CASE("a --set override changes a value and moves the result", "[cli][set]") {
  const auto base = run_parley("run " + kReports + " --draws 4000 --format json --proposal us_28_point_draft");
  const auto set = run_parley("run " + kReports +
                              " --draws 4000 --format json --proposal us_28_point_draft"
                              " --set actors.ukraine.reservation.mean=0.7");
  REQUIRE(base.status == 0);
  REQUIRE(set.status == 0);
  const auto a = nlohmann::json::parse(base.out)["proposals"][0]["actors"];
  const auto b = nlohmann::json::parse(set.out)["proposals"][0]["actors"];
  // A better outside option makes Ukraine less willing to accept.
  CHECK(b[2]["id"] == "ukraine");
  CHECK(b[2]["accept"]["mean"].get<double>() < a[2]["accept"]["mean"].get<double>());
}

TEST_CASE("the --out option writes the file atomically and leaves nothing on failure", "[cli][output]") {
  const auto dir = scratch_dir("out");
  const auto target = dir / "result.json";
  const auto ok = run_parley("run " + kTwoParty + " --draws 100 --format json --out '" + target.string() + "'");
  REQUIRE(ok.status == 0);
  CHECK(ok.out.empty());
  CHECK(nlohmann::json::parse(read_file(target))["tool"] == "parley");
  // Only the result, no temporary file left beside it.
  CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator{}) == 1);

  // A bad scenario: exit 2 and the earlier result untouched.
  const std::string before = read_file(target);
  const auto bad = run_parley("run " + kTwoParty + " --set actors.northfield.rationality=-1 --format json --out '" +
                              target.string() + "'");
  CHECK(bad.status == 2);
  CHECK(read_file(target) == before);

  // An unwritable destination: exit 1, a message, and no file.
  const auto missing = dir / "no" / "such" / "dir" / "r.json";
  const auto fail = run_parley("run " + kTwoParty + " --draws 10 --out '" + missing.string() + "'");
  CHECK(fail.status == 1);
  CHECK(fail.err.find("cannot write") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(missing));
  std::filesystem::remove_all(dir);
}

TEST_CASE("validate prints ok and a one-line summary for a good file", "[cli][validate]") {
  const auto r = run_parley("validate " + kReports);
  CHECK(r.status == 0);
  CHECK(r.out == "ok: " + kReports + ": 6 actors, 8 issues, 4 proposals, 13 relations, 57 uncertain inputs\n");
}

TEST_CASE("no progress bar is written when stderr is not a terminal", "[cli][output]") {
  const auto r = run_parley("run " + kReports + " --draws 200000 --format csv");
  CHECK(r.status == 0);
  CHECK(r.err.empty());
}

TEST_CASE("sweep gives the documented JSON, byte-identical for 1 and 2 threads", "[cli][sweep]") {
  const std::string args = "sweep " + kReports +
                           " --proposal us_28_point_draft --vary army_cap=400:900:3 --vary "
                           "security_guarantee=0:1:2 --draws 3000 --format json --threads ";
  const auto one = run_parley(args + "1");
  const auto two = run_parley(args + "2");
  REQUIRE(one.status == 0);
  CHECK(one.out == two.out);
  const auto j = nlohmann::json::parse(one.out);
  CHECK(j["disclaimer"].get<std::string>().rfind("HYPOTHETICAL", 0) == 0);
  CHECK(j["command"] == "sweep");
  CHECK(j["seed"] == 20251120);
  CHECK(j["draws"] == 3000);
  REQUIRE(j["points"].size() == 6);
  const auto& p = j["points"][1];
  CHECK(p["values"]["army_cap"] == 400.0);
  CHECK(p["values"]["security_guarantee"] == 1.0);
  CHECK(p["deal"]["ci95"].size() == 2);
  CHECK(p["support"]["mean"].is_number());
  REQUIRE(p["actors"].size() == 6);
  CHECK(p["actors"][2]["id"] == "ukraine");
  CHECK(p["actors"][2]["accept"]["se"].is_number());
}

TEST_CASE("sweep CSV has one row per point and actor plus deal and support", "[cli][sweep]") {
  const auto r = run_parley("sweep " + kTwoParty + " --proposal split_even --vary cost_share=0:100:5 --format csv");
  REQUIRE(r.status == 0);
  std::istringstream lines(r.out);
  std::string first, proposal, axis, header, line;
  std::getline(lines, first);
  std::getline(lines, proposal);
  std::getline(lines, axis);
  std::getline(lines, header);
  CHECK(first.rfind("# HYPOTHETICAL", 0) == 0);
  CHECK(first.find("sweep") != std::string::npos);
  CHECK(proposal == "# proposal split_even: Split the cost 50/50 and charge a toll");
  CHECK(axis == "# axis cost_share: Northfield's share of the bridge's cost [percent]");
  CHECK(header == "cost_share,measure,actor,mean,se,ci95_low,ci95_high,name");
  int rows = 0;
  while (std::getline(lines, line)) ++rows;
  CHECK(rows == 5 * (2 + 2));
}

TEST_CASE("sweep CSV and JSON say (assumed) of an axis whose issue the file marks as an assumption", "[cli][sweep]") {
  const std::string args = "sweep " + kReports + " --proposal us_28_point_draft --draws 10 --vary ";
  const auto army = run_parley(args + "army_cap=400:900:2 --format csv");
  REQUIRE(army.status == 0);
  CHECK(army.out.find("\n# proposal us_28_point_draft: US 28-point draft as reported\n") != std::string::npos);
  CHECK(army.out.find("\n# axis army_cap: Cap on the size of Ukraine's army [thousand personnel] (assumed)\n") !=
        std::string::npos);
  // donbas_withdrawal is stated by the reports: no "(assumed)".
  const auto donbas = run_parley(args + "donbas_withdrawal=0:1:2 --format json");
  REQUIRE(donbas.status == 0);
  CHECK(donbas.out.find("\"assumed\": false") != std::string::npos);
  CHECK(donbas.out.find("(assumed)") == std::string::npos);
}

TEST_CASE("tornado gives the documented JSON bars, sorted by swing, identical for any threads", "[cli][tornado]") {
  const std::string args =
      "tornado " + kReports + " --proposal us_28_point_draft --draws 2000 --format json --threads ";
  const auto one = run_parley(args + "1");
  const auto two = run_parley(args + "2");
  REQUIRE(one.status == 0);
  CHECK(one.out == two.out);
  const auto j = nlohmann::json::parse(one.out);
  CHECK(j["command"] == "tornado");
  CHECK(j["disclaimer"].get<std::string>().rfind("HYPOTHETICAL", 0) == 0);
  REQUIRE(j["bars"].size() == 57);
  double previous = 1.0;
  for (const auto& bar : j["bars"]) {
    CHECK(bar["input"].is_string());
    CHECK(bar["swing"].get<double>() == Approx(bar["high"].get<double>() - bar["low"].get<double>()));
    CHECK(std::fabs(bar["swing"].get<double>()) <= previous);
    previous = std::fabs(bar["swing"].get<double>());
  }
}

TEST_CASE("sobol gives the documented JSON indices, identical for any threads", "[cli][sobol]") {
  const std::string args = "sobol " + kReports +
                           " --proposal us_28_point_draft --base-draws 512 --group actor "
                           "--format json --threads ";
  const auto one = run_parley(args + "1");
  const auto two = run_parley(args + "2");
  REQUIRE(one.status == 0);
  CHECK(one.out == two.out);
  const auto j = nlohmann::json::parse(one.out);
  CHECK(j["command"] == "sobol");
  CHECK(j["disclaimer"].get<std::string>().rfind("HYPOTHETICAL", 0) == 0);
  CHECK(j["draws"] == 512 * (6 + 2));
  CHECK(j["seed"].is_number());
  CHECK(j["replicates"] == 8);  // the default with the Sobol sequence
  CHECK(j["bootstrap"] == 0);
  CHECK(j["interval"] == "replicates");
  REQUIRE(j["indices"].size() == 6);
  for (const auto& index : j["indices"]) {
    CHECK(index["input"].is_string());
    CHECK(index["S1"]["mean"].is_number());
    CHECK(index["S1"]["ci95"].size() == 2);
    CHECK(index["ST"]["ci95"].size() == 2);
  }
}

TEST_CASE("morris gives the documented JSON effects, identical for any threads", "[cli][morris]") {
  const std::string args =
      "morris " + kReports + " --proposal us_28_point_draft --trajectories 30 --format json --threads ";
  const auto one = run_parley(args + "1");
  const auto two = run_parley(args + "2");
  REQUIRE(one.status == 0);
  CHECK(one.out == two.out);
  const auto j = nlohmann::json::parse(one.out);
  CHECK(j["command"] == "morris");
  CHECK(j["draws"] == 30 * (57 + 1));
  REQUIRE(j["effects"].size() == 57);
  for (const auto& e : j["effects"]) {
    CHECK(e["input"].is_string());
    CHECK(e["mu_star"].get<double>() >= std::fabs(e["mu"].get<double>()) - 1e-15);
    CHECK(e["sigma"].is_number());
  }
}

TEST_CASE("plot renders every kind of CSV to a non-empty SVG and PNG", "[cli][plot]") {
  const auto dir = scratch_dir("plot");
  const std::string base = "--proposal us_28_point_draft --draws 500 --format csv --out '" + dir.string();
  const std::vector<std::pair<std::string, std::string>> kinds = {
      {"sweep1", "sweep " + kReports + " --vary army_cap=400:900:6 " + base + "/sweep1.csv'"},
      {"sweep2",
       "sweep " + kReports + " --vary army_cap=400:900:4 --vary security_guarantee=0:1:3 " + base + "/sweep2.csv'"},
      {"tornado", "tornado " + kReports + " " + base + "/tornado.csv'"},
      {"sobol", "sobol " + kReports +
                    " --proposal us_28_point_draft --base-draws 256 --group actor --format csv "
                    "--out '" +
                    dir.string() + "/sobol.csv'"},
  };
  for (const auto& [name, command] : kinds) {
    INFO(name);
    REQUIRE(run_parley(command).status == 0);
    for (const char* extension : {".svg", ".png"}) {
      const auto image = dir / (name + extension);
      const auto r = run_parley("plot '" + (dir / (name + ".csv")).string() + "' --out '" + image.string() + "'");
      INFO(r.err);
      REQUIRE(r.status == 0);
      const std::string bytes = read_file(image);
      REQUIRE(bytes.size() > 1000);
      if (std::string(extension) == ".png") {
        CHECK(bytes.substr(1, 3) == "PNG");
      } else {
        CHECK(bytes.find("<svg") != std::string::npos);
        CHECK(bytes.find("HYPOTHETICAL") != std::string::npos);
      }
    }
  }
  // Only the images and CSVs: no partial files left behind.
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    CHECK(entry.path().filename().string().find(".partial-") == std::string::npos);
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("plot refuses a CSV it cannot draw and an unknown image type", "[cli][plot]") {
  const auto dir = scratch_dir("plot_errors");
  const auto csv = dir / "run.csv";
  REQUIRE(run_parley("run " + kTwoParty + " --format csv --out '" + csv.string() + "'").status == 0);
  const auto run_csv = run_parley("plot '" + csv.string() + "' --out '" + (dir / "x.svg").string() + "'");
  CHECK(run_csv.status == 2);
  CHECK(run_csv.err.find("expected the CSV of sweep, tornado, sobol or bargain") != std::string::npos);
  const auto not_parley = run_parley("plot README.md --out '" + (dir / "x.svg").string() + "'");
  CHECK(not_parley.status == 2);
  REQUIRE(run_parley("sweep " + kTwoParty + " --proposal split_even --vary toll=0:1:2 --format csv --out '" +
                     (dir / "s.csv").string() + "'")
              .status == 0);
  const auto jpeg = run_parley("plot '" + (dir / "s.csv").string() + "' --out '" + (dir / "x.jpg").string() + "'");
  CHECK(jpeg.status == 2);
  CHECK(jpeg.err.find(".svg or .png") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "x.svg"));

  // A hand-edited field that could reach a shell, and a CSV with no rows.
  const std::string sweep = read_file(dir / "s.csv");
  {
    std::ofstream edited(dir / "edited.csv");
    std::string text = sweep;
    text.replace(text.find(",northfield,"), 12, ",north'$(id)',");
    edited << text;
  }
  const auto injected =
      run_parley("plot '" + (dir / "edited.csv").string() + "' --out '" + (dir / "x.svg").string() + "'");
  CHECK(injected.status == 2);
  CHECK(injected.err.find("is not as parley writes it") != std::string::npos);
  CHECK(injected.err.find("uid=") == std::string::npos);
  {
    std::ofstream empty(dir / "empty.csv");
    empty << sweep.substr(0, sweep.find('\n', sweep.find(",measure,actor,")) + 1);  // up to the header
  }
  const auto no_rows =
      run_parley("plot '" + (dir / "empty.csv").string() + "' --out '" + (dir / "x.svg").string() + "'");
  CHECK(no_rows.status == 2);
  CHECK(no_rows.err.find("no data rows") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "x.svg"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("sobol --second-order adds the pairs to the JSON", "[cli][sobol]") {
  const auto r =
      run_parley("sobol " + kReports +
                 " --proposal us_28_point_draft --base-draws 256 --group actor --second-order --format json");
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["draws"] == 256 * (2 * 6 + 2));
  REQUIRE(j["second_order"].size() == 15);  // 6 actors: 15 pairs
  CHECK(j["second_order"][0]["inputs"].size() == 2);
  CHECK(j["second_order"][0]["S2"].is_number());
}

TEST_CASE("bargain gives byte-identical JSON for 1 and 2 threads, with the documented fields",
          "[cli][bargain][determinism]") {
  for (const std::string protocol : {"mediated", "alternating"}) {
    INFO(protocol);
    const std::string draws = protocol == "mediated" ? "3000" : "60";
    const std::string args = "bargain " + kReports + " --protocol " + protocol + " --rounds 6 --draws " + draws +
                             " --trace 5 --format json --threads ";
    const auto one = run_parley(args + "1");
    const auto two = run_parley(args + "2");
    INFO(one.err);
    REQUIRE(one.status == 0);
    CHECK(one.out == two.out);
    const auto j = nlohmann::json::parse(one.out);
    CHECK(j["disclaimer"].get<std::string>().rfind("HYPOTHETICAL", 0) == 0);
    CHECK(j["command"] == "bargain");
    CHECK(j["protocol"] == protocol);
    CHECK(j["rounds"] == 6);
    CHECK(j["proposal"] == "us_28_point_draft");
    CHECK(j["mediators"] == nlohmann::json::array({"united_states"}));
    REQUIRE(j["agreement_by_round"].size() == 6);
    for (std::size_t t = 1; t < 6; ++t) {
      CHECK(j["agreement_by_round"][t]["p"].get<double>() >= j["agreement_by_round"][t - 1]["p"].get<double>());
    }
    CHECK(j["agreement"]["mean"] == j["agreement_by_round"][5]["p"]);
    REQUIRE(j["terms"].size() == 8);
    CHECK(j["terms"][3]["issue"] == "army_cap");
    REQUIRE(j["rejections"].size() == 3);  // the veto actors
    for (std::size_t i = 1; i < 3; ++i) {
      CHECK(j["rejections"][i]["mean"].get<double>() <= j["rejections"][i - 1]["mean"].get<double>());
    }
    const auto& trace = j["trace"];
    CHECK(trace["draw"] == 5);
    REQUIRE(!trace["rounds"].empty());
    CHECK(trace["rounds"][0]["terms"].size() == 8);
    CHECK(trace["rounds"][0]["proposer"] == (protocol == "mediated" ? "mediator" : "united_states"));
    CHECK(trace["outcome"]["agreed"] == trace["rounds"].back()["agreement"]);
  }
}

TEST_CASE("bargain defaults to at most 2000 draws for the alternating protocol", "[cli][bargain]") {
  const auto r = run_parley("bargain " + kTwoParty + " --protocol alternating --rounds 2 --format json");
  REQUIRE(r.status == 0);
  CHECK(nlohmann::json::parse(r.out)["draws"] == 1000);  // the scenario's 1000 is below the cap
  const auto capped = run_parley("bargain " + kTwoParty +
                                 " --protocol alternating --rounds 2 --set simulation.draws=5000 --format json");
  REQUIRE(capped.status == 0);
  CHECK(nlohmann::json::parse(capped.out)["draws"] == 2000);
}

TEST_CASE("plot draws both charts of a bargain CSV to a non-empty SVG", "[cli][plot][bargain]") {
  const auto dir = scratch_dir("plot_bargain");
  const auto csv = dir / "bargain.csv";
  REQUIRE(
      run_parley("bargain " + kReports + " --draws 500 --rounds 12 --format csv --out '" + csv.string() + "'").status ==
      0);
  for (const std::string chart : {"agreement", "terms"}) {
    INFO(chart);
    const auto image = dir / (chart + ".svg");
    const auto r = run_parley("plot '" + csv.string() + "' --chart " + chart + " --out '" + image.string() + "'");
    INFO(r.err);
    REQUIRE(r.status == 0);
    const std::string bytes = read_file(image);
    CHECK(bytes.size() > 1000);
    CHECK(bytes.find("<svg") != std::string::npos);
    CHECK(bytes.find("HYPOTHETICAL") != std::string::npos);
  }
  // Without --chart: P(agreement by round t).
  const auto plain = run_parley("plot '" + csv.string() + "' --out '" + (dir / "plain.svg").string() + "'");
  REQUIRE(plain.status == 0);
  CHECK(read_file(dir / "plain.svg").find("agreement by round") != std::string::npos);
  std::filesystem::remove_all(dir);
}

namespace {
// The names in a directory that look like a temporary file of parley.
std::vector<std::string> temporary_files(const std::filesystem::path& dir) {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.find(".tmp-") != std::string::npos || name.find(".partial-") != std::string::npos) found.push_back(name);
  }
  return found;
}

}  // namespace

TEST_CASE("plot refuses a 30,000-character title or a 3,000-character field, naming the line", "[cli][plot][hostile]") {
  const auto dir = scratch_dir("plot_long");
  const std::string tornado = read_file("plots/examples/tornado.csv");
  {
    std::ofstream out(dir / "long_title.csv");
    std::string text = tornado;
    text.replace(text.find("US 28-point"), 11, std::string(30000, 'X'));
    out << text;
  }
  {
    std::ofstream out(dir / "long_field.csv");
    std::string text = tornado;
    text.replace(text.find("relations.0.weight"), 18, std::string(3000, 'r'));
    out << text;
  }
  const auto title =
      run_parley("plot '" + (dir / "long_title.csv").string() + "' --out '" + (dir / "x.svg").string() + "'");
  CHECK(title.status == 2);
  CHECK(title.err.find("long_title.csv:1: expected a line of at most 16384 bytes") != std::string::npos);
  const auto field =
      run_parley("plot '" + (dir / "long_field.csv").string() + "' --out '" + (dir / "x.svg").string() + "'");
  CHECK(field.status == 2);
  CHECK(field.err.find("long_field.csv:5:1: is not as parley writes it: expected a field of at most 1024 bytes") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "x.svg"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("plot with a quote and commands in TMPDIR draws the plot and runs no command", "[cli][plot][hostile]") {
  const auto dir = scratch_dir("plot_tmpdir");
  const std::string marker = "parley-pwned-" + std::to_string(::getpid());
  // Quotes of both kinds, $(...) and backquotes: whatever the old shell pipes
  // quoted the path with, one of them would have run.
  const auto tmp = dir / ("t'$(touch " + marker + "-a)\"`touch " + marker + "-b`;touch " + marker + "-c");
  std::filesystem::create_directories(tmp);
  const auto image = dir / "sweep.svg";
  const auto r = run_parley("plot plots/examples/sweep-army-cap.csv --out '" + image.string() + "'",
                            "TMPDIR=" + parley::testing::shell_quoted(tmp.string()) + " ");
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(read_file(image).find("<svg") != std::string::npos);
  for (const std::filesystem::path& where :
       {std::filesystem::path(PARLEY_SOURCE_DIR), std::filesystem::path(PARLEY_SOURCE_DIR) / "plots", dir, tmp}) {
    for (const char* suffix : {"-a", "-b", "-c"}) CHECK_FALSE(std::filesystem::exists(where / (marker + suffix)));
  }
  // Its private directory is gone.
  CHECK(std::filesystem::is_empty(tmp));
  std::filesystem::remove_all(dir);
}

TEST_CASE("the plot scripts run no shell command", "[cli][plot][hostile]") {
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(PARLEY_SOURCE_DIR) / "plots")) {
    if (entry.path().extension() != ".gp") continue;
    INFO(entry.path().filename().string());
    const std::string script = read_file(entry.path());
    CHECK(script.find("system(") == std::string::npos);
    CHECK(script.find("\"<") == std::string::npos);
    CHECK(script.find("'<") == std::string::npos);
    CHECK(script.find('`') == std::string::npos);
  }
}

TEST_CASE("standard output that cannot be written is a failure, not a success", "[cli][output][hostile]") {
  for (const std::string& args :
       {"validate " + kTwoParty, "run " + kTwoParty + " --draws 10", "run " + kTwoParty + " --draws 10 --format json",
        "graph " + kTwoParty, std::string("--help")}) {
    INFO(args);
    const auto r = run_parley(args + " >/dev/full");
    CHECK(r.status == 1);
    CHECK(r.err.find("parley: error: cannot write to standard output") != std::string::npos);
  }
}

TEST_CASE("a failed run leaves no temporary file behind", "[cli][output][hostile]") {
  const auto dir = scratch_dir("no_temporary");
  const auto target = dir / "result.json";
  // A file-size limit of one block: the write fails halfway (EFBIG).
  const auto limited =
      run_parley("run " + kReports + " --draws 100 --format json --out '" + target.string() + "'", "ulimit -f 1; ");
  CHECK(limited.status == 1);
  CHECK(limited.err.find("parley: error: cannot write '") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(target));
  CHECK(temporary_files(dir).empty());
  // Bad input and a bad image type: nothing written either.
  CHECK(run_parley("run " + kTwoParty + " --set actors.northfield.rationality=-1 --out '" + target.string() + "'")
            .status == 2);
  CHECK(run_parley("plot plots/examples/tornado.csv --out '" + (dir / "x.gif").string() + "'").status == 2);
  CHECK(std::filesystem::is_empty(dir));
  std::filesystem::remove_all(dir);
}

TEST_CASE("a run killed by SIGTERM or SIGINT while writing --out leaves no temporary file", "[cli][output][hostile]") {
  const auto dir = scratch_dir("signal");
  const std::string target = (dir / "result.json").string();
  for (const int signal_number : {SIGTERM, SIGINT}) {
    INFO(signal_number);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      // The test hook holds the write between the temporary file and the rename.
      ::setenv("PARLEY_TEST_STALL_BEFORE_RENAME", "1", 1);
      if (::chdir(PARLEY_SOURCE_DIR) != 0) ::_exit(126);
      ::execl(PARLEY_BINARY, "parley", "run", kTwoParty.c_str(), "--draws", "10", "--format", "json", "--out",
              target.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    // The signal arrives once the temporary file exists.
    bool seen = false;
    for (int k = 0; k < 400 && !seen; ++k) {
      seen = !temporary_files(dir).empty();
      if (!seen) ::usleep(25000);
    }
    ::kill(child, signal_number);
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(seen);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == signal_number);
    CHECK(std::filesystem::is_empty(dir));
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("a command-line argument that is not valid UTF-8 is refused before any computation", "[cli][hostile]") {
  const auto set = run_parley("run " + kReports +
                              " --draws 1000000000 --format json --set \"$(printf 'actors.ukraine.rho=2\\377')\"");
  CHECK(set.status == 2);
  CHECK(set.err.find("parley: error: command-line argument 'actors.ukraine.rho=2\xEF\xBF\xBD' (argument 8, after "
                     "--set): not valid UTF-8") != std::string::npos);
  CHECK(set.out.empty());
  const auto file = run_parley("run \"$(printf 'scenario\\377.yaml')\" --format json");
  CHECK(file.status == 2);
  CHECK(file.err.find("not valid UTF-8") != std::string::npos);
  const auto out = run_parley("run " + kTwoParty + " --out \"$(printf 'r\\n.json')\"");
  CHECK(out.status == 2);
  CHECK(out.err.find("holds the control character U+000A") != std::string::npos);
  const auto id = run_parley("explain " + kTwoParty + " --proposal split_even --actor \"$(printf 'north\\033[2J')\"");
  CHECK(id.status == 2);
  CHECK(id.err.find("holds the control character U+001B") != std::string::npos);
  CHECK(id.err.find('\033') == std::string::npos);
}

TEST_CASE("control characters in scenario strings never reach the output raw", "[cli][output][hostile]") {
  const auto dir = scratch_dir("control");
  std::string yaml = read_file(kTwoParty);
  const std::string title = "title: \"Classroom: two towns and a bridge (fictional)\"";
  REQUIRE(yaml.find(title) != std::string::npos);
  // A terminal escape, a NUL and a C1 control, as YAML escapes.
  yaml.replace(yaml.find(title), title.size(), "title: \"two \\e[2J towns\\0 and \\x9b a bridge\"");
  const auto file = dir / "control.yaml";
  std::ofstream(file) << yaml;
  for (const char* format : {"table", "csv", "json"}) {
    INFO(format);
    const auto r = run_parley("run '" + file.string() + "' --draws 10 --format " + format);
    // The loader may refuse them (2); if it does not, the output escapes them.
    CHECK((r.status == 0 || r.status == 2));
    for (const char c : {'\033', '\0'}) CHECK(r.out.find(c) == std::string::npos);
    CHECK(r.out.find("\xC2\x9B") == std::string::npos);
    if (r.status == 0 && std::string(format) == "json") {
      CHECK(nlohmann::json::parse(r.out)["scenario"]["title"].get<std::string>().find('\033') != std::string::npos);
    }
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("an index too large for any list in --set is an error message, not a crash", "[cli][set][hostile]") {
  const auto r = run_parley("run " + kTwoParty + " --set actors.99999999999999999999999.rho=2");
  CHECK(r.status == 2);
  CHECK(r.err.rfind("--set actors.99999999999999999999999.rho=2: error: ", 0) == 0);
}

TEST_CASE("running out of memory is an internal error with exit status 1, not a crash", "[cli][hostile]") {
#if defined(__SANITIZE_ADDRESS__)
  WARN("skipped: AddressSanitizer reserves more address space than the limit allows");
  return;
#endif
  const auto r = run_parley("sobol " + kReports + " --proposal us_28_point_draft --base-draws 1000000 --threads 1",
                            "ulimit -v 100000; ");
  CHECK(r.status == 1);
  CHECK(r.err == "parley: error: internal error: out of memory\n");
}

TEST_CASE("parley help and parley help COMMAND print what --help prints", "[cli][help]") {
  const auto top = run_parley("help");
  REQUIRE(top.status == 0);
  CHECK(top.out == run_parley("--help").out);
  CHECK(top.err.empty());
  for (const char* command : {"validate", "run", "sweep", "tornado", "sobol", "morris", "bargain", "solve", "explain",
                              "graph", "selftest", "plot"}) {
    INFO(command);
    const auto help = run_parley(std::string("help ") + command);
    REQUIRE(help.status == 0);
    CHECK(help.out == run_parley(std::string(command) + " --help").out);
    CHECK(help.out.find(std::string("Usage: parley ") + command) != std::string::npos);
    // Values are named and described in words, never by CLI11's type names.
    for (const char* type : {"UINT", "TEXT", "INT ", "FLOAT", ":{", " in ["})
      CHECK(help.out.find(type) == std::string::npos);
    // Wrapped to 80 columns.
    std::istringstream lines(help.out);
    for (std::string line; std::getline(lines, line);) CHECK(line.size() <= 80);
  }
}

TEST_CASE("every usage error starts with 'parley: error:' and exits with status 2", "[cli][help]") {
  for (const char* args :
       {"rnu", "--frob", "", "run", "run " /* FILE missing */, "run x.yaml --draw 5", "run x.yaml --draws",
        "run x.yaml --draws 0", "run x.yaml --threads 2000", "sobol x.yaml --proposal p --group issue",
        "bargain x.yaml --step 2", "help nope", "plot scenarios --out x.svg", "plot no-such.csv --out x.svg"}) {
    INFO(args);
    const auto r = run_parley(args);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("parley: error: ", 0) == 0);
  }
}

TEST_CASE("a CSV that cannot be read says why", "[cli][plot]") {
  const auto missing = run_parley("plot no-such.csv --out never.svg");
  CHECK(missing.status == 2);
  CHECK(missing.err.find("cannot read 'no-such.csv': No such file or directory") != std::string::npos);
  const auto directory = run_parley("plot scenarios --out never.svg");
  CHECK(directory.status == 2);
  CHECK(directory.err.find("cannot read 'scenarios': Is a directory") != std::string::npos);
}

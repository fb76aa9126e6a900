#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "parley/core/optimise.hpp"

using parley::maximise_in_box;
using parley::SearchBox;

TEST_CASE("compass search finds the maximum of a concave function inside the box", "[optimise]") {
  const SearchBox box = SearchBox::unit(2);
  auto f = [](std::span<const double> x) { return -std::pow(x[0] - 0.3, 2) - 2.0 * std::pow(x[1] - 0.8, 2); };
  const std::vector<std::vector<double>> starts{{0.5, 0.5}};
  const auto best = maximise_in_box(f, box, starts);
  CHECK(best.x[0] == Approx(0.3).margin(1e-4));
  CHECK(best.x[1] == Approx(0.8).margin(1e-4));
}

TEST_CASE("compass search stops at the box when the maximum lies outside it", "[optimise]") {
  SearchBox box = SearchBox::unit(1);
  box.lo[0] = 0.2;
  box.hi[0] = 0.6;
  auto f = [](std::span<const double> x) { return -std::fabs(x[0] - 0.9); };
  const std::vector<std::vector<double>> starts{{0.0}};
  const auto best = maximise_in_box(f, box, starts);
  CHECK(best.x[0] == 0.6);
}

TEST_CASE("binary coordinates take only their two ends", "[optimise]") {
  const std::vector<unsigned char> binary{1, 0};
  const SearchBox box = SearchBox::unit(2, binary);
  auto f = [](std::span<const double> x) { return (x[0] == 1.0 ? 1.0 : 0.0) - std::pow(x[1] - 0.5, 2); };
  const std::vector<std::vector<double>> starts{{0.4, 0.0}};
  const auto best = maximise_in_box(f, box, starts);
  CHECK(best.x[0] == 1.0);
  CHECK(best.x[1] == Approx(0.5).margin(1e-4));
}

TEST_CASE("of several starts the best local maximum wins", "[optimise]") {
  const SearchBox box = SearchBox::unit(1);
  // Two peaks: 0.5 at x = 0.1 and 1 at x = 0.9; a start near each.
  auto f = [](std::span<const double> x) {
    return std::max(0.5 - 4.0 * std::fabs(x[0] - 0.1), 1.0 - 4.0 * std::fabs(x[0] - 0.9));
  };
  const std::vector<std::vector<double>> starts{{0.1}, {0.95}};
  const auto best = maximise_in_box(f, box, starts);
  CHECK(best.x[0] == Approx(0.9).margin(1e-4));
  CHECK(best.value == Approx(1.0).margin(1e-3));
}

TEST_CASE("a NaN value never counts as an improvement", "[optimise]") {
  const SearchBox box = SearchBox::unit(1);
  auto f = [](std::span<const double> x) { return x[0] > 0.5 ? std::nan("") : x[0]; };
  const std::vector<std::vector<double>> starts{{0.0}};
  const auto best = maximise_in_box(f, box, starts);
  CHECK(best.x[0] <= 0.5);
  CHECK(best.x[0] == Approx(0.5).margin(1e-4));
}

TEST_CASE("binary coordinates that pay only together are found from the wrong corner", "[optimise]") {
  // f is 1 at (1, 1) and 0 at (1, 0) and (0, 1) and 0.2 at (0, 0): flipping one
  // binary at a time from (0, 0) never improves, every combination does.
  const std::vector<unsigned char> binary{1, 1, 0};
  const SearchBox box = SearchBox::unit(3, binary);
  auto f = [](std::span<const double> x) {
    const double corner = x[0] == 1.0 && x[1] == 1.0 ? 1.0 : (x[0] == 0.0 && x[1] == 0.0 ? 0.2 : 0.0);
    return corner - std::pow(x[2] - 0.7, 2);
  };
  const std::vector<std::vector<double>> starts{{0.0, 0.0, 0.1}};
  const auto best = maximise_in_box(f, box, starts);
  CHECK(best.x[0] == 1.0);
  CHECK(best.x[1] == 1.0);
  CHECK(best.x[2] == Approx(0.7).margin(1e-4));
}

TEST_CASE("compass search with complete polls finds the same maxima, binary coordinates included", "[optimise]") {
  SearchBox box = SearchBox::unit(3);
  box.binary[2] = 1;
  // Concave in the continuous coordinates; the binary one pays only at 1.
  auto value = [](std::span<const double> x) {
    return -std::pow(x[0] - 0.3, 2) - 2.0 * std::pow(x[1] - 0.8, 2) + 0.5 * x[2];
  };
  std::size_t calls = 0;
  const parley::PollObjective polled = [&](std::span<const std::vector<double>> points, std::span<double> values) {
    ++calls;
    for (std::size_t i = 0; i < points.size(); ++i) values[i] = value(points[i]);
  };
  const std::vector<std::vector<double>> starts{{0.5, 0.5, 0.0}, {0.9, 0.1, 0.0}};
  const auto best = parley::maximise_in_box_polled(polled, box, starts);
  CHECK(best.x[0] == Approx(0.3).margin(1e-4));
  CHECK(best.x[1] == Approx(0.8).margin(1e-4));
  CHECK(best.x[2] == 1.0);
  // A poll is one call: far fewer calls than evaluations.
  CHECK(calls * 3 < best.evaluations);
  const auto again = parley::maximise_in_box_polled(polled, box, starts);
  CHECK(again.x == best.x);
  CHECK(again.evaluations == best.evaluations);
}

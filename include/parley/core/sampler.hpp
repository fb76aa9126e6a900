#pragma once
// Counter-based random numbers (Random123 Philox4x64-10): coordinate d of draw
// j is a pure function of (seed, stream, j, d), whoever computes it and in
// whatever order. Each purpose has its own stream so that adding random steps
// to one analysis never shifts the draws of another.

#include <cstdint>
#include <span>

namespace parley {

enum class Stream : std::uint32_t {
  parameters = 0,  // the uncertain inputs of the scenario
  bargaining = 1,  // random events inside a bargaining game
  bootstrap = 2,   // resampling in sensitivity analyses
  design = 3,      // sampling designs (e.g. Morris trajectories)
};

/// Maps 64 random bits to a double in the open interval (0, 1), on the grid
/// (k + 1/2) 2^-52: never exactly 0 or 1, so inverse CDFs stay finite.
inline double unit_open(std::uint64_t bits) {
  return (static_cast<double>(bits >> 12) + 0.5) * 0x1p-52;
}

/// Points of the unit cube, one per draw index.
class PhiloxCube {
 public:
  explicit PhiloxCube(std::uint64_t seed, Stream stream = Stream::parameters);
  /// Fills u with the first u.size() coordinates of draw `draw`.
  void point(std::uint64_t draw, std::span<double> u) const;
  /// The first `dimensions` coordinates of draws first .. first + count - 1,
  /// transposed: coordinate d of draw first + b goes to out[d * stride + b].
  /// The same numbers as point(), several draws' blocks computed side by side.
  void points(std::uint64_t first, std::size_t count, std::size_t dimensions, double* out, std::size_t stride) const;
  /// One coordinate of one draw.
  [[nodiscard]] double coordinate(std::uint64_t draw, std::uint32_t dimension) const;
  /// 64 raw random bits for (draw, word): for samplers other than the cube.
  [[nodiscard]] std::uint64_t bits(std::uint64_t draw, std::uint32_t word) const;

 private:
  std::uint64_t seed_;
  std::uint32_t stream_;
};

}  // namespace parley

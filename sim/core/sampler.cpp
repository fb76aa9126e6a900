#include "parley/core/sampler.hpp"

#include <Random123/philox.h>
#include <algorithm>

namespace parley {

namespace {
// Philox4x64-10: four 64-bit words, i.e. four coordinates, per call.
using Philox = r123::Philox4x64;

// One Philox block: counter {draw, block index, stream, 0}, key {seed, 0}.
// Always inlined: the callers interleave several blocks, which needs their bodies.
[[gnu::always_inline]] inline Philox::ctr_type block(std::uint64_t seed, std::uint32_t stream, std::uint64_t draw,
                                                     std::uint32_t index) {
  const Philox::ctr_type counter = {{draw, index, stream, 0}};
  const Philox::key_type key = {{seed, 0}};
  return Philox{}(counter, key);
}
}  // namespace

PhiloxCube::PhiloxCube(std::uint64_t seed, Stream stream) : seed_(seed), stream_(static_cast<std::uint32_t>(stream)) {}

void PhiloxCube::point(std::uint64_t draw, std::span<double> u) const {
  const std::size_t n = u.size();
  std::size_t d = 0;
  // Two independent blocks per step: their multiply chains overlap in the pipeline.
  for (; d + 8 <= n; d += 8) {
    const auto r0 = block(seed_, stream_, draw, static_cast<std::uint32_t>(d / 4));
    const auto r1 = block(seed_, stream_, draw, static_cast<std::uint32_t>(d / 4 + 1));
    for (std::size_t k = 0; k < 4; ++k) {
      u[d + k] = unit_open(r0.v[k]);
      u[d + 4 + k] = unit_open(r1.v[k]);
    }
  }
  for (; d < n; d += 4) {
    const auto r = block(seed_, stream_, draw, static_cast<std::uint32_t>(d / 4));
    for (std::size_t k = 0; k < 4 && d + k < n; ++k) u[d + k] = unit_open(r.v[k]);
  }
}

void PhiloxCube::points(std::uint64_t first, std::size_t count, std::size_t dimensions, double* out,
                        std::size_t stride) const {
  // Four draws' blocks at a time: four independent multiply chains keep the
  // multiplier busy where one block would wait on its own latency.
  for (std::size_t d = 0; d < dimensions; d += 4) {
    const auto index = static_cast<std::uint32_t>(d / 4);
    const std::size_t words = std::min<std::size_t>(4, dimensions - d);
    std::size_t b = 0;
    for (; b + 4 <= count; b += 4) {
      const auto r0 = block(seed_, stream_, first + b, index);
      const auto r1 = block(seed_, stream_, first + b + 1, index);
      const auto r2 = block(seed_, stream_, first + b + 2, index);
      const auto r3 = block(seed_, stream_, first + b + 3, index);
      for (std::size_t k = 0; k < words; ++k) {
        double* row = out + (d + k) * stride + b;
        row[0] = unit_open(r0.v[k]);
        row[1] = unit_open(r1.v[k]);
        row[2] = unit_open(r2.v[k]);
        row[3] = unit_open(r3.v[k]);
      }
    }
    for (; b < count; ++b) {
      const auto r = block(seed_, stream_, first + b, index);
      for (std::size_t k = 0; k < words; ++k) out[(d + k) * stride + b] = unit_open(r.v[k]);
    }
  }
}

double PhiloxCube::coordinate(std::uint64_t draw, std::uint32_t dimension) const {
  return unit_open(bits(draw, dimension));
}

std::uint64_t PhiloxCube::bits(std::uint64_t draw, std::uint32_t word) const {
  return block(seed_, stream_, draw, word / 4).v[word % 4];
}

}  // namespace parley

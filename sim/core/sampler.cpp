#include "parley/core/sampler.hpp"

#include <Random123/philox.h>

namespace parley {

namespace {
// Philox4x64-10: four 64-bit words, i.e. four coordinates, per call.
using Philox = r123::Philox4x64;

// One Philox block: counter {draw, block index, stream, 0}, key {seed, 0}.
Philox::ctr_type block(std::uint64_t seed, std::uint32_t stream, std::uint64_t draw, std::uint32_t index) {
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

double PhiloxCube::coordinate(std::uint64_t draw, std::uint32_t dimension) const {
  return unit_open(bits(draw, dimension));
}

std::uint64_t PhiloxCube::bits(std::uint64_t draw, std::uint32_t word) const {
  return block(seed_, stream_, draw, word / 4).v[word % 4];
}

}  // namespace parley

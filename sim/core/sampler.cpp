#include "parley/sampler.hpp"

#include <Random123/philox.h>

namespace parley {

namespace {
using Philox = r123::Philox4x32;

// One Philox block: counter {draw lo, draw hi, block, stream}, key {seed lo, seed hi}.
Philox::ctr_type block(std::uint64_t seed, std::uint32_t stream, std::uint64_t draw, std::uint32_t index) {
  const Philox::ctr_type counter = {{static_cast<std::uint32_t>(draw), static_cast<std::uint32_t>(draw >> 32),
                                     index, stream}};
  const Philox::key_type key = {{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
  return Philox{}(counter, key);
}

std::uint64_t join(std::uint32_t hi, std::uint32_t lo) { return (static_cast<std::uint64_t>(hi) << 32) | lo; }
}  // namespace

PhiloxCube::PhiloxCube(std::uint64_t seed, Stream stream) : seed_(seed), stream_(static_cast<std::uint32_t>(stream)) {}

void PhiloxCube::point(std::uint64_t draw, std::span<double> u) const {
  const std::size_t n = u.size();
  for (std::size_t d = 0; d < n; d += 2) {
    const auto r = block(seed_, stream_, draw, static_cast<std::uint32_t>(d / 2));
    u[d] = unit_open(join(r.v[0], r.v[1]));
    if (d + 1 < n) u[d + 1] = unit_open(join(r.v[2], r.v[3]));
  }
}

double PhiloxCube::coordinate(std::uint64_t draw, std::uint32_t dimension) const {
  return unit_open(bits(draw, dimension));
}

std::uint64_t PhiloxCube::bits(std::uint64_t draw, std::uint32_t word) const {
  const auto r = block(seed_, stream_, draw, word / 2);
  return word % 2 == 0 ? join(r.v[0], r.v[1]) : join(r.v[2], r.v[3]);
}

}  // namespace parley

#include "parley/core/sampler.hpp"

#include <Random123/philox.h>
#include <algorithm>

#if defined(__x86_64__) && !defined(PARLEY_PORTABLE_ONLY) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define PARLEY_PHILOX_AVX512 1
#endif

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

// The portable path: four draws' blocks at a time, four independent
// multiply chains keeping the multiplier busy where one block would wait on
// its own latency.
void points_portable(std::uint64_t seed, std::uint32_t stream, std::uint64_t first, std::size_t count,
                     std::size_t dimensions, double* out, std::size_t stride) {
  for (std::size_t d = 0; d < dimensions; d += 4) {
    const auto index = static_cast<std::uint32_t>(d / 4);
    const std::size_t words = std::min<std::size_t>(4, dimensions - d);
    std::size_t b = 0;
    for (; b + 4 <= count; b += 4) {
      const auto r0 = block(seed, stream, first + b, index);
      const auto r1 = block(seed, stream, first + b + 1, index);
      const auto r2 = block(seed, stream, first + b + 2, index);
      const auto r3 = block(seed, stream, first + b + 3, index);
      for (std::size_t k = 0; k < words; ++k) {
        double* row = out + (d + k) * stride + b;
        row[0] = unit_open(r0.v[k]);
        row[1] = unit_open(r1.v[k]);
        row[2] = unit_open(r2.v[k]);
        row[3] = unit_open(r3.v[k]);
      }
    }
    for (; b < count; ++b) {
      const auto r = block(seed, stream, first + b, index);
      for (std::size_t k = 0; k < words; ++k) out[(d + k) * stride + b] = unit_open(r.v[k]);
    }
  }
}

#ifdef PARLEY_PHILOX_AVX512
// Philox4x64-10 with one draw per 64-bit lane, 32 draws (four registers) at a
// time: AVX-512 has no 64 x 64 -> 128-bit multiply, so the high half of each
// is built from four 32 x 32 -> 64-bit ones (vpmuludq) and the low half is
// vpmullq's. Four independent chains hide the multiplies' latency (measured
// faster than two or one). Integer arithmetic only, so the
// words, and the doubles made from them, are exactly Random123's.
#define PARLEY_AVX512 __attribute__((target("avx512f,avx512dq")))

struct Lanes {
  __m512i hi;
  __m512i lo;
};

// The 128-bit product of a (per lane) and a constant m split in 32-bit halves.
PARLEY_AVX512 inline Lanes multiply(__m512i a, __m512i m, __m512i m_low, __m512i m_high) {
  const __m512i low32 = _mm512_set1_epi64(0xffffffff);
  const __m512i a_high = _mm512_srli_epi64(a, 32);
  const __m512i ll = _mm512_mul_epu32(a, m_low);
  const __m512i lh = _mm512_mul_epu32(a, m_high);
  const __m512i hl = _mm512_mul_epu32(a_high, m_low);
  const __m512i hh = _mm512_mul_epu32(a_high, m_high);
  // Schoolbook with carries (Warren, Hacker's Delight 8-2): no sum overflows 64 bits.
  const __m512i t = _mm512_add_epi64(hl, _mm512_srli_epi64(ll, 32));
  const __m512i u = _mm512_add_epi64(lh, _mm512_and_si512(t, low32));
  const __m512i hi = _mm512_add_epi64(_mm512_add_epi64(hh, _mm512_srli_epi64(t, 32)), _mm512_srli_epi64(u, 32));
  const __m512i lo = _mm512_mullo_epi64(a, m);
  return {hi, lo};
}

struct Block {
  __m512i v[4];
};

// Random123's philox4x64round, lane by lane.
PARLEY_AVX512 inline Block philox_round(const Block& x, std::uint64_t k0, std::uint64_t k1) {
  const Lanes p0 = multiply(x.v[0], _mm512_set1_epi64(static_cast<long long>(PHILOX_M4x64_0)),
                            _mm512_set1_epi64(static_cast<long long>(PHILOX_M4x64_0 & 0xffffffff)),
                            _mm512_set1_epi64(static_cast<long long>(PHILOX_M4x64_0 >> 32)));
  const Lanes p1 = multiply(x.v[2], _mm512_set1_epi64(static_cast<long long>(PHILOX_M4x64_1)),
                            _mm512_set1_epi64(static_cast<long long>(PHILOX_M4x64_1 & 0xffffffff)),
                            _mm512_set1_epi64(static_cast<long long>(PHILOX_M4x64_1 >> 32)));
  const __m512i key0 = _mm512_set1_epi64(static_cast<long long>(k0));
  const __m512i key1 = _mm512_set1_epi64(static_cast<long long>(k1));
  return {{_mm512_xor_si512(_mm512_xor_si512(p1.hi, x.v[1]), key0), p1.lo,
           _mm512_xor_si512(_mm512_xor_si512(p0.hi, x.v[3]), key1), p0.lo}};
}

// unit_open on every lane: bits >> 12 is below 2^52, so the conversion is exact.
PARLEY_AVX512 inline __m512d unit_open_lanes(__m512i bits) {
  const __m512d whole = _mm512_cvtepu64_pd(_mm512_srli_epi64(bits, 12));
  return _mm512_mul_pd(_mm512_add_pd(whole, _mm512_set1_pd(0.5)), _mm512_set1_pd(0x1p-52));
}

PARLEY_AVX512 void points_avx512(std::uint64_t seed, std::uint32_t stream, std::uint64_t first, std::size_t count,
                                 std::size_t dimensions, double* out, std::size_t stride) {
  constexpr std::size_t kGroups = 4;
  constexpr std::size_t kStep = 8 * kGroups;
  const std::size_t whole = count - count % kStep;
  const __m512i lane = _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0);
  for (std::size_t d = 0; d < dimensions; d += 4) {
    const auto index = static_cast<std::uint32_t>(d / 4);
    const std::size_t words = std::min<std::size_t>(4, dimensions - d);
    for (std::size_t b = 0; b < whole; b += kStep) {
      // Counter {draw, block index, stream, 0}, key {seed, 0}, as block().
      Block x[kGroups];
      for (std::size_t g = 0; g < kGroups; ++g) {
        const std::uint64_t group_first = first + b + 8 * g;
        x[g] = {{_mm512_add_epi64(_mm512_set1_epi64(static_cast<long long>(group_first)), lane),
                 _mm512_set1_epi64(index), _mm512_set1_epi64(stream), _mm512_setzero_si512()}};
      }
      std::uint64_t k0 = seed;
      std::uint64_t k1 = 0;
      for (int r = 0; r < 10; ++r) {
        if (r > 0) {
          k0 += PHILOX_W64_0;
          k1 += PHILOX_W64_1;
        }
        for (Block& block : x) block = philox_round(block, k0, k1);
      }
      for (std::size_t k = 0; k < words; ++k) {
        double* row = out + (d + k) * stride + b;
        for (std::size_t g = 0; g < kGroups; ++g) _mm512_storeu_pd(row + 8 * g, unit_open_lanes(x[g].v[k]));
      }
    }
  }
  if (whole < count) points_portable(seed, stream, first + whole, count - whole, dimensions, out + whole, stride);
}
#undef PARLEY_AVX512

// Chosen once, where the CPU has AVX-512 F and DQ.
bool use_avx512() {
  static const bool has = __builtin_cpu_supports("avx512f") != 0 && __builtin_cpu_supports("avx512dq") != 0;
  return has;
}
#endif
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
#ifdef PARLEY_PHILOX_AVX512
  if (use_avx512()) {
    points_avx512(seed_, stream_, first, count, dimensions, out, stride);
    return;
  }
#endif
  points_portable(seed_, stream_, first, count, dimensions, out, stride);
}

double PhiloxCube::coordinate(std::uint64_t draw, std::uint32_t dimension) const {
  return unit_open(bits(draw, dimension));
}

std::uint64_t PhiloxCube::bits(std::uint64_t draw, std::uint32_t word) const {
  return block(seed_, stream_, draw, word / 4).v[word % 4];
}

}  // namespace parley

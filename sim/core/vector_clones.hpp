#pragma once
// PARLEY_VECTOR_CLONES: a function's loops also in an AVX2 copy, chosen at
// load time where the CPU has it (GCC function multiversioning); the build
// stays portable. Both copies do the same operations in the same order (no
// fused multiply-add), so results do not depend on the copy.
// -DPARLEY_PORTABLE_ONLY=ON leaves it out. Private to sim/core.

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && !defined(PARLEY_PORTABLE_ONLY)
#define PARLEY_VECTOR_CLONES __attribute__((target_clones("arch=x86-64-v4", "avx2", "default")))
#else
#define PARLEY_VECTOR_CLONES
#endif

#pragma once
// Byte buffers for the tallies that cross process boundaries (MPI ranks):
// a tally's `save` writes its state, `load` reads it back into a copy of the
// empty tally, bit for bit, so that merging loaded tallies gives exactly what
// merging the originals gives.

#include <concepts>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace parley {

class ByteWriter {
 public:
  template <class T>
  requires std::is_trivially_copyable_v<T>
  void put(const T& value) {
    const auto* bytes = reinterpret_cast<const char*>(&value);
    bytes_.append(bytes, sizeof(T));
  }
  template <class T>
  requires std::is_trivially_copyable_v<T>
  void put_vector(const std::vector<T>& values) {
    put<std::uint64_t>(values.size());
    bytes_.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
  }
  /// Each element's own `save`.
  template <class T>
  void put_all(const std::vector<T>& values) {
    put<std::uint64_t>(values.size());
    for (const T& v : values) v.save(*this);
  }

  [[nodiscard]] std::string take() { return std::move(bytes_); }
  [[nodiscard]] std::size_t size() const { return bytes_.size(); }

 private:
  std::string bytes_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}

  template <class T>
  requires std::is_trivially_copyable_v<T> T get() {
    T value;
    std::memcpy(&value, take(sizeof(T)), sizeof(T));
    return value;
  }
  template <class T>
  requires std::is_trivially_copyable_v<T>
  void get_vector(std::vector<T>& values) {
    const auto n = get<std::uint64_t>();
    if (n > bytes_.size() / sizeof(T)) throw std::logic_error("serialised tally: a vector longer than its buffer");
    values.resize(static_cast<std::size_t>(n));
    std::memcpy(values.data(), take(values.size() * sizeof(T)), values.size() * sizeof(T));
  }
  /// Each element's own `load`, into a vector that already has the saved
  /// length (tallies are loaded into copies of their empty tally).
  template <class T>
  void get_all(std::vector<T>& values) {
    if (get<std::uint64_t>() != values.size()) throw std::logic_error("serialised tally: a vector of another length");
    for (T& v : values) v.load(*this);
  }

  [[nodiscard]] bool done() const { return bytes_.empty(); }

 private:
  const char* take(std::size_t n) {
    if (n > bytes_.size()) throw std::logic_error("serialised tally: the buffer ends early");
    const char* at = bytes_.data();
    bytes_.remove_prefix(n);
    return at;
  }
  std::string_view bytes_;
};

/// A tally or partial result that can be sent to another process.
template <class T>
concept Serialisable = requires(const T& tally, T& copy, ByteWriter& out, ByteReader& in) {
  tally.save(out);
  copy.load(in);
};

}  // namespace parley

#include "parley/core/cluster.hpp"

#include <cstring>

#include "parley/core/errors.hpp"
#include "parley/core/serialise.hpp"

namespace parley {

namespace {

SingleProcess& single_process() {
  static SingleProcess single;
  return single;
}

std::atomic<Cluster*> current{nullptr};

ProcessFailure default_description(const std::exception_ptr& failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const PeerFailure& e) {
    return e.failure();
  } catch (const InputError& e) {
    return {2, std::string("parley: error: ") + e.what() + "\n"};
  } catch (const std::exception& e) {
    return {1, std::string("parley: error: internal error: ") + e.what() + "\n"};
  } catch (...) {
    return {1, "parley: error: internal error: an unknown exception\n"};
  }
}

// A buffer of an exchange: a flag byte (0 ok, 1 failed), then the payload,
// or the failure's status and message.
std::string failure_buffer(const ProcessFailure& f) {
  ByteWriter out;
  out.put<char>(1);
  out.put<std::int32_t>(f.status);
  std::string bytes = out.take();
  return bytes + f.message;
}

std::optional<ProcessFailure> first_failure(const std::vector<std::string>& all) {
  for (const std::string& buffer : all) {
    if (buffer.empty() || buffer[0] == 0) continue;
    ByteReader in(buffer);
    in.get<char>();
    ProcessFailure f;
    f.status = in.get<std::int32_t>();
    f.message = buffer.substr(1 + sizeof(std::int32_t));
    return f;
  }
  return std::nullopt;
}

}  // namespace

Cluster& cluster() {
  Cluster* c = current.load();
  return c != nullptr ? *c : single_process();
}

void use_cluster(Cluster* c) {
  current.store(c);
}

std::vector<std::string> Cluster::exchange(const std::string& payload, std::exception_ptr failure) {
  std::string mine;
  if (failure) {
    mine = failure_buffer(describe_ ? describe_(failure) : default_description(failure));
  } else {
    mine.reserve(payload.size() + 1);
    mine.push_back(0);
    mine += payload;
  }
  std::vector<std::string> all = all_gather(mine);
  if (const auto f = first_failure(all)) {
    agreed_ = f;
    if (failure) std::rethrow_exception(failure);
    throw PeerFailure(*f);
  }
  for (std::string& buffer : all) buffer.erase(0, 1);
  return all;
}

std::optional<ProcessFailure> Cluster::conclude(const ProcessFailure& mine) {
  std::string buffer = mine.status == 0 ? std::string(1, '\0') : failure_buffer(mine);
  return first_failure(all_gather(buffer));
}

}  // namespace parley

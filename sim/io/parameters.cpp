// A parameter: a number, or a distribution map {dist: KIND, FIELD: ...}. Kinds
// are named by the table in parley/core/distribution.hpp; their fields here.

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "loader_context.hpp"
#include "parley/core/distribution.hpp"

namespace parley::io {
namespace {

// The fields of each kind as the file spells them (the Distribution members
// of the same names). No `default:`: -Wswitch points here when a kind is added.
std::vector<std::string> fields_of(DistributionKind kind) {
  switch (kind) {
    case DistributionKind::fixed:
      return {"value"};
    case DistributionKind::uniform:
      return {"low", "high"};
    case DistributionKind::normal:
      return {"mean", "sd"};
    case DistributionKind::triangular:
      return {"low", "mode", "high"};
    case DistributionKind::beta:
      return {"a", "b", "low", "high"};  // [low, high] is optional, [0, 1] by default
    case DistributionKind::lognormal:
      return {"mu", "sigma"};
  }
  return {};
}

std::vector<std::string> required_fields_of(DistributionKind kind) {
  if (kind == DistributionKind::beta) return {"a", "b"};
  return fields_of(kind);
}

// The kind names for "expected one of ...", in the table's order.
std::vector<std::string> kind_names() {
  const auto names = distribution_names();
  return {names.begin(), names.end()};
}

// The kind names as did-you-mean candidates, in alphabetical order:
// closest_match() keeps the first of equally close candidates ('lxnormal' is
// two edits from both 'lognormal' and 'normal'), and the loader has always
// offered them in this order.
std::vector<std::string> kind_suggestions() {
  std::vector<std::string> names = kind_names();
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

Parameter Loader::parameter(const YamlNode& node, const std::string& path, const Domain& domain, double fallback,
                            bool& ok) {
  Parameter p;
  p.path = path;
  p.allowed = domain.range;
  p.where = location(node, path);
  p.dist = Distribution::fixed(fallback);
  if (!node.IsDefined()) return p;
  if (!node.IsMap()) {
    if (auto x = number_in(node, path, domain, "a number or a distribution")) {
      p.dist = Distribution::fixed(*x);
    } else {
      ok = false;
    }
    return p;
  }
  const YamlNode kind_node = node["dist"];
  if (!kind_node.IsDefined()) {
    // Without the kind the fields cannot be checked, but a misspelt 'dist' can.
    std::vector<std::string> names = {"dist"};
    for (const DistributionKind kind : kDistributionKinds) {
      const std::vector<std::string> kind_fields = fields_of(kind);
      names.insert(names.end(), kind_fields.begin(), kind_fields.end());
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (!it->first.IsScalar() || std::find(names.begin(), names.end(), it->first.Scalar()) != names.end()) continue;
      const std::string hint = suggest(it->first.Scalar(), {"dist"});
      if (!hint.empty()) {
        report(it->first, path + "." + it->first.Scalar(),
               "unknown key '" + it->first.Scalar() + "' in the distribution '" + path + "'" + hint +
                   ": expected 'dist' and the fields of the distribution");
      }
    }
    report(node, path,
           "missing required key 'dist' in the distribution '" + path + "': expected one of " + join(kind_names()));
    ok = false;
    return p;
  }
  const std::string kind_text = kind_node.IsScalar() ? kind_node.Scalar() : "";
  const std::optional<DistributionKind> found = distribution_from_name(kind_text);
  if (!found) {
    report(kind_node, path + ".dist",
           "'" + path + ".dist': unknown distribution " + describe(kind_node) + suggest(kind_text, kind_suggestions()) +
               ": expected one of " + join(kind_names()));
    ok = false;
    return p;
  }
  const DistributionKind kind = *found;
  const std::string kind_name(name_of(kind));
  std::vector<std::string> allowed = fields_of(kind);
  allowed.insert(allowed.begin(), "dist");
  const std::size_t errors_before = errors_.size();
  check_map(node, path, "the " + kind_name + " distribution '" + path + "'", allowed, required_fields_of(kind));
  auto field = [&](const std::string& name, double fallback_value) {
    const YamlNode f = node[name];
    if (!f.IsDefined()) return fallback_value;
    return number(f, path + "." + name, "a number").value_or(fallback_value);
  };
  Distribution d;
  const Interval r = domain.range;
  auto positive = [&](const std::string& name, double value) {
    if (!(value > 0.0) && node[name].IsDefined()) {
      report(node[name], path + "." + name,
             "'" + path + "." + name + "': expected a number > 0, got " + number_text(value));
    }
  };
  switch (kind) {
    case DistributionKind::fixed:
      d = Distribution::fixed(field("value", 0.0));
      if (node["value"].IsDefined() && !domain.contains(d.value)) {
        report(node["value"], path + ".value",
               "'" + path + ".value': expected a number in " + domain.text() + ", got " + number_text(d.value));
      }
      break;
    case DistributionKind::uniform:
    case DistributionKind::triangular: {
      const bool triangular = kind == DistributionKind::triangular;
      const double low = field("low", r.lo);
      const double high = field("high", r.hi);
      const double mode = triangular ? field("mode", low) : low;
      if (!(low < high) && node["low"].IsDefined() && node["high"].IsDefined()) {
        report(node, path,
               "'" + path + "': range inverted: expected low < high, got low " + number_text(low) + " and high " +
                   number_text(high));
      } else if (triangular && node["mode"].IsDefined() && !(mode >= low && mode <= high)) {
        report(node["mode"], path + ".mode",
               "'" + path + ".mode': expected a number in [low, high] = " + interval_text({low, high}) + ", got " +
                   number_text(mode));
      }
      d = triangular ? Distribution::triangular(low, mode, high) : Distribution::uniform(low, high);
      break;
    }
    case DistributionKind::normal:
      d = Distribution::normal(field("mean", 0.0), field("sd", 1.0));
      positive("sd", d.sd);
      break;
    case DistributionKind::lognormal:
      d = Distribution::lognormal(field("mu", 0.0), field("sigma", 1.0));
      positive("sigma", d.sigma);
      break;
    case DistributionKind::beta:
      d = Distribution::beta(field("a", 1.0), field("b", 1.0), field("low", 0.0), field("high", 1.0));
      positive("a", d.a);
      positive("b", d.b);
      if (!(d.low < d.high)) {
        report(node, path,
               "'" + path + "': range inverted: expected low < high, got low " + number_text(d.low) + " and high " +
                   number_text(d.high));
      }
      break;
  }
  if (errors_.size() != errors_before) {
    ok = false;
    return p;
  }
  if (kind != DistributionKind::fixed) {
    try {
      const TruncatedQuantile q(d, domain.range);
      // An open end of the domain is reached only with probability zero, but a
      // distribution entirely at that end is meaningless.
      if ((domain.open_lo && q.range().hi <= domain.range.lo) || (domain.open_hi && q.range().lo >= domain.range.hi)) {
        throw std::domain_error("no mass");
      }
    } catch (const std::domain_error&) {
      report(node, path,
             "'" + path + "': the " + kind_name + " distribution puts no probability on the allowed range " +
                 domain.text() + ": expected a distribution that reaches it");
      ok = false;
      return p;
    }
  }
  p.dist = d;
  return p;
}

}  // namespace parley::io

// `parley selftest`: the analytic checks, expected vs obtained; exit 1 if any
// fails.

#include <algorithm>

#include "commands.hpp"
#include "parley/analysis/selftest.hpp"
#include "parley/report/selftest_report.hpp"

namespace parley::cli {

Command add_selftest_command(CLI::App& app, CommonOptions& common) {
  CLI::App* cmd =
      app.add_subcommand("selftest", "Analytic checks: expected vs obtained, pass/fail (exit 1 if any fails)");
  add_threads_option(*cmd, common, "Worker threads");
  add_output_options(*cmd, common, {"table", "json"});
  return {cmd, [&common] {
            const std::vector<SelfCheck> checks = run_selftest(common.threads);
            emit(common, common.format == "json" ? dump_json(selftest_json(checks)) : selftest_table(checks));
            const bool passed =
                std::all_of(checks.begin(), checks.end(), [](const SelfCheck& c) { return c.passed(); });
            return passed ? 0 : kExitFailure;
          }};
}

}  // namespace parley::cli

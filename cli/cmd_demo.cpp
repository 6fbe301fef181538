#include <chrono>
#include <iostream>
#include <memory>

#include "app/demo.h"
#include "cli/command.h"
#include "cli/progress.h"
#include "cli/report_output.h"

namespace fw::cli {

void register_demo(CLI::App& app, Run& run) {
    auto out = std::make_shared<std::string>("frontierwatch-demo");
    auto* sub = app.add_subcommand(
        "demo",
        "the whole pipeline on the bundled snapshot, into a fresh database (OUT/frontierwatch-demo.db, "
        "or a new file given with --db); prints the report");
    add_version_flag(*sub);
    sub->add_option("--out", *out, "folder for the demo database and report.html")->capture_default_str();
    sub->callback([&run, out] {
        ProgressBar bar(!run.global.quiet);
        app::DemoOptions options;
        options.out_dir = *out;
        options.database = run.global.db;  // honoured: a new SQLite file, else a clear refusal
        if (!run.global.data.empty()) {
            options.data_dir = std::filesystem::path(run.global.data);
        }
        options.now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        options.on_progress = [&bar](const app::FetchProgressInfo& p) { bar.update(p); };
        auto result = app::run_demo(options);
        if (!result) {
            run.exit_code = fail(result.error());
            return;
        }
        for (const auto& f : result->failures) {
            std::cerr << "frontierwatch: demo source failed: " << f.name << " (" << f.url
                      << "): " << f.error.value_or("unknown error") << "\n";
        }
        std::cout << render_report(result->report, run.global.json ? "json" : "text");
        if (!run.global.json) {
            std::cout << "\nDemo database: " << result->database.string() << " (" << result->sources << " sources, "
                      << result->items << " items, " << result->events
                      << " events)\nHTML report: " << result->html_report.string() << "\n";
        } else if (!run.global.quiet) {
            std::cerr << "HTML report: " << result->html_report.string() << "\n";
        }
        run.exit_code = result->failures.empty() ? kOk : kPartial;
    });
}

}  // namespace fw::cli

#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>

#include "app/report_service.h"
#include "cli/command.h"
#include "cli/report_output.h"

namespace fw::cli {

void register_report(CLI::App& app, Run& run) {
    struct Options {
        std::string format = "text";
        std::string out;
        std::string as_of;
    };
    auto o = std::make_shared<Options>();
    auto* sub = app.add_subcommand("report", "the watch report");
    add_version_flag(*sub);
    sub->add_option("--format", o->format, "text, markdown, json or html")
        ->check(CLI::IsMember({"text", "markdown", "json", "html"}));
    sub->add_option("--out", o->out, "write to this file instead of stdout");
    sub->add_option("--as-of", o->as_of, "fix 'today' (YYYY-MM-DD)");
    sub->callback([&run, o] {
        const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        TimePoint as_of = now;
        if (!o->as_of.empty()) {
            auto t = parse_iso8601(o->as_of);
            if (!t) {
                run.exit_code = fail(make_error(ErrorCode::Usage, "--as-of must be a date", o->as_of));
                return;
            }
            as_of = *t;
        }
        auto ctx = open_app(run.global);
        if (!ctx) {
            run.exit_code = fail(ctx.error());
            return;
        }
        auto result = app::build_watch_report(*ctx, as_of, now);
        if (!result) {
            run.exit_code = fail(result.error());
            return;
        }
        // --json on the program means the contract's JSON whatever --format says.
        const std::string format = run.global.json ? "json" : o->format;
        const std::string text = render_report(*result, format);
        if (o->out.empty()) {
            std::cout << text;
            return;
        }
        std::ofstream out(o->out, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out) {
            run.exit_code = fail(make_error(ErrorCode::Storage, "cannot write report", o->out));
        } else if (!run.global.quiet) {
            std::cerr << "report written to " << o->out << "\n";
        }
    });
}

}  // namespace fw::cli

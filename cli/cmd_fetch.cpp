#include <chrono>
#include <iostream>
#include <memory>

#include "app/fetch_round.h"
#include "cli/command.h"
#include "cli/fetch_support.h"
#include "cli/json_views.h"
#include "cli/progress.h"

namespace fw::cli {
namespace {

struct FetchOptions {
    bool all = false;
    std::vector<std::string> names;
    std::string contact;
    int host_interval_ms = 1000;
};

TimePoint fetch_now() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace

void register_fetch(CLI::App& app, Run& run) {
    auto o = std::make_shared<FetchOptions>();
    auto* sub = app.add_subcommand("fetch", "fetch the sources that are due, store items, derive events");
    add_version_flag(*sub);
    sub->add_flag("--all", o->all, "fetch every source, due or not");
    sub->add_option("names", o->names, "only these sources");
    sub->add_option("--contact", o->contact, "SEC EDGAR contact 'Name email@example.com' (else $FW_EDGAR_CONTACT)");
    sub->add_option("--host-interval-ms", o->host_interval_ms,
                    "least time between two requests to one host (politeness; 0 for your own mirror)")
        ->capture_default_str();
    sub->callback([&run, o] {
        if (o->host_interval_ms < 0) {
            run.exit_code = fail(make_error(ErrorCode::Usage, "--host-interval-ms must be 0 or more"));
            return;
        }
        auto ctx = open_app(run.global);
        if (!ctx) {
            run.exit_code = fail(ctx.error());
            return;
        }
        ProgressBar bar(!run.global.quiet);
        app::FetchRequest req;
        req.all = o->all;
        req.names = o->names;
        req.now = fetch_now();
        req.edgar_contact = edgar_contact(o->contact);
        req.host_interval = std::chrono::milliseconds(o->host_interval_ms);
        req.on_progress = [&bar](const app::FetchProgressInfo& p) { bar.update(p); };
        auto round = app::run_fetch_round(*ctx, req);
        if (!round) {
            run.exit_code = fail(round.error());
            return;
        }
        for (const auto& w : round->answered.warnings) {
            std::cerr << "frontierwatch: " << w << "\n";
        }
        const app::FetchSummary* summary = &round->fetched;
        print_failures(*summary);
        if (run.global.json) {
            std::cout << fetch_json(*summary);
        } else if (!run.global.quiet) {
            int items = 0;
            for (const auto& s : summary->sources) {
                items += s.new_items;
            }
            std::cerr << "fetched " << summary->sources.size() << " sources: " << items << " new or changed items, "
                      << summary->new_events << " new events\n";
        }
        run.exit_code = exit_code_of(*summary);
    });
}

}  // namespace fw::cli

#include <iostream>
#include <memory>

#include "app/extract_service.h"
#include "cli/command.h"

namespace fw::cli {

void register_extract(CLI::App& app, Run& run) {
    auto rebuild = std::make_shared<bool>(false);
    auto* sub = app.add_subcommand("extract", "derive events from stored items again");
    add_version_flag(*sub);
    sub->add_flag("--rebuild", *rebuild, "drop automatic events and derive all again (curated and manual events stay)");
    sub->callback([&run, rebuild] {
        auto ctx = open_app(run.global);
        if (!ctx) {
            run.exit_code = fail(ctx.error());
            return;
        }
        auto summary = *rebuild ? app::rebuild_events(*ctx) : app::extract_new_items(*ctx);
        if (!summary) {
            run.exit_code = fail(summary.error());
            return;
        }
        if (run.global.json) {
            std::cout << "{\"items\": " << summary->items_seen << ", \"events_written\": " << summary->events_written
                      << ", \"new_events\": " << summary->new_events
                      << ", \"discovered_models\": " << summary->discovered_models << "}\n";
        } else if (!run.global.quiet) {
            std::cerr << "read " << summary->items_seen << " items: " << summary->new_events << " new events, "
                      << summary->discovered_models << " new models\n";
        }
    });
}

}  // namespace fw::cli

#include <iostream>

#include "app/browse_service.h"
#include "cli/command.h"

namespace fw::cli {

void register_init(CLI::App& app, Run& run) {
    auto* sub = app.add_subcommand("init", "create or upgrade the database; load the bundled taxonomies");
    add_version_flag(*sub);
    sub->callback([&run] {
        auto ctx = open_app(run.global, /*force_taxonomy_sync=*/true);
        if (!ctx) {
            run.exit_code = fail(ctx.error());
            return;
        }
        if (!run.global.quiet) {
            std::cerr << "database ready: " << app::store_location(*ctx) << " (" << ctx->taxonomy.labs.size()
                      << " labs, " << ctx->taxonomy.models.size() << " models, " << ctx->taxonomy.surfaces.size()
                      << " surfaces)\n";
        }
        if (run.global.json) {
            std::cout << "{\"database\": \"" << app::store_location(*ctx) << "\", \"ok\": true}\n";
        }
    });
}

}  // namespace fw::cli

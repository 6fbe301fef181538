#include "cli/command.h"

#include "app/browse_service.h"

#include <iostream>

namespace fw::cli {

int fail(const Error& error) {
    std::cerr << "frontierwatch: " << error.describe() << "\n";
    return error.code == ErrorCode::Usage ? kUsage : kFailure;
}

Result<app::AppContext> open_app(const GlobalOptions& global, bool force_taxonomy_sync) {
    app::ContextOptions options;
    options.db = global.db;
    options.force_taxonomy_sync = force_taxonomy_sync;
    if (!global.data.empty()) {
        options.data_dir = std::filesystem::path(global.data);
    }
    auto ctx = app::open_context(options);
    if (ctx) {
        for (const auto& warning : app::store_warnings(*ctx)) {
            std::cerr << "frontierwatch: warning: " << warning << "\n";
        }
    }
    return ctx;
}

void verbose(const Run& run, const std::string& line) {
    if (run.global.verbose) {
        std::cerr << line << "\n";
    }
}

void add_version_flag(CLI::App& sub) {
    sub.set_version_flag("--version", FW_VERSION);
}

}  // namespace fw::cli

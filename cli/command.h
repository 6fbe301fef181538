#pragma once
// What every sub-command shares: the global options, opening the app context, and the exit
// codes of the contract (0 ok, 1 failure, 2 usage, 3 partial).

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "app/context.h"
#include "domain/result.h"

namespace fw::cli {

enum ExitCode : int { kOk = 0, kFailure = 1, kUsage = 2, kPartial = 3 };

struct GlobalOptions {
    std::string db;
    std::string data;
    bool json = false;
    bool quiet = false;
    bool verbose = false;
};

/// The state every command callback writes its exit code into.
struct Run {
    GlobalOptions global;
    int exit_code = kOk;
};

/// Prints "frontierwatch: <what failed>" on stderr and returns the matching exit code.
int fail(const Error& error);

/// Opens the store and data named by the global options; `init` forces the taxonomy sync.
Result<app::AppContext> open_app(const GlobalOptions& global, bool force_taxonomy_sync = false);

/// Diagnostics for -v (stderr only, never stdout).
void verbose(const Run& run, const std::string& line);

/// Adds --version to a sub-command, like the program's own.
void add_version_flag(CLI::App& sub);

void register_init(CLI::App& app, Run& run);
void register_sources(CLI::App& app, Run& run);
void register_fetch(CLI::App& app, Run& run);
void register_extract(CLI::App& app, Run& run);
void register_items(CLI::App& app, Run& run);
void register_events(CLI::App& app, Run& run);
void register_parse(CLI::App& app, Run& run);
void register_report(CLI::App& app, Run& run);
void register_demo(CLI::App& app, Run& run);
void register_watch(CLI::App& app, Run& run);
void register_db(CLI::App& app, Run& run);
void register_settings(CLI::App& app, Run& run);

}  // namespace fw::cli

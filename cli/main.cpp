// frontierwatch: the command-line program. Commands live in cmd_*.cpp, one file each.
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/command.h"

int main(int argc, char** argv) {
    using namespace fw::cli;
    CLI::App app{"Frontier Watch: tracks frontier-AI releases, licences, people and market signals"};
    app.name("frontierwatch");
    app.set_version_flag("--version", FW_VERSION);
    app.require_subcommand(1);
    app.fallthrough();

    Run run;
    app.add_option("--db", run.global.db,
                   "SQLite database file (default $XDG_DATA_HOME/frontierwatch/frontierwatch.db) or "
                   "postgresql://user@host/dbname");
    app.add_option("--data", run.global.data, "taxonomy and rule folder instead of the bundled one")
        ->check(CLI::ExistingDirectory);
    app.add_flag("--json", run.global.json, "machine-readable output on stdout");
    app.add_flag("-q,--quiet", run.global.quiet, "quieter: no progress, no notes");
    app.add_flag("-v,--verbose", run.global.verbose, "more diagnostics on stderr");

    register_init(app, run);
    register_sources(app, run);
    register_fetch(app, run);
    register_extract(app, run);
    register_items(app, run);
    register_events(app, run);
    register_parse(app, run);
    register_report(app, run);
    register_demo(app, run);
    register_watch(app, run);
    register_db(app, run);
    register_settings(app, run);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kOk : kUsage;
    } catch (const std::exception& e) {
        std::cerr << "frontierwatch: internal error: " << e.what() << "\n";
        return kFailure;
    }
    return run.exit_code;
}

// `frontierwatch db copy --from FILE.db --to postgresql://...`: a single-user database moved
// into a team's store, every table's count checked afterwards.

#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/db_copy.h"
#include "cli/command.h"

namespace fw::cli {
namespace {

nlohmann::json counts_json(const store::StoreCounts& c) {
    return {{"sources", c.sources}, {"items", c.items},       {"item_versions", c.item_versions},
            {"events", c.events},   {"evidence", c.evidence}, {"prices", c.prices},
            {"entities", c.entities}, {"alerts", c.alerts},   {"fetch_log", c.fetch_log}};
}

}  // namespace

void register_db(CLI::App& app, Run& run) {
    struct Options {
        std::string from;
        std::string to;
    };
    auto o = std::make_shared<Options>();
    auto* db = app.add_subcommand("db", "database maintenance");
    add_version_flag(*db);
    db->require_subcommand(1);
    auto* copy = db->add_subcommand("copy", "copy a SQLite database into another (e.g. PostgreSQL)");
    copy->add_option("--from", o->from, "the SQLite database file")->required();
    copy->add_option("--to", o->to, "the target: postgresql://user@host/db or a file")->required();
    copy->callback([&run, o] {
        auto progress = [&run](const std::string& line) {
            if (!run.global.quiet) {
                std::cerr << "copy: " << line << "\n";
            }
        };
        auto report = app::copy_database(o->from, o->to, progress);
        if (!report) {
            run.exit_code = fail(report.error());
            return;
        }
        if (run.global.json) {
            std::cout << nlohmann::json{{"ok", true}, {"counts", counts_json(report->to)}}.dump(2)
                      << "\n";
        } else if (!run.global.quiet) {
            const auto& c = report->to;
            std::cerr << "copied and checked: " << c.sources << " sources, " << c.items
                      << " items, " << c.item_versions << " versions, " << c.events << " events, "
                      << c.alerts << " alerts, " << c.prices << " prices, " << c.fetch_log
                      << " fetch log rows\n";
        }
    });
}

}  // namespace fw::cli

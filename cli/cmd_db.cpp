// `frontierwatch db copy --from FILE.db --to postgresql://...`: a single-user database moved
// into a team's store, every table's count checked afterwards.

#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/browse_service.h"
#include "app/db_copy.h"
#include "app/db_merge.h"
#include "app/team_roles.h"
#include "cli/command.h"

namespace fw::cli {
namespace {

nlohmann::json counts_json(const app::StoreCounts& c) {
    return {{"sources", c.sources},   {"items", c.items},       {"item_versions", c.item_versions},
            {"events", c.events},     {"evidence", c.evidence}, {"prices", c.prices},
            {"entities", c.entities}, {"alerts", c.alerts},     {"fetch_log", c.fetch_log}};
}

// `db merge`: the counts of what was added, matched and left, as text or --json.
void register_merge(CLI::App& db, Run& run) {
    auto from = std::make_shared<std::string>();
    auto to = std::make_shared<std::string>();
    auto* merge = db.add_subcommand("merge", "merge one store into another that holds data (curation wins)");
    add_version_flag(*merge);
    merge->add_option("--from", *from, "the store to read: a file or postgresql://...")->required();
    merge->add_option("--to", *to, "the store to merge into: a file or postgresql://...")->required();
    merge->callback([&run, from, to] {
        auto r = app::merge_database(*from, *to);
        if (!r) {
            run.exit_code = fail(r.error());
            return;
        }
        if (run.global.json) {
            std::cout << nlohmann::json{{"sources_added", r->sources_added},
                                        {"sources_matched", r->sources_matched},
                                        {"items_added", r->items_added},
                                        {"item_versions_added", r->item_versions_added},
                                        {"items_unchanged", r->items_unchanged},
                                        {"items_skipped", r->items_skipped},
                                        {"events_added", r->events_added},
                                        {"events_merged", r->events_merged},
                                        {"curation_taken", r->curation_taken},
                                        {"curation_kept", r->curation_kept},
                                        {"alerts_added", r->alerts_added}}
                             .dump(2)
                      << "\n";
        } else if (!run.global.quiet) {
            std::cerr << "merged: " << r->sources_added << " sources added (" << r->sources_matched
                      << " matched by URL), " << r->items_added << " items added, " << r->item_versions_added
                      << " new versions (" << r->items_unchanged << " unchanged, " << r->items_skipped
                      << " of removed sources skipped), " << r->events_added << " events added, " << r->events_merged
                      << " merged (" << r->curation_taken << " took the origin's curation, " << r->curation_kept
                      << " kept the target's), " << r->alerts_added << " alerts added\n";
        }
    });
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
            std::cout << nlohmann::json{{"ok", true}, {"counts", counts_json(report->to)}}.dump(2) << "\n";
        } else if (!run.global.quiet) {
            const auto& c = report->to;
            std::cerr << "copied and checked: " << c.sources << " sources, " << c.items << " items, " << c.item_versions
                      << " versions, " << c.events << " events, " << c.alerts << " alerts, " << c.prices << " prices, "
                      << c.fetch_log << " fetch log rows\n";
        }
    });

    register_merge(*db, run);

    // Prints SQL; connects nowhere (the admin reviews it and runs it as the tables' owner).
    auto roles = std::make_shared<app::RoleOptions>();
    auto print_sql = std::make_shared<bool>(false);
    auto* roles_cmd = db->add_subcommand("roles", "the PostgreSQL roles of a team: viewer, analyst, worker");
    roles_cmd->add_flag("--print-sql", *print_sql, "print the GRANT statements to run as the tables' owner")
        ->required();
    roles_cmd->add_option("--schema", roles->schema, "the schema of the tables")->capture_default_str();
    roles_cmd->add_option("--prefix", roles->prefix, "prefix of the role names")->capture_default_str();
    roles_cmd->callback([&run, roles] {
        auto sql = app::team_roles_sql(*roles);
        if (!sql) {
            run.exit_code = fail(sql.error());
            return;
        }
        std::cout << *sql;
    });
}

}  // namespace fw::cli

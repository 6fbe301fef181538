#include "app/team_roles.h"

#include <algorithm>
#include <array>

namespace fw::app {
namespace {

bool plain_identifier(std::string_view name) {
    return !name.empty() && name.size() <= 40 && !(name[0] >= '0' && name[0] <= '9') &&
           std::all_of(name.begin(), name.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

std::string create_role(const std::string& role) {
    return "DO $$ BEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN CREATE ROLE " +
           role + " NOLOGIN; END IF;\nEND $$;\n";
}

// What each role writes. Cascades (sources remove --purge) run with the owner's rights.
constexpr std::array<std::string_view, 13> kWorkerTables{
    "items",  "item_versions", "fetch_log", "events", "evidence",  "prices", "entities", "question_answers",
    "alerts", "settings",      "hosts",     "locks",  "candidates"};
constexpr std::array<std::string_view, 5> kAnalystTables{"events", "evidence", "candidates", "sources", "settings"};

std::string joined_tables(auto tables, const std::string& schema) {
    std::string out;
    for (const auto t : tables) {
        out += (out.empty() ? "" : ", ") + schema + "." + std::string(t);
    }
    return out;
}

}  // namespace

Result<std::string> team_roles_sql(const RoleOptions& o) {
    if (!plain_identifier(o.schema)) {
        return make_error(ErrorCode::Usage, "the schema must be a plain lower-case identifier", o.schema);
    }
    if (!plain_identifier(o.prefix)) {
        return make_error(ErrorCode::Usage, "the role prefix must be a plain lower-case identifier", o.prefix);
    }
    const std::string s = o.schema;
    const std::string viewer = o.prefix + "viewer";
    const std::string analyst = o.prefix + "analyst";
    const std::string worker = o.prefix + "worker";
    const std::string all = viewer + ", " + analyst + ", " + worker;
    std::string sql;
    sql += "-- Frontier Watch team roles for schema " + s + " (docs/teams.md).\n";
    sql += "-- Run as the owner of the tables (who ran the migrations), e.g.\n";
    sql += "--   frontierwatch db roles --print-sql | psql \"$OWNER_URL\"\n";
    sql += "-- Idempotent: run it again after an upgrade adds tables.\n\n";
    sql += create_role(viewer) + create_role(analyst) + create_role(worker) + "\n";
    sql += "GRANT USAGE ON SCHEMA " + s + " TO " + all + ";\n";
    sql += "-- viewer: reads everything (cockpit, reports, lists); so do the others.\n";
    sql += "GRANT SELECT ON ALL TABLES IN SCHEMA " + s + " TO " + all + ";\n";
    sql += "ALTER DEFAULT PRIVILEGES IN SCHEMA " + s + " GRANT SELECT ON TABLES TO " + all + ";\n";
    sql += "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + s + " TO " + analyst + ", " + worker + ";\n";
    sql += "-- analyst: curation (events confirm/reject/edit, candidates, the source list).\n";
    sql += "GRANT INSERT, UPDATE, DELETE ON " + joined_tables(kAnalystTables, s) + " TO " + analyst + ";\n";
    sql += "-- worker: fetch, store items and events, leases, answers and alerts.\n";
    sql += "GRANT INSERT, UPDATE, DELETE ON " + joined_tables(kWorkerTables, s) + " TO " + worker + ";\n";
    sql += "GRANT UPDATE ON " + s + ".sources TO " + worker + ";  -- health, schedule, leases\n";
    sql += "-- The fetch policy (settings fetch.*) stays the owner's: row-level security on settings\n";
    sql += "-- (schema migration 6) refuses it to every role above.\n\n";
    sql += "-- People and machines log in as members, e.g.:\n";
    sql += "--   CREATE ROLE alice LOGIN PASSWORD '...' IN ROLE " + analyst + ";\n";
    sql += "--   CREATE ROLE worker1 LOGIN PASSWORD '...' IN ROLE " + worker + ";\n";
    sql += "--   CREATE ROLE dashboard LOGIN PASSWORD '...' IN ROLE " + viewer + ";\n";
    return sql;
}

}  // namespace fw::app

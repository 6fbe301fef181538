#pragma once
// The PostgreSQL roles a team needs (docs/teams.md), as the GRANT statements an admin runs once
// as the owner of the tables (`frontierwatch db roles --print-sql`):
//   viewer   reads everything (the cockpit, reports, lists);
//   analyst  reads, and curates: events, evidence, candidates, sources;
//   worker   reads, fetches and writes items, versions, events, prices, answers, alerts, leases.
// Nobody but the owner changes the fetch policy (migration 6: row-level security on settings).

#include <string>
#include <string_view>

#include "domain/result.h"

namespace fw::app {

struct RoleOptions {
    std::string schema = "public";
    std::string prefix = "fw_";  ///< role names: fw_viewer, fw_analyst, fw_worker
};

/// The SQL script (idempotent: run it again after an upgrade adds tables). Error{Usage} when the
/// schema or prefix is not a plain lower-case identifier.
Result<std::string> team_roles_sql(const RoleOptions& options);

}  // namespace fw::app

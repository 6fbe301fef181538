#pragma once
// Schema migrations: an ordered list of SQL scripts keyed by PRAGMA user_version. Script N
// brings the schema from version N-1 to N; it and its user_version bump commit together, so an
// interrupted or failing migration leaves the previous version intact.
//
// ONE list serves both backends: `sql` is written in SQLite's dialect and translated for
// PostgreSQL by store/pg/pg_migrate.cpp (a small type substitution table); what has no
// counterpart (FTS5 versus a tsvector column) goes in the per-dialect extras.

#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "domain/result.h"
#include "store/database.h"

namespace fw::store {

struct Migration {
    int version = 0;                  ///< the user_version after this script; 1, 2, 3, ... in order
    std::string_view name;            ///< short description, quoted in errors
    std::string_view sql;             ///< one or more statements, no parameters (both backends)
    std::string_view sqlite_sql{};    ///< run after `sql` on SQLite only
    std::string_view postgres_sql{};  ///< run after `sql` on PostgreSQL only (native dialect)
};

/// The project's schema, oldest first.
std::span<const Migration> schema_migrations();

/// Applies every migration newer than the database's user_version, each in one transaction.
/// Returns how many ran (0 when up to date). Error{Storage} names the failing migration;
/// Error{Invalid} when the list is not strictly increasing; Error{Storage} when the database
/// is newer than the list (written by a later build).
Result<int> migrate(Database& db, std::span<const Migration> migrations);

/// The driver both backends' migrate() share: checks that the list is numbered 1, 2, 3, ...,
/// reads the database's version, refuses a database newer than the list (naming `location`),
/// then applies each newer migration with `apply` (false: another process applied it
/// meanwhile). Returns how many ran.
Result<int> run_migrations(std::span<const Migration> migrations, const std::string& location,
                           const std::function<Result<int>()>& read_version,
                           const std::function<Result<bool>(const Migration&)>& apply);

/// Error{Storage} naming the migration that failed and why, for a backend's `apply`.
Error migration_failed(const Migration& migration, const Error& cause, const std::string& location);

/// PRAGMA user_version.
Result<int> schema_version(Database& db);

}  // namespace fw::store

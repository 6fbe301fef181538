#pragma once
// The sources table and its fetch log, written once over sql::Runner for SQLite and PostgreSQL.
// Removing a source without purge keeps its row as a tombstone (removed_at set) so its items
// keep their source and name; list/find skip it, and adding the same name again revives the
// row (and its items). Every call runs inside the caller's transaction.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "domain/source.h"
#include "store/sql_dialect.h"
#include "store/sql_runner.h"
#include "store/source_store.h"

namespace fw::store {

class SourceRepository {
public:
    SourceRepository(sql::Runner& runner, const sql::Dialect& dialect) : db_(&runner), dialect_(&dialect) {}

    /// Error{Invalid} when an active source has the name; a removed one is revived.
    Result<std::int64_t> add(const Source& source);
    /// Active sources by name.
    Result<std::vector<Source>> list();
    Result<std::optional<Source>> find(std::string_view name);
    /// The sources `ids` (removed ones too), never-fetched first, then by due time and id: the
    /// order workers fetch the sources they claimed in.
    Result<std::vector<Source>> by_ids_due_first(std::span<const std::int64_t> ids);
    /// Id of the named source; removed ones only when include_removed.
    Result<std::optional<std::int64_t>> id_of(std::string_view name, bool include_removed);
    Result<bool> exists(std::int64_t id);
    /// Sets the tombstone and frees the source's lease.
    Status mark_removed(std::int64_t id);
    /// Deletes the row; ON DELETE CASCADE takes its items, versions and fetch log.
    Status delete_row(std::int64_t id);
    /// By id (else by name): validators, interval, due time, health. Error{NotFound}.
    Status save_state(const Source& source);
    /// By id: name, url, kind, lab, every, interval and validators (see Store::update_source).
    Status update_settings(const Source& source);
    Status log_fetch(const FetchLogEntry& entry);
    /// Every fetch log row, oldest first. Error{Storage} for a status outside the contract.
    Result<std::vector<FetchLogEntry>> fetch_log();

private:
    sql::Runner* db_;
    const sql::Dialect* dialect_;
};

}  // namespace fw::store

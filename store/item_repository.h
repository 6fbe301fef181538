#pragma once
// The items and item_versions tables (and the search index), written once over sql::Runner for
// SQLite and PostgreSQL; the dialect says how search and indexing differ.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "domain/item.h"
#include "domain/result.h"
#include "store/sql_dialect.h"
#include "store/sql_runner.h"
#include "store/store.h"

namespace fw::store {

class ItemRepository {
public:
    ItemRepository(sql::Runner& runner, const sql::Dialect& dialect) : db_(&runner), dialect_(&dialect) {}

    /// Keyed by (source_id, native_id), as decide_item_write says: new rows inserted, a changed
    /// content_hash moves the old row to item_versions and bumps version, the same hash writes
    /// nothing. Runs inside the caller's transaction. Error{Invalid} for an empty native_id.
    /// Where the dialect indexes explicitly, new rows wait for flush_search_index().
    Result<UpsertStats> upsert(std::int64_t source_id, std::span<const Item> items);
    /// Indexes the rows inserted since the last flush, in one statement: FTS5 written once per
    /// batch instead of once per item (its pending terms are flushed at every savepoint). The
    /// caller runs it before its transaction commits; search and updates flush first themselves.
    Status flush_search_index();
    /// Forgets rows that were never indexed because their transaction rolled back.
    void discard_pending() { pending_index_.clear(); }
    /// Overrides the dialect's items_per_statement (0: the dialect's again), for tests and
    /// measurements: 1 is the item-by-item path on either backend.
    void set_items_per_statement(std::size_t n) { per_statement_ = n; }

    /// Newest first (published, else fetched); with after_id, oldest id first so a caller can
    /// page on from the last id it saw. Error{Storage} for a search query the database rejects.
    Result<std::vector<Item>> list(const ItemQuery& query);
    /// The ids of every match of a search, unordered, from the search index alone.
    Result<std::vector<std::int64_t>> matching_ids(const std::string& search);
    /// In the order asked; unknown ids are skipped.
    Result<std::vector<Item>> by_ids(std::span<const std::int64_t> ids);
    /// Earlier versions, oldest first.
    Result<std::vector<Item>> versions(std::int64_t item_id);

private:
    struct Known {
        std::string native_id;
        std::int64_t id;  ///< 0 while its row waits for the chunk's INSERT
        std::string hash;
    };
    /// The stored (native_id, id, content_hash) of the items of `chunk` (at most 64) that this
    /// source already has, in one query.
    Status look_up(std::int64_t source_id, std::span<const Item> chunk, std::vector<Known>& known);

    sql::Runner* db_;
    const sql::Dialect* dialect_;
    std::vector<std::int64_t> pending_index_;
    std::vector<std::string> insert_sql_;  ///< multi-row INSERT texts by row count, made once
    std::size_t per_statement_ = 0;
};

}  // namespace fw::store

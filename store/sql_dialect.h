#pragma once
// What truly differs between SQLite and PostgreSQL for the repositories written once over
// sql::Runner (store/sql_runner.h): full-text search (FTS5 vs tsvector), how a new item reaches
// the search index, the locks (BEGIN IMMEDIATE vs row and advisory locks), and lists of ids. Everything else a
// repository writes in SQL both accept (ON CONFLICT, RETURNING, $n placeholders).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "store/sql_runner.h"

namespace fw::store::sql {

class Dialect {
public:
    virtual ~Dialect() = default;

    /// A JOIN fragment and a WHERE condition over items `i` that match what a user typed; the
    /// words are appended to `params` (placeholders numbered after those already there).
    /// nullopt when nothing searchable was typed (then nothing matches).
    struct Search {
        std::string join;
        std::string condition;
        /// The matching row's item id as the search index reads it fastest in a range
        /// (SQLite: the FTS5 rowid, so `BETWEEN` narrows the index scan). Empty: the dialect
        /// has no such column, and a search is never walked by time (store/item_repository.cpp).
        std::string index_id = {};
    };
    virtual std::optional<Search> item_search(std::string_view user_query, std::vector<Value>& params) const = 0;

    /// True when new items reach the search index only through index_items (SQLite's external
    /// content FTS5 table); false when the database indexes them itself (a generated tsvector).
    virtual bool indexes_items_explicitly() const = 0;
    /// Indexes the current text of the items `ids` (each once, ids of rows gone are skipped).
    virtual Status index_items(Runner& runner, std::span<const std::int64_t> ids) const = 0;

    /// How many items of an upsert one statement looks up, and one INSERT writes (at most 64).
    /// PostgreSQL: 64, a round trip per chunk of a feed instead of two per item. SQLite: 1, its
    /// prepared single-row statements run at the bare C API's speed (a lookup of 64 ids in one
    /// query measured slower there), and a multi-row INSERT would need RETURNING for its ids
    /// (a temporary table per statement in SQLite).
    virtual std::size_t items_per_statement() const = 0;

    /// Run before inserting items, inside the transaction: makes item ids commit in the order
    /// they were handed out (the extraction watermark relies on it). Empty: nothing to run
    /// (SQLite's BEGIN IMMEDIATE already serializes writers).
    virtual std::string_view item_order_lock() const = 0;

    /// Appended to a SELECT that reads a row it is about to change: " FOR UPDATE" where rows
    /// are locked (PostgreSQL), "" where the write transaction already excludes other writers.
    virtual std::string_view row_lock() const = 0;

    /// Appended to the SELECT that picks sources to claim: " FOR UPDATE SKIP LOCKED" where
    /// several machines claim at once (a row another worker is claiming is skipped, never
    /// waited on), "" where the write transaction already excludes other writers.
    virtual std::string_view claim_lock() const = 0;

    /// A list of ids as one parameter, and the condition that tests a column against it:
    /// `column` IN (SELECT value FROM json_each($n)) vs `column` = ANY(CAST($n AS bigint[])).
    virtual Value id_list(std::span<const std::int64_t> ids) const = 0;
    virtual std::string in_id_list(std::string_view column, std::string_view placeholder) const = 0;
};

/// SQLite: FTS5 MATCH over items_fts, filled in bulk from the items table.
const Dialect& sqlite_dialect();

}  // namespace fw::store::sql

#pragma once
// Runs one test body against both stores: SQLite in memory, and PostgreSQL in a fresh database
// (skipped with a WARN where no server can be started; a failure in CI).

#include <functional>
#include <memory>

#include "store/pg/pg_store.h"
#include "store/sqlite_store.h"
#include "store/store_fixtures.h"
#include "support/pg_server.h"
#include "support/temp_dir.h"

namespace fw::test {

inline std::unique_ptr<store::Store> open_pg(const std::string& url) {
    auto opened = store::pg::PgStore::open(url);
    if (!opened) {
        FAIL(opened.error().describe());
    }
    return std::move(*opened);
}

/// Catch2 sections, one per backend; `body` gets a fresh store and a function opening another
/// connection to the same database (for the concurrency cases).
using StoreBody = std::function<void(store::Store&, const std::function<std::unique_ptr<store::Store>()>&)>;

inline void on_both(const StoreBody& body) {
    SECTION("sqlite") {
        TempDir dir;
        const std::string path = (dir / "fw.db").string();
        auto open = [path]() -> std::unique_ptr<store::Store> {
            auto s = store::SqliteStore::open(path);
            REQUIRE(s.has_value());
            return std::move(*s);
        };
        auto s = open();
        body(*s, open);
    }
    SECTION("postgresql") {
        FW_REQUIRE_PG(db);
        const std::string url = db.url();
        auto open = [url] { return open_pg(url); };
        auto s = open();
        body(*s, open);
    }
}

/// Runs `sql` (no parameters) on the store's own connection, whichever backend it is: for the
/// cases that plant a row the Store interface would never write.
inline void exec_raw(store::Store& s, const std::string& sql) {
    if (auto* lite = dynamic_cast<store::SqliteStore*>(&s)) {
        REQUIRE(lite->database().exec(sql).has_value());
        return;
    }
    auto* pg = dynamic_cast<store::pg::PgStore*>(&s);
    REQUIRE(pg != nullptr);
    REQUIRE(pg->connection().exec_script(sql).has_value());
}

}  // namespace fw::test

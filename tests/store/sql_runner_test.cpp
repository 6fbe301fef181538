// The thin SQL layer's SQLite adapter: $n placeholders, every value type bound and read back,
// and quoted text left alone.

#include "store/sqlite_runner.h"
#include "support/catch.h"

using fw::store::Database;
using fw::store::sqlite_placeholders;
using fw::store::SqliteRunner;
namespace sql = fw::store::sql;

TEST_CASE("sqlite placeholders: $n becomes ?n outside quotes", "[store][unit]") {
    CHECK(sqlite_placeholders("SELECT $1, $12 FROM t WHERE a = $2") == "SELECT ?1, ?12 FROM t WHERE a = ?2");
    CHECK(sqlite_placeholders("SELECT '$1', \"$2\" FROM t WHERE b = $3") == "SELECT '$1', \"$2\" FROM t WHERE b = ?3");
    CHECK(sqlite_placeholders("SELECT 'it''s $1' || $1") == "SELECT 'it''s $1' || ?1");
    CHECK(sqlite_placeholders("SELECT $a") == "SELECT $a");  // a named parameter stays as it is
}

TEST_CASE("sqlite runner binds and reads every value type", "[store][unit]") {
    auto db = Database::open_in_memory();
    REQUIRE(db.has_value());
    REQUIRE(db->exec("CREATE TABLE t (i INTEGER, r REAL, s TEXT, n TEXT)").has_value());
    SqliteRunner run(*db);
    auto inserted = run.query("INSERT INTO t (i, r, s, n) VALUES ($1, $2, $3, $4) RETURNING rowid",
                              {sql::value(std::int64_t{42}), sql::value(0.25), sql::value("x'y"), sql::Value{}});
    REQUIRE(inserted.has_value());
    REQUIRE(inserted->size() == 1);
    auto rows = run.query("SELECT i, r, s, n, i * 2 FROM t WHERE s = $1", {sql::value("x'y")});
    REQUIRE(rows.has_value());
    REQUIRE(rows->size() == 1);
    const auto& row = rows->front();
    CHECK(row.int64(0) == 42);
    CHECK(row.real(1) == Approx(0.25));
    CHECK(row.text(2) == "x'y");
    CHECK(row.is_null(3));
    CHECK(!row.optional_text(3).has_value());
    CHECK(row.int64(4) == 84);
    CHECK(row.text(0) == "42");  // converted like the drivers do
    CHECK(row.is_null(9));       // out of range reads as NULL
    auto none = run.query("SELECT i FROM t WHERE s = $1", {sql::value("absent")});
    REQUIRE(none.has_value());
    CHECK(none->empty());
    auto bad = run.query("SELECT nope FROM t", {});
    REQUIRE(!bad.has_value());
    CHECK(bad.error().code == fw::ErrorCode::Storage);
}

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "store/migrations.h"
#include "support/catch.h"
#include "support/temp_dir.h"

using fw::store::Database;
using fw::store::Migration;

namespace {

Database open_file(const fw::test::TempDir& dir) {
    auto db = Database::open((dir / "m.db").string());
    REQUIRE(db.has_value());
    return std::move(*db);
}

bool table_exists(Database& db, const std::string& name) {
    auto st = db.prepare("SELECT 1 FROM sqlite_master WHERE name = ?1");
    REQUIRE(st.has_value());
    st->bind(1, name);
    return st->step().value_or(false);
}

}  // namespace

TEST_CASE("migrating a new file sets user_version to the last migration", "[store][migrations]") {
    fw::test::TempDir dir;
    Database db = open_file(dir);
    auto ran = fw::store::migrate(db, fw::store::schema_migrations());
    REQUIRE(ran.has_value());
    CHECK(*ran == static_cast<int>(fw::store::schema_migrations().size()));
    auto version = fw::store::schema_version(db);
    REQUIRE(version.has_value());
    CHECK(*version == static_cast<int>(fw::store::schema_migrations().size()));
    for (const char* table : {"sources", "items", "item_versions", "items_fts", "events", "evidence", "entities",
                              "prices", "question_answers", "alerts", "settings", "fetch_log"}) {
        INFO(table);
        CHECK(table_exists(db, table));
    }
}

TEST_CASE("the full-text index merges segments 8 at a time", "[store][migrations]") {
    fw::test::TempDir dir;
    Database db = open_file(dir);
    REQUIRE(fw::store::migrate(db, fw::store::schema_migrations()).has_value());
    auto st = db.prepare("SELECT v FROM items_fts_config WHERE k = 'automerge'");
    REQUIRE(st.has_value());
    REQUIRE(st->step().value_or(false));
    CHECK(st->int64(0) == 8);
}

TEST_CASE("migration 7 drops the index's per-row sizes and keeps a v6 file's items searchable", "[store][migrations]") {
    fw::test::TempDir dir;
    Database db = open_file(dir);
    const auto all = fw::store::schema_migrations();
    REQUIRE(all.size() >= 7);
    REQUIRE(fw::store::migrate(db, all.first(6)).has_value());
    CHECK(table_exists(db, "items_fts_docsize"));
    // Items indexed under v6, with accents and a phrase to find.
    REQUIRE(db.exec("INSERT INTO sources (id, name, url, kind) VALUES (1, 's', 'u', 'feed');"
                    "INSERT INTO items (id, source_id, native_id, title, link, fetched_at, sort_at, content_hash, "
                    "payload, summary_text) VALUES "
                    "(1, 1, 'a', 'Café crème model', 'l', 0, 0, 'h', '{}', 'open weights today'),"
                    "(2, 1, 'b', 'Other', 'l', 0, 0, 'h', '{}', 'weights open tomorrow');"
                    "INSERT INTO items_fts (rowid, title, summary_text, content_text) "
                    "SELECT id, title, summary_text, content_text FROM items;")
                .has_value());
    REQUIRE(fw::store::migrate(db, all).has_value());
    CHECK_FALSE(table_exists(db, "items_fts_docsize"));
    auto ids = [&](const std::string& match) {
        auto st = db.prepare("SELECT rowid FROM items_fts WHERE items_fts MATCH ?1 ORDER BY rowid");
        REQUIRE(st.has_value());
        st->bind(1, match);
        std::vector<std::int64_t> out;
        while (st->step().value_or(false)) {
            out.push_back(st->int64(0));
        }
        return out;
    };
    CHECK(ids("\"cafe\"") == std::vector<std::int64_t>{1});
    CHECK(ids("\"CRÈME\"") == std::vector<std::int64_t>{1});
    CHECK(ids("\"open weights\"") == std::vector<std::int64_t>{1});
    CHECK(ids("\"weights\"") == std::vector<std::int64_t>{1, 2});
    auto check = db.exec("INSERT INTO items_fts (items_fts) VALUES ('integrity-check')");
    CHECK(check.has_value());
    auto merge = db.prepare("SELECT v FROM items_fts_config WHERE k = 'automerge'");
    REQUIRE(merge.has_value());
    REQUIRE(merge->step().value_or(false));
    CHECK(merge->int64(0) == 8);
}

TEST_CASE("reopening a migrated file runs no migration", "[store][migrations]") {
    fw::test::TempDir dir;
    {
        Database db = open_file(dir);
        REQUIRE(fw::store::migrate(db, fw::store::schema_migrations()).has_value());
    }
    Database again = open_file(dir);
    auto ran = fw::store::migrate(again, fw::store::schema_migrations());
    REQUIRE(ran.has_value());
    CHECK(*ran == 0);
}

TEST_CASE("a failing migration rolls back and leaves user_version unchanged", "[store][migrations]") {
    fw::test::TempDir dir;
    Database db = open_file(dir);
    const std::array<Migration, 3> list{{
        {1, "first", "CREATE TABLE a (x INTEGER);"},
        {2, "second", "CREATE TABLE b (x INTEGER); INSERT INTO no_such_table VALUES (1);"},
        {3, "third", "CREATE TABLE c (x INTEGER);"},
    }};
    auto ran = fw::store::migrate(db, list);
    REQUIRE_FALSE(ran.has_value());
    CHECK(ran.error().code == fw::ErrorCode::Storage);
    CHECK(ran.error().message.find("migration 2") != std::string::npos);
    CHECK(ran.error().message.find("second") != std::string::npos);
    CHECK(fw::store::schema_version(db).value_or(-1) == 1);
    CHECK(table_exists(db, "a"));
    CHECK_FALSE(table_exists(db, "b"));  // the half-done script left nothing
    CHECK_FALSE(table_exists(db, "c"));
    CHECK_FALSE(db.in_transaction());
}

TEST_CASE("a migration list with a gap is refused before anything runs", "[store][migrations]") {
    fw::test::TempDir dir;
    Database db = open_file(dir);
    const std::array<Migration, 2> list{{
        {1, "first", "CREATE TABLE a (x INTEGER);"},
        {3, "third", "CREATE TABLE c (x INTEGER);"},
    }};
    auto ran = fw::store::migrate(db, list);
    REQUIRE_FALSE(ran.has_value());
    CHECK(ran.error().code == fw::ErrorCode::Invalid);
    CHECK_FALSE(table_exists(db, "a"));
}

TEST_CASE("a database newer than this build is refused", "[store][migrations]") {
    fw::test::TempDir dir;
    Database db = open_file(dir);
    REQUIRE(db.exec("PRAGMA user_version = 99").has_value());
    auto ran = fw::store::migrate(db, fw::store::schema_migrations());
    REQUIRE_FALSE(ran.has_value());
    CHECK(ran.error().message.find("99") != std::string::npos);
}

TEST_CASE("the schema migrations are numbered from 1 without gaps", "[store][migrations]") {
    int expected = 1;
    for (const Migration& m : fw::store::schema_migrations()) {
        CHECK(m.version == expected++);
        CHECK_FALSE(m.name.empty());
    }
}

#include <string>

#include "store/database.h"
#include "support/catch.h"
#include "support/temp_dir.h"

using fw::store::Database;
using fw::store::Transaction;

namespace {

std::int64_t count_rows(Database& db) {
    auto st = db.prepare("SELECT COUNT(*) FROM t");
    REQUIRE(st.has_value());
    auto row = st->step();
    REQUIRE(row.has_value());
    REQUIRE(*row);
    return st->int64(0);
}

Database table_db() {
    auto db = Database::open_in_memory();
    REQUIRE(db.has_value());
    REQUIRE(db->exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)").has_value());
    return std::move(*db);
}

void insert(Database& db, const std::string& v) {
    auto st = db.cached("INSERT INTO t (v) VALUES (?1)");
    REQUIRE(st.has_value());
    st->bind(1, v);
    REQUIRE(st->run().has_value());
}

}  // namespace

TEST_CASE("a database file is opened in WAL mode with foreign keys on and temp files in memory", "[store][database]") {
    fw::test::TempDir dir;
    auto db = Database::open((dir / "wal.db").string());
    REQUIRE(db.has_value());
    auto mode = db->journal_mode();
    REQUIRE(mode.has_value());
    CHECK(*mode == "wal");
    auto fk = db->prepare("PRAGMA foreign_keys");
    REQUIRE(fk.has_value());
    REQUIRE(fk->step().value_or(false));
    CHECK(fk->int64(0) == 1);
    auto sync = db->prepare("PRAGMA synchronous");
    REQUIRE(sync.has_value());
    REQUIRE(sync->step().value_or(false));
    CHECK(sync->int64(0) == 1);  // NORMAL
    // Savepoint sub-journals (one per upsert in a fetch batch) in memory, not in temp files.
    auto temp = db->prepare("PRAGMA temp_store");
    REQUIRE(temp.has_value());
    REQUIRE(temp->step().value_or(false));
    CHECK(temp->int64(0) == 2);  // MEMORY
}

TEST_CASE("network file systems are recognised for the WAL warning; a local file has none", "[store][database][S5]") {
    using fw::store::network_filesystem_name;
    CHECK(network_filesystem_name(0x6969) == "NFS");
    CHECK(network_filesystem_name(0xFE534D42L) == "SMB2");
    CHECK(network_filesystem_name(static_cast<long>(static_cast<int>(0xFF534D42U))) == "CIFS");  // sign-extended f_type
    CHECK(network_filesystem_name(0x517B) == "SMB");
    CHECK_FALSE(network_filesystem_name(0xEF53).has_value());       // ext4
    CHECK_FALSE(network_filesystem_name(0x01021994).has_value());   // tmpfs
    CHECK_FALSE(network_filesystem_name(0x9123683EL).has_value());  // btrfs

    fw::test::TempDir dir;
    auto db = Database::open((dir / "local.db").string());
    REQUIRE(db.has_value());
    CHECK(db->warnings().empty());
}

TEST_CASE("opening a database in a missing folder is a storage error naming the path", "[store][database]") {
    fw::test::TempDir dir;
    const std::string path = (dir / "no/such/folder/x.db").string();
    auto db = Database::open(path);
    REQUIRE_FALSE(db.has_value());
    CHECK(db.error().code == fw::ErrorCode::Storage);
    CHECK(db.error().context == path);
}

TEST_CASE("bound values round-trip through a statement, including nulls", "[store][database]") {
    auto db = Database::open_in_memory();
    REQUIRE(db.has_value());
    auto st = db->prepare("SELECT ?1, ?2, ?3, ?4, ?5");
    REQUIRE(st.has_value());
    st->bind(1, std::string_view("it's \"quoted\"; DROP TABLE t"));
    st->bind(2, std::int64_t{1} << 40);
    st->bind(3, 2.5);
    st->bind(4, std::optional<std::string>());
    st->bind(5, fw::make_time(2026, 4, 8, 14));
    REQUIRE(st->step().value_or(false));
    CHECK(st->text(0) == "it's \"quoted\"; DROP TABLE t");
    CHECK(st->int64(1) == (std::int64_t{1} << 40));
    CHECK(st->real(2) == 2.5);
    CHECK(st->is_null(3));
    CHECK_FALSE(st->optional_text(3).has_value());
    CHECK(st->time(4) == fw::make_time(2026, 4, 8, 14));
}

TEST_CASE("a bind to a parameter that does not exist is reported by step", "[store][database]") {
    auto db = Database::open_in_memory();
    REQUIRE(db.has_value());
    auto st = db->prepare("SELECT ?1");
    REQUIRE(st.has_value());
    st->bind(7, std::int64_t{1});
    auto row = st->step();
    REQUIRE_FALSE(row.has_value());
    CHECK(row.error().code == fw::ErrorCode::Storage);
}

TEST_CASE("bad SQL is an error that quotes the statement", "[store][database]") {
    auto db = Database::open_in_memory();
    REQUIRE(db.has_value());
    auto st = db->prepare("SELEKT 1");
    REQUIRE_FALSE(st.has_value());
    CHECK(st.error().message.find("SELEKT") != std::string::npos);
    CHECK_FALSE(db->exec("CREATE TABLE (").has_value());
}

TEST_CASE("a cached statement is reused and a re-entrant use gets its own copy", "[store][database]") {
    Database db = table_db();
    insert(db, "a");
    insert(db, "b");
    auto outer = db.cached("SELECT v FROM t ORDER BY id");
    REQUIRE(outer.has_value());
    REQUIRE(outer->step().value_or(false));
    CHECK(outer->text(0) == "a");
    {
        // Same SQL while the first is mid-iteration: must not reset it.
        auto inner = db.cached("SELECT v FROM t ORDER BY id");
        REQUIRE(inner.has_value());
        REQUIRE(inner->step().value_or(false));
        CHECK(inner->text(0) == "a");
    }
    REQUIRE(outer->step().value_or(false));
    CHECK(outer->text(0) == "b");
}

TEST_CASE("a transaction rolls back unless committed", "[store][database]") {
    Database db = table_db();
    {
        auto tx = Transaction::begin(db);
        REQUIRE(tx.has_value());
        insert(db, "dropped");
        CHECK(db.in_transaction());
    }
    CHECK_FALSE(db.in_transaction());
    CHECK(count_rows(db) == 0);
    {
        auto tx = Transaction::begin(db);
        REQUIRE(tx.has_value());
        insert(db, "kept");
        REQUIRE(tx->commit().has_value());
        CHECK_FALSE(tx->commit().has_value());  // a second commit is refused
    }
    CHECK(count_rows(db) == 1);
}

TEST_CASE("a nested transaction is a savepoint: its rollback keeps the outer work", "[store][database]") {
    Database db = table_db();
    auto outer = Transaction::begin(db);
    REQUIRE(outer.has_value());
    insert(db, "outer");
    {
        auto inner = Transaction::begin(db);
        REQUIRE(inner.has_value());
        insert(db, "inner");
    }
    CHECK(db.in_transaction());
    REQUIRE(outer->commit().has_value());
    CHECK(count_rows(db) == 1);
}

TEST_CASE("integrity_check says ok on a fresh database", "[store][database]") {
    Database db = table_db();
    auto check = db.integrity_check();
    REQUIRE(check.has_value());
    CHECK(*check == "ok");
}

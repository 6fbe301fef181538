#pragma once
// One SQLite connection (RAII) with the project's PRAGMAs, a statement cache and transactions.
// Use one Database per thread (docs/style.md 2.2 rule 6); nothing here takes a lock.
//
// sqlite3 appears only as an opaque forward declaration; sqlite3.h stays in the .cpp files.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "store/statement.h"

struct sqlite3;

namespace fw::store {

class StatementCache;

/// The name of a network file system for a statfs() f_type ("NFS", "SMB/CIFS", ...), or
/// nullopt for a local one. SQLite's WAL mode does not work over a network (robustness.md S5).
std::optional<std::string> network_filesystem_name(long f_type);

class Database {
public:
    /// Opens (creating) a database file: WAL, foreign_keys=ON, busy_timeout=5000,
    /// synchronous=NORMAL. ":memory:" opens a private in-memory database (no WAL there).
    /// Error{Storage} names the path and SQLite's message.
    static Result<Database> open(const std::string& path);
    static Result<Database> open_in_memory() { return open(":memory:"); }

    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    ~Database();

    /// Runs a script of one or more statements without parameters (schema, PRAGMAs).
    Status exec(std::string_view sql);
    /// A fresh statement, finalized when the returned object dies.
    Result<Statement> prepare(std::string_view sql);
    /// A statement from this connection's cache, reset and unbound when the returned object
    /// dies. If the same SQL is already in use (re-entrant call) a fresh one is prepared.
    Result<Statement> cached(std::string_view sql);

    std::int64_t last_insert_id() const;
    /// Rows changed by the last INSERT/UPDATE/DELETE.
    int changes() const;
    /// Rows changed since the connection opened (tests and benchmarks count writes with it).
    std::int64_t total_changes() const;
    bool in_transaction() const;

    /// "wal", "memory", "delete", ...
    Result<std::string> journal_mode();
    /// "ok", or SQLite's first complaint. Also runs the FTS5 integrity-check when asked.
    Result<std::string> integrity_check();

    const std::string& path() const { return path_; }
    /// What the user should know about this file but that does not stop it from working: a
    /// network file system (WAL needs shared memory on one host), WAL refused.
    const std::vector<std::string>& warnings() const { return warnings_; }
    /// Error{Storage} with SQLite's current message, prefixed by `what`, context = path.
    Error error(std::string_view what) const;

private:
    struct Closer {
        void operator()(sqlite3* db) const;
    };
    Database(sqlite3* db, std::string path);
    Status apply_pragmas();

    std::unique_ptr<sqlite3, Closer> db_;
    std::string path_;
    std::vector<std::string> warnings_;
    // Declared after db_ so it is destroyed first: statements are finalized before the close.
    std::unique_ptr<StatementCache> cache_;
};

/// BEGIN IMMEDIATE ... COMMIT, rolled back by the destructor unless committed. Inside an open
/// transaction it becomes a SAVEPOINT, so store operations compose.
/// Dialect: BEGIN IMMEDIATE is SQLite's; PostgreSQL would use BEGIN (and SAVEPOINT the same).
class Transaction {
public:
    enum class Mode { Write, Read };
    static Result<Transaction> begin(Database& db, Mode mode = Mode::Write);

    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    ~Transaction();

    Status commit();

private:
    Transaction(Database& db, bool savepoint) : db_(&db), savepoint_(savepoint) {}
    void rollback() noexcept;

    Database* db_;
    bool savepoint_;
    bool active_ = true;
};

}  // namespace fw::store

#include "store/database.h"

#include <sqlite3.h>
#include <sys/vfs.h>

#include <filesystem>

#include <string>
#include <unordered_map>
#include <utility>

namespace fw::store {

/// Prepared statements kept for the life of the connection, keyed by their SQL text.
class StatementCache {
public:
    struct Entry {
        sqlite3_stmt* stmt = nullptr;
        bool in_use = false;
    };

    StatementCache() = default;
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;
    ~StatementCache() {
        for (auto& [sql, entry] : entries_) {
            sqlite3_finalize(entry.stmt);
        }
    }

    Entry* find(std::string_view sql) {
        auto it = entries_.find(sql);
        return it == entries_.end() ? nullptr : &it->second;
    }
    // unordered_map never moves its nodes, so the Entry (and its in_use flag) stays put.
    Entry* add(std::string_view sql, sqlite3_stmt* stmt) {
        return &entries_.emplace(std::string(sql), Entry{stmt, false}).first->second;
    }

private:
    // Looked up by string_view without building a std::string (one per statement run).
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, Entry, Hash, std::equal_to<>> entries_;
};

void Database::Closer::operator()(sqlite3* db) const {
    // close_v2 defers the close until every statement is finalized instead of failing.
    sqlite3_close_v2(db);
}

Database::Database(sqlite3* db, std::string path)
    : db_(db), path_(std::move(path)), cache_(std::make_unique<StatementCache>()) {}

Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

Result<Database> Database::open(const std::string& path) {
    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Database db(raw, path);  // owns the handle even when the open failed
    if (rc != SQLITE_OK) {
        return make_error(
            ErrorCode::Storage,
            std::string("cannot open database: ") + (raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)), path);
    }
    sqlite3_extended_result_codes(raw, 1);
    if (auto status = db.apply_pragmas(); !status) {
        return status.error();
    }
    return db;
}

std::optional<std::string> network_filesystem_name(long f_type) {
    // Magic numbers from linux/magic.h and statfs(2); unsigned 32-bit values.
    switch (static_cast<unsigned long>(f_type) & 0xFFFFFFFFUL) {
        case 0x6969UL:
            return "NFS";
        case 0x517BUL:
            return "SMB";
        case 0xFF534D42UL:
            return "CIFS";
        case 0xFE534D42UL:
            return "SMB2";
        case 0x5346414FUL:
            return "AFS";
        case 0x73757245UL:
            return "Coda";
        case 0x01021997UL:
            return "9P";
        case 0x00C36400UL:
            return "Ceph";
        case 0x47504653UL:
            return "GPFS";
        case 0x0BD00BD0UL:
            return "Lustre";
        default:
            return std::nullopt;
    }
}

Status Database::apply_pragmas() {
    // A second connection may hold the write lock: wait up to 5 s instead of failing at once.
    sqlite3_busy_timeout(db_.get(), 5000);
    // cache_size: 8 MiB instead of 2 MiB, so one fetch batch (store::WriteBatch, a few dozen
    // sources, and its FTS5 segments) stays in memory instead of spilling to the WAL and being
    // read back. It was 32 MiB while a whole fetch was one transaction; a fetch now commits
    // per batch, and the cache was the largest share of a fetch's peak memory (issue 18).
    // temp_store = MEMORY: each upsert inside a fetch batch is a savepoint, and SQLite copies
    // every page it first touches there into a sub-journal, by default a temp file once past
    // 64 KiB: a write() per page, about 10 % of the fetch-shaped ingest's CPU (issue 18.3,
    // bench/README.md). In memory it is a memcpy; it holds the pages one upsert (one feed)
    // changes, so it stays small.
    if (auto status = exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; "
                           "PRAGMA cache_size = -8192; PRAGMA temp_store = MEMORY;");
        !status) {
        return status;
    }
    if (path_ == ":memory:" || path_.empty()) {
        return ok();
    }
    auto st = prepare("PRAGMA journal_mode = WAL");
    if (!st) {
        return st.error();
    }
    auto row = st->step();
    if (!row) {
        return row.error();
    }
    // WAL is refused on some file systems (network shares); the database then still works
    // with its rollback journal, so this is not an error, but the user is told.
    const std::string mode = *row ? st->text(0) : std::string();
    struct statfs fs {};
    const auto dir = std::filesystem::absolute(std::filesystem::path(path_)).parent_path();
    if (statfs(dir.c_str(), &fs) == 0) {
        if (auto name = network_filesystem_name(static_cast<long>(fs.f_type))) {
            warnings_.push_back("the database is on a network file system (" + *name +
                                "): SQLite's WAL mode needs all its users on one machine; keep "
                                "the file on a local disk");
        }
    }
    if (mode != "wal") {
        warnings_.push_back("SQLite refused WAL mode (journal mode is '" + mode + "'): readers may wait for writers");
    }
    return ok();
}

Status Database::exec(std::string_view sql) {
    char* message = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK) {
        return ok();
    }
    std::string what = message != nullptr ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    return make_error(ErrorCode::Storage, what, path_);
}

Result<Statement> Database::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return error("cannot prepare \"" + std::string(sql.substr(0, 80)) + "\"");
    }
    return Statement(stmt, nullptr);
}

Result<Statement> Database::cached(std::string_view sql) {
    StatementCache::Entry* entry = cache_->find(sql);
    if (entry == nullptr) {
        sqlite3_stmt* stmt = nullptr;
        const int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                                          SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
        if (rc != SQLITE_OK) {
            sqlite3_finalize(stmt);
            return error("cannot prepare \"" + std::string(sql.substr(0, 80)) + "\"");
        }
        entry = cache_->add(sql, stmt);
    }
    if (entry->in_use) {
        return prepare(sql);
    }
    entry->in_use = true;
    return Statement(entry->stmt, &entry->in_use);
}

std::int64_t Database::last_insert_id() const {
    return sqlite3_last_insert_rowid(db_.get());
}

int Database::changes() const {
    return sqlite3_changes(db_.get());
}

std::int64_t Database::total_changes() const {
    return sqlite3_total_changes64(db_.get());
}

bool Database::in_transaction() const {
    return sqlite3_get_autocommit(db_.get()) == 0;
}

Result<std::string> Database::journal_mode() {
    auto st = prepare("PRAGMA journal_mode");
    if (!st) {
        return st.error();
    }
    auto row = st->step();
    if (!row) {
        return row.error();
    }
    return *row ? st->text(0) : std::string();
}

Result<std::string> Database::integrity_check() {
    auto st = prepare("PRAGMA integrity_check");
    if (!st) {
        return st.error();
    }
    auto row = st->step();
    if (!row) {
        return row.error();
    }
    return *row ? st->text(0) : std::string("no answer");
}

Error Database::error(std::string_view what) const {
    return make_error(ErrorCode::Storage, std::string(what) + ": " + sqlite3_errmsg(db_.get()), path_);
}

// ---- Transaction ----

Result<Transaction> Transaction::begin(Database& db, Mode mode) {
    const bool nested = db.in_transaction();
    const char* sql = nested ? "SAVEPOINT fw_nested" : mode == Mode::Write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED";
    if (auto status = db.exec(sql); !status) {
        return status.error();
    }
    return Transaction(db, nested);
}

Transaction::Transaction(Transaction&& other) noexcept
    : db_(other.db_), savepoint_(other.savepoint_), active_(std::exchange(other.active_, false)) {}

Transaction::~Transaction() {
    rollback();
}

Status Transaction::commit() {
    if (!active_) {
        return make_error(ErrorCode::Invalid, "transaction already finished", db_->path());
    }
    auto status = db_->exec(savepoint_ ? "RELEASE fw_nested" : "COMMIT");
    if (!status) {
        rollback();
        return status;
    }
    active_ = false;
    return ok();
}

void Transaction::rollback() noexcept {
    if (!active_) {
        return;
    }
    active_ = false;
    if (savepoint_) {
        (void)db_->exec("ROLLBACK TO fw_nested; RELEASE fw_nested");
    } else if (db_->in_transaction()) {
        (void)db_->exec("ROLLBACK");
    }
}

}  // namespace fw::store

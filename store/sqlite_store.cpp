#include "store/sqlite_store.h"

#include <exception>
#include <utility>

#include "store/migrations.h"

namespace fw::store {

SqliteStore::SqliteStore(std::unique_ptr<Database> db, std::unique_ptr<SqliteRunner> runner)
    : RepositoryStore(*runner, sql::sqlite_dialect()), db_(std::move(db)), runner_(std::move(runner)) {}

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& path) {
    auto db = Database::open(path);
    if (!db) {
        return db.error();
    }
    auto migrated = migrate(*db, schema_migrations());
    if (!migrated) {
        return migrated.error();
    }
    auto owned = std::make_unique<Database>(std::move(*db));
    auto runner = std::make_unique<SqliteRunner>(*owned);
    return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(owned), std::move(runner)));
}

Status SqliteStore::transact(Access access, const std::function<Status()>& work) {
    try {
        auto tx =
            Transaction::begin(*db_, access == Access::Write ? Transaction::Mode::Write : Transaction::Mode::Read);
        if (!tx) {
            return tx.error();
        }
        if (auto done = work(); !done) {
            return done;
        }
        return tx->commit();
    } catch (const std::exception& e) {
        return make_error(ErrorCode::Storage, std::string("unexpected failure: ") + e.what(), db_->path());
    }
}

namespace {

class SqliteBatch final : public WriteBatch {
public:
    SqliteBatch(Database& db, ItemRepository& items, Transaction tx) : db_(&db), items_(&items), tx_(std::move(tx)) {}
    // Dropped uncommitted: the rows waiting for the search index are rolled back with it.
    ~SqliteBatch() override { items_->discard_pending(); }
    Status commit() override {
        if (!db_->in_transaction()) {
            // SQLite itself rolls a transaction back on some I/O errors and on a full disk.
            return make_error(ErrorCode::Storage, "the batch was rolled back by SQLite", db_->path());
        }
        // The batch's new items reach FTS5 in one statement, before the commit.
        if (auto indexed = items_->flush_search_index(); !indexed) {
            return indexed;
        }
        return tx_.commit();
    }

private:
    Database* db_;
    ItemRepository* items_;
    Transaction tx_;
};

}  // namespace

Result<std::unique_ptr<WriteBatch>> SqliteStore::begin_batch() {
    auto tx = Transaction::begin(*db_, Transaction::Mode::Write);
    if (!tx) {
        return tx.error();
    }
    items().discard_pending();
    return std::unique_ptr<WriteBatch>(std::make_unique<SqliteBatch>(*db_, items(), std::move(*tx)));
}

}  // namespace fw::store

#pragma once
// The SQLite backend of Store: one connection and its transactions (BEGIN IMMEDIATE for
// writes, savepoints inside a WriteBatch); every Store call is written once in
// store/repository_store.h. One SqliteStore per thread.

#include <memory>
#include <string>

#include "store/database.h"
#include "store/repository_store.h"
#include "store/sqlite_runner.h"

namespace fw::store {

class SqliteStore final : public RepositoryStore {
public:
    /// Opens `path` (a file, or ":memory:") and applies pending migrations.
    static Result<std::unique_ptr<SqliteStore>> open(const std::string& path);

    std::vector<std::string> open_warnings() const override { return db_->warnings(); }
    /// One write transaction; the calls inside become savepoints of it.
    Result<std::unique_ptr<WriteBatch>> begin_batch() override;
    std::string location() const override { return db_->path(); }

    /// The connection, for maintenance (integrity checks) and measurements.
    Database& database() { return *db_; }

protected:
    Status transact(Access access, const std::function<Status()>& work) override;
    bool in_batch() const override { return db_->in_transaction(); }

private:
    // The connection and its runner live on the heap so that the repositories (made by the
    // base class, before this class's members) can point at a finished runner.
    SqliteStore(std::unique_ptr<Database> db, std::unique_ptr<SqliteRunner> runner);

    std::unique_ptr<Database> db_;
    std::unique_ptr<SqliteRunner> runner_;
};

}  // namespace fw::store

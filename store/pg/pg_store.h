#pragma once
// The PostgreSQL backend of Store, for teams: one libpq connection and its transactions (a
// serialization failure or deadlock retried); every Store call is written once in
// store/repository_store.h. Several processes on several machines may share one database: the
// dialect's row locks (FOR UPDATE SKIP LOCKED) and ON CONFLICT make each source, event and
// alert handled once. One PgStore per thread.

#include <memory>
#include <string>

#include "store/pg/pg_connection.h"
#include "store/pg/pg_runner.h"
#include "store/repository_store.h"

namespace fw::store::pg {

class PgStore final : public RepositoryStore {
public:
    /// Connects to `url` (postgresql://user@host[:port]/dbname) and applies pending migrations.
    static Result<std::unique_ptr<PgStore>> open(const std::string& url);

    std::string location() const override { return conn_->location(); }

    /// The connection, for tests and measurements.
    PgConnection& connection() { return *conn_; }

protected:
    /// BEGIN ... COMMIT, reconnecting first when the server closed the connection; a
    /// serialization failure (40001) or deadlock (40P01) runs `work` again, a few times.
    Status transact(Access access, const std::function<Status()>& work) override;

private:
    // Heap-held so that the repositories (made by the base class, before this class's
    // members) can point at a finished runner.
    PgStore(std::unique_ptr<PgConnection> conn, std::unique_ptr<PgRunner> runner);

    std::unique_ptr<PgConnection> conn_;
    std::unique_ptr<PgRunner> runner_;
};

}  // namespace fw::store::pg

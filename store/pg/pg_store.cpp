#include "store/pg/pg_store.h"

#include <exception>
#include <utility>

#include "store/migrations.h"
#include "store/pg/pg_dialect.h"
#include "store/pg/pg_migrate.h"

namespace fw::store::pg {

PgStore::PgStore(std::unique_ptr<PgConnection> conn, std::unique_ptr<PgRunner> runner)
    : RepositoryStore(*runner, postgres_dialect()), conn_(std::move(conn)), runner_(std::move(runner)) {}

Result<std::unique_ptr<PgStore>> PgStore::open(const std::string& url) {
    auto conn = PgConnection::open(url);
    if (!conn) {
        return conn.error();
    }
    auto migrated = migrate(*conn, schema_migrations());
    if (!migrated) {
        return migrated.error();
    }
    auto owned = std::make_unique<PgConnection>(std::move(*conn));
    auto runner = std::make_unique<PgRunner>(*owned);
    return std::unique_ptr<PgStore>(new PgStore(std::move(owned), std::move(runner)));
}

// Reads and writes alike: READ COMMITTED, row locks taken by the statements that need them.
Status PgStore::transact(Access, const std::function<Status()>& work) {
    constexpr int kAttempts = 4;
    for (int attempt = 1;; ++attempt) {
        if (auto connected = conn_->ensure_connected(); !connected) {
            return connected;
        }
        if (auto begun = conn_->exec_script("BEGIN"); !begun) {
            return begun;
        }
        try {
            auto result = work();
            if (result) {
                auto committed = conn_->exec_script("COMMIT");
                if (committed) {
                    return result;
                }
                result = committed.error();
            } else {
                (void)conn_->exec_script("ROLLBACK");
            }
            const std::string& state = conn_->last_sqlstate();
            if (attempt < kAttempts && (state == "40001" || state == "40P01")) {
                continue;
            }
            return result;
        } catch (const std::exception& e) {
            (void)conn_->exec_script("ROLLBACK");
            return make_error(ErrorCode::Storage, std::string("unexpected failure: ") + e.what(), conn_->location());
        }
    }
}

}  // namespace fw::store::pg

#pragma once
// A PostgreSQL server for tests (support/pg_cluster.h) and a fresh database per test
// (PgDatabase). Tests use FW_REQUIRE_PG: without a server they skip with a WARN on a user's
// machine, but FAIL when $CI is set. Link PostgreSQL::PostgreSQL (libpq) with tests that include
// this.
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <string>

#include "support/catch.h"
#include "support/pg_cluster.h"

namespace fw::test {

/// A fresh, empty database on the test server, dropped on destruction.
class PgDatabase {
public:
    PgDatabase() {
        static std::atomic<int> counter{0};
        PgServer* server = PgServer::get();
        if (!server) {
            return;
        }
        name_ = "fw_t_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
        admin_ = server->url();
        if (auto e = pg_detail::exec(admin_, "CREATE DATABASE " + name_); !e.empty()) {
            FAIL("cannot create a test database: " << e);
        }
        url_ = pg_detail::with_database(admin_, name_);
    }
    ~PgDatabase() {
        if (!url_.empty()) {
            pg_detail::exec(admin_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
        }
    }
    PgDatabase(const PgDatabase&) = delete;
    PgDatabase& operator=(const PgDatabase&) = delete;

    explicit operator bool() const { return !url_.empty(); }
    const std::string& url() const { return url_; }

private:
    std::string name_, admin_, url_;
};

/// True when tests must not skip for want of a server (continuous integration).
inline bool pg_required() {
    const char* ci = std::getenv("CI");
    return ci && *ci && std::string(ci) != "0" && std::string(ci) != "false";
}

}  // namespace fw::test

/// At the top of a test that needs PostgreSQL: `var` is a fresh database (fw::test::PgDatabase).
/// Without a server: WARN and return on a user's machine, FAIL in CI ($CI set).
#define FW_REQUIRE_PG(var)                                                                                      \
    ::fw::test::PgDatabase var;                                                                                 \
    if (!var) {                                                                                                 \
        if (::fw::test::pg_required()) {                                                                        \
            FAIL("no PostgreSQL server in CI: " << ::fw::test::PgServer::why());                                \
        }                                                                                                       \
        WARN("skipped: no PostgreSQL server (" << ::fw::test::PgServer::why() << "); set FW_PG_URL to run it"); \
        return;                                                                                                 \
    }

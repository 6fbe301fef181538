// SqliteStore's worker methods: source leases, host politeness and named locks. SQLite has one
// writer at a time, so each method's BEGIN IMMEDIATE transaction is already exclusive; no row
// locks are needed (PostgreSQL's version is store/pg/pg_leases.cpp).

#include <exception>
#include <string>

#include "store/sql_util.h"
#include "store/sqlite_store.h"

namespace fw::store {
namespace {

std::int64_t secs(TimePoint t) {
    return t.time_since_epoch().count();
}

template <typename Work>
auto write_tx(Database& db, Work&& work) -> decltype(work()) {
    try {
        auto tx = Transaction::begin(db, Transaction::Mode::Write);
        if (!tx) {
            return tx.error();
        }
        auto result = work();
        if (!result) {
            return result;
        }
        if (auto status = tx->commit(); !status) {
            return status.error();
        }
        return result;
    } catch (const std::exception& e) {
        return make_error(ErrorCode::Storage, std::string("unexpected failure: ") + e.what(), db.path());
    }
}

Result<std::vector<std::int64_t>> due_ids(Database& db, std::string_view worker, TimePoint now, int limit) {
    auto st = db.cached(
        "SELECT id FROM sources WHERE removed_at IS NULL AND (due_at IS NULL OR due_at <= ?1) "
        "AND (lease_owner IS NULL OR lease_owner = ?2 OR lease_until <= ?1) "
        "ORDER BY due_at IS NOT NULL, due_at, id LIMIT ?3");
    if (!st) {
        return st.error();
    }
    st->bind(1, now);
    st->bind(2, worker);
    st->bind(3, limit > 0 ? limit : -1);
    std::vector<std::int64_t> ids;
    for (;;) {
        auto row = st->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return ids;
        }
        ids.push_back(st->int64(0));
    }
}

}  // namespace

Result<std::vector<Source>> SqliteStore::claim_due_sources(std::string_view worker, TimePoint now,
                                                           std::chrono::seconds lease, int limit) {
    return write_tx(db_, [&]() -> Result<std::vector<Source>> {
        auto ids = due_ids(db_, worker, now, limit);
        if (!ids) {
            return ids.error();
        }
        for (const std::int64_t id : *ids) {
            auto changed = detail::run_cached(
                db_, "UPDATE sources SET lease_owner = ?1, lease_until = ?2 WHERE id = ?3", [&](Statement& st) {
                    st.bind(1, worker);
                    st.bind(2, secs(now + lease));
                    st.bind(3, id);
                });
            if (!changed) {
                return changed.error();
            }
        }
        return sources_.by_ids_due_first(*ids);
    });
}

Result<int> SqliteStore::renew_leases(std::string_view worker, TimePoint until) {
    return write_tx(db_, [&]() -> Result<int> {
        return detail::run_cached(db_, "UPDATE sources SET lease_until = ?2 WHERE lease_owner = ?1",
                                  [&](Statement& st) {
                                      st.bind(1, worker);
                                      st.bind(2, secs(until));
                                  });
    });
}

Status SqliteStore::release_lease(std::string_view worker, std::int64_t source_id) {
    return write_tx(db_, [&]() -> Status {
        auto changed = detail::run_cached(db_,
                                          "UPDATE sources SET lease_owner = NULL, lease_until = NULL "
                                          "WHERE id = ?1 AND lease_owner = ?2",
                                          [&](Statement& st) {
                                              st.bind(1, source_id);
                                              st.bind(2, worker);
                                          });
        return changed ? ok() : Status(changed.error());
    });
}

Result<bool> SqliteStore::complete_fetch(std::string_view worker, const Source& state, const FetchLogEntry& log) {
    return write_tx(db_, [&]() -> Result<bool> {
        auto ended = detail::run_cached(db_,
                                        "UPDATE sources SET lease_owner = NULL, lease_until = NULL "
                                        "WHERE id = ?1 AND lease_owner = ?2",
                                        [&](Statement& st) {
                                            st.bind(1, state.id);
                                            st.bind(2, worker);
                                        });
        if (!ended) {
            return ended.error();
        }
        if (*ended == 0) {
            return false;
        }
        if (auto saved = sources_.save_state(state); !saved) {
            return saved.error();
        }
        if (auto logged = sources_.log_fetch(log); !logged) {
            return logged.error();
        }
        return true;
    });
}

Result<bool> SqliteStore::try_reserve_host(std::string_view host, std::int64_t now_ms, std::int64_t span_ms) {
    return write_tx(db_, [&]() -> Result<bool> {
        auto changed = detail::run_cached(db_,
                                          "INSERT INTO hosts (host, next_allowed_ms) VALUES (?1, ?2 + ?3) "
                                          "ON CONFLICT (host) DO UPDATE SET next_allowed_ms = ?2 + ?3 "
                                          "WHERE hosts.next_allowed_ms <= ?2",
                                          [&](Statement& st) {
                                              st.bind(1, host);
                                              st.bind(2, now_ms);
                                              st.bind(3, span_ms);
                                          });
        if (!changed) {
            return changed.error();
        }
        return *changed == 1;
    });
}

Status SqliteStore::hold_host(std::string_view host, std::int64_t until_ms) {
    return write_tx(db_, [&]() -> Status {
        auto changed = detail::run_cached(db_,
                                          "INSERT INTO hosts (host, next_allowed_ms) VALUES (?1, ?2) "
                                          "ON CONFLICT (host) DO UPDATE SET next_allowed_ms = MAX(next_allowed_ms, ?2)",
                                          [&](Statement& st) {
                                              st.bind(1, host);
                                              st.bind(2, until_ms);
                                          });
        return changed ? ok() : Status(changed.error());
    });
}

Result<bool> SqliteStore::try_lock(std::string_view name, std::string_view owner, TimePoint now,
                                   std::chrono::seconds lease) {
    return write_tx(db_, [&]() -> Result<bool> {
        auto changed = detail::run_cached(db_,
                                          "INSERT INTO locks (name, owner, until_at) VALUES (?1, ?2, ?3) "
                                          "ON CONFLICT (name) DO UPDATE SET owner = ?2, until_at = ?3 "
                                          "WHERE locks.owner = ?2 OR locks.until_at <= ?4",
                                          [&](Statement& st) {
                                              st.bind(1, name);
                                              st.bind(2, owner);
                                              st.bind(3, secs(now + lease));
                                              st.bind(4, secs(now));
                                          });
        if (!changed) {
            return changed.error();
        }
        return *changed == 1;
    });
}

Status SqliteStore::unlock(std::string_view name, std::string_view owner) {
    return write_tx(db_, [&]() -> Status {
        auto changed = detail::run_cached(db_, "DELETE FROM locks WHERE name = ?1 AND owner = ?2", [&](Statement& st) {
            st.bind(1, name);
            st.bind(2, owner);
        });
        return changed ? ok() : Status(changed.error());
    });
}

}  // namespace fw::store

// PgStore's worker methods. Several processes on several machines claim sources with
// FOR UPDATE SKIP LOCKED (a row another worker is claiming is skipped, never waited on), and
// host bookings and named locks are single ON CONFLICT statements, atomic on the server.

#include "store/pg/pg_transaction.h"

namespace fw::store::pg {
namespace {

std::int64_t secs(TimePoint t) {
    return t.time_since_epoch().count();
}

}  // namespace

Result<std::vector<Source>> PgStore::claim_due_sources(std::string_view worker, TimePoint now,
                                                       std::chrono::seconds lease, int limit) {
    return transaction([&]() -> Result<std::vector<Source>> {
        // One statement: pick (skipping rows other workers are claiming), lease, return.
        Params p;
        p.add(worker).add(secs(now + lease)).add(now).add(limit > 0 ? limit : 1000000);
        auto r = conn_.exec(
            "UPDATE sources SET lease_owner = $1, lease_until = $2 WHERE id IN ("
            "SELECT id FROM sources WHERE removed_at IS NULL AND (due_at IS NULL OR due_at <= $3) "
            "AND (lease_owner IS NULL OR lease_owner = $1 OR lease_until <= $3) "
            "ORDER BY due_at NULLS FIRST, id LIMIT $4 FOR UPDATE SKIP LOCKED) "
            "RETURNING id",
            p);
        if (!r) {
            return r.error();
        }
        std::vector<std::int64_t> ids;
        ids.reserve(static_cast<std::size_t>(r->rows()));
        for (int i = 0; i < r->rows(); ++i) {
            ids.push_back(r->int64(i, 0));
        }
        return sources_.by_ids_due_first(ids);
    });
}

Result<int> PgStore::renew_leases(std::string_view worker, TimePoint until) {
    return transaction([&]() -> Result<int> {
        auto r = conn_.exec("UPDATE sources SET lease_until = $2 WHERE lease_owner = $1",
                            Params().add(worker).add(secs(until)));
        return r ? Result<int>(r->affected()) : Result<int>(r.error());
    });
}

Status PgStore::release_lease(std::string_view worker, std::int64_t source_id) {
    return transaction([&]() -> Status {
        auto r = conn_.exec(
            "UPDATE sources SET lease_owner = NULL, lease_until = NULL "
            "WHERE id = $1 AND lease_owner = $2",
            Params().add(source_id).add(worker));
        return r ? ok() : Status(r.error());
    });
}

Result<bool> PgStore::complete_fetch(std::string_view worker, const Source& state, const FetchLogEntry& log) {
    return transaction([&]() -> Result<bool> {
        auto ended = conn_.exec(
            "UPDATE sources SET lease_owner = NULL, lease_until = NULL "
            "WHERE id = $1 AND lease_owner = $2",
            Params().add(state.id).add(worker));
        if (!ended) {
            return ended.error();
        }
        if (ended->affected() == 0) {
            return false;  // the lease passed to another worker: its fetch is the one recorded
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

Result<bool> PgStore::try_reserve_host(std::string_view host, std::int64_t now_ms, std::int64_t span_ms) {
    return transaction([&]() -> Result<bool> {
        auto r = conn_.exec(
            "INSERT INTO hosts (host, next_allowed_ms) VALUES ($1, $2::bigint + $3::bigint) "
            "ON CONFLICT (host) DO UPDATE SET next_allowed_ms = $2::bigint + $3::bigint "
            "WHERE hosts.next_allowed_ms <= $2::bigint",
            Params().add(host).add(now_ms).add(span_ms));
        return r ? Result<bool>(r->affected() == 1) : Result<bool>(r.error());
    });
}

Status PgStore::hold_host(std::string_view host, std::int64_t until_ms) {
    return transaction([&]() -> Status {
        auto r = conn_.exec(
            "INSERT INTO hosts (host, next_allowed_ms) VALUES ($1, $2) ON CONFLICT (host) "
            "DO UPDATE SET next_allowed_ms = GREATEST(hosts.next_allowed_ms, excluded.next_allowed_ms)",
            Params().add(host).add(until_ms));
        return r ? ok() : Status(r.error());
    });
}

Result<bool> PgStore::try_lock(std::string_view name, std::string_view owner, TimePoint now,
                               std::chrono::seconds lease) {
    return transaction([&]() -> Result<bool> {
        auto r = conn_.exec(
            "INSERT INTO locks (name, owner, until_at) VALUES ($1, $2, $3) ON CONFLICT (name) "
            "DO UPDATE SET owner = excluded.owner, until_at = excluded.until_at "
            "WHERE locks.owner = excluded.owner OR locks.until_at <= $4",
            Params().add(name).add(owner).add(secs(now + lease)).add(secs(now)));
        return r ? Result<bool>(r->affected() == 1) : Result<bool>(r.error());
    });
}

Status PgStore::unlock(std::string_view name, std::string_view owner) {
    return transaction([&]() -> Status {
        auto r = conn_.exec("DELETE FROM locks WHERE name = $1 AND owner = $2", Params().add(name).add(owner));
        return r ? ok() : Status(r.error());
    });
}

}  // namespace fw::store::pg

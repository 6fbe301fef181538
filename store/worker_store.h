#pragma once
// Several `watch` processes over one database (docs/teams.md): source leases, host politeness
// across workers and named locks. Part of store::Store (store/store.h).

#include <chrono>
#include <cstdint>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "domain/source.h"
#include "domain/time.h"
#include "store/source_store.h"

namespace fw::store {

class WorkerStore {
public:
    virtual ~WorkerStore() = default;

    /// Leases up to `limit` active sources that are due at `now` (due_at unset or <= now) and
    /// not leased by another worker (a lease whose time passed is free: its worker died), the
    /// most overdue first, to `worker` until now + lease. PostgreSQL: FOR UPDATE SKIP LOCKED.
    virtual Result<std::vector<Source>> claim_due_sources(std::string_view worker, TimePoint now,
                                                          std::chrono::seconds lease, int limit) = 0;
    /// Extends every lease `worker` holds to `until`; returns how many it holds.
    virtual Result<int> renew_leases(std::string_view worker, TimePoint until) = 0;
    /// Gives a source back unfetched (it stays due). No-op unless `worker` holds it.
    virtual Status release_lease(std::string_view worker, std::int64_t source_id) = 0;
    /// One transaction: saves the source's state, appends `log` and ends the lease. Returns
    /// false (writing nothing) when `worker` no longer holds the lease (it expired and another
    /// worker took the source over), so a fetch is recorded once.
    virtual Result<bool> complete_fetch(std::string_view worker, const Source& state, const FetchLogEntry& log) = 0;
    /// Politeness across workers: when `host` ("scheme://host:port") is free at `now_ms`
    /// (Unix milliseconds), books it until now_ms + span_ms and returns true; else false.
    virtual Result<bool> try_reserve_host(std::string_view host, std::int64_t now_ms, std::int64_t span_ms) = 0;
    /// Keeps every worker off `host` until `until_ms` at least (a Retry-After).
    virtual Status hold_host(std::string_view host, std::int64_t until_ms) = 0;
    /// A named lease: true when `owner` now holds `name` until now + lease (taken free or
    /// expired, or renewed by its holder); false while another owner's lease runs.
    virtual Result<bool> try_lock(std::string_view name, std::string_view owner, TimePoint now,
                                  std::chrono::seconds lease) = 0;
    /// Ends the named lease if `owner` holds it.
    virtual Status unlock(std::string_view name, std::string_view owner) = 0;
};

}  // namespace fw::store

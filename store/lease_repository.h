#pragma once
// The worker tables: source leases, host bookings (politeness across workers) and named
// locks, written once over sql::Runner for SQLite and PostgreSQL. The dialect's claim_lock
// makes claiming safe where several machines claim at once (PostgreSQL: FOR UPDATE SKIP
// LOCKED); SQLite's BEGIN IMMEDIATE already lets one writer in at a time. Every call runs
// inside the caller's transaction.

#include <chrono>
#include <cstdint>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "domain/source.h"
#include "store/source_repository.h"
#include "store/sql_dialect.h"
#include "store/sql_runner.h"
#include "store/store.h"

namespace fw::store {

class LeaseRepository {
public:
    LeaseRepository(sql::Runner& runner, const sql::Dialect& dialect, SourceRepository& sources)
        : db_(&runner), dialect_(&dialect), sources_(&sources) {}

    /// See Store::claim_due_sources: never-fetched first, then the most overdue.
    Result<std::vector<Source>> claim_due(std::string_view worker, TimePoint now, std::chrono::seconds lease,
                                          int limit);
    /// How many leases `worker` holds, now extended to `until`.
    Result<int> renew(std::string_view worker, TimePoint until);
    /// true when `worker` held the lease (now ended).
    Result<bool> release(std::string_view worker, std::int64_t source_id);
    /// See Store::complete_fetch: false, writing nothing, when the lease passed to another worker.
    Result<bool> complete_fetch(std::string_view worker, const Source& state, const FetchLogEntry& log);
    Result<bool> try_reserve_host(std::string_view host, std::int64_t now_ms, std::int64_t span_ms);
    Status hold_host(std::string_view host, std::int64_t until_ms);
    Result<bool> try_lock(std::string_view name, std::string_view owner, TimePoint now, std::chrono::seconds lease);
    Status unlock(std::string_view name, std::string_view owner);

private:
    sql::Runner* db_;
    const sql::Dialect* dialect_;
    SourceRepository* sources_;
};

}  // namespace fw::store

// PgStore: opening, sources, workers and items (the repositories shared with SQLite; events in
// pg_events.cpp, the rest in pg_records.cpp).

#include "store/migrations.h"
#include "store/pg/pg_migrate.h"
#include "store/pg/pg_transaction.h"
#include "store/source_removal.h"

namespace fw::store::pg {

Result<std::unique_ptr<PgStore>> PgStore::open(const std::string& url) {
    auto conn = PgConnection::open(url);
    if (!conn) {
        return conn.error();
    }
    auto migrated = migrate(*conn, schema_migrations());
    if (!migrated) {
        return migrated.error();
    }
    return std::unique_ptr<PgStore>(new PgStore(std::move(*conn)));
}

// ---- sources (store/source_repository.h, shared with SQLite) ----

Result<std::int64_t> PgStore::add_source(const Source& source) {
    return transaction([&] { return sources_.add(source); });
}

Result<std::vector<Source>> PgStore::list_sources() {
    return transaction([&] { return sources_.list(); });
}

Result<std::optional<Source>> PgStore::find_source(std::string_view name) {
    return transaction([&] { return sources_.find(name); });
}

Status PgStore::remove_source(std::string_view name, bool purge) {
    return transaction([&] { return store::remove_source(sources_, items_, events_, name, purge); });
}

Status PgStore::save_source_state(const Source& source) {
    return transaction([&] { return sources_.save_state(source); });
}

Status PgStore::update_source(const Source& source) {
    return transaction([&] { return sources_.update_settings(source); });
}

Status PgStore::log_fetch(const FetchLogEntry& entry) {
    return transaction([&] { return sources_.log_fetch(entry); });
}

// ---- workers (store/lease_repository.h, shared with SQLite) ----
// Several processes on several machines claim sources with FOR UPDATE SKIP LOCKED (the
// dialect's claim_lock); host bookings and named locks are single ON CONFLICT statements.

Result<std::vector<Source>> PgStore::claim_due_sources(std::string_view worker, TimePoint now,
                                                       std::chrono::seconds lease, int limit) {
    return transaction([&] { return leases_.claim_due(worker, now, lease, limit); });
}

Result<int> PgStore::renew_leases(std::string_view worker, TimePoint until) {
    return transaction([&] { return leases_.renew(worker, until); });
}

Status PgStore::release_lease(std::string_view worker, std::int64_t source_id) {
    return transaction([&]() -> Status {
        auto released = leases_.release(worker, source_id);
        return released ? ok() : Status(released.error());
    });
}

Result<bool> PgStore::complete_fetch(std::string_view worker, const Source& state, const FetchLogEntry& log) {
    return transaction([&] { return leases_.complete_fetch(worker, state, log); });
}

Result<bool> PgStore::try_reserve_host(std::string_view host, std::int64_t now_ms, std::int64_t span_ms) {
    return transaction([&] { return leases_.try_reserve_host(host, now_ms, span_ms); });
}

Status PgStore::hold_host(std::string_view host, std::int64_t until_ms) {
    return transaction([&] { return leases_.hold_host(host, until_ms); });
}

Result<bool> PgStore::try_lock(std::string_view name, std::string_view owner, TimePoint now,
                               std::chrono::seconds lease) {
    return transaction([&] { return leases_.try_lock(name, owner, now, lease); });
}

Status PgStore::unlock(std::string_view name, std::string_view owner) {
    return transaction([&] { return leases_.unlock(name, owner); });
}

// ---- items (store/item_repository.h, shared with SQLite) ----

Result<UpsertStats> PgStore::upsert_items(std::int64_t source_id, std::span<const Item> items) {
    return transaction([&]() -> Result<UpsertStats> {
        auto known = sources_.exists(source_id);
        if (!known) {
            return known.error();
        }
        if (!*known) {
            return make_error(ErrorCode::NotFound, "no such source", "source id " + std::to_string(source_id));
        }
        return items_.upsert(source_id, items);
    });
}

Result<std::vector<Item>> PgStore::list_items(const ItemQuery& query) {
    return transaction([&] { return items_.list(query); });
}

Result<std::vector<Item>> PgStore::items_by_ids(std::span<const std::int64_t> ids) {
    return transaction([&] { return items_.by_ids(ids); });
}

Result<std::vector<Item>> PgStore::item_versions(std::int64_t item_id) {
    return transaction([&] { return items_.versions(item_id); });
}

}  // namespace fw::store::pg

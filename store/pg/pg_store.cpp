// PgStore: opening, sources and items (the repositories shared with SQLite; events in pg_events.cpp,
// the rest in pg_records.cpp, worker leases in pg_leases.cpp).

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

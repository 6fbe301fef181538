// PgStore: opening, sources and items (items in store/item_repository.cpp, events in pg_events.cpp, the rest in pg_records.cpp,
// worker leases in pg_leases.cpp).

#include <chrono>

#include "store/migrations.h"
#include "store/pg/pg_migrate.h"
#include "store/pg/pg_transaction.h"

namespace fw::store::pg {
namespace {

constexpr std::string_view kSourceColumns =
    "id, name, url, kind, lab, category, every_seconds, interval_seconds, due_at, etag, "
    "last_modified, last_fetch_at, last_status, http_status, consecutive_failures, last_error, "
    "newest_item_at, redirect_url, redirect_count";

Result<Source> read_source(const PgResult& r, int row) {
    Source s;
    s.id = r.int64(row, 0);
    s.name = r.text(row, 1);
    s.url = r.text(row, 2);
    s.kind = source_kind_from_string(r.text(row, 3)).value_or(SourceKind::Feed);
    s.lab = r.optional_text(row, 4);
    s.category = r.optional_text(row, 5);
    s.every_seconds = r.optional_int64(row, 6);
    s.interval_seconds = r.int64(row, 7);
    s.due_at = r.optional_time(row, 8);
    s.validators.etag = r.text(row, 9);
    s.validators.last_modified = r.text(row, 10);
    s.health.last_fetch_at = r.optional_time(row, 11);
    if (auto status = r.optional_text(row, 12)) {
        s.health.last_status = fetch_status_from_string(*status);
        if (!s.health.last_status) {
            return make_error(ErrorCode::Storage, "corrupt source row (last_status '" + *status + "')", s.name);
        }
    }
    if (auto http = r.optional_int64(row, 13)) {
        s.health.http_status = static_cast<int>(*http);
    }
    s.health.consecutive_failures = static_cast<int>(r.int64(row, 14));
    s.health.last_error = r.optional_text(row, 15);
    s.health.newest_item_at = r.optional_time(row, 16);
    s.health.redirect_url = r.text(row, 17);
    s.health.redirect_count = static_cast<int>(r.int64(row, 18));
    return s;
}

TimePoint now_seconds() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace

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

Result<std::int64_t> PgStore::count(std::string_view sql) {
    auto r = conn_.exec(sql);
    if (!r) {
        return r.error();
    }
    return r->rows() > 0 ? r->int64(0, 0) : 0;
}

// ---- sources ----

Result<std::vector<Source>> PgStore::query_sources(std::string_view where, const Params& params) {
    auto r = conn_.exec("SELECT " + std::string(kSourceColumns) + " FROM sources " + std::string(where), params);
    if (!r) {
        return r.error();
    }
    std::vector<Source> out;
    out.reserve(static_cast<std::size_t>(r->rows()));
    for (int i = 0; i < r->rows(); ++i) {
        auto source = read_source(*r, i);
        if (!source) {
            return source.error();
        }
        out.push_back(std::move(*source));
    }
    return out;
}

Result<std::optional<std::int64_t>> PgStore::source_id_of(std::string_view name, bool include_removed) {
    auto r = conn_.exec(include_removed ? "SELECT id FROM sources WHERE name = $1"
                                        : "SELECT id FROM sources WHERE name = $1 AND removed_at IS NULL",
                        Params().add(name));
    if (!r) {
        return r.error();
    }
    return r->rows() > 0 ? std::optional<std::int64_t>(r->int64(0, 0)) : std::nullopt;
}

Result<std::int64_t> PgStore::add_source(const Source& s) {
    return transaction([&]() -> Result<std::int64_t> {
        // Locks the tombstone (if any) so two adds of one name cannot both revive it.
        auto existing =
            conn_.exec("SELECT id, removed_at FROM sources WHERE name = $1 FOR UPDATE", Params().add(s.name));
        if (!existing) {
            return existing.error();
        }
        if (existing->rows() > 0 && existing->is_null(0, 1)) {
            return make_error(ErrorCode::Invalid, "a source with this name exists", s.name);
        }
        Params p;
        p.add(s.url)
            .add(to_string(s.kind))
            .add(s.lab)
            .add(s.category)
            .add(s.every_seconds)
            .add(s.interval_seconds)
            .add(s.due_at);
        if (existing->rows() > 0) {
            const std::int64_t id = existing->int64(0, 0);
            p.add(id);
            // A revived tombstone starts afresh: new settings, no validators, no health.
            auto revived = conn_.exec(
                "UPDATE sources SET url = $1, kind = $2, lab = $3, category = $4, "
                "every_seconds = $5, interval_seconds = $6, due_at = $7, etag = '', "
                "last_modified = '', last_fetch_at = NULL, last_status = NULL, "
                "http_status = NULL, consecutive_failures = 0, last_error = NULL, "
                "newest_item_at = NULL, removed_at = NULL, lease_owner = NULL, "
                "lease_until = NULL WHERE id = $8",
                p);
            return revived ? Result<std::int64_t>(id) : Result<std::int64_t>(revived.error());
        }
        p.add(s.name);
        auto inserted = conn_.exec(
            "INSERT INTO sources (url, kind, lab, category, every_seconds, interval_seconds, "
            "due_at, name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
            "ON CONFLICT (name) DO NOTHING RETURNING id",
            p);
        if (!inserted) {
            return inserted.error();
        }
        if (inserted->rows() == 0) {  // another process added it since our SELECT
            return make_error(ErrorCode::Invalid, "a source with this name exists", s.name);
        }
        return inserted->int64(0, 0);
    });
}

Result<std::vector<Source>> PgStore::list_sources() {
    return transaction([&] { return query_sources("WHERE removed_at IS NULL ORDER BY name", Params()); });
}

Result<std::optional<Source>> PgStore::find_source(std::string_view name) {
    return transaction([&]() -> Result<std::optional<Source>> {
        auto found = query_sources("WHERE name = $1 AND removed_at IS NULL", Params().add(name));
        if (!found) {
            return found.error();
        }
        if (found->empty()) {
            return std::optional<Source>();
        }
        return std::optional<Source>(std::move(found->front()));
    });
}

Status PgStore::remove_source(std::string_view name, bool purge) {
    return transaction([&]() -> Status {
        auto id = source_id_of(name, /*include_removed=*/purge);
        if (!id) {
            return id.error();
        }
        if (!*id) {
            return make_error(ErrorCode::NotFound, "no such source", std::string(name));
        }
        Params p;
        p.add(**id);
        if (!purge) {
            auto marked = conn_.exec(
                "UPDATE sources SET removed_at = $2, lease_owner = NULL, lease_until = NULL "
                "WHERE id = $1",
                Params().add(**id).add(now_seconds()));
            return marked ? ok() : Status(marked.error());
        }
        // The events its items supported, then those left without evidence and uncurated go.
        auto touched = events_.drop_evidence_of_source(**id);
        if (!touched) {
            return touched.error();
        }
        if (auto deleted = conn_.exec("DELETE FROM sources WHERE id = $1", p); !deleted) {
            return deleted.error();
        }
        auto dropped = events_.delete_unsupported(*touched);
        return dropped ? ok() : Status(dropped.error());
    });
}

Status PgStore::save_state(const Source& s) {
    auto r = conn_.exec(
        "UPDATE sources SET interval_seconds = $1, due_at = $2, etag = $3, last_modified = $4, "
        "last_fetch_at = $5, last_status = $6, http_status = $7, consecutive_failures = $8, "
        "last_error = $9, newest_item_at = $10, url = $13, redirect_url = $14, redirect_count = $15 "
        "WHERE ($11 > 0 AND id = $11) OR ($11 <= 0 AND name = $12)",
        Params()
            .add(s.interval_seconds)
            .add(s.due_at)
            .add(s.validators.etag)
            .add(s.validators.last_modified)
            .add(s.health.last_fetch_at)
            .add(s.health.last_status ? std::optional<std::string_view>(to_string(*s.health.last_status))
                                      : std::nullopt)
            .add(s.health.http_status)
            .add(s.health.consecutive_failures)
            .add(s.health.last_error)
            .add(s.health.newest_item_at)
            .add(s.id)
            .add(s.name)
            .add(s.url)
            .add(s.health.redirect_url)
            .add(s.health.redirect_count));
    if (!r) {
        return r.error();
    }
    if (r->affected() == 0) {
        return make_error(ErrorCode::NotFound, "no such source", s.name);
    }
    return ok();
}

Status PgStore::append_log(const FetchLogEntry& e) {
    auto r = conn_.exec(
        "INSERT INTO fetch_log (source_id, started_at, duration_ms, status, http_status, bytes, "
        "new_items, error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        Params()
            .add(e.source_id)
            .add(e.started_at)
            .add(e.duration_ms)
            .add(to_string(e.status))
            .add(e.http_status)
            .add(e.bytes)
            .add(e.new_items)
            .add(e.error));
    return r ? ok() : Status(r.error());
}

Status PgStore::save_source_state(const Source& source) {
    return transaction([&] { return save_state(source); });
}

Status PgStore::update_source(const Source& s) {
    return transaction([&]() -> Status {
        auto clash =
            conn_.exec("SELECT removed_at FROM sources WHERE name = $1 AND id <> $2", Params().add(s.name).add(s.id));
        if (!clash) {
            return clash.error();
        }
        if (clash->rows() > 0) {
            return make_error(ErrorCode::Invalid,
                              clash->is_null(0, 0) ? "a source with this name exists"
                                                   : "a removed source kept for its items has this name",
                              s.name);
        }
        auto r = conn_.exec(
            "UPDATE sources SET name = $2, url = $3, kind = $4, lab = $5, every_seconds = $6, "
            "interval_seconds = $7, etag = $8, last_modified = $9 WHERE id = $1 AND removed_at IS NULL",
            Params()
                .add(s.id)
                .add(s.name)
                .add(s.url)
                .add(to_string(s.kind))
                .add(s.lab)
                .add(s.every_seconds)
                .add(s.interval_seconds)
                .add(s.validators.etag)
                .add(s.validators.last_modified));
        if (!r) {
            return r.error();
        }
        if (r->affected() == 0) {
            return make_error(ErrorCode::NotFound, "no such source", s.name);
        }
        return ok();
    });
}

Status PgStore::log_fetch(const FetchLogEntry& entry) {
    return transaction([&] { return append_log(entry); });
}

// ---- items (store/item_repository.h, shared with SQLite) ----

Result<UpsertStats> PgStore::upsert_items(std::int64_t source_id, std::span<const Item> items) {
    return transaction([&]() -> Result<UpsertStats> {
        auto known = conn_.exec("SELECT 1 FROM sources WHERE id = $1", Params().add(source_id));
        if (!known) {
            return known.error();
        }
        if (known->rows() == 0) {
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

#include "store/source_repository.h"

#include <string>

#include "store/sql_util.h"

namespace fw::store {
namespace {

constexpr std::string_view kSourceColumns =
    "id, name, url, kind, lab, category, every_seconds, interval_seconds, due_at, etag, "
    "last_modified, last_fetch_at, last_status, http_status, consecutive_failures, last_error, "
    "newest_item_at, redirect_url, redirect_count";

// The one row mapper for sources. A status word outside the contract is reported, never read
// as a status it is not.
Result<Source> read_source(const sql::Row& r) {
    Source s;
    s.id = r.int64(0);
    s.name = r.text(1);
    s.url = r.text(2);
    s.kind = source_kind_from_string(r.text(3)).value_or(SourceKind::Feed);
    s.lab = r.optional_text(4);
    s.category = r.optional_text(5);
    s.every_seconds = r.optional_int64(6);
    s.interval_seconds = r.int64(7);
    s.due_at = r.optional_time(8);
    s.validators.etag = r.text(9);
    s.validators.last_modified = r.text(10);
    s.health.last_fetch_at = r.optional_time(11);
    if (auto status = r.optional_text(12)) {
        s.health.last_status = fetch_status_from_string(*status);
        if (!s.health.last_status) {
            return make_error(ErrorCode::Storage, "corrupt source row (last_status '" + *status + "')", s.name);
        }
    }
    if (auto http = r.optional_int64(13)) {
        s.health.http_status = static_cast<int>(*http);
    }
    s.health.consecutive_failures = static_cast<int>(r.int64(14));
    s.health.last_error = r.optional_text(15);
    s.health.newest_item_at = r.optional_time(16);
    s.health.redirect_url = r.text(17);
    s.health.redirect_count = static_cast<int>(r.int64(18));
    return s;
}

Result<std::vector<Source>> read_sources(const Result<std::vector<sql::Row>>& rows) {
    return sql::read_rows<Source>(rows, read_source);
}

// A write that names one row and returns its id: no row is Error{NotFound}.
Status found_or(Result<std::vector<sql::Row>> rows, std::string_view name) {
    if (!rows) {
        return rows.error();
    }
    if (rows->empty()) {
        return make_error(ErrorCode::NotFound, "no such source", std::string(name));
    }
    return ok();
}

sql::Value status_value(const std::optional<FetchStatus>& status) {
    return status ? sql::value(to_string(*status)) : sql::Value{};
}

}  // namespace

Result<std::int64_t> SourceRepository::add(const Source& s) {
    // Locks the tombstone (if any) where rows are locked, so two adds of one name cannot both
    // revive it.
    auto existing = db_->query("SELECT id, removed_at FROM sources WHERE name = $1" + std::string(dialect_->row_lock()),
                               {sql::value(s.name)});
    if (!existing) {
        return existing.error();
    }
    if (!existing->empty() && existing->front().is_null(1)) {
        return make_error(ErrorCode::Invalid, "a source with this name exists", s.name);
    }
    std::vector<sql::Value> values{
        sql::value(s.url),           sql::value(to_string(s.kind)),  sql::value(s.lab),   sql::value(s.category),
        sql::value(s.every_seconds), sql::value(s.interval_seconds), sql::value(s.due_at)};
    if (!existing->empty()) {
        const std::int64_t id = existing->front().int64(0);
        values.push_back(sql::value(id));
        // A revived tombstone starts afresh: new settings, no validators, no health, no lease.
        auto revived = db_->query(
            "UPDATE sources SET url = $1, kind = $2, lab = $3, category = $4, every_seconds = $5, "
            "interval_seconds = $6, due_at = $7, etag = '', last_modified = '', last_fetch_at = NULL, "
            "last_status = NULL, http_status = NULL, consecutive_failures = 0, last_error = NULL, "
            "newest_item_at = NULL, removed_at = NULL, lease_owner = NULL, lease_until = NULL WHERE id = $8",
            values);
        return revived ? Result<std::int64_t>(id) : Result<std::int64_t>(revived.error());
    }
    values.push_back(sql::value(s.name));
    auto inserted = db_->query(
        "INSERT INTO sources (url, kind, lab, category, every_seconds, interval_seconds, due_at, name) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (name) DO NOTHING RETURNING id",
        values);
    if (!inserted) {
        return inserted.error();
    }
    if (inserted->empty()) {  // another process added it since our SELECT
        return make_error(ErrorCode::Invalid, "a source with this name exists", s.name);
    }
    return inserted->front().int64(0);
}

Result<std::vector<Source>> SourceRepository::list() {
    static const std::string sql =
        "SELECT " + std::string(kSourceColumns) + " FROM sources WHERE removed_at IS NULL ORDER BY name";
    return read_sources(db_->query(sql, {}));
}

Result<std::optional<Source>> SourceRepository::find(std::string_view name) {
    static const std::string sql =
        "SELECT " + std::string(kSourceColumns) + " FROM sources WHERE name = $1 AND removed_at IS NULL";
    auto found = read_sources(db_->query(sql, {sql::value(name)}));
    if (!found) {
        return found.error();
    }
    if (found->empty()) {
        return std::optional<Source>();
    }
    return std::optional<Source>(std::move(found->front()));
}

Result<std::vector<Source>> SourceRepository::by_ids_due_first(std::span<const std::int64_t> ids) {
    if (ids.empty()) {
        return std::vector<Source>();
    }
    return read_sources(db_->query("SELECT " + std::string(kSourceColumns) + " FROM sources WHERE " +
                                       dialect_->in_id_list("id", "$1") +
                                       " ORDER BY CASE WHEN due_at IS NULL THEN 0 ELSE 1 END, due_at, id",
                                   {dialect_->id_list(ids)}));
}

Result<std::optional<std::int64_t>> SourceRepository::id_of(std::string_view name, bool include_removed) {
    auto rows = db_->query(include_removed ? "SELECT id FROM sources WHERE name = $1"
                                           : "SELECT id FROM sources WHERE name = $1 AND removed_at IS NULL",
                           {sql::value(name)});
    if (!rows) {
        return rows.error();
    }
    return rows->empty() ? std::nullopt : std::optional<std::int64_t>(rows->front().int64(0));
}

Result<bool> SourceRepository::exists(std::int64_t id) {
    auto rows = db_->query("SELECT 1 FROM sources WHERE id = $1", {sql::value(id)});
    if (!rows) {
        return rows.error();
    }
    return !rows->empty();
}

Status SourceRepository::mark_removed(std::int64_t id) {
    auto marked = db_->query("UPDATE sources SET removed_at = $2, lease_owner = NULL, lease_until = NULL WHERE id = $1",
                             {sql::value(id), sql::value(detail::now_seconds())});
    return marked ? ok() : Status(marked.error());
}

Status SourceRepository::delete_row(std::int64_t id) {
    auto deleted = db_->query("DELETE FROM sources WHERE id = $1", {sql::value(id)});
    return deleted ? ok() : Status(deleted.error());
}

Status SourceRepository::save_state(const Source& s) {
    return found_or(
        db_->query("UPDATE sources SET interval_seconds = $1, due_at = $2, etag = $3, last_modified = $4, "
                   "last_fetch_at = $5, last_status = $6, http_status = $7, consecutive_failures = $8, "
                   "last_error = $9, newest_item_at = $10, url = $13, redirect_url = $14, redirect_count = $15 "
                   "WHERE ($11 > 0 AND id = $11) OR ($11 <= 0 AND name = $12) RETURNING id",
                   {sql::value(s.interval_seconds), sql::value(s.due_at), sql::value(s.validators.etag),
                    sql::value(s.validators.last_modified), sql::value(s.health.last_fetch_at),
                    status_value(s.health.last_status), sql::value(s.health.http_status),
                    sql::value(s.health.consecutive_failures), sql::value(s.health.last_error),
                    sql::value(s.health.newest_item_at), sql::value(s.id), sql::value(s.name), sql::value(s.url),
                    sql::value(s.health.redirect_url), sql::value(s.health.redirect_count)}),
        s.name);
}

Status SourceRepository::update_settings(const Source& s) {
    auto clash = db_->query("SELECT removed_at FROM sources WHERE name = $1 AND id <> $2",
                            {sql::value(s.name), sql::value(s.id)});
    if (!clash) {
        return clash.error();
    }
    if (!clash->empty()) {
        return make_error(ErrorCode::Invalid,
                          clash->front().is_null(0) ? "a source with this name exists"
                                                    : "a removed source kept for its items has this name",
                          s.name);
    }
    return found_or(db_->query("UPDATE sources SET name = $2, url = $3, kind = $4, lab = $5, every_seconds = $6, "
                               "interval_seconds = $7, etag = $8, last_modified = $9 "
                               "WHERE id = $1 AND removed_at IS NULL RETURNING id",
                               {sql::value(s.id), sql::value(s.name), sql::value(s.url), sql::value(to_string(s.kind)),
                                sql::value(s.lab), sql::value(s.every_seconds), sql::value(s.interval_seconds),
                                sql::value(s.validators.etag), sql::value(s.validators.last_modified)}),
                    s.name);
}

Status SourceRepository::log_fetch(const FetchLogEntry& e) {
    auto logged = db_->query(
        "INSERT INTO fetch_log (source_id, started_at, duration_ms, status, http_status, bytes, new_items, error) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        {sql::value(e.source_id), sql::value(e.started_at), sql::value(e.duration_ms), sql::value(to_string(e.status)),
         sql::value(e.http_status), sql::value(e.bytes), sql::value(e.new_items), sql::value(e.error)});
    return logged ? ok() : Status(logged.error());
}

Result<std::vector<FetchLogEntry>> SourceRepository::fetch_log() {
    return sql::read_rows<FetchLogEntry>(
        db_->query("SELECT source_id, started_at, duration_ms, status, http_status, bytes, new_items, error "
                   "FROM fetch_log ORDER BY id",
                   {}),
        [](const sql::Row& r) -> Result<FetchLogEntry> {
            auto status = fetch_status_from_string(r.text(3));
            if (!status) {
                return make_error(ErrorCode::Storage, "fetch log row with an unknown status", r.text(3));
            }
            FetchLogEntry e;
            e.source_id = r.int64(0);
            e.started_at = r.time(1);
            e.duration_ms = r.real(2);
            e.status = *status;
            if (auto http = r.optional_int64(4)) {
                e.http_status = static_cast<int>(*http);
            }
            e.bytes = r.int64(5);
            e.new_items = static_cast<int>(r.int64(6));
            e.error = r.optional_text(7);
            return e;
        });
}

}  // namespace fw::store

#include "store/source_repository.h"

#include <string>

#include "store/sql_util.h"

namespace fw::store {
namespace {

constexpr std::string_view kColumns =
    "id, name, url, kind, lab, category, every_seconds, interval_seconds, due_at, etag, "
    "last_modified, last_fetch_at, last_status, http_status, consecutive_failures, last_error, "
    "newest_item_at, redirect_url, redirect_count";

Result<Source> read_source(const Statement& st) {
    Source s;
    s.id = st.int64(0);
    s.name = st.text(1);
    s.url = st.text(2);
    s.kind = source_kind_from_string(st.text(3)).value_or(SourceKind::Feed);
    s.lab = st.optional_text(4);
    s.category = st.optional_text(5);
    s.every_seconds = st.optional_int64(6);
    s.interval_seconds = st.int64(7);
    s.due_at = st.optional_time(8);
    s.validators.etag = st.text(9);
    s.validators.last_modified = st.text(10);
    s.health.last_fetch_at = st.optional_time(11);
    if (auto status = st.optional_text(12)) {
        s.health.last_status = fetch_status_from_string(*status);
        if (!s.health.last_status) {
            return make_error(ErrorCode::Storage, "corrupt source row (last_status '" + *status + "')", s.name);
        }
    }
    if (auto http = st.optional_int64(13)) {
        s.health.http_status = static_cast<int>(*http);
    }
    s.health.consecutive_failures = static_cast<int>(st.int64(14));
    s.health.last_error = st.optional_text(15);
    s.health.newest_item_at = st.optional_time(16);
    s.health.redirect_url = st.text(17);
    s.health.redirect_count = static_cast<int>(st.int64(18));
    return s;
}

}  // namespace

Result<std::int64_t> SourceRepository::add(const Source& source) {
    auto existing = db_->cached("SELECT id, removed_at FROM sources WHERE name = ?1");
    if (!existing) {
        return existing.error();
    }
    existing->bind(1, source.name);
    auto row = existing->step();
    if (!row) {
        return row.error();
    }
    if (*row && existing->is_null(1)) {
        return make_error(ErrorCode::Invalid, "a source with this name exists", source.name);
    }
    // A plain id + flag (not an optional) keeps GCC's -Wmaybe-uninitialized quiet in Release.
    const bool revive = *row;
    const std::int64_t revive_id = revive ? existing->int64(0) : 0;
    existing->reset();

    // A revived tombstone starts afresh: new settings, no validators, no health.
    const std::string_view sql = revive ? "UPDATE sources SET url = ?2, kind = ?3, lab = ?4, category = ?5, "
                                          "every_seconds = ?6, interval_seconds = ?7, due_at = ?8, etag = '', "
                                          "last_modified = '', last_fetch_at = NULL, last_status = NULL, "
                                          "http_status = NULL, consecutive_failures = 0, last_error = NULL, "
                                          "newest_item_at = NULL, removed_at = NULL WHERE id = ?9"
                                        : "INSERT INTO sources (name, url, kind, lab, category, every_seconds, "
                                          "interval_seconds, due_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    auto changed = detail::run_cached(*db_, sql, [&](Statement& st) {
        if (!revive) {
            st.bind(1, source.name);
        }
        st.bind(2, source.url);
        st.bind(3, to_string(source.kind));
        st.bind(4, source.lab);
        st.bind(5, source.category);
        st.bind(6, source.every_seconds);
        st.bind(7, source.interval_seconds);
        st.bind(8, source.due_at);
        if (revive) {
            st.bind(9, revive_id);
        }
    });
    if (!changed) {
        return changed.error();
    }
    return revive ? revive_id : db_->last_insert_id();
}

Result<std::vector<Source>> SourceRepository::query(std::string_view sql, std::optional<std::string_view> name) {
    auto st = db_->cached(sql);
    if (!st) {
        return st.error();
    }
    if (name) {
        st->bind(1, *name);
    }
    std::vector<Source> out;
    for (;;) {
        auto row = st->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return out;
        }
        auto source = read_source(*st);
        if (!source) {
            st->reset();
            return source.error();
        }
        out.push_back(std::move(*source));
    }
}

Result<std::vector<Source>> SourceRepository::list() {
    static const std::string sql =
        "SELECT " + std::string(kColumns) + " FROM sources WHERE removed_at IS NULL ORDER BY name";
    return query(sql, std::nullopt);
}

Result<std::optional<Source>> SourceRepository::find(std::string_view name) {
    static const std::string sql =
        "SELECT " + std::string(kColumns) + " FROM sources WHERE name = ?1 AND removed_at IS NULL";
    auto found = query(sql, name);
    if (!found) {
        return found.error();
    }
    if (found->empty()) {
        return std::optional<Source>();
    }
    return std::optional<Source>(std::move(found->front()));
}

Result<std::optional<std::int64_t>> SourceRepository::id_of(std::string_view name, bool include_removed) {
    auto st = db_->cached(include_removed ? "SELECT id FROM sources WHERE name = ?1"
                                          : "SELECT id FROM sources WHERE name = ?1 AND removed_at IS NULL");
    if (!st) {
        return st.error();
    }
    st->bind(1, name);
    auto row = st->step();
    if (!row) {
        return row.error();
    }
    return *row ? std::optional<std::int64_t>(st->int64(0)) : std::nullopt;
}

Result<bool> SourceRepository::exists(std::int64_t id) {
    auto st = db_->cached("SELECT 1 FROM sources WHERE id = ?1");
    if (!st) {
        return st.error();
    }
    st->bind(1, id);
    return st->step();
}

Status SourceRepository::mark_removed(std::int64_t id) {
    auto changed = detail::run_cached(*db_, "UPDATE sources SET removed_at = ?1 WHERE id = ?2", [&](Statement& st) {
        st.bind(1, detail::now_seconds());
        st.bind(2, id);
    });
    return changed ? ok() : Status(changed.error());
}

Status SourceRepository::delete_row(std::int64_t id) {
    auto changed =
        detail::run_cached(*db_, "DELETE FROM sources WHERE id = ?1", [&](Statement& st) { st.bind(1, id); });
    return changed ? ok() : Status(changed.error());
}

Status SourceRepository::save_state(const Source& s) {
    const std::string_view sql =
        "UPDATE sources SET interval_seconds = ?1, due_at = ?2, etag = ?3, last_modified = ?4, "
        "last_fetch_at = ?5, last_status = ?6, http_status = ?7, consecutive_failures = ?8, "
        "last_error = ?9, newest_item_at = ?10, url = ?13, redirect_url = ?14, redirect_count = ?15 "
        "WHERE (?11 > 0 AND id = ?11) OR (?11 <= 0 AND name = ?12)";
    auto changed = detail::run_cached(*db_, sql, [&](Statement& st) {
        st.bind(1, s.interval_seconds);
        st.bind(2, s.due_at);
        st.bind(3, s.validators.etag);
        st.bind(4, s.validators.last_modified);
        st.bind(5, s.health.last_fetch_at);
        if (s.health.last_status) {
            st.bind(6, to_string(*s.health.last_status));
        } else {
            st.bind(6, std::nullopt);
        }
        st.bind(7, s.health.http_status);
        st.bind(8, s.health.consecutive_failures);
        st.bind(9, s.health.last_error);
        st.bind(10, s.health.newest_item_at);
        st.bind(11, s.id);
        st.bind(12, s.name);
        st.bind(13, s.url);
        st.bind(14, s.health.redirect_url);
        st.bind(15, s.health.redirect_count);
    });
    if (!changed) {
        return changed.error();
    }
    if (*changed == 0) {
        return make_error(ErrorCode::NotFound, "no such source", s.name);
    }
    return ok();
}

Status SourceRepository::update_settings(const Source& s) {
    auto clash = db_->cached("SELECT removed_at FROM sources WHERE name = ?1 AND id <> ?2");
    if (!clash) {
        return clash.error();
    }
    clash->bind(1, s.name);
    clash->bind(2, s.id);
    auto row = clash->step();
    if (!row) {
        return row.error();
    }
    if (*row) {
        const bool removed = !clash->is_null(0);
        clash->reset();
        return make_error(
            ErrorCode::Invalid,
            removed ? "a removed source kept for its items has this name" : "a source with this name exists", s.name);
    }
    clash->reset();
    auto changed =
        detail::run_cached(*db_,
                           "UPDATE sources SET name = ?2, url = ?3, kind = ?4, lab = ?5, every_seconds = ?6, "
                           "interval_seconds = ?7, etag = ?8, last_modified = ?9 WHERE id = ?1 AND removed_at IS NULL",
                           [&](Statement& st) {
                               st.bind(1, s.id);
                               st.bind(2, s.name);
                               st.bind(3, s.url);
                               st.bind(4, to_string(s.kind));
                               st.bind(5, s.lab);
                               st.bind(6, s.every_seconds);
                               st.bind(7, s.interval_seconds);
                               st.bind(8, s.validators.etag);
                               st.bind(9, s.validators.last_modified);
                           });
    if (!changed) {
        return changed.error();
    }
    if (*changed == 0) {
        return make_error(ErrorCode::NotFound, "no such source", s.name);
    }
    return ok();
}

Status SourceRepository::log_fetch(const FetchLogEntry& e) {
    auto changed =
        detail::run_cached(*db_,
                           "INSERT INTO fetch_log (source_id, started_at, duration_ms, status, http_status, bytes, "
                           "new_items, error) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                           [&](Statement& st) {
                               st.bind(1, e.source_id);
                               st.bind(2, e.started_at);
                               st.bind(3, e.duration_ms);
                               st.bind(4, to_string(e.status));
                               st.bind(5, e.http_status);
                               st.bind(6, e.bytes);
                               st.bind(7, e.new_items);
                               st.bind(8, e.error);
                           });
    return changed ? ok() : Status(changed.error());
}

Result<std::int64_t> SourceRepository::count() {
    return detail::scalar_int(*db_, "SELECT COUNT(*) FROM sources WHERE removed_at IS NULL");
}

Result<std::int64_t> SourceRepository::count_fetch_log() {
    return detail::scalar_int(*db_, "SELECT COUNT(*) FROM fetch_log");
}

}  // namespace fw::store

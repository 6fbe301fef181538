#include "store/event_repository.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "store/event_merge.h"
#include "store/payload_codec.h"
#include "store/sql_util.h"

namespace fw::store {
namespace {

constexpr std::string_view kEventColumns =
    "id, kind, occurred_at, time_precision, lab, model, person, surface, security, title, "
    "fields, confidence, review, dedupe_key, detected_at, edited, cue";

// The one row mapper for events.
Result<Event> read_event(const sql::Row& r) {
    Event e;
    e.id = r.int64(0);
    auto kind = event_kind_from_string(r.text(1));
    auto fields = detail::decode_fields(r.text(10));
    auto review = review_from_string(r.text(12));
    if (!kind || !fields || !review) {
        return make_error(ErrorCode::Storage, "corrupt event row (kind, fields or review)",
                          "events id " + std::to_string(e.id));
    }
    e.kind = *kind;
    e.occurred_at = r.time(2);
    e.time_precision = r.text(3);
    e.lab = r.optional_text(4);
    e.model = r.optional_text(5);
    e.person = r.optional_text(6);
    e.surface = r.optional_text(7);
    e.security = r.optional_text(8);
    e.title = r.text(9);
    e.fields = std::move(*fields);
    e.confidence = r.real(11);
    e.review = *review;
    e.dedupe_key = r.text(13);
    e.detected_at = r.time(14);
    e.edited = r.int64(15) != 0;
    e.cue = r.text(16);
    return e;
}

/// One evidence row per event and item (or, without an item, per URL).
std::string evidence_ref(const Evidence& ev) {
    return ev.item_id > 0 ? "item:" + std::to_string(ev.item_id) : "url:" + ev.url;
}

Status not_found_unless(const Result<std::vector<sql::Row>>& rows, std::int64_t id) {
    if (!rows) {
        return rows.error();
    }
    if (rows->empty()) {
        return make_error(ErrorCode::NotFound, "no such event", "event id " + std::to_string(id));
    }
    return ok();
}

}  // namespace

Result<std::int64_t> EventRepository::upsert(const Event& e) {
    if (e.dedupe_key.empty()) {
        return make_error(ErrorCode::Invalid, "event without a dedupe key", e.title);
    }
    auto inserted = db_->query(
        "INSERT INTO events (kind, occurred_at, time_precision, lab, model, person, surface, security, title, "
        "fields, confidence, review, dedupe_key, detected_at, edited, cue) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
        "$9, $10, $11, $12, $13, $14, $15, $16) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
        {sql::value(to_string(e.kind)), sql::value(e.occurred_at), sql::value(e.time_precision), sql::value(e.lab),
         sql::value(e.model), sql::value(e.person), sql::value(e.surface), sql::value(e.security), sql::value(e.title),
         sql::value(detail::encode_fields(e.fields)), sql::value(e.confidence), sql::value(to_string(e.review)),
         sql::value(e.dedupe_key), sql::value(e.detected_at == TimePoint{} ? detail::now_seconds() : e.detected_at),
         sql::value(e.edited ? 1 : 0), sql::value(e.cue)});
    if (!inserted) {
        return inserted.error();
    }
    std::int64_t id = 0;
    if (!inserted->empty()) {
        id = inserted->front().int64(0);
    } else {
        auto row = db_->query("SELECT id, review, edited, confidence, occurred_at FROM events WHERE dedupe_key = $1" +
                                  std::string(dialect_->row_lock()),
                              {sql::value(e.dedupe_key)});
        if (!row) {
            return row.error();
        }
        if (row->empty()) {
            return make_error(ErrorCode::Storage, "event vanished during a merge", e.dedupe_key);
        }
        id = row->front().int64(0);
        const auto& stored = row->front();
        const auto plan = plan_event_merge(StoredEvent{review_from_string(stored.text(1)).value_or(Review::Auto),
                                                       stored.int64(2) != 0, stored.real(3), stored.time(4)},
                                           e);
        if (plan.take_fields) {
            Event merged = e;
            merged.occurred_at = plan.occurred_at.value_or(e.occurred_at);
            if (auto status = write_fields(id, merged, false); !status) {
                return status.error();
            }
        } else if (plan.occurred_at) {
            auto moved = db_->query("UPDATE events SET occurred_at = $2 WHERE id = $1 RETURNING id",
                                    {sql::value(id), sql::value(*plan.occurred_at)});
            if (auto status = not_found_unless(moved, id); !status) {
                return status.error();
            }
        }
        if (plan.take_review) {
            if (auto status = set_review(id, *plan.take_review); !status) {
                return status.error();
            }
        }
    }
    if (auto status = add_evidence(id, e.evidence); !status) {
        return status.error();
    }
    return id;
}

Result<std::optional<std::int64_t>> EventRepository::id_of(std::string_view dedupe_key) {
    auto rows = db_->query("SELECT id FROM events WHERE dedupe_key = $1", {sql::value(dedupe_key)});
    if (!rows) {
        return rows.error();
    }
    return rows->empty() ? std::nullopt : std::optional<std::int64_t>(rows->front().int64(0));
}

Status EventRepository::write_fields(std::int64_t id, const Event& e, bool mark_edited) {
    // A person's edit keeps the rule's confidence and cue; a merge takes the new ones.
    auto rows = db_->query(
        "UPDATE events SET kind = $2, occurred_at = $3, time_precision = $4, lab = $5, model = $6, person = $7, "
        "surface = $8, security = $9, title = $10, fields = $11, "
        "confidence = COALESCE(CAST($12 AS DOUBLE PRECISION), confidence), "
        "edited = CASE WHEN CAST($13 AS BIGINT) > edited THEN CAST($13 AS BIGINT) ELSE edited END, "
        "cue = COALESCE($14, cue) WHERE id = $1 RETURNING id",
        {sql::value(id), sql::value(to_string(e.kind)), sql::value(e.occurred_at), sql::value(e.time_precision),
         sql::value(e.lab), sql::value(e.model), sql::value(e.person), sql::value(e.surface), sql::value(e.security),
         sql::value(e.title), sql::value(detail::encode_fields(e.fields)),
         mark_edited ? sql::Value{} : sql::value(e.confidence), sql::value(mark_edited ? 1 : 0),
         mark_edited ? sql::Value{} : sql::value(e.cue)});
    return not_found_unless(rows, id);
}

Status EventRepository::add_evidence(std::int64_t event_id, std::span<const Evidence> evidence) {
    for (const Evidence& ev : evidence) {
        auto added = db_->query(
            "INSERT INTO evidence (event_id, item_id, url, source, snippet, fetched_at, ref) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id, ref) DO NOTHING",
            {sql::value(event_id), ev.item_id > 0 ? sql::value(ev.item_id) : sql::Value{}, sql::value(ev.url),
             sql::value(ev.source), sql::value(ev.snippet), sql::value(ev.fetched_at), sql::value(evidence_ref(ev))});
        if (!added) {
            return added.error();
        }
    }
    return ok();
}

Result<std::vector<Event>> EventRepository::with_evidence(Result<std::vector<sql::Row>> rows) {
    if (!rows) {
        return rows.error();
    }
    std::vector<Event> out;
    out.reserve(rows->size());
    std::vector<std::int64_t> ids;
    ids.reserve(rows->size());
    for (const auto& row : *rows) {
        auto e = read_event(row);
        if (!e) {
            return e.error();
        }
        ids.push_back(e->id);
        out.push_back(std::move(*e));
    }
    if (out.empty()) {
        return out;
    }
    // All evidence in one query, not one per event.
    auto ev = db_->query("SELECT event_id, item_id, url, source, snippet, fetched_at FROM evidence WHERE " +
                             dialect_->in_id_list("event_id", "$1") + " ORDER BY id",
                         {dialect_->id_list(ids)});
    if (!ev) {
        return ev.error();
    }
    std::unordered_map<std::int64_t, Event*> by_id;
    for (Event& e : out) {
        by_id[e.id] = &e;
    }
    for (const auto& r : *ev) {
        if (auto it = by_id.find(r.int64(0)); it != by_id.end()) {
            it->second->evidence.push_back(
                {r.is_null(1) ? 0 : r.int64(1), r.text(2), r.text(3), r.text(4), r.optional_time(5)});
        }
    }
    return out;
}

Result<std::vector<Event>> EventRepository::list(const EventQuery& q) {
    // Fixed fragments only; every value is bound.
    std::vector<sql::Value> params;
    auto ref = [&params](sql::Value v) {
        params.push_back(std::move(v));
        return "$" + std::to_string(params.size());
    };
    std::string sql = "SELECT " + std::string(kEventColumns) + " FROM events WHERE 1 = 1";
    if (q.kind) {
        sql += " AND kind = " + ref(sql::value(to_string(*q.kind)));
    }
    if (q.lab) {
        sql += " AND lab = " + ref(sql::value(*q.lab));
    }
    if (q.model) {
        sql += " AND model = " + ref(sql::value(*q.model));
    }
    if (q.since) {
        sql += " AND occurred_at >= " + ref(sql::value(*q.since));
    }
    if (!q.include_rejected) {
        sql += " AND review <> 'rejected'";
    }
    sql += " ORDER BY occurred_at DESC, id DESC";
    if (q.limit > 0) {
        sql += " LIMIT " + ref(sql::value(q.limit));
    }
    return with_evidence(db_->query(sql, params));
}

Result<std::optional<Event>> EventRepository::find(std::int64_t id) {
    static const std::string sql = "SELECT " + std::string(kEventColumns) + " FROM events WHERE id = $1";
    auto found = with_evidence(db_->query(sql, {sql::value(id)}));
    if (!found) {
        return found.error();
    }
    if (found->empty()) {
        return std::optional<Event>();
    }
    return std::optional<Event>(std::move(found->front()));
}

Status EventRepository::set_review(std::int64_t id, Review review) {
    return not_found_unless(db_->query("UPDATE events SET review = $2 WHERE id = $1 RETURNING id",
                                       {sql::value(id), sql::value(to_string(review))}),
                            id);
}

Status EventRepository::edit(const Event& event) {
    if (auto status = write_fields(event.id, event, true); !status) {
        return status;
    }
    return add_evidence(event.id, event.evidence);
}

Result<int> EventRepository::delete_auto() {
    auto rows = db_->query("DELETE FROM events WHERE review = 'auto' AND edited = 0 RETURNING id", {});
    if (!rows) {
        return rows.error();
    }
    return static_cast<int>(rows->size());
}

Result<std::vector<std::int64_t>> EventRepository::drop_evidence_of_source(std::int64_t source_id) {
    auto rows = db_->query(
        "DELETE FROM evidence WHERE item_id IN (SELECT id FROM items WHERE source_id = $1) RETURNING event_id",
        {sql::value(source_id)});
    if (!rows) {
        return rows.error();
    }
    std::vector<std::int64_t> events;
    events.reserve(rows->size());
    for (const auto& r : *rows) {
        events.push_back(r.int64(0));
    }
    std::sort(events.begin(), events.end());
    events.erase(std::unique(events.begin(), events.end()), events.end());
    return events;
}

Result<int> EventRepository::delete_unsupported(std::span<const std::int64_t> event_ids) {
    if (event_ids.empty()) {
        return 0;
    }
    auto rows = db_->query("DELETE FROM events WHERE " + dialect_->in_id_list("id", "$1") +
                               " AND review = 'auto' AND edited = 0 "
                               "AND NOT EXISTS (SELECT 1 FROM evidence v WHERE v.event_id = events.id) RETURNING id",
                           {dialect_->id_list(event_ids)});
    if (!rows) {
        return rows.error();
    }
    return static_cast<int>(rows->size());
}

}  // namespace fw::store

#include "store/event_repository.h"

#include <string>

#include "store/payload_codec.h"
#include "store/sql_util.h"

namespace fw::store {
namespace {

constexpr std::string_view kColumns =
    "id, kind, occurred_at, time_precision, lab, model, person, surface, security, title, "
    "fields, confidence, review, dedupe_key, detected_at, edited, cue";

Result<Event> read_event(const Statement& st) {
    Event e;
    e.id = st.int64(0);
    const std::string kind = st.text(1);
    auto parsed_kind = event_kind_from_string(kind);
    auto fields = detail::decode_fields(st.text(10));
    auto review = review_from_string(st.text(12));
    if (!parsed_kind || !fields || !review) {
        return make_error(ErrorCode::Storage, "corrupt event row (kind, fields or review)",
                          "events id " + std::to_string(e.id));
    }
    e.kind = *parsed_kind;
    e.occurred_at = st.time(2);
    e.time_precision = st.text(3);
    e.lab = st.optional_text(4);
    e.model = st.optional_text(5);
    e.person = st.optional_text(6);
    e.surface = st.optional_text(7);
    e.security = st.optional_text(8);
    e.title = st.text(9);
    e.fields = std::move(*fields);
    e.confidence = st.real(11);
    e.review = *review;
    e.dedupe_key = st.text(13);
    e.detected_at = st.time(14);
    e.edited = st.int64(15) != 0;
    e.cue = st.text(16);
    return e;
}

/// One evidence row per event and item (or, without an item, per URL).
std::string evidence_ref(const Evidence& ev) {
    return ev.item_id > 0 ? "item:" + std::to_string(ev.item_id) : "url:" + ev.url;
}

bool curated(Review review, bool edited) {
    return review != Review::Auto || edited;
}

}  // namespace

Result<std::int64_t> EventRepository::upsert(const Event& event) {
    if (event.dedupe_key.empty()) {
        return make_error(ErrorCode::Invalid, "event without a dedupe key", event.title);
    }
    auto st = db_->cached("SELECT id, review, edited FROM events WHERE dedupe_key = ?1");
    if (!st) {
        return st.error();
    }
    st->bind(1, event.dedupe_key);
    auto row = st->step();
    if (!row) {
        return row.error();
    }
    std::int64_t id = 0;
    if (!*row) {
        st->reset();
        auto inserted = insert(event);
        if (!inserted) {
            return inserted.error();
        }
        id = *inserted;
    } else {
        id = st->int64(0);
        const bool was_curated = curated(review_from_string(st->text(1)).value_or(Review::Auto), st->int64(2) != 0);
        st->reset();
        if (!was_curated) {
            if (auto status = write_fields(id, event, false); !status) {
                return status.error();
            }
            if (event.review != Review::Auto) {
                if (auto status = set_review(id, event.review); !status) {
                    return status.error();
                }
            }
        }
    }
    if (auto status = add_evidence(id, event.evidence); !status) {
        return status.error();
    }
    return id;
}

Result<std::int64_t> EventRepository::insert(const Event& e) {
    auto inserted =
        detail::run_cached(*db_,
                           "INSERT INTO events (kind, occurred_at, time_precision, lab, model, person, surface, "
                           "security, title, fields, confidence, review, dedupe_key, detected_at, edited, cue) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                           [&](Statement& st) {
                               st.bind(1, to_string(e.kind));
                               st.bind(2, e.occurred_at);
                               st.bind(3, e.time_precision);
                               st.bind(4, e.lab);
                               st.bind(5, e.model);
                               st.bind(6, e.person);
                               st.bind(7, e.surface);
                               st.bind(8, e.security);
                               st.bind(9, e.title);
                               st.bind(10, detail::encode_fields(e.fields));
                               st.bind(11, e.confidence);
                               st.bind(12, to_string(e.review));
                               st.bind(13, e.dedupe_key);
                               st.bind(14, e.detected_at == TimePoint{} ? detail::now_seconds() : e.detected_at);
                               st.bind(15, e.edited);
                               st.bind(16, e.cue);
                           });
    if (!inserted) {
        return inserted.error();
    }
    return db_->last_insert_id();
}

Status EventRepository::write_fields(std::int64_t id, const Event& e, bool mark_edited) {
    auto changed =
        detail::run_cached(*db_,
                           "UPDATE events SET kind = ?2, occurred_at = ?3, time_precision = ?4, lab = ?5, "
                           "model = ?6, person = ?7, surface = ?8, security = ?9, title = ?10, fields = ?11, "
                           "confidence = COALESCE(?12, confidence), edited = MAX(edited, ?13), "
                           "cue = COALESCE(?14, cue) WHERE id = ?1",
                           [&](Statement& st) {
                               st.bind(1, id);
                               st.bind(2, to_string(e.kind));
                               st.bind(3, e.occurred_at);
                               st.bind(4, e.time_precision);
                               st.bind(5, e.lab);
                               st.bind(6, e.model);
                               st.bind(7, e.person);
                               st.bind(8, e.surface);
                               st.bind(9, e.security);
                               st.bind(10, e.title);
                               st.bind(11, detail::encode_fields(e.fields));
                               // A person's edit keeps the rule's confidence; a merge takes the new one.
                               if (mark_edited) {
                                   st.bind(12, std::nullopt);
                               } else {
                                   st.bind(12, e.confidence);
                               }
                               st.bind(13, mark_edited);
                               // Like the confidence: a person's edit keeps the cue that found the event.
                               if (mark_edited) {
                                   st.bind(14, std::nullopt);
                               } else {
                                   st.bind(14, e.cue);
                               }
                           });
    if (!changed) {
        return changed.error();
    }
    if (*changed == 0) {
        return make_error(ErrorCode::NotFound, "no such event", "event id " + std::to_string(id));
    }
    return ok();
}

Status EventRepository::add_evidence(std::int64_t event_id, std::span<const Evidence> evidence) {
    for (const Evidence& ev : evidence) {
        auto changed =
            detail::run_cached(*db_,
                               "INSERT INTO evidence (event_id, item_id, url, source, snippet, fetched_at, ref) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (event_id, ref) DO NOTHING",
                               [&](Statement& st) {
                                   st.bind(1, event_id);
                                   if (ev.item_id > 0) {
                                       st.bind(2, ev.item_id);
                                   } else {
                                       st.bind(2, std::nullopt);
                                   }
                                   st.bind(3, ev.url);
                                   st.bind(4, ev.source);
                                   st.bind(5, ev.snippet);
                                   st.bind(6, ev.fetched_at);
                                   st.bind(7, evidence_ref(ev));
                               });
        if (!changed) {
            return changed.error();
        }
    }
    return ok();
}

Result<std::vector<Evidence>> EventRepository::evidence_of(std::int64_t event_id) {
    auto st = db_->cached(
        "SELECT item_id, url, source, snippet, fetched_at FROM evidence WHERE event_id = ?1 "
        "ORDER BY id");
    if (!st) {
        return st.error();
    }
    st->bind(1, event_id);
    std::vector<Evidence> out;
    for (;;) {
        auto row = st->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return out;
        }
        out.push_back({st->optional_int64(0).value_or(0), st->text(1), st->text(2), st->text(3), st->optional_time(4)});
    }
}

Result<std::vector<Event>> EventRepository::collect(Statement& st) {
    std::vector<Event> out;
    for (;;) {
        auto row = st.step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            break;
        }
        auto event = read_event(st);
        if (!event) {
            return event.error();
        }
        out.push_back(std::move(*event));
    }
    for (Event& e : out) {
        auto evidence = evidence_of(e.id);
        if (!evidence) {
            return evidence.error();
        }
        e.evidence = std::move(*evidence);
    }
    return out;
}

Result<std::vector<Event>> EventRepository::list(const EventQuery& q) {
    // Fixed fragments only; every value is bound.
    std::string sql = "SELECT " + std::string(kColumns) + " FROM events WHERE 1 = 1";
    if (q.kind) {
        sql += " AND kind = ?1";
    }
    if (q.lab) {
        sql += " AND lab = ?2";
    }
    if (q.model) {
        sql += " AND model = ?3";
    }
    if (q.since) {
        sql += " AND occurred_at >= ?4";
    }
    if (!q.include_rejected) {
        sql += " AND review <> 'rejected'";
    }
    sql += " ORDER BY occurred_at DESC, id DESC";
    if (q.limit > 0) {
        sql += " LIMIT ?5";
    }
    auto st = db_->cached(sql);
    if (!st) {
        return st.error();
    }
    if (q.kind) {
        st->bind(1, to_string(*q.kind));
    }
    if (q.lab) {
        st->bind(2, *q.lab);
    }
    if (q.model) {
        st->bind(3, *q.model);
    }
    if (q.since) {
        st->bind(4, *q.since);
    }
    if (q.limit > 0) {
        st->bind(5, q.limit);
    }
    return collect(*st);
}

Result<std::optional<Event>> EventRepository::find(std::int64_t id) {
    static const std::string sql = "SELECT " + std::string(kColumns) + " FROM events WHERE id = ?1";
    auto st = db_->cached(sql);
    if (!st) {
        return st.error();
    }
    st->bind(1, id);
    auto found = collect(*st);
    if (!found) {
        return found.error();
    }
    if (found->empty()) {
        return std::optional<Event>();
    }
    return std::optional<Event>(std::move(found->front()));
}

Status EventRepository::set_review(std::int64_t id, Review review) {
    auto changed = detail::run_cached(*db_, "UPDATE events SET review = ?2 WHERE id = ?1", [&](Statement& st) {
        st.bind(1, id);
        st.bind(2, to_string(review));
    });
    if (!changed) {
        return changed.error();
    }
    if (*changed == 0) {
        return make_error(ErrorCode::NotFound, "no such event", "event id " + std::to_string(id));
    }
    return ok();
}

Status EventRepository::edit(const Event& event) {
    if (auto status = write_fields(event.id, event, true); !status) {
        return status;
    }
    return add_evidence(event.id, event.evidence);
}

Result<int> EventRepository::delete_auto() {
    return detail::run_cached(*db_, "DELETE FROM events WHERE review = 'auto' AND edited = 0", [](Statement&) {});
}

Result<std::vector<std::int64_t>> EventRepository::drop_evidence_of_source(std::int64_t source_id) {
    auto st = db_->cached(
        "SELECT DISTINCT event_id FROM evidence "
        "WHERE item_id IN (SELECT id FROM items WHERE source_id = ?1)");
    if (!st) {
        return st.error();
    }
    st->bind(1, source_id);
    std::vector<std::int64_t> events;
    for (;;) {
        auto row = st->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            break;
        }
        events.push_back(st->int64(0));
    }
    auto dropped =
        detail::run_cached(*db_, "DELETE FROM evidence WHERE item_id IN (SELECT id FROM items WHERE source_id = ?1)",
                           [&](Statement& del) { del.bind(1, source_id); });
    if (!dropped) {
        return dropped.error();
    }
    return events;
}

Result<int> EventRepository::delete_unsupported(std::span<const std::int64_t> event_ids) {
    int deleted = 0;
    for (const std::int64_t id : event_ids) {
        auto changed = detail::run_cached(*db_,
                                          "DELETE FROM events WHERE id = ?1 AND review = 'auto' AND edited = 0 "
                                          "AND NOT EXISTS (SELECT 1 FROM evidence WHERE event_id = ?1)",
                                          [&](Statement& st) { st.bind(1, id); });
        if (!changed) {
            return changed.error();
        }
        deleted += *changed;
    }
    return deleted;
}

Result<std::int64_t> EventRepository::count() {
    return detail::scalar_int(*db_, "SELECT COUNT(*) FROM events");
}

Result<std::int64_t> EventRepository::count_evidence() {
    return detail::scalar_int(*db_, "SELECT COUNT(*) FROM evidence");
}

}  // namespace fw::store

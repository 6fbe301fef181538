// PgStore: events with their evidence, and the entities (taxonomy) table.

#include <chrono>
#include <unordered_map>

#include "store/candidate_repository.h"
#include "store/payload_codec.h"
#include "store/pg/pg_runner.h"
#include "store/pg/pg_transaction.h"
#include "store/taxonomy_codec.h"

namespace fw::store::pg {
namespace {

constexpr std::string_view kEventColumns =
    "id, kind, occurred_at, time_precision, lab, model, person, surface, security, title, "
    "fields, confidence, review, dedupe_key, detected_at, edited, cue";

Result<Event> read_event(const PgResult& r, int row) {
    Event e;
    e.id = r.int64(row, 0);
    auto kind = event_kind_from_string(r.text(row, 1));
    auto fields = detail::decode_fields(r.text(row, 10));
    auto review = review_from_string(r.text(row, 12));
    if (!kind || !fields || !review) {
        return make_error(ErrorCode::Storage, "corrupt event row (kind, fields or review)",
                          "events id " + std::to_string(e.id));
    }
    e.kind = *kind;
    e.occurred_at = r.time(row, 2);
    e.time_precision = r.text(row, 3);
    e.lab = r.optional_text(row, 4);
    e.model = r.optional_text(row, 5);
    e.person = r.optional_text(row, 6);
    e.surface = r.optional_text(row, 7);
    e.security = r.optional_text(row, 8);
    e.title = r.text(row, 9);
    e.fields = std::move(*fields);
    e.confidence = r.real(row, 11);
    e.review = *review;
    e.dedupe_key = r.text(row, 13);
    e.detected_at = r.time(row, 14);
    e.edited = r.int64(row, 15) != 0;
    e.cue = r.text(row, 16);
    return e;
}

std::string evidence_ref(const Evidence& ev) {
    return ev.item_id > 0 ? "item:" + std::to_string(ev.item_id) : "url:" + ev.url;
}

TimePoint now_seconds() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace

Result<std::vector<Event>> PgStore::query_events(const std::string& sql, const Params& params) {
    auto r = conn_.exec(sql, params);
    if (!r) {
        return r.error();
    }
    std::vector<Event> out;
    std::string ids = "{";
    for (int i = 0; i < r->rows(); ++i) {
        auto e = read_event(*r, i);
        if (!e) {
            return e.error();
        }
        ids += (i ? "," : "") + std::to_string(e->id);
        out.push_back(std::move(*e));
    }
    ids += "}";
    if (out.empty()) {
        return out;
    }
    // All evidence in one query, not one per event.
    auto ev = conn_.exec(
        "SELECT event_id, item_id, url, source, snippet, fetched_at FROM evidence "
        "WHERE event_id = ANY($1::bigint[]) ORDER BY id",
        Params().add(ids));
    if (!ev) {
        return ev.error();
    }
    std::unordered_map<std::int64_t, Event*> by_id;
    for (Event& e : out) {
        by_id[e.id] = &e;
    }
    for (int i = 0; i < ev->rows(); ++i) {
        by_id.at(ev->int64(i, 0))
            ->evidence.push_back({ev->optional_int64(i, 1).value_or(0), ev->text(i, 2), ev->text(i, 3), ev->text(i, 4),
                                  ev->optional_time(i, 5)});
    }
    return out;
}

Status PgStore::write_event_fields(std::int64_t id, const Event& e, bool mark_edited) {
    Params p;
    p.add(id)
        .add(to_string(e.kind))
        .add(e.occurred_at)
        .add(e.time_precision)
        .add(e.lab)
        .add(e.model)
        .add(e.person)
        .add(e.surface)
        .add(e.security)
        .add(e.title)
        .add(detail::encode_fields(e.fields));
    // A person's edit keeps the rule's confidence; a merge takes the new one.
    if (mark_edited) {
        p.add(std::nullopt);
    } else {
        p.add(e.confidence);
    }
    p.add(mark_edited);
    // Like the confidence: a person's edit keeps the cue that found the event.
    if (mark_edited) {
        p.add(std::nullopt);
    } else {
        p.add(e.cue);
    }
    auto r = conn_.exec(
        "UPDATE events SET kind = $2, occurred_at = $3, time_precision = $4, lab = $5, "
        "model = $6, person = $7, surface = $8, security = $9, title = $10, fields = $11, "
        "confidence = COALESCE($12::double precision, confidence), "
        "edited = GREATEST(edited, $13::bigint), cue = COALESCE($14, cue) WHERE id = $1",
        p);
    if (!r) {
        return r.error();
    }
    if (r->affected() == 0) {
        return make_error(ErrorCode::NotFound, "no such event", "event id " + std::to_string(id));
    }
    return ok();
}

Status PgStore::add_evidence(std::int64_t event_id, std::span<const Evidence> evidence) {
    for (const Evidence& ev : evidence) {
        Params p;
        p.add(event_id);
        if (ev.item_id > 0) {
            p.add(ev.item_id);
        } else {
            p.add(std::nullopt);
        }
        p.add(ev.url).add(ev.source).add(ev.snippet).add(ev.fetched_at).add(evidence_ref(ev));
        auto r = conn_.exec(
            "INSERT INTO evidence (event_id, item_id, url, source, snippet, fetched_at, ref) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id, ref) DO NOTHING",
            p);
        if (!r) {
            return r.error();
        }
    }
    return ok();
}

Result<std::int64_t> PgStore::upsert_event(const Event& e) {
    if (e.dedupe_key.empty()) {
        return make_error(ErrorCode::Invalid, "event without a dedupe key", e.title);
    }
    return transaction([&]() -> Result<std::int64_t> {
        // Insert-first: two workers deriving the same event meet at the unique key instead of
        // both inserting; the loser merges into the winner's row.
        Params p;
        p.add(to_string(e.kind))
            .add(e.occurred_at)
            .add(e.time_precision)
            .add(e.lab)
            .add(e.model)
            .add(e.person)
            .add(e.surface)
            .add(e.security)
            .add(e.title)
            .add(detail::encode_fields(e.fields))
            .add(e.confidence)
            .add(to_string(e.review))
            .add(e.dedupe_key)
            .add(e.detected_at == TimePoint{} ? now_seconds() : e.detected_at)
            .add(e.edited)
            .add(e.cue);
        auto inserted = conn_.exec(
            "INSERT INTO events (kind, occurred_at, time_precision, lab, model, person, surface, "
            "security, title, fields, confidence, review, dedupe_key, detected_at, edited, cue) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) "
            "ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
            p);
        if (!inserted) {
            return inserted.error();
        }
        std::int64_t id = 0;
        if (inserted->rows() > 0) {
            id = inserted->int64(0, 0);
        } else {
            auto row = conn_.exec("SELECT id, review, edited FROM events WHERE dedupe_key = $1 FOR UPDATE",
                                  Params().add(e.dedupe_key));
            if (!row) {
                return row.error();
            }
            if (row->rows() == 0) {
                return make_error(ErrorCode::Storage, "event vanished during a merge", e.dedupe_key);
            }
            id = row->int64(0, 0);
            const bool curated = row->text(0, 1) != "auto" || row->int64(0, 2) != 0;
            if (!curated) {
                if (auto status = write_event_fields(id, e, false); !status) {
                    return status.error();
                }
                if (e.review != Review::Auto) {
                    auto set = conn_.exec("UPDATE events SET review = $2 WHERE id = $1",
                                          Params().add(id).add(to_string(e.review)));
                    if (!set) {
                        return set.error();
                    }
                }
            }
        }
        if (auto status = add_evidence(id, e.evidence); !status) {
            return status.error();
        }
        return id;
    });
}

Result<std::vector<Event>> PgStore::list_events(const EventQuery& q) {
    Params p;
    std::string sql = "SELECT " + std::string(kEventColumns) + " FROM events WHERE 1 = 1";
    if (q.kind) {
        sql += " AND kind = " + p.ref(std::string(to_string(*q.kind)));
    }
    if (q.lab) {
        sql += " AND lab = " + p.ref(*q.lab);
    }
    if (q.model) {
        sql += " AND model = " + p.ref(*q.model);
    }
    if (q.since) {
        sql += " AND occurred_at >= " + p.ref(*q.since);
    }
    if (!q.include_rejected) {
        sql += " AND review <> 'rejected'";
    }
    sql += " ORDER BY occurred_at DESC, id DESC";
    if (q.limit > 0) {
        sql += " LIMIT " + p.ref(q.limit);
    }
    return transaction([&] { return query_events(sql, p); });
}

Result<std::optional<Event>> PgStore::find_event(std::int64_t id) {
    return transaction([&]() -> Result<std::optional<Event>> {
        auto found =
            query_events("SELECT " + std::string(kEventColumns) + " FROM events WHERE id = $1", Params().add(id));
        if (!found) {
            return found.error();
        }
        if (found->empty()) {
            return std::optional<Event>();
        }
        return std::optional<Event>(std::move(found->front()));
    });
}

Status PgStore::set_review(std::int64_t id, Review review) {
    return transaction([&]() -> Status {
        auto r = conn_.exec("UPDATE events SET review = $2 WHERE id = $1", Params().add(id).add(to_string(review)));
        if (!r) {
            return r.error();
        }
        if (r->affected() == 0) {
            return make_error(ErrorCode::NotFound, "no such event", "event id " + std::to_string(id));
        }
        return ok();
    });
}

Status PgStore::edit_event(const Event& event) {
    return transaction([&]() -> Status {
        if (auto status = write_event_fields(event.id, event, true); !status) {
            return status;
        }
        return add_evidence(event.id, event.evidence);
    });
}

// ---- candidates: the repository is shared with SQLite, over the thin SQL layer ----

Result<std::int64_t> PgStore::upsert_candidate(const Candidate& candidate) {
    return transaction([&] {
        PgRunner runner(conn_);
        return CandidateRepository(runner).upsert(candidate);
    });
}

Result<std::vector<Candidate>> PgStore::list_candidates(const CandidateQuery& query) {
    return transaction([&] {
        PgRunner runner(conn_);
        return CandidateRepository(runner).list(query);
    });
}

Result<std::optional<Candidate>> PgStore::find_candidate(std::int64_t id) {
    return transaction([&] {
        PgRunner runner(conn_);
        return CandidateRepository(runner).find(id);
    });
}

Status PgStore::set_candidate_state(std::int64_t id, CandidateState state, std::optional<std::int64_t> event_id) {
    return transaction([&] {
        PgRunner runner(conn_);
        return CandidateRepository(runner).set_state(id, state, event_id);
    });
}

Result<int> PgStore::delete_open_candidates() {
    return transaction([&] {
        PgRunner runner(conn_);
        return CandidateRepository(runner).delete_open();
    });
}

Result<int> PgStore::delete_auto_events() {
    return transaction([&]() -> Result<int> {
        auto r = conn_.exec("DELETE FROM events WHERE review = 'auto' AND edited = 0");
        return r ? Result<int>(r->affected()) : Result<int>(r.error());
    });
}

// ---- entities ----

Status PgStore::save_taxonomy(const Taxonomy& t) {
    return transaction([&]() -> Status {
        if (auto cleared = conn_.exec("DELETE FROM entities WHERE discovered = 0"); !cleared) {
            return cleared.error();
        }
        int position = 0;
        Status status = ok();
        auto put = [&](std::string_view kind, const std::string& slug, const std::string& body) {
            if (!status) {
                return;
            }
            auto r = conn_.exec(
                "INSERT INTO entities (kind, slug, body, discovered, position) "
                "VALUES ($1, $2, $3, 0, $4) ON CONFLICT (kind, slug) DO UPDATE SET "
                "body = excluded.body, discovered = 0, position = excluded.position",
                Params().add(kind).add(slug).add(body).add(position++));
            status = r ? ok() : Status(r.error());
        };
        for (const Lab& lab : t.labs) {
            put("lab", lab.slug, detail::encode(lab));
            if (lab.security) {
                put("security", lab.security->ticker, detail::encode(*lab.security));
            }
        }
        for (const ModelInfo& m : t.models) {
            put("model", m.slug, detail::encode(m));
        }
        for (const Surface& s : t.surfaces) {
            put("surface", s.slug, detail::encode(s));
        }
        for (const Person& p : t.people) {
            put("person", p.slug, detail::encode(p));
        }
        for (const License& l : t.licenses) {
            put("license", l.id, detail::encode(l));
        }
        return status;
    });
}

Result<Taxonomy> PgStore::load_taxonomy() {
    return transaction([&]() -> Result<Taxonomy> {
        auto r = conn_.exec("SELECT kind, slug, body FROM entities ORDER BY discovered, position, id");
        if (!r) {
            return r.error();
        }
        Taxonomy t;
        for (int i = 0; i < r->rows(); ++i) {
            const std::string kind = r->text(i, 0);
            const std::string body = r->text(i, 2);
            bool good = true;
            auto take = [&](auto& list, auto decoded) {
                if (decoded) {
                    list.push_back(std::move(*decoded));
                } else {
                    good = false;
                }
            };
            if (kind == "lab") {
                take(t.labs, detail::decode_lab(body));
            } else if (kind == "model") {
                take(t.models, detail::decode_model(body));
            } else if (kind == "surface") {
                take(t.surfaces, detail::decode_surface(body));
            } else if (kind == "person") {
                take(t.people, detail::decode_person(body));
            } else if (kind == "license") {
                take(t.licenses, detail::decode_license(body));
            }  // securities are read back through their labs
            if (!good) {
                return make_error(ErrorCode::Storage, "corrupt entity body", "entities " + kind + " " + r->text(i, 1));
            }
        }
        return t;
    });
}

Status PgStore::add_discovered_model(const ModelInfo& model) {
    if (model.slug.empty()) {
        return make_error(ErrorCode::Invalid, "discovered model without a slug", model.name);
    }
    return transaction([&]() -> Status {
        auto r = conn_.exec(
            "INSERT INTO entities (kind, slug, body, discovered, position) "
            "VALUES ('model', $1, $2, 1, 0) ON CONFLICT (kind, slug) DO NOTHING",
            Params().add(model.slug).add(detail::encode(model)));
        return r ? ok() : Status(r.error());
    });
}

}  // namespace fw::store::pg

// PgStore: events (the shared repository), candidates, and the entities (taxonomy) table.

#include "store/candidate_repository.h"
#include "store/pg/pg_runner.h"
#include "store/pg/pg_transaction.h"
#include "store/taxonomy_codec.h"

namespace fw::store::pg {
// ---- events (store/event_repository.h, shared with SQLite) ----

Result<std::int64_t> PgStore::upsert_event(const Event& e) {
    return transaction([&] { return events_.upsert(e); });
}

Result<std::optional<std::int64_t>> PgStore::find_event_id(std::string_view dedupe_key) {
    return transaction([&] { return events_.id_of(dedupe_key); });
}

Result<std::vector<Event>> PgStore::list_events(const EventQuery& q) {
    return transaction([&] { return events_.list(q); });
}

Result<std::optional<Event>> PgStore::find_event(std::int64_t id) {
    return transaction([&] { return events_.find(id); });
}

Status PgStore::set_review(std::int64_t id, Review review) {
    return transaction([&] { return events_.set_review(id, review); });
}

Status PgStore::edit_event(const Event& event) {
    return transaction([&] { return events_.edit(event); });
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
    return transaction([&] { return events_.delete_auto(); });
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

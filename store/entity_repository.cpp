#include "store/entity_repository.h"

#include <string>

#include "store/sql_util.h"
#include "store/taxonomy_codec.h"

namespace fw::store {
namespace {

template <typename T, typename Decode>
Status load_into(std::vector<T>& out, const std::string& body, Decode decode, const std::string& slug) {
    auto value = decode(body);
    if (!value) {
        return make_error(ErrorCode::Storage, "corrupt entity body", "entities " + slug);
    }
    out.push_back(std::move(*value));
    return ok();
}

}  // namespace

Status EntityRepository::put(std::string_view kind, const std::string& slug, const std::string& body, int position) {
    auto changed =
        detail::run_cached(*db_,
                           "INSERT INTO entities (kind, slug, body, discovered, position) VALUES (?1, ?2, ?3, 0, ?4) "
                           "ON CONFLICT (kind, slug) DO UPDATE SET body = excluded.body, discovered = 0, "
                           "position = excluded.position",
                           [&](Statement& st) {
                               st.bind(1, kind);
                               st.bind(2, slug);
                               st.bind(3, body);
                               st.bind(4, position);
                           });
    return changed ? ok() : Status(changed.error());
}

Status EntityRepository::save(const Taxonomy& t) {
    if (auto status = db_->exec("DELETE FROM entities WHERE discovered = 0"); !status) {
        return status;
    }
    // Each list keeps its order through `position`; a later duplicate slug overwrites.
    int position = 0;
    Status status = ok();
    for (const Lab& lab : t.labs) {
        if (status) {
            status = put("lab", lab.slug, detail::encode(lab), position++);
        }
        if (status && lab.security) {
            status = put("security", lab.security->ticker, detail::encode(*lab.security), position++);
        }
    }
    for (const ModelInfo& m : t.models) {
        if (status) {
            status = put("model", m.slug, detail::encode(m), position++);
        }
    }
    for (const Surface& s : t.surfaces) {
        if (status) {
            status = put("surface", s.slug, detail::encode(s), position++);
        }
    }
    for (const Person& p : t.people) {
        if (status) {
            status = put("person", p.slug, detail::encode(p), position++);
        }
    }
    for (const License& l : t.licenses) {
        if (status) {
            status = put("license", l.id, detail::encode(l), position++);
        }
    }
    return status;
}

Result<Taxonomy> EntityRepository::load() {
    auto st = db_->cached("SELECT kind, slug, body FROM entities ORDER BY discovered, position, id");
    if (!st) {
        return st.error();
    }
    Taxonomy t;
    for (;;) {
        auto row = st->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return t;
        }
        const std::string kind = st->text(0);
        const std::string slug = kind + " " + st->text(1);
        const std::string body = st->text(2);
        Status status = ok();
        if (kind == "lab") {
            status = load_into(t.labs, body, detail::decode_lab, slug);
        } else if (kind == "model") {
            status = load_into(t.models, body, detail::decode_model, slug);
        } else if (kind == "surface") {
            status = load_into(t.surfaces, body, detail::decode_surface, slug);
        } else if (kind == "person") {
            status = load_into(t.people, body, detail::decode_person, slug);
        } else if (kind == "license") {
            status = load_into(t.licenses, body, detail::decode_license, slug);
        }  // securities are read back through their labs
        if (!status) {
            return status.error();
        }
    }
}

Status EntityRepository::add_discovered_model(const ModelInfo& model) {
    if (model.slug.empty()) {
        return make_error(ErrorCode::Invalid, "discovered model without a slug", model.name);
    }
    auto changed = detail::run_cached(
        *db_,
        "INSERT INTO entities (kind, slug, body, discovered, position) VALUES ('model', ?1, ?2, 1, 0) "
        "ON CONFLICT (kind, slug) DO NOTHING",
        [&](Statement& st) {
            st.bind(1, model.slug);
            st.bind(2, detail::encode(model));
        });
    return changed ? ok() : Status(changed.error());
}

Result<std::int64_t> EntityRepository::count() {
    return detail::scalar_int(*db_, "SELECT COUNT(*) FROM entities");
}

}  // namespace fw::store

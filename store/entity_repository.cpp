#include "store/entity_repository.h"

#include <string>

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
    auto done = db_->query(
        "INSERT INTO entities (kind, slug, body, discovered, position) VALUES ($1, $2, $3, 0, $4) "
        "ON CONFLICT (kind, slug) DO UPDATE SET body = excluded.body, discovered = 0, position = excluded.position",
        {sql::value(kind), sql::value(slug), sql::value(body), sql::value(position)});
    return done ? ok() : Status(done.error());
}

Status EntityRepository::save(const Taxonomy& t) {
    if (auto cleared = db_->query("DELETE FROM entities WHERE discovered = 0", {}); !cleared) {
        return cleared.error();
    }
    // Each list keeps its order through `position`; a later duplicate slug overwrites.
    int position = 0;
    Status status = ok();
    auto put_next = [&](std::string_view kind, const std::string& slug, const std::string& body) {
        if (status) {
            status = put(kind, slug, body, position++);
        }
    };
    for (const Lab& lab : t.labs) {
        put_next("lab", lab.slug, detail::encode(lab));
        if (lab.security) {
            put_next("security", lab.security->ticker, detail::encode(*lab.security));
        }
    }
    for (const ModelInfo& m : t.models) {
        put_next("model", m.slug, detail::encode(m));
    }
    for (const Surface& s : t.surfaces) {
        put_next("surface", s.slug, detail::encode(s));
    }
    for (const Person& p : t.people) {
        put_next("person", p.slug, detail::encode(p));
    }
    for (const License& l : t.licenses) {
        put_next("license", l.id, detail::encode(l));
    }
    return status;
}

Result<Taxonomy> EntityRepository::load() {
    auto rows = db_->query("SELECT kind, slug, body FROM entities ORDER BY discovered, position, id", {});
    if (!rows) {
        return rows.error();
    }
    Taxonomy t;
    for (const sql::Row& row : *rows) {
        const std::string kind = row.text(0);
        const std::string slug = kind + " " + row.text(1);
        const std::string body = row.text(2);
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
    return t;
}

Status EntityRepository::add_discovered_model(const ModelInfo& model) {
    if (model.slug.empty()) {
        return make_error(ErrorCode::Invalid, "discovered model without a slug", model.name);
    }
    auto done = db_->query(
        "INSERT INTO entities (kind, slug, body, discovered, position) VALUES ('model', $1, $2, 1, 0) "
        "ON CONFLICT (kind, slug) DO NOTHING",
        {sql::value(model.slug), sql::value(detail::encode(model))});
    return done ? ok() : Status(done.error());
}

Result<std::vector<std::string>> EntityRepository::discovered_models() {
    return sql::read_rows<std::string>(
        db_->query("SELECT slug FROM entities WHERE kind = 'model' AND discovered = 1 ORDER BY slug", {}),
        [](const sql::Row& r) -> Result<std::string> { return r.text(0); });
}

}  // namespace fw::store

#include "store/taxonomy_codec.h"

#include <nlohmann/json.hpp>

#include "store/json_util.h"

namespace fw::store::detail {
namespace {

using nlohmann::json;

json text_or_null(const std::optional<std::string>& t) {
    return t ? json(*t) : json(nullptr);
}

std::optional<std::string> optional_text(const json& j, const char* key) {
    auto it = j.find(key);
    return (it != j.end() && it->is_string()) ? std::optional(it->get<std::string>()) : std::nullopt;
}

bool flag(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}

std::optional<json> parse_object(std::string_view body) {
    json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
        return std::nullopt;
    }
    return j;
}

json security_json(const Security& s) {
    return {{"ticker", s.ticker}, {"cik", s.cik}, {"company", s.company}, {"benchmark", s.benchmark}};
}

Security read_security(const json& j) {
    Security s;
    s.ticker = read_text(j, "ticker");
    s.cik = read_text(j, "cik");
    s.company = read_text(j, "company");
    if (auto b = optional_text(j, "benchmark")) {
        s.benchmark = *b;
    }
    return s;
}

}  // namespace

std::string encode(const Security& s) {
    return dump(security_json(s));
}

std::string encode(const Lab& lab) {
    json j = {{"slug", lab.slug},
              {"name", lab.name},
              {"aliases", lab.aliases},
              {"security", lab.security ? security_json(*lab.security) : json(nullptr)},
              {"feeds", lab.feeds},
              {"hf_authors", lab.hf_authors},
              {"github_orgs", lab.github_orgs},
              {"open_weight_lab", lab.open_weight_lab}};
    return dump(j);
}

std::optional<Lab> decode_lab(std::string_view body) {
    auto j = parse_object(body);
    if (!j) {
        return std::nullopt;
    }
    Lab lab;
    lab.slug = read_text(*j, "slug");
    lab.name = read_text(*j, "name");
    lab.aliases = read_strings(*j, "aliases");
    if (auto it = j->find("security"); it != j->end() && it->is_object()) {
        lab.security = read_security(*it);
    }
    lab.feeds = read_strings(*j, "feeds");
    lab.hf_authors = read_strings(*j, "hf_authors");
    lab.github_orgs = read_strings(*j, "github_orgs");
    lab.open_weight_lab = flag(*j, "open_weight_lab");
    return lab;
}

std::string encode(const ModelInfo& m) {
    json j = {{"slug", m.slug},
              {"name", m.name},
              {"lab", m.lab},
              {"family", m.family},
              {"tier", to_string(m.tier)},
              {"openness", to_string(m.openness)},
              {"license", m.license},
              {"released", time_or_null(m.released)},
              {"aliases", m.aliases},
              {"derived_from", text_or_null(m.derived_from)}};
    return dump(j);
}

std::optional<ModelInfo> decode_model(std::string_view body) {
    auto j = parse_object(body);
    if (!j) {
        return std::nullopt;
    }
    ModelInfo m;
    m.slug = read_text(*j, "slug");
    m.name = read_text(*j, "name");
    m.lab = read_text(*j, "lab");
    m.family = read_text(*j, "family");
    m.tier = tier_from_string(read_text(*j, "tier")).value_or(Tier::Unknown);
    m.openness = openness_from_string(read_text(*j, "openness")).value_or(Openness::Unknown);
    m.license = read_text(*j, "license");
    m.released = read_time(*j, "released");
    m.aliases = read_strings(*j, "aliases");
    m.derived_from = optional_text(*j, "derived_from");
    return m;
}

std::string encode(const Surface& s) {
    json j = {{"slug", s.slug},
              {"name", s.name},
              {"owner", s.owner},
              {"category", to_string(s.category)},
              {"aliases", s.aliases}};
    return dump(j);
}

std::optional<Surface> decode_surface(std::string_view body) {
    auto j = parse_object(body);
    if (!j) {
        return std::nullopt;
    }
    Surface s;
    s.slug = read_text(*j, "slug");
    s.name = read_text(*j, "name");
    s.owner = read_text(*j, "owner");
    s.category = surface_category_from_string(read_text(*j, "category")).value_or(SurfaceCategory::Engagement);
    s.aliases = read_strings(*j, "aliases");
    return s;
}

std::string encode(const Person& p) {
    json j = {{"slug", p.slug},
              {"name", p.name},
              {"org", p.org},
              {"role", p.role},
              {"since", time_or_null(p.since)},
              {"left_at", time_or_null(p.left_at)},
              {"aliases", p.aliases}};
    return dump(j);
}

std::optional<Person> decode_person(std::string_view body) {
    auto j = parse_object(body);
    if (!j) {
        return std::nullopt;
    }
    Person p;
    p.slug = read_text(*j, "slug");
    p.name = read_text(*j, "name");
    p.org = read_text(*j, "org");
    p.role = read_text(*j, "role");
    p.since = read_time(*j, "since");
    p.left_at = read_time(*j, "left_at");
    p.aliases = read_strings(*j, "aliases");
    return p;
}

std::string encode(const License& l) {
    json j = {{"id", l.id},
              {"name", l.name},
              {"license_class", l.license_class},
              {"commercial_use", l.commercial_use},
              {"mau_cap", l.mau_cap ? json(*l.mau_cap) : json(nullptr)},
              {"aup_required", l.aup_required},
              {"hf_ids", l.hf_ids}};
    return dump(j);
}

std::optional<License> decode_license(std::string_view body) {
    auto j = parse_object(body);
    if (!j) {
        return std::nullopt;
    }
    License l;
    l.id = read_text(*j, "id");
    l.name = read_text(*j, "name");
    l.license_class = read_text(*j, "license_class");
    l.commercial_use = read_text(*j, "commercial_use");
    if (auto it = j->find("mau_cap"); it != j->end() && it->is_number_integer()) {
        l.mau_cap = it->get<std::int64_t>();
    }
    l.aup_required = flag(*j, "aup_required");
    l.hf_ids = read_strings(*j, "hf_ids");
    return l;
}

}  // namespace fw::store::detail

#include "store/taxonomy_codec.h"

#include <nlohmann/json.hpp>

namespace fw::store::detail {
namespace {

using nlohmann::json;

std::string dump(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

json time_or_null(const std::optional<TimePoint>& t) {
    return t ? json(format_rfc3339(*t)) : json(nullptr);
}

json text_or_null(const std::optional<std::string>& t) {
    return t ? json(*t) : json(nullptr);
}

/// Lenient reads: a missing or mistyped member gives the default, as a hand-edited body would.
std::string text(const json& j, const char* key) {
    auto it = j.find(key);
    return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

std::optional<std::string> optional_text(const json& j, const char* key) {
    auto it = j.find(key);
    return (it != j.end() && it->is_string()) ? std::optional(it->get<std::string>()) : std::nullopt;
}

std::optional<TimePoint> time(const json& j, const char* key) {
    auto t = optional_text(j, key);
    return t ? parse_iso8601(*t) : std::nullopt;
}

bool flag(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}

std::vector<std::string> strings(const json& j, const char* key) {
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it != j.end() && it->is_array()) {
        for (const auto& v : *it) {
            if (v.is_string()) {
                out.push_back(v.get<std::string>());
            }
        }
    }
    return out;
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
    s.ticker = text(j, "ticker");
    s.cik = text(j, "cik");
    s.company = text(j, "company");
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
    lab.slug = text(*j, "slug");
    lab.name = text(*j, "name");
    lab.aliases = strings(*j, "aliases");
    if (auto it = j->find("security"); it != j->end() && it->is_object()) {
        lab.security = read_security(*it);
    }
    lab.feeds = strings(*j, "feeds");
    lab.hf_authors = strings(*j, "hf_authors");
    lab.github_orgs = strings(*j, "github_orgs");
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
    m.slug = text(*j, "slug");
    m.name = text(*j, "name");
    m.lab = text(*j, "lab");
    m.family = text(*j, "family");
    m.tier = tier_from_string(text(*j, "tier")).value_or(Tier::Unknown);
    m.openness = openness_from_string(text(*j, "openness")).value_or(Openness::Unknown);
    m.license = text(*j, "license");
    m.released = time(*j, "released");
    m.aliases = strings(*j, "aliases");
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
    s.slug = text(*j, "slug");
    s.name = text(*j, "name");
    s.owner = text(*j, "owner");
    s.category = surface_category_from_string(text(*j, "category")).value_or(SurfaceCategory::Engagement);
    s.aliases = strings(*j, "aliases");
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
    p.slug = text(*j, "slug");
    p.name = text(*j, "name");
    p.org = text(*j, "org");
    p.role = text(*j, "role");
    p.since = time(*j, "since");
    p.left_at = time(*j, "left_at");
    p.aliases = strings(*j, "aliases");
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
    l.id = text(*j, "id");
    l.name = text(*j, "name");
    l.license_class = text(*j, "license_class");
    l.commercial_use = text(*j, "commercial_use");
    if (auto it = j->find("mau_cap"); it != j->end() && it->is_number_integer()) {
        l.mau_cap = it->get<std::int64_t>();
    }
    l.aup_required = flag(*j, "aup_required");
    l.hf_ids = strings(*j, "hf_ids");
    return l;
}

}  // namespace fw::store::detail

#include "store/payload_codec.h"

#include <nlohmann/json.hpp>

#include "domain/time.h"

namespace fw::store::detail {
namespace {

using nlohmann::json;

std::string dump(const json& j) {
    // replace: a stray invalid byte must not throw (and lose the whole upsert).
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

json time_or_null(const std::optional<TimePoint>& t) {
    return t ? json(format_rfc3339(*t)) : json(nullptr);
}

std::optional<TimePoint> read_time(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) {
        return std::nullopt;
    }
    return parse_iso8601(it->get_ref<const std::string&>());
}

std::string read_text(const json& j, const char* key) {
    auto it = j.find(key);
    return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

std::vector<std::string> read_strings(const json& j, const char* key) {
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

std::optional<json> parse(std::string_view text) {
    json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
        return std::nullopt;
    }
    return j;
}

}  // namespace

std::string encode_entry(const FeedEntry& e, bool with_text) {
    json enclosures = json::array();
    for (const auto& enc : e.enclosures) {
        enclosures.push_back({{"url", enc.url}, {"type", enc.type}, {"length", enc.length}});
    }
    json j = {
        {"id", e.id},
        {"title", e.title},
        {"link", e.link},
        {"published", time_or_null(e.published)},
        {"updated", time_or_null(e.updated)},
        {"published_raw", e.published_raw},
        {"updated_raw", e.updated_raw},
        {"authors", e.authors},
        {"summary", e.summary},
        {"content", e.content},
        {"categories", e.categories},
        {"enclosures", std::move(enclosures)},
        {"extra", e.extra},
    };
    if (with_text) {
        j["summary_text"] = e.summary_text;
        j["content_text"] = e.content_text;
    }
    return dump(j);
}

std::optional<FeedEntry> decode_entry(std::string_view text) {
    auto parsed = parse(text);
    if (!parsed || !parsed->is_object()) {
        return std::nullopt;
    }
    const json& j = *parsed;
    FeedEntry e;
    e.id = read_text(j, "id");
    e.title = read_text(j, "title");
    e.link = read_text(j, "link");
    e.published = read_time(j, "published");
    e.updated = read_time(j, "updated");
    e.published_raw = read_text(j, "published_raw");
    e.updated_raw = read_text(j, "updated_raw");
    e.authors = read_strings(j, "authors");
    e.summary = read_text(j, "summary");
    e.content = read_text(j, "content");
    e.summary_text = read_text(j, "summary_text");
    e.content_text = read_text(j, "content_text");
    e.categories = read_strings(j, "categories");
    if (auto it = j.find("enclosures"); it != j.end() && it->is_array()) {
        for (const auto& enc : *it) {
            if (!enc.is_object()) {
                continue;
            }
            auto len = enc.find("length");
            e.enclosures.push_back({read_text(enc, "url"), read_text(enc, "type"),
                                    (len != enc.end() && len->is_number_integer())
                                        ? len->get<std::int64_t>()
                                        : 0});
        }
    }
    if (auto it = j.find("extra"); it != j.end() && it->is_object()) {
        for (const auto& [key, value] : it->items()) {
            if (value.is_string()) {
                e.extra[key] = value.get<std::string>();
            }
        }
    }
    return e;
}

std::string encode_fields(const Fields& fields) {
    json j = json::object();
    for (const auto& [key, value] : fields) {
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::monostate>) {
                    j[key] = nullptr;
                } else {
                    j[key] = v;
                }
            },
            value);
    }
    return dump(j);
}

std::optional<Fields> decode_fields(std::string_view text) {
    auto parsed = parse(text);
    if (!parsed || !parsed->is_object()) {
        return std::nullopt;
    }
    Fields fields;
    for (const auto& [key, v] : parsed->items()) {
        if (v.is_null()) {
            fields.set_null(key);
        } else if (v.is_boolean()) {
            fields.set(key, v.get<bool>());
        } else if (v.is_number_integer()) {
            fields.set(key, v.get<std::int64_t>());
        } else if (v.is_number_float()) {
            fields.set(key, v.get<double>());
        } else if (v.is_string()) {
            fields.set(key, v.get<std::string>());
        } else {
            fields.set(key, v.dump());  // not a scalar: kept as its JSON text
        }
    }
    return fields;
}

std::string encode_ids(const std::vector<std::int64_t>& ids) { return json(ids).dump(); }

std::optional<std::vector<std::int64_t>> decode_ids(std::string_view text) {
    auto parsed = parse(text);
    if (!parsed || !parsed->is_array()) {
        return std::nullopt;
    }
    std::vector<std::int64_t> ids;
    for (const auto& v : *parsed) {
        if (!v.is_number_integer()) {
            return std::nullopt;
        }
        ids.push_back(v.get<std::int64_t>());
    }
    return ids;
}

}  // namespace fw::store::detail

#include "ingest/hf_adapter.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/slug.h"

namespace fw::ingest {
namespace {

using nlohmann::json;

// Repos that existed before the Hub stored creation dates all carry this stamp.
constexpr std::string_view kMigrationDay = "2022-03-02";

std::string hf_text_of(const json& value) {
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_boolean()) {
        return value.get<bool>() ? "true" : "false";
    }
    if (value.is_number_integer()) {
        return std::to_string(value.get<std::int64_t>());
    }
    if (value.is_number_unsigned()) {
        return std::to_string(value.get<std::uint64_t>());
    }
    if (value.is_number()) {
        return value.dump();
    }
    return {};
}

std::string field(const json& obj, const char* key) {
    const auto it = obj.find(key);
    return it == obj.end() ? std::string() : hf_text_of(*it);
}

std::string hf_join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) {
        out += (out.empty() ? "" : ",") + p;
    }
    return out;
}

void add_unique(std::vector<std::string>& list, std::string value) {
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) {
        list.push_back(std::move(value));
    }
}

std::vector<std::string> strings_of(const json& value) {
    std::vector<std::string> out;
    if (value.is_string()) {
        add_unique(out, value.get<std::string>());
    } else if (value.is_array()) {
        for (const auto& v : value) {
            add_unique(out, hf_text_of(v));
        }
    }
    return out;
}

std::vector<std::string> tags_with(const std::vector<std::string>& tags, std::string_view prefix) {
    std::vector<std::string> out;
    for (const auto& t : tags) {
        if (t.rfind(prefix, 0) == 0) {
            add_unique(out, t.substr(prefix.size()));
        }
    }
    return out;
}

std::string base_models_of(const json& model, const std::vector<std::string>& tags, const json& card) {
    std::vector<std::string> found;
    if (const auto it = model.find("baseModels"); it != model.end()) {
        // {"relation": "finetune", "models": [{"id": "..."}]} or a plain list of either form.
        const json& models = it->is_object() && it->contains("models") ? (*it)["models"] : *it;
        for (const auto& m : models.is_array() ? models : json::array({models})) {
            add_unique(found, m.is_object() ? field(m, "id") : hf_text_of(m));
        }
    }
    if (found.empty()) {
        // "base_model:finetune:org/name" and "base_model:org/name" name the same repo.
        for (auto value : tags_with(tags, "base_model:")) {
            const auto colon = value.find(':');
            if (colon != std::string::npos && colon < value.find('/')) {
                value = value.substr(colon + 1);
            }
            add_unique(found, value);
        }
    }
    if (found.empty() && card.contains("base_model")) {
        found = strings_of(card["base_model"]);
    }
    return hf_join(found);
}

std::string gated_of(const json& model) {
    const auto it = model.find("gated");
    if (it == model.end() || it->is_null()) {
        return {};
    }
    if (it->is_boolean()) {
        return it->get<bool>() ? "auto" : "false";  // gated:true predates the auto/manual split
    }
    return to_lower_ascii(hf_text_of(*it));
}

void read_date(const json& model, const char* key, const std::string& id, std::optional<TimePoint>& out,
               std::string& raw, std::string& normalised, std::vector<std::string>& warnings) {
    raw = field(model, key);
    if (raw.empty()) {
        return;
    }
    out = parse_iso8601(raw);
    if (out) {
        normalised = format_rfc3339(*out);
    } else {
        normalised = raw;
        warnings.push_back(std::string("unparseable ") + key + " '" + raw + "': " + id);
    }
}

std::optional<FeedEntry> entry_of(const json& model, std::vector<std::string>& warnings) {
    std::string id = field(model, "id");
    if (id.empty()) {
        id = field(model, "modelId");
    }
    if (id.empty()) {
        warnings.push_back("model without an id skipped");
        return std::nullopt;
    }
    FeedEntry e;
    e.id = id;
    e.title = id;
    e.link = "https://huggingface.co/" + id;
    const json empty = json::object();
    const json& card = model.contains("cardData") && model["cardData"].is_object() ? model["cardData"] : empty;
    const std::vector<std::string> tags =
        model.contains("tags") ? strings_of(model["tags"]) : std::vector<std::string>{};
    e.categories = tags;

    std::string author = field(model, "author");
    if (author.empty() && id.find('/') != std::string::npos) {
        author = id.substr(0, id.find('/'));
    }
    if (!author.empty()) {
        e.authors.push_back(author);
    }
    std::string created;
    std::string modified;
    read_date(model, "createdAt", id, e.published, e.published_raw, created, warnings);
    read_date(model, "lastModified", id, e.updated, e.updated_raw, modified, warnings);
    if (created.rfind(kMigrationDay, 0) == 0) {
        warnings.push_back("createdAt is the Hub's 2022-03-02 migration stamp, not a release date: " + id);
    }
    if (e.published && e.updated && *e.updated < *e.published) {
        warnings.push_back("lastModified is earlier than createdAt: " + id);
    }

    std::string license = card.contains("license") ? hf_join(strings_of(card["license"])) : std::string();
    if (license.empty()) {
        const auto from_tags = tags_with(tags, "license:");
        license = from_tags.empty() ? std::string() : from_tags.front();
    }
    std::string params;
    if (model.contains("safetensors") && model["safetensors"].is_object()) {
        params = field(model["safetensors"], "total");
    }
    e.extra = {
        {"repo", id},
        {"author", author},
        {"created_at", created},
        {"last_modified", modified},
        {"gated", gated_of(model)},
        {"private", field(model, "private")},
        {"license", license},
        {"license_name", field(card, "license_name")},
        {"license_link", field(card, "license_link")},
        {"sha", field(model, "sha")},
        {"params_total", params},
        {"base_models", base_models_of(model, tags, card)},
        {"pipeline_tag", field(model, "pipeline_tag")},
        {"downloads", field(model, "downloads")},
        {"likes", field(model, "likes")},
        {"arxiv", hf_join(tags_with(tags, "arxiv:"))},
    };
    return e;
}

bool starts_with_markup(std::string_view body) {
    const auto start = body.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    return start != std::string_view::npos && body[start] == '<';
}

}  // namespace

Result<ParsedFeed> parse_hf_models(std::string_view body, std::string_view source_url) {
    const std::string where(source_url);
    if (starts_with_markup(body)) {
        return make_error(ErrorCode::Parse, "not JSON: looks like HTML", where);
    }
    const json doc = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
        return make_error(ErrorCode::Parse, "not JSON: Hugging Face model listing expected", where);
    }
    if (doc.is_object() && doc.contains("error") && !doc.contains("id")) {
        return make_error(ErrorCode::Parse, "Hugging Face API error: " + hf_text_of(doc["error"]), where);
    }
    if (!doc.is_object() && !doc.is_array()) {
        return make_error(ErrorCode::Parse, "a JSON array or object of models expected", where);
    }
    ParsedFeed feed;
    feed.format = FeedFormat::HfJson;
    feed.title = "Hugging Face models";
    feed.link = where;
    for (const json& model : doc.is_array() ? doc : json::array({doc})) {
        if (!model.is_object()) {
            feed.warnings.push_back("non-object element skipped");
            continue;
        }
        if (auto entry = entry_of(model, feed.warnings)) {
            feed.items.push_back(std::move(*entry));
        }
    }
    return feed;
}

}  // namespace fw::ingest

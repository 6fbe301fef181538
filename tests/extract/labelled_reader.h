#pragma once
// Reads tests/data/extract/labelled.jsonl: one item per line with the events it must yield.
// {"id", "source": {"name", "kind", "lab"}, "item": {"title", "link", "published", "summary",
//  "content", "extra": {}}, "previous": {...}?, "expect": [{"kind", "model"?, "surface"?, "person"?,
//  "lab"?, "fields"?: {}}], "note"?}
// A real item is not copied (third-party text stays out of the repository): it has
// "ref": {"file", "guid"} instead of "item", an entry of a feed under ../shared (the guid, or the
// link when the feed gives none), read with the project's feed parser. Without ../shared such
// cases come back unresolved and are skipped by the caller.

#include <nlohmann/json.hpp>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/item.h"
#include "domain/time.h"
#include "extract/extractor.h"
#include "ingest/feed_parser.h"
#include "support/paths.h"

namespace fw::test {

struct LabelledCase {
    std::string id;
    extract::SourceInfo source;
    Item item;
    std::optional<Item> previous;
    nlohmann::json expect;
    bool resolved = true;  ///< false: a reference to ../shared, which is absent
};

inline Item item_from_json(const nlohmann::json& j, std::int64_t id) {
    Item item;
    item.id = id;
    item.entry.title = j.value("title", "");
    item.entry.link = j.value("link", "");
    item.entry.id = j.value("id", item.entry.link);
    if (auto p = parse_iso8601(j.value("published", ""))) {
        item.entry.published = *p;
    }
    item.entry.summary_text = j.value("summary", "");
    item.entry.content_text = j.value("content", "");
    const auto extra = j.value("extra", nlohmann::json::object());
    for (auto& [k, v] : extra.items()) {
        item.entry.extra[k] = v.get<std::string>();
    }
    item.content_hash = j.value("hash", "h" + std::to_string(id));
    item.fetched_at = item.entry.published.value_or(make_time(2026, 9, 1)) + std::chrono::hours(12);
    return item;
}

/// The entry of `rel` (a feed under `shared`) whose guid, else link, is `guid`, as the app
/// stores it: title, link, date, plain summary and content. Throws when it is not there.
inline Item item_from_ref(const std::filesystem::path& shared, const std::string& rel, const std::string& guid,
                          std::int64_t id) {
    static std::map<std::string, ParsedFeed> parsed;  // several cases refer to one feed
    auto it = parsed.find(rel);
    if (it == parsed.end()) {
        auto feed = ingest::parse_feed(read_file(shared / rel));
        if (!feed) {
            throw std::runtime_error(rel + ": " + feed.error().describe());
        }
        it = parsed.emplace(rel, std::move(*feed)).first;
    }
    for (const auto& e : it->second.items) {
        if ((e.id.empty() ? e.link : e.id) != guid) {
            continue;
        }
        Item item;
        item.id = id;
        item.entry = e;
        item.native_id = guid;
        item.content_hash = "h" + std::to_string(id);
        item.fetched_at = e.published.value_or(make_time(2026, 9, 1)) + std::chrono::hours(12);
        return item;
    }
    throw std::runtime_error(rel + ": no entry with guid " + guid);
}

inline std::vector<LabelledCase> read_labelled(const std::string& text) {
    const auto shared = shared_dir();
    std::vector<LabelledCase> cases;
    std::size_t start = 0;
    std::int64_t n = 0;
    while (start < text.size()) {
        auto nl = text.find('\n', start);
        auto line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        start = nl == std::string::npos ? text.size() : nl + 1;
        if (line.find_first_not_of(" \t\r") == std::string::npos || line[0] == '#') {
            continue;
        }
        auto j = nlohmann::json::parse(line);
        LabelledCase c;
        c.id = j.at("id").get<std::string>();
        const auto& s = j.at("source");
        c.source.name = s.value("name", "src");
        c.source.kind = source_kind_from_string(s.value("kind", "feed")).value_or(SourceKind::Feed);
        if (s.contains("lab") && s["lab"].is_string()) {
            c.source.lab = s["lab"].get<std::string>();
        }
        if (j.contains("ref")) {
            ++n;
            c.resolved = shared.has_value();
            if (c.resolved) {
                c.item = item_from_ref(*shared, j["ref"].at("file").get<std::string>(),
                                       j["ref"].at("guid").get<std::string>(), n);
            }
        } else {
            c.item = item_from_json(j.at("item"), ++n);
        }
        if (j.contains("previous")) {
            c.previous = item_from_json(j["previous"], c.item.id);
        }
        c.expect = j.value("expect", nlohmann::json::array());
        cases.push_back(std::move(c));
    }
    return cases;
}

}  // namespace fw::test

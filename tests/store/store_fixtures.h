#pragma once
// Builders shared by the store tests.

#include <memory>
#include <string>

#include "domain/event.h"
#include "domain/item.h"
#include "domain/source.h"
#include "store/sqlite_store.h"
#include "support/catch.h"

namespace fw::test {

inline std::unique_ptr<store::SqliteStore> memory_store() {
    auto opened = store::SqliteStore::open(":memory:");
    REQUIRE(opened.has_value());
    return std::move(*opened);
}

inline Source make_source(const std::string& name) {
    Source s;
    s.name = name;
    s.url = "https://example.org/" + name + ".xml";
    s.kind = SourceKind::Feed;
    s.lab = "meta";
    return s;
}

inline std::int64_t add_source(store::Store& st, const std::string& name) {
    auto id = st.add_source(make_source(name));
    REQUIRE(id.has_value());
    return *id;
}

/// An item whose hash follows its text, so changing the text makes a new version.
inline Item make_item(const std::string& native_id, const std::string& title, const std::string& text = "body text",
                      int day = 1) {
    Item item;
    item.native_id = native_id;
    item.entry.id = native_id;
    item.entry.title = title;
    item.entry.link = "https://example.org/" + native_id;
    item.entry.published = make_time(2026, 4, static_cast<unsigned>(day), 12);
    item.entry.summary = "<p>" + text + "</p>";
    item.entry.summary_text = text;
    item.fetched_at = make_time(2026, 4, 30);
    item.content_hash = "h:" + title + "|" + text;
    return item;
}

/// Item queries without designated initializers (-Wmissing-field-initializers).
inline store::ItemQuery item_query(std::optional<std::string> source, std::optional<std::string> search,
                                   std::optional<std::int64_t> after_id = std::nullopt, int limit = 50) {
    store::ItemQuery q;
    q.source = std::move(source);
    q.search = std::move(search);
    q.after_id = after_id;
    q.limit = limit;
    return q;
}

inline Event make_event(const std::string& key, const std::string& title) {
    Event e;
    e.kind = EventKind::ModelRelease;
    e.occurred_at = make_time(2026, 4, 8);
    e.lab = "meta";
    e.model = "muse-spark";
    e.title = title;
    e.fields.set("tier", std::string("flagship"));
    e.confidence = 0.8;
    e.dedupe_key = key;
    return e;
}

inline Evidence make_evidence(std::int64_t item_id, const std::string& url) {
    Evidence ev;
    ev.item_id = item_id;
    ev.url = url;
    ev.source = "meta-blog";
    ev.snippet = "snippet of " + url;
    ev.fetched_at = make_time(2026, 4, 9);
    return ev;
}

}  // namespace fw::test

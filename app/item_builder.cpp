#include "app/item_builder.h"

#include <array>
#include <string_view>

#include "domain/hash.h"
#include "domain/slug.h"

namespace fw::app {
namespace {

// Popularity counters of the Hugging Face listing change on every poll and say nothing about the
// model; a new version per poll would bury the licence and gating changes we look for.
constexpr std::array<std::string_view, 4> kVolatileExtras{"downloads", "likes", "trending_score",
                                                          "downloads_all_time"};

bool is_volatile(std::string_view key) {
    for (auto k : kVolatileExtras) {
        if (k == key) {
            return true;
        }
    }
    return false;
}

std::string canonical_link(std::string_view link) {
    const auto hash = link.find('#');
    return std::string(trim(hash == std::string_view::npos ? link : link.substr(0, hash)));
}

}  // namespace

std::string native_id_of(const FeedEntry& entry) {
    if (auto id = trim(entry.id); !id.empty()) {
        return std::string(id);
    }
    if (auto link = canonical_link(entry.link); !link.empty()) {
        return link;
    }
    ContentHasher h;
    h.add(entry.title).add(entry.summary).add(entry.content);
    return "title:" + h.hex();
}

std::string content_hash_of(const FeedEntry& entry) {
    ContentHasher h;
    h.add(entry.title).add(entry.link).add(entry.summary).add(entry.content);
    h.add(entry.published ? format_rfc3339(*entry.published) : entry.published_raw);
    h.add(entry.updated ? format_rfc3339(*entry.updated) : entry.updated_raw);
    for (const auto& a : entry.authors) {
        h.add(a);
    }
    for (const auto& c : entry.categories) {
        h.add(c);
    }
    for (const auto& e : entry.enclosures) {
        h.add(e.url).add(e.type);
    }
    for (const auto& [key, value] : entry.extra) {
        if (!is_volatile(key)) {
            h.add(key).add(value);
        }
    }
    return h.hex();
}

Item make_item(FeedEntry entry, std::int64_t source_id, TimePoint fetched_at) {
    Item item;
    item.source_id = source_id;
    item.native_id = native_id_of(entry);
    item.content_hash = content_hash_of(entry);
    item.fetched_at = fetched_at;
    item.entry = std::move(entry);
    return item;
}

}  // namespace fw::app

#include "app/item_builder.h"

#include <array>
#include <cctype>
#include <map>
#include <string_view>

#include "domain/hash.h"
#include "domain/slug.h"

namespace fw::app {
namespace {

// Popularity counters of the Hugging Face listing change on every poll and say nothing about the
// model; a new version per poll would bury the licence and gating changes we look for.
constexpr std::array<std::string_view, 4> kVolatileExtras{"downloads", "likes", "trending_score", "downloads_all_time"};

constexpr std::array<std::string_view, 7> kTrackingParams{"utm_",   "fbclid", "gclid", "mc_cid",
                                                          "mc_eid", "_hsenc", "_hsmi"};

bool is_volatile(std::string_view key) {
    for (auto k : kVolatileExtras) {
        if (k == key) {
            return true;
        }
    }
    return false;
}

bool is_tracking(std::string_view param) {
    const auto name = param.substr(0, param.find('='));
    for (auto t : kTrackingParams) {
        if (t.back() == '_' ? name.starts_with(t) : name == t) {
            return true;
        }
    }
    return false;
}

// Cuts at or below max bytes without splitting a UTF-8 sequence.
bool cap_utf8(std::string& text, std::size_t max) {
    if (text.size() <= max) {
        return false;
    }
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    text.resize(cut);
    return true;
}

std::string title_key(const FeedEntry& e) {
    ContentHasher h;
    h.add(e.title).add(e.summary).add(e.content);
    return "title:" + h.hex();
}

}  // namespace

std::string canonical_link(std::string_view link) {
    link = trim(link);
    link = link.substr(0, link.find('#'));
    const auto q = link.find('?');
    if (q == std::string_view::npos) {
        return std::string(link);
    }
    std::string out(link.substr(0, q));
    std::string_view query = link.substr(q + 1);
    char sep = '?';
    while (!query.empty()) {
        const auto amp = query.find('&');
        const auto param = query.substr(0, amp);
        if (!param.empty() && !is_tracking(param)) {
            out += sep;
            out += param;
            sep = '&';
        }
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    }
    return out;
}

std::vector<std::string> native_ids_of(const std::vector<FeedEntry>& entries) {
    std::vector<std::string> links;
    std::map<std::string, int> link_count;
    std::map<std::string, int> guid_count;
    for (const auto& e : entries) {
        links.push_back(canonical_link(e.link));
        ++link_count[links.back()];
        ++guid_count[std::string(trim(e.id))];
    }
    std::vector<std::string> ids;
    std::map<std::string, int> seen;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string guid(trim(entries[i].id));
        const std::string& link = links[i];
        std::string key;
        if (!link.empty() && link_count[link] == 1) {
            key = link;
        } else if (!guid.empty()) {
            key = guid_count[guid] > 1 && !link.empty() ? guid + "|" + link : guid;
        } else {
            key = title_key(entries[i]);
        }
        // Still shared (same GUID and link, or identical text): the position in the feed decides.
        if (const int n = seen[key]++; n > 0) {
            key += "|#" + std::to_string(n);
        }
        ids.push_back(std::move(key));
    }
    return ids;
}

std::string content_hash_of(const FeedEntry& entry) {
    ContentHasher h;
    h.add(entry.title).add(entry.link).add(entry.summary).add(entry.content);
    // Adapters that keep no raw markup (a watched page, an API record read as text) have only
    // the text: it is then the content, and a change of it a new version. Text derived from
    // raw summary/content adds nothing and is left out, so stored hashes stay as they were.
    if (entry.summary.empty() && !entry.summary_text.empty()) {
        h.add("summary_text").add(entry.summary_text);
    }
    if (entry.content.empty() && !entry.content_text.empty()) {
        h.add("content_text").add(entry.content_text);
    }
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

void normalise_entry(FeedEntry& entry, TimePoint fetched_at) {
    bool cut = cap_utf8(entry.title, kMaxTitleBytes);
    for (std::string* text :
         {&entry.summary, &entry.content, &entry.summary_text, &entry.content_text, &entry.article_text}) {
        cut = cap_utf8(*text, kMaxContentBytes) || cut;
    }
    if (cut) {
        entry.extra["truncated"] = "true";
    }
    const auto earliest = make_time(1990, 1, 1);
    const auto latest = fetched_at + std::chrono::hours(48);
    for (const auto& t : {entry.published, entry.updated}) {
        if (t && (*t < earliest || *t > latest)) {
            entry.extra["date_quality"] = "suspect";
        }
    }
}

bool is_thin(const FeedEntry& entry) {
    std::string text;
    for (const std::string* part : {&entry.summary_text, &entry.content_text}) {
        std::string_view t = trim(*part);
        if (!entry.title.empty() && t.starts_with(entry.title)) {
            t = trim(t.substr(entry.title.size()));  // generated feeds repeat the title
        }
        if (!t.empty() && text.find(t) == std::string::npos) {
            text += std::string(t) + " ";
        }
    }
    if (text.size() > 300) {
        return false;
    }
    // Sentences: runs ended by . ! ? that hold at least three words.
    int sentences = 0;
    int words = 0;
    bool in_word = false;
    for (const char c : text) {
        const bool letter =
            std::isalnum(static_cast<unsigned char>(c)) != 0 || (static_cast<unsigned char>(c) & 0x80) != 0;
        if (letter && !in_word) {
            ++words;
        }
        in_word = letter;
        if ((c == '.' || c == '!' || c == '?') && words >= 3) {
            ++sentences;
            words = 0;
        }
    }
    sentences += words >= 3 ? 1 : 0;
    return sentences <= 1;
}

std::vector<Item> make_items(std::vector<FeedEntry> entries, std::int64_t source_id, TimePoint fetched_at) {
    if (entries.size() > kMaxItemsPerFetch) {
        entries.resize(kMaxItemsPerFetch);
    }
    for (auto& e : entries) {
        normalise_entry(e, fetched_at);
    }
    const auto ids = native_ids_of(entries);
    std::vector<Item> items;
    items.reserve(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        Item item;
        item.source_id = source_id;
        item.native_id = ids[i];
        item.content_hash = content_hash_of(entries[i]);
        item.fetched_at = fetched_at;
        item.entry = std::move(entries[i]);
        items.push_back(std::move(item));
    }
    return items;
}

Item make_item(FeedEntry entry, std::int64_t source_id, TimePoint fetched_at) {
    std::vector<FeedEntry> one;
    one.push_back(std::move(entry));
    return std::move(make_items(std::move(one), source_id, fetched_at).front());
}

}  // namespace fw::app

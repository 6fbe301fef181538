#pragma once
// What a parser or source adapter produces: a feed with entries, before anything is stored.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.h"

namespace fw {

enum class FeedFormat { Rss2, Rss1, Rss09, Atom10, Atom03, JsonFeed, HfJson, PricesCsv, Page, GithubJson, EdgarJson };

/// Contract names: "rss2", "rss1", "rss09", "atom10", "atom03", "jsonfeed" (+ "hf-json",
/// "prices-csv", "page", "github-json" (GitHub REST listings), "edgar-json" (EDGAR submissions)
/// for the non-feed adapters).
std::string_view to_string(FeedFormat format);

struct Enclosure {
    std::string url;
    std::string type;
    std::int64_t length = 0;
};

/// One entry of a feed, or one record of an API/CSV/page adapter.
struct FeedEntry {
    std::string id;     ///< guid / atom:id / json id / HF repo id / accession ...; may be empty
    std::string title;  ///< plain text (entities decoded once, tags stripped)
    std::string link;   ///< absolute URL (xml:base and the feed URL applied)
    std::optional<TimePoint> published;
    std::optional<TimePoint> updated;
    std::string published_raw;  ///< the date string as found, kept when it could not be parsed
    std::string updated_raw;
    std::vector<std::string> authors;
    std::string summary;       ///< as found (may be HTML)
    std::string content;       ///< as found (may be HTML)
    std::string summary_text;  ///< plain text of summary
    std::string content_text;  ///< plain text of content
    /// Main text of the linked article, read when the entry itself is thin (app/article_reader);
    /// stored with the item version, never part of its content hash.
    std::string article_text;
    std::vector<std::string> categories;
    std::vector<Enclosure> enclosures;
    /// Adapter-specific values, flat text: hf "gated", "license", "sha", "created_at";
    /// edgar "form_type", "items", "accession"; arxiv "primary_category", "version"; prices
    /// "open", "close", ...; github "tag", "commit_sha". Documented by each adapter.
    std::map<std::string, std::string> extra;
};

struct ParsedFeed {
    FeedFormat format = FeedFormat::Rss2;
    std::string title;
    std::string link;
    std::string description;
    std::optional<std::string> language;
    std::optional<TimePoint> updated;
    std::vector<FeedEntry> items;
    /// Problems recovered from (bad date, repaired encoding, ...): "what: where".
    std::vector<std::string> warnings;
};

}  // namespace fw

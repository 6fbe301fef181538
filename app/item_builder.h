#pragma once
// Turns parsed entries into storable Items: their native ids, content hashes and storage caps.

#include <cstdint>
#include <string>
#include <vector>

#include "domain/feed.h"
#include "domain/item.h"
#include "domain/time.h"

namespace fw::app {

/// Storage caps (robustness.md F7): entries beyond kMaxItemsPerFetch are dropped (feeds list
/// newest first), longer titles and texts are cut at a UTF-8 boundary and flagged
/// extra["truncated"] = "true".
inline constexpr std::size_t kMaxItemsPerFetch = 10000;
inline constexpr std::size_t kMaxTitleBytes = 2 * 1024;
inline constexpr std::size_t kMaxContentBytes = 512 * 1024;

/// The link without its fragment and without tracking parameters (utm_*, fbclid, gclid, ...),
/// so the same article reached through differently tagged links is one item.
std::string canonical_link(std::string_view link);

/// Identities of the entries of one fetch, in order, stable across fetches of the same feed:
/// - the canonical link when no other entry of the fetch shares it (a GUID that changes on every
///   fetch of a stable link then adds no duplicate: robustness.md F6);
/// - else the GUID, made unique with the link or the position when several entries share it
///   (a feed repeating one GUID keeps every item: F4);
/// - else "title:" + a hash of title and text (F5).
std::vector<std::string> native_ids_of(const std::vector<FeedEntry>& entries);

/// Hash of what a reader would call the content. Counters that move on every poll (downloads,
/// likes) are left out so they do not create a new version each time.
std::string content_hash_of(const FeedEntry& entry);

/// Applies the caps and flags dates that cannot be right (more than 2 days after the fetch, or
/// before 1990): extra["date_quality"] = "suspect" (F3). The date itself is kept.
void normalise_entry(FeedEntry& entry, TimePoint fetched_at);

/// True when an entry says little beyond its title: its summary and content text together (the
/// title repeated at their start left out) hold at most one sentence and at most 300 bytes.
/// Such an item's facts are in its linked article (app/fetch_service reads it).
bool is_thin(const FeedEntry& entry);

/// One fetch's entries as Items (caps applied, ids assigned, hashes computed).
std::vector<Item> make_items(std::vector<FeedEntry> entries, std::int64_t source_id, TimePoint fetched_at);

/// A single entry as an Item, for callers that know its id is unique (tests, tools).
Item make_item(FeedEntry entry, std::int64_t source_id, TimePoint fetched_at);

}  // namespace fw::app

#pragma once
// Turns a parsed entry into a storable Item: its native id and its content hash.

#include <cstdint>

#include "domain/feed.h"
#include "domain/item.h"
#include "domain/time.h"

namespace fw::app {

/// The identity of an entry within its source: the entry id, else its canonical link (fragment
/// dropped), else "title:" + hash of title and text. Stable across fetches.
std::string native_id_of(const FeedEntry& entry);

/// Hash of what a reader would call the content. Counters that move on every poll (downloads,
/// likes) are left out so they do not create a new version each time.
std::string content_hash_of(const FeedEntry& entry);

Item make_item(FeedEntry entry, std::int64_t source_id, TimePoint fetched_at);

}  // namespace fw::app

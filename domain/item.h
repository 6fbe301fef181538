#pragma once
// A stored item: one FeedEntry as kept in the store, deduplicated by source + native id.

#include <cstdint>
#include <optional>
#include <string>

#include "domain/feed.h"
#include "domain/time.h"

namespace fw {

struct Item {
    std::int64_t id = 0;
    std::int64_t source_id = 0;
    std::string source_name;   ///< filled by the store on reads
    std::string native_id;     ///< entry id, else canonical link, else title + content hash
    FeedEntry entry;           ///< everything parsed (title, link, dates, text, extra)
    TimePoint fetched_at{};    ///< first time we saw this version
    std::string content_hash;  ///< hash of the normalised entry; a change makes a new version
    int version = 1;
};

}  // namespace fw

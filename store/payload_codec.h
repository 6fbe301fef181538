#pragma once
// JSON text for the columns that hold whole domain values (item payloads, event fields,
// question evidence). nlohmann stays in the .cpp; decoders return nullopt on malformed text.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/feed.h"
#include "domain/fields.h"

namespace fw::store::detail {

/// Every FeedEntry member, times as RFC 3339. Invalid UTF-8 is replaced, never thrown on.
/// Without `with_text`, summary_text and content_text are left out (the item columns hold them);
/// article_text (the linked article's text, no column of its own) is always kept when present.
std::string encode_entry(const FeedEntry& entry, bool with_text = true);
std::optional<FeedEntry> decode_entry(std::string_view json);

/// {"key": scalar, ...}
std::string encode_fields(const Fields& fields);
std::optional<Fields> decode_fields(std::string_view json);

/// [1, 2, 3]
std::string encode_ids(const std::vector<std::int64_t>& ids);
std::optional<std::vector<std::int64_t>> decode_ids(std::string_view json);

}  // namespace fw::store::detail

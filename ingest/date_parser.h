#pragma once
// Dates as feeds write them: RFC 822/1123/2822 and their real-world variants (two-digit years,
// missing seconds or time, stray commas, named and military zones, asctime), and W3C-DTF/ISO 8601
// variants (fractional seconds, space separator, reduced precision). Nothing here ever answers
// "now": an unreadable date is nullopt and the caller keeps the raw text.

#include <optional>
#include <string_view>

#include "domain/time.h"

namespace fw::ingest {

/// UTC time of a feed date string, or nullopt when it cannot be read unambiguously.
std::optional<TimePoint> parse_feed_date(std::string_view text);

/// The ISO 8601 / W3C-DTF subset alone (used for Atom and JSON Feed, where RFC 822 is wrong).
std::optional<TimePoint> parse_w3c_date(std::string_view text);

/// The RFC 822 family alone (RSS pubDate and friends).
std::optional<TimePoint> parse_rfc822_date(std::string_view text);

}  // namespace fw::ingest

#pragma once
// Feed documents -> ParsedFeed: RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed 1.0/1.1. Bytes are
// decoded to UTF-8 first (ingest/encoding.h); the format is detected from the content.

#include <optional>
#include <string>
#include <string_view>

#include "domain/feed.h"
#include "domain/result.h"

namespace fw::ingest {

/// The feed format of a body, from its first element (or JSON Feed's version URL); the
/// Content-Type only helps with JSON. nullopt for anything else (HTML pages, other JSON, text).
std::optional<FeedFormat> detect_format(std::string_view body, std::string_view content_type = {});

struct ParseOptions {
    std::string base_url;      ///< the feed's URL: relative links resolve against it
    std::string content_type;  ///< the HTTP Content-Type, for its charset and JSON detection
    /// False: the XML readers may leave summary_text and content_text empty (HTML to text is
    /// most of a parse; `parse` without --json prints neither). Anything stored needs them.
    bool plain_text = true;
};

/// Parses any supported feed. Errors (all ErrorCode::Parse, message starting with a stable key):
/// "feed.empty", "not a feed: looks like HTML", "feed.unknown_format", "feed.xml_malformed ... at
/// byte N", "feed.json_malformed", "feed.invalid". Recovered problems go to ParsedFeed::warnings.
Result<ParsedFeed> parse_feed(std::string_view body, const ParseOptions& opts = {});

/// Same, taking the body: valid UTF-8 is parsed in place without copying it first.
Result<ParsedFeed> parse_feed_owned(std::string body, const ParseOptions& opts = {});

/// True when the body looks like an HTML page (doctype or <html> first).
bool looks_like_html(std::string_view body);

}  // namespace fw::ingest

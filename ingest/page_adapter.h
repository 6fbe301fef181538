#pragma once
// A web page (HTML or plain text) whose visible text is versioned: one entry per fetch, so a
// change between two fetches can become a diff downstream.

#include <string_view>

#include "domain/feed.h"
#include "domain/result.h"

namespace fw::ingest {

/// FeedFormat::Page with one entry: id = link = url, title = the page <title> (plain text: its
/// first line), content_text = the visible text (html_to_text; plain text passes through with
/// line ends normalised). The raw HTML is not kept: the text is what is compared. HTML is
/// recognised from the Content-Type, else sniffed. Bytes are decoded to UTF-8 first.
/// Error{Parse} for an empty body.
Result<ParsedFeed> parse_page(std::string_view body, std::string_view url, std::string_view content_type);

}  // namespace fw::ingest

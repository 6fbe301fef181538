#pragma once
// arXiv API responses (Atom). FeedEntry.extra keys: arxiv_id (without version, e.g. "2501.12948"
// or "astro-ph/0601001"), version ("1"), primary_category, categories ("cs.CL,cs.AI"), doi,
// comment. The API's error feed (one entry titled "Error") becomes Error{Parse} with its message.

#include <string_view>

#include "domain/feed.h"
#include "domain/result.h"
#include "ingest/feed_parser.h"

namespace fw::ingest {

Result<ParsedFeed> parse_arxiv(std::string_view body, const ParseOptions& opts = {});

}  // namespace fw::ingest

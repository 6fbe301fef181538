#pragma once
// SEC EDGAR company filings Atom (browse-edgar ... output=atom) and the "current filings" feed.
// FeedEntry.extra keys: form_type, items ("2.02,9.01"), accession, filing_date, filing_href,
// company, cik. Declared ISO-8859-1 is handled by the encoding layer. A JSON body (the
// submissions JSON of data.sec.gov) is read by edgar_submissions.h with the same keys.

#include <string>
#include <string_view>

#include "domain/feed.h"
#include "domain/result.h"
#include "ingest/feed_parser.h"

namespace fw::ingest {

Result<ParsedFeed> parse_edgar(std::string_view body, const ParseOptions& opts = {});

/// 8-K item numbers in an items-desc text, in order, without duplicates: "items 1.01, 3.02,
/// 8.01and9.01" -> "1.01,3.02,8.01,9.01". A number is \d{1,2}\.\d{2} not inside a longer number,
/// so "12.02" never yields "2.02".
std::string edgar_items(std::string_view items_desc);

}  // namespace fw::ingest

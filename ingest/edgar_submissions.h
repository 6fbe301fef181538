#pragma once
// SEC EDGAR submissions JSON (data.sec.gov/submissions/CIK##########.json), read beside the
// company Atom feed: the only EDGAR format that lists an 8-K's item numbers for every filing.

#include <string_view>

#include "domain/feed.h"
#include "domain/result.h"

namespace fw::ingest {

/// One entry per row of the columnar filings.recent arrays (FeedFormat::EdgarJson): id =
/// accessionNumber, title = form (+ " - " + primaryDocDescription when it says more), link =
/// https://www.sec.gov/Archives/edgar/data/<cik>/<accession without dashes>/<primaryDocument>
/// (the filing folder when there is no primary document), published = filingDate.
/// extra: the Atom adapter's keys (form_type, items "5.02,9.01", accession, filing_date,
/// filing_href, company, cik) plus report_date, accepted_at (acceptanceDateTime),
/// primary_document. Older filings (filings.files pages) are not followed. Not JSON, no
/// filings.recent, or arrays of different lengths: Error{Parse} naming `source_url`.
Result<ParsedFeed> parse_edgar_submissions(std::string_view body, std::string_view source_url);

}  // namespace fw::ingest

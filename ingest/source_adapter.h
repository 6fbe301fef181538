#pragma once
// One entry point from a fetched body to what a source kind yields: feed entries, and for
// price sources the daily bars. The app calls this and never picks a parser itself.

#include <string>
#include <string_view>
#include <vector>

#include "domain/feed.h"
#include "domain/price.h"
#include "domain/result.h"
#include "domain/source.h"

namespace fw::ingest {

struct DocumentMeta {
    std::string source_name;   ///< the prices symbol; named in errors
    std::string url;           ///< final URL: base for relative links
    std::string content_type;  ///< HTTP Content-Type ("" for files)
    bool plain_text = true;    ///< ParseOptions::plain_text: false only for a look that stores nothing
};

struct SourceDocument {
    ParsedFeed feed;
    std::vector<PriceBar> prices;  ///< only for SourceKind::Prices
};

/// feed -> parse_feed; hf-author -> parse_hf_models; github-releases/-commits, edgar, arxiv ->
/// their Atom adapters; prices -> parse_prices_csv (symbol = source name; the feed is then
/// FeedFormat::PricesCsv without entries: bars are not items); page -> parse_page.
/// Errors keep their code; the context names the source and URL.
Result<SourceDocument> parse_document(SourceKind kind, std::string_view body, const DocumentMeta& meta);

/// Same, taking the body: a feed that is valid UTF-8 is parsed in it without a copy (`parse` of
/// a 20 MB file). Other kinds read it as parse_document does.
Result<SourceDocument> parse_document_owned(SourceKind kind, std::string body, const DocumentMeta& meta);

}  // namespace fw::ingest

#include "ingest/source_adapter.h"

#include <string>

#include "ingest/arxiv_adapter.h"
#include "ingest/edgar_adapter.h"
#include "ingest/feed_parser.h"
#include "ingest/github_adapter.h"
#include "ingest/hf_adapter.h"
#include "ingest/page_adapter.h"
#include "ingest/prices_csv.h"

namespace fw::ingest {
namespace {

Result<SourceDocument> parse_prices(std::string_view body, const DocumentMeta& meta) {
    auto bars = parse_prices_csv(body, meta.source_name);
    if (!bars) {
        return bars.error();
    }
    SourceDocument doc;
    doc.feed.format = FeedFormat::PricesCsv;
    doc.feed.title = meta.source_name;
    doc.feed.link = meta.url;
    doc.prices = std::move(*bars);
    return doc;
}

Result<ParsedFeed> parse_for_kind(SourceKind kind, std::string_view body, const DocumentMeta& meta) {
    const ParseOptions options{meta.url, meta.content_type, meta.plain_text};
    switch (kind) {
        case SourceKind::HfAuthor:
            return parse_hf_models(body, meta.url);
        case SourceKind::Page:
            return parse_page(body, meta.url, meta.content_type);
        case SourceKind::GithubReleases:
            return parse_github_releases(body, options);
        case SourceKind::GithubCommits:
            return parse_github_commits(body, options);
        case SourceKind::Edgar:
            return parse_edgar(body, options);
        case SourceKind::Arxiv:
            return parse_arxiv(body, options);
        case SourceKind::Feed:
        case SourceKind::Prices:
            break;
    }
    return parse_feed(body, options);
}

std::string context_of(const DocumentMeta& meta, const std::string& inner) {
    std::string where = meta.source_name.empty() ? meta.url : meta.source_name + " (" + meta.url + ")";
    if (!inner.empty() && inner != meta.url && inner != meta.source_name) {
        where += ": " + inner;
    }
    return where;
}

Result<SourceDocument> as_document(Result<ParsedFeed> feed) {
    if (!feed) {
        return feed.error();
    }
    return SourceDocument{std::move(*feed), {}};
}

/// Errors keep their code; the context names the source and URL.
Result<SourceDocument> in_context(Result<SourceDocument> result, const DocumentMeta& meta) {
    if (!result) {
        Error e = result.error();
        e.context = context_of(meta, e.context);
        return e;
    }
    return result;
}

}  // namespace

Result<SourceDocument> parse_document(SourceKind kind, std::string_view body, const DocumentMeta& meta) {
    if (kind == SourceKind::Prices) {
        return in_context(parse_prices(body, meta), meta);
    }
    return in_context(as_document(parse_for_kind(kind, body, meta)), meta);
}

Result<SourceDocument> parse_document_owned(SourceKind kind, std::string body, const DocumentMeta& meta) {
    if (kind != SourceKind::Feed) {
        return parse_document(kind, body, meta);
    }
    const ParseOptions options{meta.url, meta.content_type, meta.plain_text};
    return in_context(as_document(parse_feed_owned(std::move(body), options)), meta);
}

}  // namespace fw::ingest

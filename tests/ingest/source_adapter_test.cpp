#include <string>

#include "ingest/source_adapter.h"
#include "support/catch.h"
#include "support/paths.h"

using namespace fw;
using namespace fw::ingest;

namespace {
const char* kRss = R"(<?xml version="1.0"?><rss version="2.0"><channel><title>Lab news</title>
<link>https://lab.example/</link><item><title>Model X</title><link>/news/x</link>
<guid>x-1</guid></item></channel></rss>)";
const char* kAtom = R"(<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Releases</title>
<id>tag:github.com,2008:x</id><updated>2026-04-08T10:00:00Z</updated><entry><id>tag:1</id>
<title>v1.0</title><updated>2026-04-08T10:00:00Z</updated><link href="https://github.com/o/r/releases/tag/v1.0"/></entry></feed>)";
}  // namespace

TEST_CASE("feed sources go through the feed parser", "[ingest][unit][source_adapter]") {
    const auto doc =
        parse_document(SourceKind::Feed, kRss, {"lab", "https://lab.example/feed.xml", "application/rss+xml"});
    REQUIRE(doc);
    CHECK(doc->feed.format == FeedFormat::Rss2);
    REQUIRE(doc->feed.items.size() == 1);
    CHECK(doc->feed.items[0].link == "https://lab.example/news/x");
    CHECK(doc->prices.empty());
}

TEST_CASE("Atom-based kinds yield their entries", "[ingest][unit][source_adapter]") {
    for (auto kind : {SourceKind::GithubReleases, SourceKind::GithubCommits, SourceKind::Arxiv, SourceKind::Edgar}) {
        const auto doc = parse_document(kind, kAtom, {"r", "https://github.com/o/r/releases.atom", ""});
        REQUIRE(doc);
        REQUIRE(doc->feed.items.size() == 1);
        CHECK(doc->feed.items[0].title == "v1.0");
    }
}

TEST_CASE("hf-author, page and prices sources use their adapters", "[ingest][unit][source_adapter]") {
    const auto hf = parse_document(SourceKind::HfAuthor, R"([{"id": "org/m", "gated": false}])",
                                   {"hf", "https://huggingface.co/api/models?author=org", "application/json"});
    REQUIRE(hf);
    CHECK(hf->feed.format == FeedFormat::HfJson);
    CHECK(hf->feed.items.at(0).extra.at("gated") == "false");

    const auto page = parse_document(SourceKind::Page, "<title>T</title><p>body</p>", {"p", "https://x/", "text/html"});
    REQUIRE(page);
    CHECK(page->feed.format == FeedFormat::Page);
    CHECK(page->feed.items.at(0).content_text == "body");

    const auto prices =
        parse_document(SourceKind::Prices, "Date,Close\n2026-04-08,1.5\n", {"META", "file:///p.csv", ""});
    REQUIRE(prices);
    CHECK(prices->feed.format == FeedFormat::PricesCsv);
    CHECK(prices->feed.items.empty());
    REQUIRE(prices->prices.size() == 1);
    CHECK(prices->prices[0].symbol == "META");
    CHECK(prices->prices[0].close == 1.5);
}

TEST_CASE("errors name the source and URL and keep their code", "[ingest][unit][source_adapter]") {
    const auto r =
        parse_document(SourceKind::Prices, "<html>captcha</html>", {"SPY", "https://stooq.com/q/d/l/?s=spy.us", ""});
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::Parse);
    CHECK(r.error().context.find("SPY (https://stooq.com/q/d/l/?s=spy.us)") == 0);
    CHECK(r.error().describe().find("looks like HTML") != std::string::npos);

    const auto bad_feed =
        parse_document(SourceKind::Feed, "<html><body>no feed</body></html>", {"lab", "https://lab/", "text/html"});
    REQUIRE_FALSE(bad_feed);
    CHECK(bad_feed.error().context.find("lab (https://lab/)") == 0);
}

TEST_CASE("github-releases dispatches to the releases adapter (tags in extra)", "[ingest][unit][source_adapter]") {
    const auto body =
        fw::test::read_file(fw::test::test_data("ingest/github/fixture-org__release-notes.releases.atom.xml"));
    const std::string url = "https://github.com/fixture-org/release-notes/releases.atom";
    const auto as_release = parse_document(SourceKind::GithubReleases, body, {"r", url, ""});
    REQUIRE(as_release);
    REQUIRE_FALSE(as_release->feed.items.empty());
    CHECK(as_release->feed.items[0].extra.count("tag") == 1);
    const auto as_feed = parse_document(SourceKind::Feed, body, {"r", url, ""});
    REQUIRE(as_feed);
    CHECK(as_feed->feed.items[0].extra.count("tag") == 0);  // a plain feed gets no adapter extras
}

// Atom-based source adapters (golden checks: counts, first titles, dates, extra keys). Fixtures the
// project wrote in the real shapes run everywhere; the real recorded responses are read in place
// from ../shared when it is present.

#include "ingest/arxiv_adapter.h"
#include "ingest/edgar_adapter.h"
#include "ingest/feed_parser.h"
#include "ingest/github_adapter.h"
#include "support/catch.h"
#include "support/paths.h"

using namespace fw;
using namespace fw::ingest;

TEST_CASE("EDGAR items-desc numbers are extracted without 12.02 matching 2.02", "[ingest][unit]") {
    CHECK(edgar_items("items 2.02 and 9.01") == "2.02,9.01");
    CHECK(edgar_items("items 1.01, 3.02, 8.01and9.01") == "1.01,3.02,8.01,9.01");
    CHECK(edgar_items("item 12.02") == "12.02");  // never "2.02"
    CHECK(edgar_items("items 5.02, 5.02 and 9.01") == "5.02,9.01");
    CHECK(edgar_items("item 2.021") == "");
    CHECK(edgar_items("") == "");
}

TEST_CASE("an EDGAR filings entry yields every extra key", "[ingest][unit]") {
    const std::string body = R"(<?xml version="1.0" encoding="ISO-8859-1" ?>
<feed xmlns="http://www.w3.org/2005/Atom"><company-info><cik>0001326801</cik><conformed-name>Meta Platforms, Inc.</conformed-name></company-info>
<title>Meta Platforms, Inc.  (0001326801)</title>
<entry><category label="form type" scheme="https://www.sec.gov/" term="8-K"/>
<content type="text/xml"><accession-number>0001326801-26-000012</accession-number><filing-date>2026-04-29</filing-date>
<filing-href>https://www.sec.gov/Archives/edgar/data/1326801/000132680126000012/0001326801-26-000012-index.htm</filing-href>
<filing-type>8-K</filing-type><items-desc>items 2.02 and 9.01</items-desc></content>
<id>urn:tag:sec.gov,2008:accession-number=0001326801-26-000012</id>
<link href="https://www.sec.gov/x-index.htm" rel="alternate" type="text/html"/>
<summary type="html"> &lt;b&gt;Filed:&lt;/b&gt; 2026-04-29 caf)"
                             "\xE9"
                             R"(</summary>
<title>8-K  - Current report</title><updated>2026-04-29T20:18:55-04:00</updated></entry></feed>)";
    const auto r = parse_edgar(body);
    REQUIRE(r);
    REQUIRE(r->items.size() == 1);
    const auto& x = r->items[0].extra;
    CHECK(x.at("form_type") == "8-K");
    CHECK(x.at("items") == "2.02,9.01");
    CHECK(x.at("accession") == "0001326801-26-000012");
    CHECK(x.at("filing_date") == "2026-04-29");
    CHECK(x.at("filing_href").find("0001326801-26-000012-index.htm") != std::string::npos);
    CHECK(x.at("company") == "Meta Platforms, Inc.");
    CHECK(x.at("cik") == "0001326801");
    CHECK(r->items[0].summary_text.find("caf\xC3\xA9") != std::string::npos);  // ISO-8859-1 decoded
    CHECK(format_rfc3339(r->items[0].updated.value()) == "2026-04-30T00:18:55Z");
}

TEST_CASE("real EDGAR feeds: counts, forms, items and current-filings companies", "[ingest][realworld]") {
    FW_REQUIRE_SHARED(shared);
    const auto dir = shared / "corpus/realworld/sec_edgar";
    const auto aapl = parse_edgar(test::read_file(dir / "getcompany_AAPL_all.atom.xml"));
    REQUIRE(aapl);
    CHECK(aapl->items.size() == 40);
    const auto& first = aapl->items.front().extra;
    CHECK(first.at("form_type") == "8-K");
    CHECK(first.at("accession") == "0001193125-21-054710");
    CHECK(first.at("filing_date") == "2021-02-24");
    CHECK(first.at("company") == "Apple Inc.");
    CHECK(first.at("cik") == "0000320193");
    const auto ea = parse_edgar(test::read_file(dir / "getcompany_EA_all.atom.xml"));
    REQUIRE(ea);
    bool saw_sloppy = false;
    for (const auto& e : ea->items)
        saw_sloppy |= e.extra.at("items") == "2.01,8.01,9.01";
    CHECK(saw_sloppy);
    const auto current = parse_edgar(test::read_file(dir / "getcurrent_all.atom.xml"));
    REQUIRE(current);
    REQUIRE_FALSE(current->items.empty());
    for (const auto& e : current->items) {
        CHECK_FALSE(e.extra.at("accession").empty());
        CHECK_FALSE(e.extra.at("company").empty());
        CHECK(e.extra.at("cik").size() == 10);
    }
}

TEST_CASE("arXiv entries carry id, version, categories; the error feed is an Error", "[ingest][unit]") {
    const auto r = parse_arxiv(test::read_file(test::test_data("ingest/arxiv/id_2604.00917_answer.xml")));
    REQUIRE(r);
    REQUIRE(r->items.size() == 1);
    const auto& e = r->items[0];
    CHECK(e.title == "A Fixture Paper on Release Tracking: Dates, Licences and Surfaces");
    CHECK(e.extra.at("arxiv_id") == "2604.00917");
    CHECK(e.extra.at("version") == "2");
    CHECK(e.extra.at("primary_category") == "cs.CL");
    CHECK(e.extra.at("categories").find("cs.CL") == 0);
    CHECK(e.extra.at("categories").find("cs.LG") != std::string::npos);
    CHECK(e.extra.at("comment") == "12 pages, 3 figures; fixture text");
    CHECK(format_rfc3339(e.published.value()) == "2026-04-02T17:45:10Z");
    const auto err = parse_arxiv(test::read_file(test::test_data("ingest/arxiv/id_xyz_error.xml")));
    REQUIRE_FALSE(err);
    CHECK(err.error().code == ErrorCode::Parse);
    CHECK(err.error().message == "arXiv API error: incorrect id format for xyz");
}

TEST_CASE("the real arXiv answer for 1707.08567 and the real error feed for 'abc'", "[ingest][realworld]") {
    FW_REQUIRE_SHARED(shared);
    const auto dir = shared / "corpus/realworld/arxiv/api_2026";
    const auto r = parse_arxiv(test::read_file(dir / "id_1707.08567_s0_m100_6a1afebfc6a3.xml"));
    REQUIRE(r);
    REQUIRE(r->items.size() == 1);
    const auto& e = r->items[0];
    CHECK(e.title == "Proceedings of Workshop AEW10: Concepts in Information Theory and Communications");
    CHECK(e.extra.at("arxiv_id") == "1707.08567");
    CHECK(e.extra.at("version") == "1");
    CHECK(e.extra.at("primary_category") == "cs.IT");
    CHECK(e.extra.at("categories").find("cs.IT") == 0);
    CHECK(e.extra.count("comment") == 1);
    CHECK(format_rfc3339(e.published.value()) == "2017-07-27T08:18:33Z");
    const auto err = parse_arxiv(test::read_file(dir / "id_abc_s0_m100_b79c8dcf6bc3.xml"));
    REQUIRE_FALSE(err);
    CHECK(err.error().code == ErrorCode::Parse);
    CHECK(err.error().message == "arXiv API error: incorrect id format for abc");
}

TEST_CASE("real arXiv responses: old ids, 2016 format, paging, empty results", "[ingest][realworld]") {
    FW_REQUIRE_SHARED(shared);
    const auto dir = shared / "corpus/realworld/arxiv";
    const auto old = parse_arxiv(test::read_file(dir / "api_2026/id_astro-ph_0601001_s0_m100_3150dca9dc76.xml"));
    REQUIRE(old);
    REQUIRE(old->items.size() == 1);
    CHECK(old->items[0].extra.at("arxiv_id") == "astro-ph/0601001");
    const auto page = parse_arxiv(test::read_file(dir / "api_2026/q_testing_s10_m10_34e56e15aaac.xml"));
    REQUIRE(page);
    CHECK(page->items.size() == 10);
    const auto empty = parse_arxiv(test::read_file(dir / "api_2026/id_0000.0000_s0_m100_8b51d9633a68.xml"));
    REQUIRE(empty);
    CHECK(empty->items.empty());
    const auto legacy = parse_arxiv(test::read_file(dir / "api_2016/id_list_1111.2011v2.xml"));
    REQUIRE(legacy);
    REQUIRE(legacy->items.size() == 1);
    CHECK(legacy->items[0].extra.at("arxiv_id") == "1111.2011");
    CHECK(legacy->items[0].extra.at("version") == "2");
    CHECK(legacy->items[0].title.find('\n') == std::string::npos);  // multi-line titles collapse
}

TEST_CASE("GitHub releases: tag and repo from each entry", "[ingest][unit]") {
    const auto r = parse_github_releases(
        test::read_file(test::test_data("ingest/github/fixture-org__release-notes.releases.atom.xml")));
    REQUIRE(r);
    REQUIRE(r->items.size() == 4);
    CHECK(r->items[0].title == "v2.1.0");
    CHECK(r->items[0].extra.at("tag") == "v2.1.0");
    CHECK(r->items[0].extra.at("repo") == "fixture-org/release-notes");
    CHECK(format_rfc3339(r->items[0].updated.value()) == "2026-03-11T15:15:00Z");  // -05:00 to UTC
    CHECK(r->items[0].content_text == "Adds a --since option & faster start-up");  // html-escaped content
    CHECK(r->items[1].content == "No content.");
    CHECK(r->items[3].title == "First stable release");
    CHECK(r->items[3].extra.at("tag") == "v1.0.0");  // the tag comes from the id, not the title
}

TEST_CASE("the real au5ton/use-atom-feed releases feed: tags, dates, text", "[ingest][realworld]") {
    FW_REQUIRE_SHARED(shared);
    const auto r = parse_github_releases(
        test::read_file(shared / "corpus/realworld/github_releases/au5ton__use-atom-feed.releases.atom.xml"));
    REQUIRE(r);
    REQUIRE(r->items.size() == 9);
    CHECK(r->items[0].title == "v0.1.0");
    CHECK(r->items[0].extra.at("tag") == "v0.1.0");
    CHECK(r->items[0].extra.at("repo") == "au5ton/use-atom-feed");
    CHECK(format_rfc3339(r->items[0].updated.value()) == "2021-05-19T21:04:05Z");
    CHECK(r->items[0].content_text == "Initial release with in-house parser using DOM only methods");
    CHECK(r->items[1].content == "No content.");
}

TEST_CASE("GitHub commits feed of one file: sha, repo and the watched path", "[ingest][unit]") {
    const std::string body = R"(<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="en-US">
  <id>tag:github.com,2008:/deepseek-ai/DeepSeek-V3/commits/main/LICENSE-MODEL</id>
  <link type="text/html" rel="alternate" href="https://github.com/deepseek-ai/DeepSeek-V3/commits/main/LICENSE-MODEL"/>
  <link type="application/atom+xml" rel="self" href="https://github.com/deepseek-ai/DeepSeek-V3/commits/main/LICENSE-MODEL.atom"/>
  <title>Recent Commits to DeepSeek-V3:main</title><updated>2025-03-25T10:00:00Z</updated>
  <entry><id>tag:github.com,2008:Grit::Commit/0123456789abcdef0123456789abcdef01234567</id>
    <link type="text/html" rel="alternate" href="https://github.com/deepseek-ai/DeepSeek-V3/commit/0123456789abcdef0123456789abcdef01234567"/>
    <title>Switch model license to MIT</title><updated>2025-03-25T10:00:00Z</updated>
    <author><name>someone</name></author><content type="html">&lt;pre&gt;Switch&lt;/pre&gt;</content></entry></feed>)";
    const auto r = parse_github_commits(body);
    REQUIRE(r);
    REQUIRE(r->items.size() == 1);
    CHECK(r->items[0].extra.at("commit_sha") == "0123456789abcdef0123456789abcdef01234567");
    CHECK(r->items[0].extra.at("repo") == "deepseek-ai/DeepSeek-V3");
    CHECK(r->items[0].extra.at("path") == "LICENSE-MODEL");
}

TEST_CASE("real lab feeds and release feeds: counts, first titles and dates", "[ingest][realworld]") {
    FW_REQUIRE_SHARED(shared);
    const auto dir = shared / "corpus/realworld";
    const auto anthropic = parse_feed(test::read_file(dir / "ai_lab_feeds/feed_anthropic_news.xml"));
    REQUIRE(anthropic);
    CHECK(anthropic->items.size() == 255);
    const auto snapshot = parse_feed(test::read_file(dir / "ai_lab_feeds/feed_anthropic_news.2025-09-01-snapshot.xml"));
    REQUIRE(snapshot);
    CHECK(snapshot->items.size() == 107);
    for (const char* name : {"feed_openai_research.xml", "feed_meta_ai.xml", "feed_google_ai.xml", "feed_mistral.xml",
                             "feed_cohere.xml", "feed_xainews.xml", "feed_ollama.xml", "feed_eleuther_papers.xml"}) {
        INFO(name);
        const auto f = parse_feed(test::read_file(dir / "ai_lab_feeds" / name));
        REQUIRE(f);
        REQUIRE_FALSE(f->items.empty());
        CHECK(f->format == FeedFormat::Rss2);
        int dated = 0;
        for (const auto& e : f->items)
            dated += e.published ? 1 : 0;
        CHECK(dated == static_cast<int>(f->items.size()));
        CHECK_FALSE(f->items[0].title.empty());
    }
    const auto feedrs =
        parse_github_releases(test::read_file(dir / "github_releases/feed-rs__feed-rs.releases.atom.xml"));
    REQUIRE(feedrs);
    CHECK(feedrs->items.at(0).extra.at("tag") == "v0.2.0");
    CHECK(feedrs->items.at(0).extra.at("repo") == "feed-rs/feed-rs");
    const auto npm = parse_feed(test::read_file(dir / "package_versions/librariesio__npm_bootstrap.versions.atom.xml"));
    REQUIRE(npm);
    REQUIRE_FALSE(npm->items.empty());
    CHECK(npm->items[0].published.has_value());  // two <published> elements: one readable wins
}

#include "ingest/opml.h"
#include "support/catch.h"

using namespace fw;

TEST_CASE("OPML outlines become sources with folders, kinds and labs", "[ingest][unit]") {
    const auto r = ingest::read_opml(R"(<?xml version="1.0"?>
      <opml version="2.0" xmlns:w="https://frontierwatch.dev/opml"><head><title>x</title></head><body>
        <outline text="AI"><outline text="Labs">
          <outline type="rss" text="Meta AI" xmlUrl="https://ai.meta.com/blog/rss/" htmlUrl="https://ai.meta.com/" w:lab="meta"/>
          <outline title="Llama releases" xmlUrl="https://github.com/meta-llama/llama/releases.atom" w:kind="github-releases"/>
        </outline></outline>
        <outline type="rss" xmlUrl="https://example.org/feed?a=1&amp;b=2"/>
      </body></opml>)");
    REQUIRE(r);
    REQUIRE(r->size() == 3);
    const Source& meta = (*r)[0];
    CHECK(meta.name == "Meta AI");
    CHECK(meta.kind == SourceKind::Feed);
    CHECK(meta.lab == "meta");
    CHECK(meta.category == "AI/Labs");
    CHECK((*r)[1].name == "Llama releases");
    CHECK((*r)[1].kind == SourceKind::GithubReleases);
    CHECK((*r)[2].url == "https://example.org/feed?a=1&b=2");
    CHECK((*r)[2].name == (*r)[2].url);
    CHECK_FALSE((*r)[2].category);
}

TEST_CASE("OPML 1.0 without our namespace reads as plain feeds; foreign fw: prefixes are ignored", "[ingest][unit]") {
    const auto r = ingest::read_opml(R"(<opml version="1.0" xmlns:fw="urn:someone-else"><body>
      <outline text="A" xmlUrl="http://a.example/rss" fw:kind="edgar"/></body></opml>)");
    REQUIRE(r);
    REQUIRE(r->size() == 1);
    CHECK(r->front().kind == SourceKind::Feed);
}

TEST_CASE("OPML errors are typed and name the problem", "[ingest][unit]") {
    const auto bad_kind = ingest::read_opml(R"(<opml xmlns:fw="https://frontierwatch.dev/opml"><body>
      <outline text="A" xmlUrl="http://a.example/rss" fw:kind="nope"/></body></opml>)");
    REQUIRE_FALSE(bad_kind);
    CHECK(bad_kind.error().code == ErrorCode::Invalid);
    CHECK(bad_kind.error().context.find("'A'") != std::string::npos);
    const auto not_opml = ingest::read_opml("<rss/>");
    REQUIRE_FALSE(not_opml);
    CHECK(not_opml.error().code == ErrorCode::Parse);
    CHECK_FALSE(ingest::read_opml("<opml><body><outline"));
}

TEST_CASE("write_opml output reads back to the same sources", "[ingest][unit]") {
    std::vector<Source> in(3);
    in[0].name = "Meta \"AI\" & co", in[0].url = "https://ai.meta.com/rss?a=1&b=2", in[0].lab = "meta";
    in[0].category = "AI/Labs";
    in[1].name = "EDGAR", in[1].url = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=1",
    in[1].kind = SourceKind::Edgar;
    in[2].name = "Arxiv <cs.CL>", in[2].url = "http://export.arxiv.org/api/query", in[2].kind = SourceKind::Arxiv;
    const std::string xml = ingest::write_opml(in);
    CHECK(xml.find("<opml version=\"2.0\"") != std::string::npos);
    const auto back = ingest::read_opml(xml);
    REQUIRE(back);
    REQUIRE(back->size() == 3);
    for (const Source& want : in) {
        const auto it = std::find_if(back->begin(), back->end(), [&](const Source& s) { return s.name == want.name; });
        REQUIRE(it != back->end());
        CHECK(it->url == want.url);
        CHECK(it->kind == want.kind);
        CHECK(it->lab == want.lab);
        CHECK(it->category == want.category);
    }
}

#include "ingest/feed_parser.h"
#include "support/catch.h"
#include "support/paths.h"

using namespace fw;
using fw::ingest::parse_feed;

namespace {
ParsedFeed must_parse(std::string_view body, ingest::ParseOptions opts = {}) {
    auto r = parse_feed(body, opts);
    INFO((r ? std::string("ok") : r.error().message));
    REQUIRE(r);
    return std::move(r).value();
}
}  // namespace

TEST_CASE("the format is detected from the content, not by trying parsers", "[ingest][unit]") {
    using ingest::detect_format;
    CHECK(detect_format("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>") == FeedFormat::Rss2);
    CHECK(detect_format("<rss version=\"0.91\"><channel/></rss>") == FeedFormat::Rss09);
    CHECK(detect_format("<!-- c --><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                        "xmlns=\"http://purl.org/rss/1.0/\"/>") == FeedFormat::Rss1);
    CHECK(detect_format("<rdf:RDF xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"/>") == FeedFormat::Rss09);
    CHECK(detect_format("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>") == FeedFormat::Atom10);
    CHECK(detect_format("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"/>") == FeedFormat::Atom03);
    CHECK(detect_format(R"({"version": "https://jsonfeed.org/version/1.1", "items": []})") == FeedFormat::JsonFeed);
    CHECK_FALSE(detect_format("<!DOCTYPE html><html><body/></html>"));
    CHECK_FALSE(detect_format(R"([{"id": "meta-llama/Llama-3.1-8B"}])"));
    CHECK_FALSE(detect_format("Date,Open,High\n"));
}

TEST_CASE("RSS 2.0 items fill every contract field, extensions matched by namespace URI", "[ingest][unit]") {
    // Unusual prefixes on purpose: x = content, d = dc, a = atom.
    const auto f = must_parse(R"(<rss version="2.0" xmlns:x="http://purl.org/rss/1.0/modules/content/"
      xmlns:d="http://purl.org/dc/elements/1.1/" xmlns:a="http://www.w3.org/2005/Atom">
      <channel><title>Lab &amp; Co</title><link>https://lab.example/</link>
      <description>News</description><language>en-us</language>
      <lastBuildDate>Wed, 08 Apr 2026 14:00:00 GMT</lastBuildDate>
      <item><title>Muse &lt;b&gt;Spark&lt;/b&gt; launches</title><link>/news/muse</link>
        <guid isPermaLink="false">id-1</guid><pubDate>Wed, 08 Apr 2026 10:00:00 -0400</pubDate>
        <d:creator>Ada</d:creator><category>models</category><description>&lt;p&gt;Short&amp;nbsp;note&lt;/p&gt;</description>
        <x:encoded><![CDATA[<p>Full &amp; long</p>]]></x:encoded>
        <a:updated>2026-04-09T00:00:00Z</a:updated>
        <enclosure url="https://lab.example/a.mp3" type="audio/mpeg" length="123"/></item>
      </channel></rss>)",
                              {"https://lab.example/feed.xml", ""});
    CHECK(f.format == FeedFormat::Rss2);
    CHECK(f.title == "Lab & Co");
    CHECK(f.language == "en-us");
    CHECK(format_rfc3339(f.updated.value()) == "2026-04-08T14:00:00Z");
    REQUIRE(f.items.size() == 1);
    const FeedEntry& e = f.items[0];
    CHECK(e.title == "Muse Spark launches");
    CHECK(e.link == "https://lab.example/news/muse");
    CHECK(e.id == "id-1");
    CHECK(format_rfc3339(e.published.value()) == "2026-04-08T14:00:00Z");
    CHECK(format_rfc3339(e.updated.value()) == "2026-04-09T00:00:00Z");
    CHECK(e.authors == std::vector<std::string>{"Ada"});
    CHECK(e.categories == std::vector<std::string>{"models"});
    CHECK(e.summary == "<p>Short&nbsp;note</p>");
    CHECK(e.summary_text == "Short\xC2\xA0note");
    CHECK(e.content == "<p>Full &amp; long</p>");
    CHECK(e.content_text == "Full & long");
    REQUIRE(e.enclosures.size() == 1);
    CHECK(e.enclosures[0].length == 123);
    CHECK(e.enclosures[0].type == "audio/mpeg");
}

TEST_CASE("entities are decoded exactly once", "[ingest][unit]") {
    const auto f = must_parse(
        "<rss version=\"2.0\"><channel><title>A &amp;amp; B &mdash; &#8220;q&#x201D; &hellip;</title></channel></rss>");
    CHECK(f.title == "A &amp; B \xE2\x80\x94 \xE2\x80\x9Cq\xE2\x80\x9D \xE2\x80\xA6");
}

TEST_CASE("RSS 1.0 and 0.90 items sit beside the channel", "[ingest][unit]") {
    const auto f = must_parse(R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://x.example/"><title>X</title><link>https://x.example/</link></channel>
      <item rdf:about="https://x.example/1"><title>One</title><link>https://x.example/1</link>
      <dc:date>2026-04-08T10:00:00+02:00</dc:date></item>
      <item rdf:about="https://x.example/2"><title>Two</title><link>https://x.example/2</link></item>
      </rdf:RDF>)");
    CHECK(f.format == FeedFormat::Rss1);
    REQUIRE(f.items.size() == 2);
    CHECK(f.items[0].id == "https://x.example/1");
    CHECK(format_rfc3339(f.items[0].published.value()) == "2026-04-08T08:00:00Z");
    const auto old = must_parse(R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns="http://my.netscape.com/rdf/simple/0.9/"><channel><title>Old</title></channel>
      <item><title>First</title><link>http://old.example/1</link></item></rdf:RDF>)");
    CHECK(old.format == FeedFormat::Rss09);
    REQUIRE(old.items.size() == 1);
    CHECK(old.items[0].title == "First");
}

TEST_CASE("Atom 1.0: text constructs, xml:base and the alternate link", "[ingest][unit]") {
    const auto f =
        must_parse(R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/a/" xml:lang="en">
      <title type="html">Blog &amp;lt;3</title><link rel="self" href="feed.atom"/><link href="./"/>
      <updated>2026-04-08T14:00:00Z</updated>
      <entry xml:base="posts/"><id>tag:blog.example,2026:1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Hello <b>world</b></div></title>
        <link rel="alternate" href="one.html"/><link rel="enclosure" href="/f.pdf" type="application/pdf" length="9"/>
        <published>2026-04-07T00:00:00Z</published><updated>2026-04-08T00:00:00Z</updated>
        <author><name>Bo</name></author><category term="ai" label="AI"/>
        <summary>Plain &amp;amp; text</summary><content type="html">&lt;p&gt;Hi&lt;/p&gt;</content></entry></feed>)",
                   {"https://ignored.example/", ""});
    CHECK(f.format == FeedFormat::Atom10);
    CHECK(f.title == "Blog <3");
    CHECK(f.link == "https://blog.example/a/");
    CHECK(f.language == "en");
    REQUIRE(f.items.size() == 1);
    const FeedEntry& e = f.items[0];
    CHECK(e.title == "Hello world");
    CHECK(e.link == "https://blog.example/a/posts/one.html");
    CHECK(e.enclosures.at(0).url == "https://blog.example/f.pdf");
    CHECK(e.summary_text == "Plain &amp; text");  // type="text": decoded once, no second pass
    CHECK(e.content == "<p>Hi</p>");
    CHECK(e.content_text == "Hi");
    CHECK(e.categories == std::vector<std::string>{"ai"});
    CHECK(e.authors == std::vector<std::string>{"Bo"});
}

TEST_CASE("Atom 0.3: issued, modified, tagline and escaped content", "[ingest][unit]") {
    const auto f = must_parse(R"(<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title>
      <tagline>Tag</tagline><modified>2004-01-01T00:00:00Z</modified>
      <entry><id>e1</id><title>T</title><link rel="alternate" type="text/html" href="http://o.example/1"/>
      <issued>2003-12-31T10:00:00Z</issued><modified>2004-01-01T10:00:00Z</modified>
      <content type="text/html" mode="escaped">&lt;i&gt;x&lt;/i&gt;</content></entry></feed>)");
    CHECK(f.format == FeedFormat::Atom03);
    CHECK(f.description == "Tag");
    REQUIRE(f.items.size() == 1);
    CHECK(format_rfc3339(f.items[0].published.value()) == "2003-12-31T10:00:00Z");
    CHECK(format_rfc3339(f.items[0].updated.value()) == "2004-01-01T10:00:00Z");
    CHECK(f.items[0].content_text == "x");
}

TEST_CASE("JSON Feed 1.1 and 1.0 authors, attachments and relative URLs", "[ingest][unit]") {
    const auto f = must_parse(R"({"version": "https://jsonfeed.org/version/1.1", "title": "J",
      "home_page_url": "https://j.example/", "language": "en",
      "items": [{"id": 42, "url": "/p/1", "title": "One", "content_html": "<p>Hi &amp; bye</p>",
                 "summary": "S", "date_published": "2026-04-08T14:00:00-04:00", "tags": ["a", "b"],
                 "authors": [{"name": "Cy"}], "attachments": [{"url": "x.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 5}]},
                {"id": "2", "content_text": "Only text", "author": {"name": "Old style"}}]})");
    CHECK(f.format == FeedFormat::JsonFeed);
    CHECK(f.language == "en");
    REQUIRE(f.items.size() == 2);
    CHECK(f.items[0].id == "42");
    CHECK(f.items[0].link == "https://j.example/p/1");
    CHECK(format_rfc3339(f.items[0].published.value()) == "2026-04-08T18:00:00Z");
    CHECK(f.items[0].content_text == "Hi & bye");
    CHECK(f.items[0].enclosures.at(0).url == "https://j.example/x.mp3");
    CHECK(f.items[0].categories == std::vector<std::string>{"a", "b"});
    CHECK(f.items[1].content == "Only text");
    CHECK(f.items[1].authors == std::vector<std::string>{"Old style"});
}

TEST_CASE("an unparsable date keeps the raw text and adds a warning, never now", "[ingest][unit]") {
    const auto f = must_parse(
        "<rss version=\"2.0\"><channel><item><title>x</title><pubDate>someday</pubDate></item></channel></rss>");
    REQUIRE(f.items.size() == 1);
    CHECK_FALSE(f.items[0].published);
    CHECK(f.items[0].published_raw == "someday");
    REQUIRE(f.warnings.size() == 1);
    CHECK(f.warnings[0].find("feed.bad_date") != std::string::npos);
}

TEST_CASE("a python-feedgen lab feed parses with titles, dates and entities", "[ingest][unit]") {
    const auto f = must_parse(test::read_file(test::test_data("ingest/ai_lab_feeds/feed_fixture_lab_papers.xml")));
    CHECK(f.format == FeedFormat::Rss2);
    CHECK(f.title == "Fixture Lab Papers");
    REQUIRE(f.items.size() == 5);
    CHECK(f.items[0].title == "Counting Tokens Twice: Measuring Benchmark Leakage in Web Crawls");
    CHECK(format_rfc3339(f.items[0].published.value()) == "2026-08-24T00:00:00Z");
    CHECK(f.items[2].title == "Notes on Learning-Rate Warmup & Batch Size");
    CHECK(f.items[0].categories == std::vector<std::string>{"Evaluation"});
    for (const auto& e : f.items) {
        CHECK(e.published.has_value());
        CHECK(e.link.rfind("https://", 0) == 0);
    }
}

TEST_CASE("the real EleutherAI papers feed parses with titles and dates", "[ingest][realworld]") {
    FW_REQUIRE_SHARED(shared);
    const auto f = must_parse(test::read_file(shared / "corpus/realworld/ai_lab_feeds/feed_eleuther_papers.xml"));
    CHECK(f.title == "EleutherAI Papers");
    REQUIRE(f.items.size() == 5);
    CHECK(f.items[0].title == "Quantifying the Effect of Test Set Contamination on Generative Evaluations");
    for (const auto& e : f.items) {
        CHECK(e.published.has_value());
        CHECK(e.link.rfind("https://", 0) == 0);
    }
}

TEST_CASE("parse_feed_owned reads a body as parse_feed does, whatever its bytes", "[ingest][unit]") {
    // The owned path hands valid UTF-8 to the XML parser without a copy; any body that needs
    // repair or another charset must still come out as the copying path makes it.
    const std::string rss =
        "<rss version=\"2.0\"><channel><title>Lab</title><item><title>caf\xC3\xA9 "
        "&amp; more</title><guid>a</guid><description>&lt;p&gt;x&lt;/p&gt;</description>"
        "</item></channel></rss>";
    const std::vector<std::string> bodies = {
        rss,
        "\xEF\xBB\xBF" + rss,                                                    // BOM
        "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>" + rss,                 // declared, valid UTF-8 wins
        "<rss version=\"2.0\"><channel><title>caf\xE9</title></channel></rss>",  // latin-1 byte
        "<rss version=\"2.0\"><channel><title>a\x01"
        "b\x85</title></channel></rss>",  // controls
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>1</id><title>t</title></entry></feed>",
        "",
        "not a feed",
    };
    for (const auto& body : bodies) {
        INFO(body);
        const auto copied = parse_feed(body);
        const auto owned = ingest::parse_feed_owned(body);
        REQUIRE(static_cast<bool>(copied) == static_cast<bool>(owned));
        if (!copied) {
            CHECK(copied.error().message == owned.error().message);
            continue;
        }
        CHECK(copied->title == owned->title);
        CHECK(copied->warnings == owned->warnings);
        REQUIRE(copied->items.size() == owned->items.size());
        for (std::size_t i = 0; i < copied->items.size(); ++i) {
            CHECK(copied->items[i].title == owned->items[i].title);
            CHECK(copied->items[i].summary == owned->items[i].summary);
            CHECK(copied->items[i].summary_text == owned->items[i].summary_text);
        }
    }
    CHECK(ingest::parse_feed_owned("\xEF\xBB\xBF" + rss)->title == "Lab");
}

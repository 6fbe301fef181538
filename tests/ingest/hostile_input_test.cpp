// Hostile and broken input (docs robustness.md 8.1-8.3): each case gets a typed error or a
// documented recovery, never a crash, an expansion, a file read or a partial tree.

#include <chrono>

#include "ingest/feed_parser.h"
#include "support/catch.h"

using namespace fw;
using fw::ingest::parse_feed;

namespace {
const std::string kHostileRss =
    "<rss version=\"2.0\"><channel><title>T</title>"
    "<item><title>One</title><link>https://a.example/1</link></item>"
    "<item><title>Two</title><link>https://a.example/2</link></item></channel></rss>";

bool hostile_has_warning(const ParsedFeed& f, std::string_view key) {
    for (const auto& w : f.warnings) {
        if (w.find(key) != std::string::npos)
            return true;
    }
    return false;
}
}  // namespace

TEST_CASE("X1 billion laughs: nothing is expanded and the references vanish", "[ingest][hostile]") {
    std::string doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n";
    for (int i = 1; i <= 9; ++i) {
        doc += "<!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k)
            doc += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
        doc += "\">\n";
    }
    doc +=
        "]>\n<rss version=\"2.0\"><channel><title>a&lol9;b</title><item><title>&lol9;x</title></item></channel></rss>";
    const auto start = std::chrono::steady_clock::now();
    const auto f = parse_feed(doc);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    REQUIRE(f);
    CHECK(f->title == "ab");
    CHECK(f->items.at(0).title == "x");
    CHECK(hostile_has_warning(*f, "feed.doctype_ignored"));
    CHECK(elapsed < std::chrono::seconds(1));
}

TEST_CASE("X2/X3 external entities and DTDs are never read", "[ingest][hostile]") {
    const auto f = parse_feed(
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">"
        "<!ENTITY net SYSTEM \"http://127.0.0.1:9/x\">]><rss version=\"2.0\"><channel>"
        "<title>&xxe;&net;</title></channel></rss>");
    REQUIRE(f);
    CHECK(f->title.empty());
    const auto dtd = parse_feed(
        "<?xml version=\"1.0\"?><!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
        "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\"><rss version=\"0.91\"><channel>"
        "<title>Old &amp; fine</title></channel></rss>");
    REQUIRE(dtd);
    CHECK(dtd->format == FeedFormat::Rss09);
    CHECK(dtd->title == "Old & fine");
}

TEST_CASE("X4 truncated documents are errors with an offset, never a partial tree", "[ingest][hostile]") {
    for (std::size_t cut : {kHostileRss.size() / 2, kHostileRss.size() * 99 / 100}) {
        const auto f = parse_feed(kHostileRss.substr(0, cut));
        REQUIRE_FALSE(f);
        CHECK(f.error().code == ErrorCode::Parse);
        CHECK(f.error().message.find("feed.xml_malformed") == 0);
        CHECK(f.error().message.find("at byte") != std::string::npos);
    }
}

TEST_CASE("X5 empty, whitespace-only and BOM-only bodies are feed.empty", "[ingest][hostile]") {
    for (const std::string& body : {std::string(), std::string(" \n\t "), std::string("\xEF\xBB\xBF")}) {
        const auto f = parse_feed(body);
        REQUIRE_FALSE(f);
        CHECK(f.error().message.find("feed.empty") == 0);
    }
}

TEST_CASE("X6/X7 HTML pages and unknown roots are refused by name", "[ingest][hostile]") {
    const auto html =
        parse_feed("<!DOCTYPE html><html><head><title>Just a moment...</title></head><body></body></html>");
    REQUIRE_FALSE(html);
    CHECK(html.error().code == ErrorCode::Parse);
    CHECK(html.error().message == "not a feed: looks like HTML");
    const auto foo = parse_feed("<foo><bar/></foo>");
    REQUIRE_FALSE(foo);
    CHECK(foo.error().message.find("feed.unknown_format") == 0);
}

TEST_CASE("X8 deep nesting and attribute floods stay bounded", "[ingest][hostile]") {
    std::string deep = "<rss version=\"2.0\"><channel><item><title>deep</title><description>";
    for (int i = 0; i < 200000; ++i)
        deep += "<b>";
    deep += "x";
    for (int i = 0; i < 200000; ++i)
        deep += "</b>";
    deep += "</description></item></channel></rss>";
    const auto start = std::chrono::steady_clock::now();
    const auto f = parse_feed(deep);
    REQUIRE(f);
    CHECK(f->items.at(0).summary_text == "x");
    std::string attrs = "<rss version=\"2.0\"><channel><item";
    for (int i = 0; i < 100000; ++i)
        attrs += " a" + std::to_string(i) + "=\"1\"";
    attrs += "><title>ok</title></item></channel></rss>";
    const auto g = parse_feed(attrs);
    REQUIRE(g);
    CHECK(g->items.at(0).title == "ok");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("X9 NULs and control characters are removed, with a warning", "[ingest][hostile]") {
    using namespace std::string_literals;
    const std::string body =
        "<rss version=\"2.0\"><channel><title>A\0B\x01"
        "C\x1B"
        "D</title></channel></rss>"s;
    const auto f = parse_feed(body);
    REQUIRE(f);
    CHECK(f->title == "ABCD");
    CHECK(hostile_has_warning(*f, "encoding.repaired"));
}

TEST_CASE("X10/X11 stray ampersands recover; undeclared prefixes parse; broken CDATA fails", "[ingest][hostile]") {
    const auto amp = parse_feed(
        "<rss version=\"2.0\"><channel><item><title>Q&A</title>"
        "<link>https://a.example/?a=1&b=2</link></item></channel></rss>");
    REQUIRE(amp);
    CHECK(amp->items.at(0).title == "Q&A");
    CHECK(amp->items.at(0).link == "https://a.example/?a=1&b=2");
    const auto ns = parse_feed(
        "<rss version=\"2.0\"><channel><item><dc:creator>Ann</dc:creator><title>t</title></item></channel></rss>");
    REQUIRE(ns);
    CHECK(ns->items.at(0).authors == std::vector<std::string>{"Ann"});
    const auto cdata = parse_feed("<rss version=\"2.0\"><channel><title><![CDATA[open</title></channel></rss>");
    REQUIRE_FALSE(cdata);
    CHECK(cdata.error().code == ErrorCode::Parse);
}

TEST_CASE("X13 JSON Feed with wrong types or absurd nesting is a typed error", "[ingest][hostile]") {
    const auto items_obj = parse_feed(R"({"version": "https://jsonfeed.org/version/1.1", "items": {}})");
    REQUIRE_FALSE(items_obj);
    CHECK(items_obj.error().message.find("feed.invalid") == 0);
    const auto numeric = parse_feed(
        R"({"version": "https://jsonfeed.org/version/1", "title": 5, "items": [{"id": 1, "title": ["x"]}, 7]})");
    REQUIRE(numeric);
    CHECK(numeric->title == "5");
    CHECK(numeric->items.size() == 1);
    CHECK(numeric->items[0].title.empty());
    std::string deep = R"({"version": "https://jsonfeed.org/version/1.1", "items": [)";
    for (int i = 0; i < 100000; ++i)
        deep += "[";
    const auto nested = parse_feed(deep);
    REQUIRE_FALSE(nested);
    CHECK(nested.error().message.find("feed.json_too_deep") == 0);
    const auto broken = parse_feed(R"({"version": "https://jsonfeed.org/version/1.1", "items": [)");
    REQUIRE_FALSE(broken);
    CHECK(broken.error().message.find("feed.json_malformed") == 0);
}

TEST_CASE("mixed encodings: stray bytes in unlabelled UTF-8 are repaired one by one", "[ingest][hostile]") {
    const auto f = parse_feed("<rss version=\"2.0\"><channel><title>caf\xC3\xA9 \x93q\x94</title></channel></rss>");
    REQUIRE(f);
    CHECK(f->title == "caf\xC3\xA9 \xEF\xBF\xBDq\xEF\xBF\xBD");
}

TEST_CASE("huge items: long titles are capped, big content is kept whole", "[ingest][hostile]") {
    const std::string big(5 << 20, 'x');
    const std::string body = "<rss version=\"2.0\"><channel><item><title>" + std::string(100000, 't') +
                             "</title><description>" + big + "</description></item></channel></rss>";
    const auto f = parse_feed(body);
    REQUIRE(f);
    CHECK(f->items.at(0).title.size() == 2048);
    CHECK(f->items.at(0).summary.size() == big.size());
}

TEST_CASE("javascript:, data: and file: links are never kept", "[ingest][hostile]") {
    const auto f = parse_feed(
        "<rss version=\"2.0\"><channel><link>javascript:alert(1)</link>"
        "<item><title>a</title><link>javascript:alert(document.cookie)</link></item>"
        "<item><title>b</title><link>data:text/html;base64,PHNjcmlwdD4=</link></item>"
        "<item><title>c</title><link>file:///etc/passwd</link></item>"
        "<item><title>d</title><link> JaVaScRiPt:alert(1)</link></item></channel></rss>",
        {"https://a.example/feed", ""});
    REQUIRE(f);
    CHECK(f->link.empty());
    for (const auto& e : f->items) {
        INFO(e.title);
        CHECK(e.link.empty());
    }
}

TEST_CASE("script and markup in titles come out as plain text", "[ingest][hostile]") {
    const auto f = parse_feed(
        "<rss version=\"2.0\"><channel>"
        "<item><title>&lt;script&gt;alert(1)&lt;/script&gt;Hi</title></item>"
        "<item><title><![CDATA[<img src=x onerror=alert(1)>Pic]]></title></item>"
        "<item><title>&lt;b&gt;bold&lt;/b&gt; &amp; 1 &lt; 2</title></item></channel></rss>");
    REQUIRE(f);
    CHECK(f->items.at(0).title == "Hi");
    CHECK(f->items.at(1).title == "Pic");
    CHECK(f->items.at(2).title == "bold & 1 < 2");
}

// robustness.md 8.2 (encodings) and the parse-level rows of 8.3 (fields): bytes as hostile or
// broken servers send them, through parse_feed(); the text that comes out is what gets stored.
#include <string>

#include "ingest/encoding.h"
#include "ingest/feed_parser.h"
#include "support/catch.h"

using fw::ParsedFeed;
using fw::ingest::is_valid_utf8;
using fw::ingest::parse_feed;
using fw::ingest::ParseOptions;

namespace {

std::string rss_title_doc(const std::string& prolog_encoding, const std::string& title_bytes) {
    std::string decl = "<?xml version=\"1.0\"";
    if (!prolog_encoding.empty())
        decl += " encoding=\"" + prolog_encoding + "\"";
    return decl + "?><rss version=\"2.0\"><channel><title>c</title><item><guid>1</guid><title>" + title_bytes +
           "</title></item></channel></rss>";
}

std::string first_title(const std::string& body, const std::string& content_type = {}) {
    ParseOptions opts;
    opts.content_type = content_type;
    const auto r = parse_feed(body, opts);
    REQUIRE(r.has_value());
    REQUIRE(r->items.size() == 1);
    return r->items[0].title;
}

std::string utf16(const std::string& ascii, bool little_endian, bool bom) {
    std::string out;
    if (bom)
        out += little_endian ? "\xFF\xFE" : "\xFE\xFF";
    for (char c : ascii) {
        if (little_endian) {
            out += c;
            out += '\0';
        } else {
            out += '\0';
            out += c;
        }
    }
    return out;
}

std::string rss_with(const std::string& item_xml, const std::string& channel_extra = {}) {
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>c</title>" + channel_extra + item_xml +
           "</channel></rss>";
}

ParsedFeed parsed(const std::string& body, const std::string& base_url = "https://lab.example/blog/feed.xml") {
    ParseOptions opts;
    opts.base_url = base_url;
    auto r = parse_feed(body, opts);
    REQUIRE(r.has_value());
    return std::move(*r);
}

}  // namespace

TEST_CASE("E1: valid UTF-8 under a Latin-1 or cp1252 prolog stays UTF-8", "[robust][unit][encoding]") {
    CHECK(first_title(rss_title_doc("ISO-8859-1", "caf\xC3\xA9")) == "caf\xC3\xA9");
    CHECK(first_title(rss_title_doc("windows-1252",
                                    "\xE2\x80\x9C"
                                    "x\xE2\x80\x9D")) ==
          "\xE2\x80\x9C"
          "x\xE2\x80\x9D");
}

TEST_CASE("E2/E3: windows-1252 bytes are transcoded, also when declared ISO-8859-1", "[robust][unit][encoding]") {
    const std::string want =
        "\xE2\x80\x9C"
        "caf\xC3\xA9\xE2\x80\x9D";  // “café”
    CHECK(first_title(rss_title_doc("windows-1252",
                                    "\x93"
                                    "caf\xE9\x94")) == want);
    CHECK(first_title(rss_title_doc("ISO-8859-1",
                                    "\x93"
                                    "caf\xE9\x94")) == want);
}

TEST_CASE("E4: the HTTP charset beats the prolog for non-UTF-8 bytes, and the prolog rules without it",
          "[robust][unit][encoding]") {
    // "\xF0\xD2\xC9\xD7\xC5\xD4" is "Привет" in KOI8-R and "ðÒÉ×ÅÔ" in windows-1252.
    const std::string body = rss_title_doc("windows-1252", "\xF0\xD2\xC9\xD7\xC5\xD4");
    CHECK(first_title(body, "application/rss+xml; charset=koi8-r") ==
          "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
    CHECK(first_title(body) == "\xC3\xB0\xC3\x92\xC3\x89\xC3\x97\xC3\x85\xC3\x94");
    const std::string koi_prolog = rss_title_doc("koi8-r", "\xF0\xD2\xC9\xD7\xC5\xD4");
    CHECK(first_title(koi_prolog) == "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
}

TEST_CASE("E5: each invalid UTF-8 sequence becomes U+FFFD with a warning", "[robust][unit][encoding]") {
    for (std::string bad :
         {std::string("\xC3\x28"), std::string("\xC0\xAF"), std::string("\xED\xA0\x80"), std::string("\xFF")}) {
        // A prolog that says UTF-8 keeps the cp1252 fallback out of the way.
        const auto r = parse_feed(rss_title_doc("utf-8", "a" + bad + "b"));
        REQUIRE(r.has_value());
        REQUIRE(r->items.size() == 1);
        const std::string& t = r->items[0].title;
        CHECK(is_valid_utf8(t));
        CHECK(t.find("\xEF\xBF\xBD") != std::string::npos);
        CHECK_FALSE(r->warnings.empty());
    }
}

TEST_CASE("E6: UTF-16 with either byte order mark is detected and parsed", "[robust][unit][encoding]") {
    const std::string doc = rss_title_doc("", "Sixteen");
    CHECK(first_title(utf16(doc, true, true)) == "Sixteen");
    CHECK(first_title(utf16(doc, false, true)) == "Sixteen");
}

TEST_CASE("E7: unlabelled legacy bytes are never stored as invalid text and are flagged", "[robust][unit][encoding]") {
    // KOI8-R with no label anywhere: read with the documented windows-1252 fallback.
    const auto r = parse_feed(rss_title_doc("", "\xF0\xD2\xC9\xD7\xC5\xD4 \xED\xCF\xD3\xCB\xD7\xC1"));
    REQUIRE(r.has_value());
    REQUIRE(r->items.size() == 1);
    CHECK(is_valid_utf8(r->items[0].title));
    CHECK_FALSE(r->warnings.empty());
}

TEST_CASE("E8: HTML named entities inside XML are decoded once", "[robust][unit][encoding]") {
    const std::string t = first_title(rss_title_doc("", "a&nbsp;b &mdash; c&hellip;"));
    CHECK(t.find("&") == std::string::npos);
    CHECK(t.find("\xE2\x80\x94") != std::string::npos);  // —
    CHECK(t.find("\xE2\x80\xA6") != std::string::npos);  // …
}

TEST_CASE("F2: an unreadable date is null with its raw text kept and a warning, never now", "[robust][unit][fields]") {
    for (std::string bad : {"Sun, 99 Jun 2009 12:00:00 GMT", "1:2:3:4", "Thu, 01 Zzz 2004 10:00:00 GMT",
                            "Sun, 31 Dec 9999 23:59:59 -9999"}) {
        const auto f = parsed(rss_with("<item><guid>1</guid><title>t</title><pubDate>" + bad + "</pubDate></item>"));
        REQUIRE(f.items.size() == 1);
        CHECK_FALSE(f.items[0].published.has_value());
        CHECK(f.items[0].published_raw == bad);
        CHECK_FALSE(f.warnings.empty());
    }
}

TEST_CASE("F4/F5: repeated GUIDs and items without GUID, link or title are all kept", "[robust][unit][fields]") {
    std::string items;
    for (int i = 0; i < 3; ++i) {
        items += "<item><guid>same</guid><title>t" + std::to_string(i) + "</title><link>https://lab.example/" +
                 std::to_string(i) + "</link></item>";
    }
    items += "<item><description>only a body</description></item><item><title>   </title></item>";
    const auto f = parsed(rss_with(items));
    CHECK(f.items.size() == 5);
}

TEST_CASE("F7: item count and title size are capped with a warning", "[robust][unit][fields]") {
    std::string items;
    items.reserve(12000 * 60);
    for (int i = 0; i < 12000; ++i)
        items += "<item><guid>g" + std::to_string(i) + "</guid><title>x</title></item>";
    const auto many = parsed(rss_with(items));
    CHECK(many.items.size() == 10000);
    bool warned = false;
    for (const auto& w : many.warnings)
        warned = warned || w.rfind("feed.too_many_items", 0) == 0;
    CHECK(warned);

    const auto big = parsed(rss_with("<item><guid>1</guid><title>" + std::string(10u << 20, 'T') + "</title></item>"));
    REQUIRE(big.items.size() == 1);
    CHECK(big.items[0].title.size() <= 2048);
    CHECK(big.items[0].title.size() > 0);
}

TEST_CASE("F8: only http(s) links survive; relative ones resolve against xml:base or the feed URL",
          "[robust][unit][fields]") {
    std::string items;
    for (std::string l : {"javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd", "../x",
                          "JaVaScRiPt:alert(2)"}) {
        items += "<item><guid>" + l + "</guid><title>t</title><link>" + l + "</link></item>";
    }
    items += "<item xml:base=\"https://base.example/a/b/\"><guid>b</guid><title>t</title><link>../c</link></item>";
    // Escape what XML needs; the values themselves stay as written.
    std::string escaped;
    for (char c : items)
        escaped += c == '&' ? std::string("&amp;") : std::string(1, c);
    const auto f = parsed(rss_with(escaped));
    REQUIRE(f.items.size() == 6);
    CHECK(f.items[0].link.empty());
    CHECK(f.items[1].link.empty());
    CHECK(f.items[2].link.empty());
    CHECK(f.items[3].link == "https://lab.example/x");
    CHECK(f.items[4].link.empty());
    CHECK(f.items[5].link == "https://base.example/a/c");
}

TEST_CASE("F9/F10: markup in titles and summaries comes out as plain text without active content",
          "[robust][unit][fields]") {
    const auto f = parsed(rss_with(
        "<item><guid>1</guid><title>&lt;img src=x onerror=alert(1)&gt;Launch &lt;b&gt;bold&lt;/b&gt;</title>"
        "<description><![CDATA[<p>Hi<script>steal()</script><iframe src=//e.example></iframe>"
        "<style>p{}</style><img src=https://track.example/p.gif onload=x()><meta http-equiv=refresh content=0></p>]]>"
        "</description></item>"
        "<item><guid>2</guid><title><![CDATA[<script>alert(3)</script>Plain]]></title></item>"));
    REQUIRE(f.items.size() == 2);
    for (const auto& e : f.items) {
        for (const std::string* s : {&e.title, &e.summary_text, &e.content_text}) {
            CHECK(s->find('<') == std::string::npos);
            CHECK(s->find("alert") == std::string::npos);
            CHECK(s->find("steal") == std::string::npos);
        }
    }
    CHECK(f.items[0].title.find("Launch") != std::string::npos);
    CHECK(f.items[0].title.find("bold") != std::string::npos);
    CHECK(f.items[0].summary_text.find("Hi") != std::string::npos);
    CHECK(f.items[1].title == "Plain");
}

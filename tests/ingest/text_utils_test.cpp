// encoding, html_text and url: the small pieces every parser relies on.

#include "ingest/encoding.h"
#include "ingest/feed_parser.h"
#include "ingest/html_text.h"
#include "ingest/url.h"
#include "support/catch.h"

using namespace fw;
using namespace fw::ingest;

TEST_CASE("windows-1252 bytes with a correct prolog are transcoded before pugixml", "[ingest][unit]") {
    const std::string body =
        "<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\"><channel>"
        "<title>\x93"
        "caf\xE9\x94</title></channel></rss>";
    const auto f = parse_feed(body);
    REQUIRE(f);
    CHECK(f->title ==
          "\xE2\x80\x9C"
          "caf\xC3\xA9\xE2\x80\x9D");
}

TEST_CASE("encoding precedence: BOM, then valid UTF-8, then HTTP charset, then prolog", "[ingest][unit]") {
    // Valid UTF-8 wins over a wrong ISO-8859-1 prolog (no mojibake).
    const auto a = decode_to_utf8("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\xC3\xA9</a>");
    CHECK(a.charset == "utf-8");
    CHECK(a.text.find("caf\xC3\xA9") != std::string::npos);
    // ISO-8859-1 is read as windows-1252: 0x93 is a curly quote, not a C1 control.
    const auto b = decode_to_utf8("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\x93x\x94</a>");
    CHECK(b.charset == "windows-1252");
    CHECK(b.text.find("\xE2\x80\x9Cx\xE2\x80\x9D") != std::string::npos);
    // The HTTP charset beats the prolog when the bytes are not UTF-8.
    const auto c =
        decode_to_utf8("<?xml version=\"1.0\" encoding=\"windows-1252\"?><a>\xF0</a>", "text/xml; charset=KOI8-R");
    CHECK(c.charset == "koi8-r");
    CHECK(c.text.find("\xD0\x9F") != std::string::npos);  // KOI8-R 0xF0 is Cyrillic capital PE
    const auto d = decode_to_utf8("<?xml version=\"1.0\" encoding=\"windows-1252\"?><a>\xF0</a>");
    CHECK(d.charset == "windows-1252");
    CHECK(d.text.find("\xC3\xB0") != std::string::npos);
}

TEST_CASE("UTF-16 and UTF-32, with and without BOM, become UTF-8", "[ingest][unit]") {
    auto widen = [](std::string_view ascii, bool be, int width) {
        std::string out;
        for (char ch : ascii) {
            std::string unit(static_cast<std::size_t>(width), '\0');
            unit[be ? static_cast<std::size_t>(width - 1) : 0] = ch;
            out += unit;
        }
        return out;
    };
    const std::string xml = "<rss version=\"2.0\"><channel><title>W</title></channel></rss>";
    for (const std::string& body :
         {std::string("\xFF\xFE", 2) + widen(xml, false, 2), std::string("\xFE\xFF", 2) + widen(xml, true, 2),
          widen(xml, false, 2), widen(xml, true, 2), widen(xml, false, 4)}) {
        const auto f = parse_feed(body);
        REQUIRE(f);
        CHECK(f->title == "W");
    }
}

TEST_CASE("invalid UTF-8 is repaired and control characters removed", "[ingest][unit]") {
    std::string out;
    const auto repairs = sanitize_utf8(std::string("a\xC3\x28 b\xC0\xAF c\xED\xA0\x80 d\xFF e\x01\x7F f\0g", 23), out);
    CHECK(out == "a\xEF\xBF\xBD( b\xEF\xBF\xBD\xEF\xBF\xBD c\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD d\xEF\xBF\xBD e fg");
    CHECK(repairs == 10);
    CHECK(is_valid_utf8(out));
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));
}

TEST_CASE("html_to_text keeps visible text with line breaks at blocks", "[ingest][unit]") {
    const std::string html =
        "<html><head><title>T</title><style>p{}</style></head><body><h1>Head</h1>"
        "<p>One  <b>two</b>\n three</p><script>alert(1)</script><noscript>no</noscript>"
        "<template>t</template><ul><li>a</li><li>b&amp;c</li></ul></body></html>";
    CHECK(html_to_text(html) == "Head\nOne two three\na\nb&c");
    CHECK(markup_to_text(html) == html_to_text(html));
    CHECK(
        page_title("<html><head><title>  My\n page </title></head><body><svg><title>no</title></svg></body></html>") ==
        "My page");
    CHECK(page_title("<p>no title</p>").empty());
}

TEST_CASE("markup_to_text agrees with gumbo on feed fragments", "[ingest][unit]") {
    for (const char* frag : {"<p>Hello <a href=\"x\">world</a></p><p>Next</p>", "plain &amp; simple", "a<br>b<br/>c",
                             "<div><p>x</p>\n\n<p>y</p></div>", "<img src=x onerror=alert(1)>caption",
                             "<!-- hidden -->shown", "1 < 2 and 3 > 2"}) {
        INFO(frag);
        CHECK(markup_to_text(frag) == html_to_text(frag));
    }
}

TEST_CASE("relative references resolve per RFC 3986; non-http links are refused", "[ingest][unit]") {
    const std::string base = "http://a/b/c/d;p?q";
    CHECK(resolve_url(base, "g") == "http://a/b/c/g");
    CHECK(resolve_url(base, "./g") == "http://a/b/c/g");
    CHECK(resolve_url(base, "g/") == "http://a/b/c/g/");
    CHECK(resolve_url(base, "/g") == "http://a/g");
    CHECK(resolve_url(base, "//g") == "http://g");
    CHECK(resolve_url(base, "?y") == "http://a/b/c/d;p?y");
    CHECK(resolve_url(base, "#s") == "http://a/b/c/d;p?q#s");
    CHECK(resolve_url(base, "..") == "http://a/b/");
    CHECK(resolve_url(base, "../g") == "http://a/b/g");
    CHECK(resolve_url(base, "../..") == "http://a/");
    CHECK(resolve_url(base, "../../../g") == "http://a/g");
    CHECK(resolve_url(base, "g/./h/../i") == "http://a/b/c/g/i");
    CHECK(resolve_url(base, "https://x.example/p") == "https://x.example/p");
    CHECK(resolve_url(base, "javascript:alert(1)").empty());
    CHECK(resolve_url(base, " JavaScript:alert(1)").empty());
    CHECK(resolve_url(base, "data:text/html,x").empty());
    CHECK(resolve_url(base, "file:///etc/passwd").empty());
    CHECK(resolve_url("", "/relative") == "/relative");
}

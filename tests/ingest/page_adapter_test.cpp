#include <string>

#include "ingest/html_text.h"
#include "ingest/page_adapter.h"
#include "support/catch.h"

using namespace fw;
using namespace fw::ingest;

TEST_CASE("an HTML page becomes one entry with its title and visible text", "[ingest][unit][page]") {
    const auto feed = parse_page(
        "<!DOCTYPE html><html><head><title>Llama 4 License</title><style>p{}</style></head>"
        "<body><h1>Terms</h1><p>You may use &amp; share.</p><script>track()</script></body></html>",
        "https://example.com/license", "text/html; charset=utf-8");
    REQUIRE(feed);
    CHECK(feed->format == FeedFormat::Page);
    REQUIRE(feed->items.size() == 1);
    const auto& e = feed->items[0];
    CHECK(e.id == "https://example.com/license");
    CHECK(e.link == e.id);
    CHECK(e.title == "Llama 4 License");
    CHECK(feed->title == "Llama 4 License");
    CHECK(e.content_text.find("Terms") != std::string::npos);
    CHECK(e.content_text.find("You may use & share.") != std::string::npos);
    CHECK(e.content_text.find("track") == std::string::npos);
    CHECK(e.content_text.find("p{}") == std::string::npos);
}

TEST_CASE("plain text passes through with its first line as title", "[ingest][unit][page]") {
    const auto feed =
        parse_page("MIT License\r\n\r\nCopyright <2026> Someone\r\n", "file:///tmp/LICENSE", "text/plain");
    REQUIRE(feed);
    const auto& e = feed->items.at(0);
    CHECK(e.title == "MIT License");
    CHECK(e.content_text == "MIT License\n\nCopyright <2026> Someone");  // "<2026>" is not markup here
}

TEST_CASE("HTML is sniffed when the content type is unknown", "[ingest][unit][page]") {
    const auto html = parse_page("  <html><head><title>T</title></head><body>Hello</body></html>", "u", "");
    REQUIRE(html);
    CHECK(html->items.at(0).title == "T");
    CHECK(html->items.at(0).content_text == "Hello");
    const auto text = parse_page("just words", "u", "application/octet-stream");
    REQUIRE(text);
    CHECK(text->items.at(0).content_text == "just words");
}

TEST_CASE("an empty page is an error naming the URL", "[ingest][unit][page]") {
    const auto r = parse_page(" \n ", "https://example.com/x", "text/html");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::Parse);
    CHECK(r.error().context == "https://example.com/x");
}

TEST_CASE("a page without a title takes its first text line, cut at 200 bytes", "[ingest][unit][page]") {
    const std::string long_line(300, 'a');
    const auto feed = parse_page("<p>" + long_line + "</p><p>second</p>", "u", "text/html");
    REQUIRE(feed);
    CHECK(feed->items.at(0).title == std::string(200, 'a'));
}

TEST_CASE("a page's text leaves out its chrome; an article's text is its <article>", "[ingest][unit][page]") {
    const std::string html =
        "<html><head><title>T</title><script>track()</script><style>p{}</style></head><body>"
        "<header>Site header</header><nav>Menu</nav><main><p>Terms apply.</p>"
        "<article><header>By Ada</header><p>Open weights under Apache 2.0.</p><aside>Related</aside></article>"
        "</main><footer>Footer</footer></body></html>";
    const std::string page = fw::ingest::page_text(html);
    CHECK(page.find("Terms apply.") != std::string::npos);
    CHECK(page.find("Open weights under Apache 2.0.") != std::string::npos);
    for (const char* chrome : {"Site header", "Menu", "Footer", "Related", "track", "By Ada"}) {
        INFO(chrome);
        CHECK(page.find(chrome) == std::string::npos);
    }
    CHECK(fw::ingest::article_text(html) == "Open weights under Apache 2.0.");
    // Without <article>, <main>; without either, the body, chrome removed.
    CHECK(fw::ingest::article_text("<body><nav>x</nav><main><p>Main text.</p></main></body>") == "Main text.");
    CHECK(fw::ingest::article_text("<body><nav>x</nav><p>Body text.</p><footer>f</footer></body>") == "Body text.");
}

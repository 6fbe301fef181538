// robustness.md 8.4: faulty and hostile servers, all on 127.0.0.1. The cross-cutting property:
// in one batch every bad source ends with its own typed error and the good source is fetched
// and parsed as if it were alone.
#include <zlib.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "ingest/feed_parser.h"
#include "ingest/fetcher.h"
#include "ingest/http_client.h"
#include "support/catch.h"
#include "support/loopback_server.h"

using fw::ErrorCode;
using fw::ingest::Fetcher;
using fw::ingest::FetcherOptions;
using fw::ingest::FetchJob;
using fw::ingest::HttpClient;
using fw::ingest::HttpRequest;
using fw::test::LoopbackServer;
using fw::test::reply;

namespace {

const std::string kGoodFeed =
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Good</title>"
    "<item><guid>g1</guid><title>Model card published</title><link>https://lab.example/1</link></item>"
    "<item><guid>g2</guid><title>Weights released</title><link>https://lab.example/2</link></item>"
    "</channel></rss>";

/// zlib-wrapped deflate (HTTP "Content-Encoding: deflate").
std::string deflate(const std::string& data) {
    uLongf size = compressBound(static_cast<uLong>(data.size()));
    std::string out(size, '\0');
    REQUIRE(compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                      static_cast<uLong>(data.size()), 9) == Z_OK);
    out.resize(size);
    return out;
}

HttpRequest quick(const std::string& url) {
    HttpRequest r;
    r.url = url;
    r.user_agent = "frontierwatch-robust-test";
    r.connect_timeout_ms = 2000;
    r.timeout_ms = 8000;
    r.low_speed_bytes = 100;
    r.low_speed_seconds = 2;
    r.max_bytes = 4u << 20;
    return r;
}

}  // namespace

TEST_CASE("H1: a deflate bomb stops at the decoded cap as too large", "[robust][unit][http]") {
    LoopbackServer server;
    const std::string bomb = deflate(std::string(64u << 20, 'A'));
    INFO("compressed bomb bytes: " << bomb.size());
    server.route("/deflate", reply(200, bomb, "application/rss+xml", {{"Content-Encoding", "deflate"}}));
    const auto r = HttpClient().get(quick(server.url("/deflate")));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == ErrorCode::TooLarge);
    CHECK(r.error().context.find("/deflate") != std::string::npos);
}

TEST_CASE("H1-H4, H7, H11: a batch of hostile servers fails source by source and the good feed still parses",
          "[robust][integration][http]") {
    LoopbackServer server;
    LoopbackServer good_host("127.0.0.2");
    good_host.route("/feed.xml", reply(200, kGoodFeed, "application/rss+xml"));

    auto gz = reply(200, std::string(48u << 20, '<'), "application/rss+xml");
    gz.gzip = true;
    server.route("/gzip-bomb", gz);
    auto endless = reply(200, std::string(8192, 'x'), "application/rss+xml");
    endless.endless = true;
    server.route("/endless", endless);
    auto drip = reply(200, std::string(200, 'd'), "application/rss+xml");
    drip.drip_bytes = 1;
    drip.drip_interval = std::chrono::milliseconds(1000);
    server.route("/slowloris", drip);
    server.route("/loop", reply(302, "", "text/plain", {{"Location", "/loop"}}));
    server.route("/to-file", reply(302, "", "text/plain", {{"Location", "file:///etc/passwd"}}));
    server.route("/storm", reply(500, "boom"));
    fw::test::SilentListener silent;

    const std::vector<std::string> urls = {
        server.url("/gzip-bomb"),  server.url("/endless"),
        server.url("/slowloris"),  server.url("/loop"),
        server.url("/to-file"),    server.url("/storm"),
        silent.url("/silent"),     "http://127.0.0.1:" + std::to_string(fw::test::unused_port()) + "/refused",
        good_host.url("/feed.xml")};
    std::vector<FetchJob> jobs;
    for (std::size_t i = 0; i < urls.size(); ++i)
        jobs.push_back({static_cast<std::int64_t>(i), quick(urls[i])});

    FetcherOptions opts;
    opts.min_host_interval = std::chrono::milliseconds(0);
    opts.max_per_host = 8;
    opts.max_retries = 1;
    opts.backoff_base = std::chrono::milliseconds(50);
    opts.seed = 7;
    Fetcher fetcher(opts);
    const auto t0 = std::chrono::steady_clock::now();
    const auto results = fetcher.run(jobs);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    REQUIRE(results.size() == urls.size());

    const std::map<std::string, ErrorCode> expected = {
        {"/gzip-bomb", ErrorCode::TooLarge}, {"/endless", ErrorCode::TooLarge}, {"/slowloris", ErrorCode::Network},
        {"/loop", ErrorCode::Network},       {"/to-file", ErrorCode::Invalid},  {"/storm", ErrorCode::HttpStatus},
        {"/silent", ErrorCode::Network},     {"/refused", ErrorCode::Network}};
    for (std::size_t i = 0; i + 1 < urls.size(); ++i) {
        INFO(urls[i]);
        REQUIRE_FALSE(results[i].response.has_value());
        const std::string path = urls[i].substr(urls[i].rfind('/'));
        CHECK(results[i].response.error().code == expected.at(path));
        CHECK_FALSE(results[i].response.error().message.empty());
        CHECK(results[i].response.error().context.find(path) != std::string::npos);
    }
    const auto& good = results.back().response;
    REQUIRE(good.has_value());
    fw::ingest::ParseOptions popts;
    popts.content_type = good->content_type;
    const auto feed = fw::ingest::parse_feed(good->body, popts);
    REQUIRE(feed.has_value());
    CHECK(feed->items.size() == 2);
    CHECK(good_host.hits("/feed.xml") == 1);
    CHECK(secs < 30.0);  // every abort is bounded by the request's own limits
}

TEST_CASE("H9: a valid feed served as text/html or octet-stream is sniffed and parsed", "[robust][unit][http]") {
    LoopbackServer server;
    server.route("/html", reply(200, kGoodFeed, "text/html; charset=utf-8"));
    server.route("/bin", reply(200, kGoodFeed, "application/octet-stream"));
    for (const char* path : {"/html", "/bin"}) {
        const auto r = HttpClient().get(quick(server.url(path)));
        REQUIRE(r.has_value());
        fw::ingest::ParseOptions opts;
        opts.content_type = r->content_type;
        const auto feed = fw::ingest::parse_feed(r->body, opts);
        REQUIRE(feed.has_value());
        CHECK(feed->items.size() == 2);
    }
}

TEST_CASE("H10: an https URL whose server cannot do TLS is a network error, never a downgrade",
          "[robust][unit][http]") {
    LoopbackServer server;  // plain HTTP only
    server.route("/feed.xml", reply(200, kGoodFeed, "application/rss+xml"));
    std::string url = server.url("/feed.xml");
    url.replace(0, 4, "https");
    const auto r = HttpClient().get(quick(url));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == ErrorCode::Network);
    CHECK(server.hits("/feed.xml") == 0);  // no plain-HTTP retry reached the server
}

TEST_CASE("H8: a 304 keeps the stored validators and carries no body to parse", "[robust][unit][http]") {
    LoopbackServer server;
    server.route_sequence("/feed.xml", {reply(200, kGoodFeed, "application/rss+xml", {{"ETag", "\"v1\""}}),
                                        reply(304, "", "application/rss+xml")});
    const auto first = HttpClient().get(quick(server.url("/feed.xml")));
    REQUIRE(first.has_value());
    REQUIRE(first->validators.etag == "\"v1\"");
    auto again = quick(server.url("/feed.xml"));
    again.validators = first->validators;
    const auto second = HttpClient().get(again);
    REQUIRE(second.has_value());
    CHECK(second->not_modified());
    CHECK(second->body.empty());
    CHECK(second->validators.etag == first->validators.etag);
}

#include <chrono>
#include <fstream>
#include <string>

#include "ingest/http_client.h"
#include "support/catch.h"
#include "support/loopback_server.h"
#include "support/temp_dir.h"

using namespace fw;
using namespace fw::ingest;
using fw::test::LoopbackServer;
using fw::test::Reply;

using namespace std::chrono_literals;

namespace {

HttpRequest request_for(const std::string& url) {
    HttpRequest r;
    r.url = url;
    r.user_agent = "FrontierWatch-test";
    return r;
}

Reply redirect_to(const std::string& location) {
    Reply r;
    r.status = 302;
    r.headers = {{"Location", location}};
    return r;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("a GET returns body, type, final URL and the validators answered", "[ingest][unit][http]") {
    LoopbackServer server;
    server.route("/feed", fw::test::reply(200, "<rss/>", "application/rss+xml",
                                          {{"ETag", "\"v1\""}, {"Last-Modified", "Wed, 08 Apr 2026 14:00:00 GMT"}}));
    const auto r = HttpClient().get(request_for(server.url("/feed")));
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->body == "<rss/>");
    CHECK(r->content_type == "application/rss+xml");
    CHECK(r->effective_url == server.url("/feed"));
    CHECK(r->validators.etag == "\"v1\"");
    CHECK(r->validators.last_modified == "Wed, 08 Apr 2026 14:00:00 GMT");
    CHECK_FALSE(r->not_modified());
    CHECK(server.requests("/feed").at(0).headers.at("user-agent") == "FrontierWatch-test");
}

TEST_CASE("stored validators are sent and a 304 is a success without a body", "[ingest][unit][http]") {
    LoopbackServer server;
    server.route("/feed", fw::test::reply(304, "", "text/plain", {}));
    auto req = request_for(server.url("/feed"));
    req.validators = {"\"abc\"", "Wed, 08 Apr 2026 14:00:00 GMT"};
    const auto r = HttpClient().get(req);
    REQUIRE(r);
    CHECK(r->not_modified());
    CHECK(r->body.empty());
    CHECK(r->validators.etag == "\"abc\"");  // kept: the 304 did not repeat them
    const auto seen = server.requests("/feed").at(0).headers;
    CHECK(seen.at("if-none-match") == "\"abc\"");
    CHECK(seen.at("if-modified-since") == "Wed, 08 Apr 2026 14:00:00 GMT");
}

TEST_CASE("without validators no conditional headers are sent", "[ingest][unit][http]") {
    LoopbackServer server;
    server.route("/feed", fw::test::reply(200, "x"));
    REQUIRE(HttpClient().get(request_for(server.url("/feed"))));
    const auto seen = server.requests("/feed").at(0).headers;
    CHECK(seen.count("if-none-match") == 0);
    CHECK(seen.count("if-modified-since") == 0);
}

TEST_CASE("file:// URLs are read and an unchanged file is not modified", "[ingest][unit][http]") {
    fw::test::TempDir dir;
    std::ofstream(dir / "feed.xml") << "<feed/>";
    const std::string url = "file://" + (dir / "feed.xml").string();
    const auto first = HttpClient().get(request_for(url));
    REQUIRE(first);
    CHECK(first->status == 200);
    CHECK(first->body == "<feed/>");
    REQUIRE_FALSE(first->validators.last_modified.empty());

    auto again = request_for(url);
    again.validators = first->validators;
    const auto second = HttpClient().get(again);
    REQUIRE(second);
    CHECK(second->not_modified());

    const auto missing = HttpClient().get(request_for("file://" + (dir / "nope.xml").string()));
    REQUIRE_FALSE(missing);
    CHECK(missing.error().context.find("nope.xml") != std::string::npos);
}

TEST_CASE("a server slower than the total timeout fails as a timeout", "[ingest][unit][http]") {
    LoopbackServer server;
    auto slow = fw::test::reply(200, "late");
    slow.delay = 3s;
    server.route("/slow", slow);
    auto req = request_for(server.url("/slow"));
    req.timeout_ms = 300;
    const auto start = std::chrono::steady_clock::now();
    const auto r = HttpClient().get(req);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::Network);
    CHECK(r.error().message.find("timed out") != std::string::npos);
    CHECK(r.error().context == req.url);
    CHECK(seconds_since(start) < 2.0);
}

TEST_CASE("a body dripping below the low-speed limit is aborted", "[ingest][unit][http]") {
    LoopbackServer server;
    auto drip = fw::test::reply(200, std::string(200, 'x'));
    drip.drip_bytes = 1;
    drip.drip_interval = 200ms;
    server.route("/drip", drip);
    auto req = request_for(server.url("/drip"));
    req.low_speed_bytes = 100;
    req.low_speed_seconds = 1;
    const auto start = std::chrono::steady_clock::now();
    const auto r = HttpClient().get(req);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::Network);
    CHECK(r.error().message.find("timed out") != std::string::npos);
    CHECK(seconds_since(start) < 5.0);  // the whole drip would take 40 s
}

TEST_CASE("a host that never accepts hits the connect timeout", "[ingest][unit][http]") {
    fw::test::SilentListener silent;
    auto req = request_for(silent.url("/feed"));
    req.connect_timeout_ms = 300;
    const auto start = std::chrono::steady_clock::now();
    const auto r = HttpClient().get(req);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::Network);
    CHECK(seconds_since(start) < 3.0);
}

TEST_CASE("redirects are followed up to the cap and no further", "[ingest][unit][http]") {
    LoopbackServer server;
    for (int i = 0; i < 7; ++i) {
        server.route("/r" + std::to_string(i), redirect_to(server.url("/r" + std::to_string(i + 1))));
    }
    server.route("/r7", fw::test::reply(200, "end"));
    server.route("/short0", redirect_to(server.url("/short1")));
    server.route("/short1", redirect_to("/r7"));  // relative Location

    const auto ok = HttpClient().get(request_for(server.url("/short0")));
    REQUIRE(ok);
    CHECK(ok->body == "end");
    CHECK(ok->effective_url == server.url("/r7"));

    const auto loop = HttpClient().get(request_for(server.url("/r0")));
    REQUIRE_FALSE(loop);
    CHECK(loop.error().message.find("redirect") != std::string::npos);
    CHECK(server.hits("/r6") == 0);  // r0 + 5 redirects = r5 is the last one requested
}

TEST_CASE("only a chain of permanent redirects (301/308) reports where the resource moved",
          "[ingest][unit][http][H5]") {
    LoopbackServer server;
    auto status_to = [](int status, const std::string& target) {
        return fw::test::reply(status, "", "text/plain", {{"Location", target}});
    };
    server.route("/new", fw::test::reply(200, "feed"));
    server.route("/p301", status_to(301, server.url("/new")));
    server.route("/p308", status_to(308, "/p301"));  // 308 -> 301 -> 200: all permanent
    server.route("/t302", status_to(302, server.url("/new")));
    server.route("/t307", status_to(307, server.url("/new")));
    server.route("/mixed", status_to(301, "/t302"));  // permanent then temporary

    for (const char* path : {"/p301", "/p308"}) {
        INFO(path);
        const auto r = HttpClient().get(request_for(server.url(path)));
        REQUIRE(r);
        REQUIRE(r->moved_permanently_to.has_value());
        CHECK(*r->moved_permanently_to == server.url("/new"));
    }
    for (const char* path : {"/t302", "/t307", "/mixed", "/new"}) {
        INFO(path);
        const auto r = HttpClient().get(request_for(server.url(path)));
        REQUIRE(r);
        CHECK(r->body == "feed");
        CHECK_FALSE(r->moved_permanently_to.has_value());
    }
}

TEST_CASE("Expires: 0 makes the validators untrusted: none are kept", "[ingest][unit][http][H8]") {
    LoopbackServer server;
    server.route(
        "/stale",
        fw::test::reply(200, "feed", "application/rss+xml",
                        {{"ETag", "\"v1\""}, {"Last-Modified", "Wed, 01 Apr 2026 10:00:00 GMT"}, {"Expires", "0"}}));
    server.route("/fresh", fw::test::reply(200, "feed", "application/rss+xml",
                                           {{"ETag", "\"v1\""}, {"Expires", "Thu, 01 Jan 2099 00:00:00 GMT"}}));
    const auto stale = HttpClient().get(request_for(server.url("/stale")));
    REQUIRE(stale);
    CHECK(stale->expires_now);
    CHECK(stale->validators.etag.empty());
    CHECK(stale->validators.last_modified.empty());
    const auto fresh = HttpClient().get(request_for(server.url("/fresh")));
    REQUIRE(fresh);
    CHECK_FALSE(fresh->expires_now);
    CHECK(fresh->validators.etag == "\"v1\"");
}

TEST_CASE("a redirect to file:// or ftp:// is refused", "[ingest][unit][http]") {
    LoopbackServer server;
    server.route("/to-file", redirect_to("file:///etc/passwd"));
    server.route("/to-ftp", redirect_to("ftp://127.0.0.1/feed.xml"));
    for (const char* path : {"/to-file", "/to-ftp"}) {
        const auto r = HttpClient().get(request_for(server.url(path)));
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::Invalid);
        CHECK(r.error().message.find("scheme") != std::string::npos);
    }
    const auto direct = HttpClient().get(request_for("ftp://127.0.0.1/feed.xml"));
    REQUIRE_FALSE(direct);
    CHECK(direct.error().code == ErrorCode::Invalid);
}

TEST_CASE("bodies over the cap fail as too large", "[ingest][unit][http]") {
    LoopbackServer server;
    server.route("/big", fw::test::reply(200, std::string(5000, 'a'), "application/octet-stream"));
    auto endless = fw::test::reply(200, std::string(4096, 'b'), "application/octet-stream");
    endless.endless = true;
    server.route("/endless", endless);

    auto req = request_for(server.url("/big"));
    req.max_bytes = 1000;
    const auto big = HttpClient().get(req);
    REQUIRE_FALSE(big);
    CHECK(big.error().code == ErrorCode::TooLarge);

    req.url = server.url("/endless");
    req.max_bytes = 1 << 20;
    const auto stream = HttpClient().get(req);
    REQUIRE_FALSE(stream);
    CHECK(stream.error().code == ErrorCode::TooLarge);

    req.max_bytes = 5000;  // exactly the size is allowed
    req.url = server.url("/big");
    CHECK(HttpClient().get(req));
}

TEST_CASE("gzip bodies are decoded and a gzip bomb stops at the decoded cap", "[ingest][unit][http]") {
    LoopbackServer server;
    auto small = fw::test::reply(200, std::string(3000, 'z'), "application/octet-stream");
    small.gzip = true;
    server.route("/gz", small);
    auto bomb = fw::test::reply(200, std::string(64u << 20, '\0'), "application/octet-stream");
    bomb.gzip = true;
    server.route("/bomb", bomb);

    const auto decoded = HttpClient().get(request_for(server.url("/gz")));
    REQUIRE(decoded);
    CHECK(decoded->body == std::string(3000, 'z'));

    const auto r = HttpClient().get(request_for(server.url("/bomb")));  // default 32 MiB cap
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::TooLarge);
    CHECK(r.error().message.find(std::to_string(kDefaultMaxBytes)) != std::string::npos);
}

TEST_CASE("429 and 503 are rate limits carrying Retry-After; other errors name the status", "[ingest][unit][http]") {
    LoopbackServer server;
    server.route("/429", fw::test::reply(429, "slow down", "text/plain", {{"Retry-After", "120"}}));
    server.route("/503", fw::test::reply(503, "", "text/plain", {{"Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT"}}));
    server.route("/404", fw::test::reply(404, "gone"));
    server.route("/500", fw::test::reply(500, "boom"));

    const auto limited = HttpClient().get(request_for(server.url("/429")));
    REQUIRE_FALSE(limited);
    CHECK(limited.error().code == ErrorCode::RateLimited);
    CHECK(limited.error().message.find("Retry-After: 120") != std::string::npos);

    const auto unavailable = HttpClient().get(request_for(server.url("/503")));
    REQUIRE_FALSE(unavailable);
    CHECK(unavailable.error().code == ErrorCode::RateLimited);
    CHECK(unavailable.error().message.find("07:28:00 GMT") != std::string::npos);

    for (const char* path : {"/404", "/500"}) {
        const auto r = HttpClient().get(request_for(server.url(path)));
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::HttpStatus);
        CHECK(r.error().message.find(std::string(path).substr(1)) != std::string::npos);
        CHECK(r.error().context == server.url(path));
    }
}

TEST_CASE("connection refused and an unknown host are clear network errors", "[ingest][unit][http]") {
    auto refused_req = request_for("http://127.0.0.1:" + std::to_string(fw::test::unused_port()) + "/x");
    const auto refused = HttpClient().get(refused_req);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Network);
    CHECK(refused.error().message.find("connection failed") != std::string::npos);
    CHECK(refused.error().context == refused_req.url);

    auto unknown_req = request_for("http://frontierwatch-test.invalid/feed");
    unknown_req.connect_timeout_ms = 3000;
    const auto unknown = HttpClient().get(unknown_req);
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == ErrorCode::Network);
    CHECK(unknown.error().describe().find("frontierwatch-test.invalid") != std::string::npos);
}

TEST_CASE("post_json sends the body as application/json", "[ingest][unit][http]") {
    LoopbackServer server;
    server.route("/api", fw::test::reply(200, "{\"ok\":true}", "application/json"));
    const auto r = HttpClient().post_json(request_for(server.url("/api")), R"({"q":1})");
    REQUIRE(r);
    CHECK(r->body == "{\"ok\":true}");
    const auto seen = server.requests("/api").at(0);
    CHECK(seen.method == "POST");
    CHECK(seen.body == R"({"q":1})");
    CHECK(seen.headers.at("content-type") == "application/json");
}

TEST_CASE("the rel=next Link of a response is exposed as an absolute URL", "[ingest][unit][http]") {
    LoopbackServer server;
    server.route("/page1", fw::test::reply(200, "[]", "application/json",
                                           {{"Link", "</page2?cursor=abc>; rel=\"next\", </page9>; rel=\"last\""}}));
    const auto r = HttpClient().get(request_for(server.url("/page1")));
    REQUIRE(r);
    REQUIRE(r->link_next);
    CHECK(*r->link_next == server.url("/page2?cursor=abc"));
}

TEST_CASE("parse_link_next finds rel=next among several links", "[ingest][unit][http]") {
    CHECK(parse_link_next(R"(<https://h/a?p=2>; rel="next")") == "https://h/a?p=2");
    CHECK(parse_link_next(R"(<https://h/1>; rel="prev", <https://h/3>; rel=next)") == "https://h/3");
    CHECK(parse_link_next(R"(<https://h/x,y>; title="a, b"; rel="next last")") == "https://h/x,y");
    CHECK(parse_link_next(R"(<https://h/3>; REL="Next")") == "https://h/3");
    CHECK_FALSE(parse_link_next(R"(<https://h/1>; rel="prev")"));
    CHECK_FALSE(parse_link_next(R"(<https://h/1>; rel="nextpage")"));
    CHECK_FALSE(parse_link_next(""));
    CHECK_FALSE(parse_link_next("garbage"));
}

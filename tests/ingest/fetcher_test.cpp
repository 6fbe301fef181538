#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "ingest/fetcher.h"
#include "ingest/schedule.h"
#include "support/catch.h"
#include "support/loopback_server.h"

using namespace fw;
using namespace fw::ingest;
using fw::test::LoopbackServer;
using fw::test::Reply;
using fw::test::reply;
using namespace std::chrono_literals;

namespace {

FetcherOptions quick_options() {
    FetcherOptions o;
    o.min_host_interval = 0ms;
    o.backoff_base = 50ms;
    o.jitter = 0.0;
    o.seed = 42;
    return o;
}

FetchJob job(std::int64_t key, std::string url) {
    FetchJob j;
    j.key = key;
    j.request.url = std::move(url);
    j.request.user_agent = "FrontierWatch-test";
    return j;
}

Reply delayed(std::chrono::milliseconds delay, std::string body = "ok") {
    auto r = reply(200, std::move(body));
    r.delay = delay;
    return r;
}

double ms_between(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

std::vector<FetchJob> jobs_on(const LoopbackServer& server, const std::string& path, int n) {
    std::vector<FetchJob> jobs;
    for (int i = 0; i < n; ++i) {
        jobs.push_back(job(i, server.url(path) + "?n=" + std::to_string(i)));
    }
    return jobs;
}

}  // namespace

TEST_CASE("every job is fetched once and results come back in job order", "[ingest][unit][fetcher]") {
    LoopbackServer server;
    for (int i = 0; i < 6; ++i) {
        server.route("/f" + std::to_string(i), reply(200, "body" + std::to_string(i)));
    }
    std::vector<FetchJob> jobs;
    for (int i = 5; i >= 0; --i) {
        jobs.push_back(job(100 + i, server.url("/f" + std::to_string(i))));
    }
    const auto results = Fetcher(quick_options()).run(jobs);
    REQUIRE(results.size() == 6);
    for (std::size_t i = 0; i < results.size(); ++i) {
        CHECK(results[i].key == jobs[i].key);
        REQUIRE(results[i].response);
        CHECK(results[i].response->body == "body" + std::to_string(results[i].key - 100));
        CHECK(results[i].attempts == 1);
    }
    CHECK(server.total_hits() == 6);
}

TEST_CASE("no more than max_per_host transfers reach one host at once", "[ingest][unit][fetcher]") {
    for (int cap : {2, 4}) {
        LoopbackServer server;
        server.route("/slow", delayed(150ms));
        auto options = quick_options();
        options.max_per_host = cap;
        const auto results = Fetcher(options).run(jobs_on(server, "/slow", 10));
        CHECK(std::all_of(results.begin(), results.end(), [](const auto& r) { return bool(r.response); }));
        CHECK(server.max_concurrent() == cap);
    }
}

TEST_CASE("the global cap bounds transfers across all hosts", "[ingest][unit][fetcher]") {
    LoopbackServer server;
    server.route("/slow", delayed(150ms));
    auto options = quick_options();
    options.max_per_host = 10;
    options.max_total = 3;
    (void)Fetcher(options).run(jobs_on(server, "/slow", 9));
    CHECK(server.max_concurrent() == 3);
}

TEST_CASE("requests to one host are spaced by the minimum interval", "[ingest][unit][fetcher]") {
    LoopbackServer server;
    server.route("/f", reply(200, "x"));
    auto options = quick_options();
    options.min_host_interval = 150ms;
    (void)Fetcher(options).run(jobs_on(server, "/f", 4));
    const auto seen = server.requests("/f");
    REQUIRE(seen.size() == 4);
    // Arrival times carry the server's own scheduling noise: loose per gap, tight overall.
    for (std::size_t i = 1; i < seen.size(); ++i) {
        CHECK(ms_between(seen[i - 1].at, seen[i].at) >= 100.0);
    }
    CHECK(ms_between(seen.front().at, seen.back().at) >= 420.0);  // 3 intervals of 150 ms
}

TEST_CASE("one slow host does not delay the others", "[ingest][unit][fetcher]") {
    LoopbackServer slow("127.0.0.1");
    LoopbackServer fast("127.0.0.2");
    slow.route("/f", delayed(1500ms));
    fast.route("/f", reply(200, "x"));
    auto options = quick_options();
    options.min_host_interval = 20ms;
    auto jobs = jobs_on(slow, "/f", 4);
    for (auto& j : jobs_on(fast, "/f", 12)) {
        j.key += 100;
        jobs.push_back(j);
    }
    const auto start = std::chrono::steady_clock::now();
    const auto results = Fetcher(options).run(jobs);
    CHECK(std::all_of(results.begin(), results.end(), [](const auto& r) { return bool(r.response); }));
    const auto fast_seen = fast.requests("/f");
    REQUIRE(fast_seen.size() == 12);
    CHECK(ms_between(start, fast_seen.back().at) < 1000.0);  // before the first slow answer
}

TEST_CASE("5xx answers are retried with growing backoff until success", "[ingest][unit][fetcher]") {
    LoopbackServer server;
    server.route_sequence("/flaky", {reply(500, "a"), reply(502, "b"), reply(200, "fine")});
    const auto results = Fetcher(quick_options()).run(std::vector{job(1, server.url("/flaky"))});
    REQUIRE(results[0].response);
    CHECK(results[0].response->body == "fine");
    CHECK(results[0].attempts == 3);
    const auto seen = server.requests("/flaky");
    REQUIRE(seen.size() == 3);
    CHECK(ms_between(seen[0].at, seen[1].at) >= 45.0);  // 50 ms
    CHECK(ms_between(seen[1].at, seen[2].at) >= 95.0);  // 100 ms
}

TEST_CASE("retries stop after max_retries and the last error is returned", "[ingest][unit][fetcher]") {
    LoopbackServer server;
    server.route("/down", reply(500, "boom"));
    server.route("/missing", reply(404, "no"));
    auto options = quick_options();
    options.max_retries = 1;
    const auto results = Fetcher(options).run(std::vector{job(1, server.url("/down")), job(2, server.url("/missing"))});
    REQUIRE_FALSE(results[0].response);
    CHECK(results[0].response.error().code == ErrorCode::HttpStatus);
    CHECK(results[0].attempts == 2);
    REQUIRE_FALSE(results[1].response);
    CHECK(results[1].attempts == 1);  // a 404 is not retried
    CHECK(server.hits("/missing") == 1);
}

TEST_CASE("a timeout is retried", "[ingest][unit][fetcher]") {
    LoopbackServer server;
    server.route_sequence("/sleepy", {delayed(2000ms), reply(200, "awake")});
    auto j = job(1, server.url("/sleepy"));
    j.request.timeout_ms = 200;
    const auto results = Fetcher(quick_options()).run(std::vector{j});
    REQUIRE(results[0].response);
    CHECK(results[0].response->body == "awake");
    CHECK(results[0].attempts == 2);
}

TEST_CASE("429 with Retry-After in seconds waits that long before retrying", "[ingest][unit][fetcher]") {
    LoopbackServer server;
    server.route_sequence("/limited", {reply(429, "", "text/plain", {{"Retry-After", "1"}}), reply(200, "ok")});
    const auto results = Fetcher(quick_options()).run(std::vector{job(1, server.url("/limited"))});
    REQUIRE(results[0].response);
    CHECK(results[0].attempts == 2);
    const auto seen = server.requests("/limited");
    REQUIRE(seen.size() == 2);
    CHECK(ms_between(seen[0].at, seen[1].at) >= 950.0);
}

TEST_CASE("503 with Retry-After as an HTTP-date is honoured", "[ingest][unit][fetcher]") {
    LoopbackServer server;
    // Two seconds ahead, at one-second resolution: the wait is 1..2 s.
    const auto when = std::chrono::system_clock::now() + 2s;
    const std::time_t t = std::chrono::system_clock::to_time_t(when);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char date[64];
    std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    server.route_sequence("/busy", {reply(503, "", "text/plain", {{"Retry-After", date}}), reply(200, "ok")});
    const auto results = Fetcher(quick_options()).run(std::vector{job(1, server.url("/busy"))});
    REQUIRE(results[0].response);
    const auto seen = server.requests("/busy");
    REQUIRE(seen.size() == 2);
    CHECK(ms_between(seen[0].at, seen[1].at) >= 900.0);
}

TEST_CASE("a Retry-After beyond the run fails the host's jobs with retry_not_before", "[ingest][unit][fetcher]") {
    LoopbackServer limited("127.0.0.1");
    LoopbackServer other("127.0.0.3");
    limited.route("/a", reply(429, "", "text/plain", {{"Retry-After", "7200"}}));
    limited.route("/b", reply(200, "never asked"));
    other.route("/c", reply(200, "fine"));
    auto options = quick_options();
    options.max_per_host = 1;
    options.min_host_interval = 100ms;
    const auto before = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const auto results = Fetcher(options).run(
        std::vector{job(1, limited.url("/a")), job(2, limited.url("/b")), job(3, other.url("/c"))});
    REQUIRE_FALSE(results[0].response);
    CHECK(results[0].response.error().code == ErrorCode::RateLimited);
    CHECK(results[0].attempts == 1);
    REQUIRE(results[0].retry_not_before);
    const auto wait = *results[0].retry_not_before - before;
    CHECK(wait >= 3599s);  // clamped from 2 h to 1 h
    CHECK(wait <= 3602s);
    REQUIRE_FALSE(results[1].response);
    CHECK(results[1].response.error().code == ErrorCode::RateLimited);
    CHECK(results[1].retry_not_before == results[0].retry_not_before);
    CHECK(limited.hits("/b") == 0);
    REQUIRE(results[2].response);
}

TEST_CASE("a refused connection fails at once without retries", "[ingest][unit][fetcher]") {
    const std::string url = "http://127.0.0.1:" + std::to_string(fw::test::unused_port()) + "/x";
    const auto results = Fetcher(quick_options()).run(std::vector{job(7, url)});
    REQUIRE_FALSE(results[0].response);
    CHECK(results[0].response.error().code == ErrorCode::Network);
    CHECK(results[0].response.error().context == url);
    CHECK(results[0].attempts == 1);
}

TEST_CASE("progress counts every finished job and the failures", "[ingest][unit][fetcher]") {
    LoopbackServer server;
    server.route("/ok", reply(200, "x"));
    server.route("/gone", reply(410, "x"));
    std::vector<FetchJob> jobs = jobs_on(server, "/ok", 5);
    jobs.push_back(job(50, server.url("/gone")));
    jobs.push_back(job(51, "ftp://127.0.0.1/nothing"));
    std::vector<FetchProgress> seen;
    (void)Fetcher(quick_options()).run(jobs, [&](const FetchProgress& p) { seen.push_back(p); });
    REQUIRE(seen.size() == 7);
    for (std::size_t i = 0; i < seen.size(); ++i) {
        CHECK(seen[i].done == static_cast<int>(i) + 1);
        CHECK(seen[i].total == 7);
    }
    CHECK(seen.back().failed == 2);
}

TEST_CASE("validators make a second run all not-modified", "[ingest][unit][fetcher]") {
    LoopbackServer server;
    auto fresh = reply(200, "<rss/>", "application/rss+xml", {{"ETag", "\"e1\""}});
    server.route_sequence("/feed", {fresh, reply(304, "", "text/plain", {{"ETag", "\"e1\""}})});
    Fetcher fetcher(quick_options());
    auto jobs = std::vector{job(1, server.url("/feed"))};
    const auto first = fetcher.run(jobs);
    REQUIRE(first[0].response);
    jobs[0].request.validators = first[0].response->validators;
    const auto second = fetcher.run(jobs);
    REQUIRE(second[0].response);
    CHECK(second[0].response->not_modified());
    CHECK(server.requests("/feed").at(1).headers.at("if-none-match") == "\"e1\"");
}

TEST_CASE("file:// jobs are fetched like any other", "[ingest][unit][fetcher]") {
    const auto results = Fetcher(quick_options()).run(std::vector{job(1, "file:///etc/hostname")});
    REQUIRE(results[0].response);
    CHECK(results[0].response->status == 200);
}

TEST_CASE("the loopback server answers 304 to a matching If-None-Match", "[ingest][unit][fetcher]") {
    LoopbackServer server;
    auto feed = reply(200, "<rss/>", "application/rss+xml");
    feed.etag = "\"tag-1\"";
    server.route("/feed", feed);
    Fetcher fetcher(quick_options());
    auto jobs = std::vector{job(1, server.url("/feed")), job(2, server.url("/feed"))};
    jobs[1].request.validators.etag = "\"other\"";
    const auto first = fetcher.run(jobs);
    REQUIRE(first[0].response);
    CHECK(first[0].response->status == 200);
    CHECK(first[1].response->status == 200);  // a different tag is not a match
    jobs[0].request.validators = first[0].response->validators;
    CHECK(fetcher.run(jobs)[0].response->not_modified());
}

// Fetcher::stream: each final result handed over once on the caller's thread, backpressure
// bounding what waits, an early stop, the idle hook. Behaviour only; no timing is asserted
// (the sleeps only make the consumer slower than the transfers).
#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "ingest/fetcher.h"
#include "support/catch.h"
#include "support/loopback_server.h"

using namespace fw;
using namespace fw::ingest;
using fw::test::LoopbackServer;
using fw::test::reply;
using namespace std::chrono_literals;

namespace {

FetcherOptions stream_quick_options() {
    FetcherOptions o;
    o.min_host_interval = 0ms;
    o.backoff_base = 20ms;
    o.jitter = 0.0;
    o.seed = 7;
    return o;
}

std::vector<FetchJob> stream_jobs_on(const LoopbackServer& server, const std::string& path, int n) {
    std::vector<FetchJob> jobs;
    for (int i = 0; i < n; ++i) {
        FetchJob j;
        j.key = 1000 + i;
        j.request.url = server.url(path) + "?n=" + std::to_string(i);
        j.request.user_agent = "FrontierWatch-test";
        jobs.push_back(std::move(j));
    }
    return jobs;
}

}  // namespace

TEST_CASE("stream hands every final result over once, on the calling thread", "[ingest][unit][fetcher]") {
    LoopbackServer server;
    server.route("/ok", reply(200, "body"));
    server.route("/gone", reply(410, "x"));
    server.route_sequence("/flaky", {reply(503, "busy"), reply(200, "late")});
    auto jobs = stream_jobs_on(server, "/ok", 20);
    jobs.push_back({1, {}});
    jobs.back().request.url = server.url("/gone");
    jobs.push_back({2, {}});
    jobs.back().request.url = "ftp://127.0.0.1/nothing";
    jobs.push_back({3, {}});
    jobs.back().request.url = server.url("/flaky");

    const auto caller = std::this_thread::get_id();
    std::vector<std::int64_t> keys;
    int failed = 0;
    bool other_thread = false;
    Fetcher fetcher(stream_quick_options());
    const int handed = fetcher.stream(jobs,
                                      [&](FetchResult&& r) {
                                          other_thread = other_thread || std::this_thread::get_id() != caller;
                                          keys.push_back(r.key);
                                          failed += r.response ? 0 : 1;
                                          if (r.key == 3) {
                                              REQUIRE(r.response);  // the retry happened before the result was final
                                              CHECK(r.response->body == "late");
                                              CHECK(r.attempts == 2);
                                          }
                                          return true;
                                      },
                                      {});
    CHECK(handed == static_cast<int>(jobs.size()));
    CHECK_FALSE(other_thread);
    std::vector<std::int64_t> expected;
    for (const auto& j : jobs) {
        expected.push_back(j.key);
    }
    std::sort(keys.begin(), keys.end());
    std::sort(expected.begin(), expected.end());
    CHECK(keys == expected);
    CHECK(failed == 2);
    CHECK(server.hits("/ok") == 20);
}

TEST_CASE("stream starts no transfer while the queue of taken-later results is full", "[ingest][unit][fetcher]") {
    LoopbackServer server;
    server.route("/ok", reply(200, std::string(2000, 'x')));
    auto options = stream_quick_options();
    options.max_total = 2;
    options.max_per_host = 2;
    Fetcher fetcher(options);
    Fetcher::StreamOptions stream;
    stream.queue_capacity = 3;
    const auto jobs = stream_jobs_on(server, "/ok", 40);
    int taken = 0;
    int worst_excess = 0;
    fetcher.stream(
        jobs,
        [&](FetchResult&& r) {
            ++taken;
            CHECK(r.response);
            std::this_thread::sleep_for(15ms);  // a slow store: without backpressure all 40 finish now
            // A transfer starts only while fewer than queue_capacity results wait and fewer than
            // max_total are in flight, so what was ever requested is bounded by what was taken.
            worst_excess = std::max(worst_excess, server.total_hits() - taken);
            return true;
        },
        stream);
    CHECK(taken == 40);
    CHECK(worst_excess <= static_cast<int>(stream.queue_capacity) + options.max_total - 1);
    CHECK(worst_excess > 0);  // the transfers did run ahead of the consumer, within the bound
}

TEST_CASE("stream stops when the consumer says so, and the fetcher serves the next run", "[ingest][unit][fetcher]") {
    LoopbackServer server;
    auto slow = reply(200, "slow");
    slow.delay = 200ms;
    server.route("/slow", slow);
    server.route("/ok", reply(200, "ok"));
    Fetcher fetcher(stream_quick_options());
    const auto jobs = stream_jobs_on(server, "/slow", 30);
    int seen = 0;
    const int handed = fetcher.stream(jobs,
                                      [&](FetchResult&&) {
                                          ++seen;
                                          return seen < 3;
                                      },
                                      {});
    CHECK(handed == 3);
    CHECK(seen == 3);
    CHECK(server.hits("/slow") < 30);  // abandoned: the rest never started

    const auto next = fetcher.run(stream_jobs_on(server, "/ok", 5));
    REQUIRE(next.size() == 5);
    CHECK(std::all_of(next.begin(), next.end(), [](const FetchResult& r) { return bool(r.response); }));
}

TEST_CASE("an exception from the consumer ends the stream and reaches the caller", "[ingest][unit][fetcher]") {
    LoopbackServer server;
    server.route("/ok", reply(200, "ok"));
    Fetcher fetcher(stream_quick_options());
    const auto jobs = stream_jobs_on(server, "/ok", 10);
    CHECK_THROWS_AS(fetcher.stream(jobs, [](FetchResult&&) -> bool { throw std::runtime_error("store failed"); }, {}),
                    std::runtime_error);
    CHECK(fetcher.run(jobs).size() == 10);
}

TEST_CASE("stream calls on_idle when no result is ready, on the calling thread", "[ingest][unit][fetcher]") {
    LoopbackServer server;
    auto slow = reply(200, "slow");
    slow.delay = 300ms;
    server.route("/slow", slow);
    Fetcher fetcher(stream_quick_options());
    Fetcher::StreamOptions stream;
    stream.idle_after = 20ms;
    const auto caller = std::this_thread::get_id();
    int idles = 0;
    int results = 0;
    int results_at_first_idle = -1;
    stream.on_idle = [&] {
        CHECK(std::this_thread::get_id() == caller);
        if (idles++ == 0) {
            results_at_first_idle = results;
        }
    };
    fetcher.stream(
        stream_jobs_on(server, "/slow", 2),
        [&](FetchResult&&) {
            ++results;
            return true;
        },
        stream);
    CHECK(results == 2);
    CHECK(idles >= 1);
    CHECK(results_at_first_idle == 0);  // idle while the first answer was still on its way
}

TEST_CASE("transfers and the caller's follow-up requests share one spacing per host", "[ingest][unit][fetcher]") {
    LoopbackServer server;
    server.route("/f", reply(200, "x"));
    server.route("/follow", reply(200, "article"));
    HostPacer pacer(150ms);
    auto options = stream_quick_options();  // the Fetcher's own spacing is off: the pacer alone spaces
    options.pacer = &pacer;
    Fetcher fetcher(options);
    fetcher.stream(stream_jobs_on(server, "/f", 3),
                   [&](FetchResult&& r) {
                       CHECK(r.response);
                       HttpRequest follow;
                       follow.url = server.url("/follow");
                       follow.user_agent = "FrontierWatch-test";
                       pacer.wait_turn(follow.url);  // as app/fetch_service does before an article or next page
                       CHECK(HttpClient().get(follow));
                       return true;
                   },
                   {});
    auto seen = server.requests("/f");
    const auto follow = server.requests("/follow");
    REQUIRE(seen.size() == 3);
    REQUIRE(follow.size() == 3);
    seen.insert(seen.end(), follow.begin(), follow.end());
    std::sort(seen.begin(), seen.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
    // Arrival times carry the server's scheduling noise: loose per gap, tight overall.
    for (std::size_t i = 1; i < seen.size(); ++i) {
        CHECK(std::chrono::duration<double, std::milli>(seen[i].at - seen[i - 1].at).count() >= 100.0);
    }
    CHECK(std::chrono::duration<double, std::milli>(seen.back().at - seen.front().at).count() >= 700.0);
}

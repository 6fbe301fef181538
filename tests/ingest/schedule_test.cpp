#include <chrono>
#include <vector>

#include "ingest/schedule.h"
#include "support/catch.h"

using namespace fw;
using namespace fw::ingest;
using namespace std::chrono_literals;
using std::chrono::seconds;

namespace {
const TimePoint kNow = make_time(2026, 4, 8, 12, 0, 0);
}

TEST_CASE("Retry-After in seconds is read as a delay", "[ingest][unit][schedule]") {
    CHECK(parse_retry_after("120", kNow) == seconds(120));
    CHECK(parse_retry_after(" 0 ", kNow) == seconds(0));
    CHECK(parse_retry_after("315360000", kNow) == seconds(315360000));  // 10 years: caller clamps
    CHECK(parse_retry_after("99999999999999999999999", kNow) > seconds(315360000));
}

TEST_CASE("Retry-After as an HTTP-date is the time left until then", "[ingest][unit][schedule]") {
    CHECK(parse_retry_after("Wed, 08 Apr 2026 12:02:00 GMT", kNow) == seconds(120));
    CHECK(parse_retry_after("Wednesday, 08-Apr-26 13:00:00 GMT", kNow) == seconds(3600));
    CHECK(parse_retry_after("Wed Apr  8 12:00:30 2026", kNow) == seconds(30));
    CHECK(parse_retry_after("Tue, 07 Apr 2026 12:00:00 GMT", kNow) == seconds(0));  // past
}

TEST_CASE("garbage Retry-After values are rejected", "[ingest][unit][schedule]") {
    CHECK_FALSE(parse_retry_after("", kNow));
    CHECK_FALSE(parse_retry_after("-5", kNow));
    CHECK_FALSE(parse_retry_after("soon", kNow));
    CHECK_FALSE(parse_retry_after("1.5", kNow));
    CHECK_FALSE(parse_retry_after("Wed, 31 Feb 2026 12:00:00 GMT", kNow));
    CHECK_FALSE(parse_retry_after("Wed, 08 Apr 2026 25:00:00 GMT", kNow));
    CHECK_FALSE(parse_retry_after("Wed, 08 Foo 2026 12:00:00 GMT", kNow));
}

TEST_CASE("the adaptive interval is half the median recent gap, clamped", "[ingest][unit][schedule]") {
    std::vector<TimePoint> hourly;
    for (int i = 0; i < 12; ++i) {
        hourly.push_back(kNow - std::chrono::hours(4 * i));
    }
    CHECK(adaptive_interval(hourly) == seconds(2h));

    std::vector<TimePoint> bursty{kNow, kNow - 1min, kNow - 2min, kNow - 3min};
    CHECK(adaptive_interval(bursty) == seconds(15min));  // clamped up

    std::vector<TimePoint> yearly{kNow, kNow - std::chrono::hours(24 * 365)};
    CHECK(adaptive_interval(yearly) == seconds(24h));  // clamped down

    CHECK(adaptive_interval(std::vector<TimePoint>{}) == seconds(24h));
    CHECK(adaptive_interval(std::vector<TimePoint>{kNow, kNow}) == seconds(24h));
    CHECK(adaptive_interval(hourly, IntervalLimits{1min, 1h}) == seconds(1h));
}

TEST_CASE("the adaptive interval follows the recent cadence, not old history", "[ingest][unit][schedule]") {
    std::vector<TimePoint> times;
    for (int i = 0; i < 11; ++i) {
        times.push_back(kNow - std::chrono::hours(2 * i));  // last 20 h: every 2 h
    }
    for (int i = 1; i <= 30; ++i) {
        times.push_back(kNow - std::chrono::hours(20 + 24 * 7 * i));  // before: weekly
    }
    CHECK(adaptive_interval(times) == seconds(1h));
}

TEST_CASE("after success the next fetch is one interval away", "[ingest][unit][schedule]") {
    CHECK(next_due(FetchOutcome::Ok, kNow, 3600s, 0) == kNow + 3600s);
    CHECK(next_due(FetchOutcome::NotModified, kNow, 900s, 0) == kNow + 900s);
}

TEST_CASE("failure backoff doubles with each consecutive failure up to the cap", "[ingest][unit][schedule]") {
    CHECK(next_due(FetchOutcome::Failed, kNow, 3600s, 1) == kNow + 1min);
    CHECK(next_due(FetchOutcome::Failed, kNow, 3600s, 2) == kNow + 2min);
    CHECK(next_due(FetchOutcome::Failed, kNow, 3600s, 5) == kNow + 16min);
    CHECK(next_due(FetchOutcome::Failed, kNow, 3600s, 40) == kNow + 24h);
}

TEST_CASE("a server's Retry-After wins when later, clamped to 1 min .. 24 h", "[ingest][unit][schedule]") {
    CHECK(next_due(FetchOutcome::Failed, kNow, 3600s, 1, seconds(600)) == kNow + 600s);
    CHECK(next_due(FetchOutcome::Failed, kNow, 3600s, 1, seconds(0)) == kNow + 1min);
    CHECK(next_due(FetchOutcome::Failed, kNow, 3600s, 1, seconds(315360000)) == kNow + 24h);
    CHECK(next_due(FetchOutcome::Failed, kNow, 3600s, 8, seconds(60)) == kNow + 128min);
}

TEST_CASE("stored sources use their own interval and failure count", "[ingest][unit][schedule]") {
    Source s;
    s.interval_seconds = 7200;
    CHECK(next_due_after_success(s, kNow) == kNow + 2h);
    s.every_seconds = 600;
    CHECK(next_due_after_success(s, kNow) == kNow + 10min);
    s.health.consecutive_failures = 3;
    CHECK(next_due_after_failure(s, kNow) == kNow + 4min);
    CHECK(next_due_after_failure(s, kNow, kNow + 2h) == kNow + 2h);
}

TEST_CASE("a source is stale when silent far longer than its interval", "[ingest][unit][schedule]") {
    SourceHealth h;
    CHECK_FALSE(is_stale(h, 3600s, kNow));  // nothing known yet
    h.newest_item_at = kNow - std::chrono::hours(24 * 2);
    CHECK_FALSE(is_stale(h, 3600s, kNow));  // 48 h < 72 h minimum silence
    h.newest_item_at = kNow - std::chrono::hours(24 * 4);
    CHECK(is_stale(h, 3600s, kNow));
    CHECK_FALSE(is_stale(h, seconds(24h), kNow));  // daily source: 10 days before stale
    h.newest_item_at = kNow - std::chrono::hours(24 * 11);
    CHECK(is_stale(h, seconds(24h), kNow));
}

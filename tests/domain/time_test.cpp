#include <cstdio>
#include <string>
#include <tuple>

#include "domain/time.h"
#include "support/catch.h"

using namespace fw;

TEST_CASE("RFC 3339 round trip in UTC", "[domain][time]") {
    const auto t = parse_iso8601("2026-04-08T14:00:00Z");
    REQUIRE(t);
    CHECK(format_rfc3339(*t) == "2026-04-08T14:00:00Z");
    CHECK(format_date(*t) == "2026-04-08");
}

TEST_CASE("offsets are converted to UTC", "[domain][time]") {
    const auto t = parse_iso8601("2026-04-29T20:18:55-04:00");
    REQUIRE(t);
    CHECK(format_rfc3339(*t) == "2026-04-30T00:18:55Z");
    CHECK(format_rfc3339(*parse_iso8601("2026-01-01T00:30:00+0100")) == "2025-12-31T23:30:00Z");
}

TEST_CASE("a date alone is midnight UTC; fractions are dropped", "[domain][time]") {
    CHECK(format_rfc3339(*parse_iso8601("2024-02-29")) == "2024-02-29T00:00:00Z");
    CHECK(format_rfc3339(*parse_iso8601("2022-03-02T23:29:04.000Z")) == "2022-03-02T23:29:04Z");
}

TEST_CASE("impossible or malformed dates are rejected", "[domain][time]") {
    CHECK_FALSE(parse_iso8601("2026-02-30"));
    CHECK_FALSE(parse_iso8601("2025-02-29"));
    CHECK_FALSE(parse_iso8601("2026-4-8"));
    CHECK_FALSE(parse_iso8601("yesterday"));
    CHECK_FALSE(parse_iso8601("2026-04-08T25:00:00Z"));
    CHECK_FALSE(parse_iso8601("2026-04-08T10:00:00Zjunk"));
}

TEST_CASE("days between counts UTC calendar days", "[domain][time]") {
    const auto a = *parse_iso8601("2026-04-08T23:59:00Z");
    const auto b = *parse_iso8601("2026-04-09T00:01:00Z");
    CHECK(days_between(a, b) == 1);
    CHECK(days_between(b, a) == -1);
    CHECK(days_between(*parse_iso8601("2026-04-08"), *parse_iso8601("2026-07-09")) == 92);
}

TEST_CASE("format_rfc3339 and format_date print what the printf forms print, for any year", "[domain][time]") {
    const auto printed = [](fw::TimePoint t) {
        const fw::Day d = fw::day_of(t);
        const std::chrono::year_month_day ymd{d};
        const auto secs = (t - fw::TimePoint{d}).count();
        char buf[64];
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02lld:%02lld:%02lldZ", int(ymd.year()), unsigned(ymd.month()),
                      unsigned(ymd.day()), static_cast<long long>(secs / 3600),
                      static_cast<long long>((secs / 60) % 60), static_cast<long long>(secs % 60));
        return std::string(buf);
    };
    for (const int year : {-44, -1, 0, 1, 9, 99, 999, 1969, 1970, 2000, 2026, 9999, 10000, 12345}) {
        for (const unsigned month : {1u, 2u, 9u, 10u, 12u}) {
            for (const auto& [h, m, s] : {std::tuple{0, 0, 0}, std::tuple{9, 5, 7}, std::tuple{23, 59, 59}}) {
                const fw::TimePoint t = fw::make_time(year, month, month == 2 ? 28 : 31 - month % 2, h, m, s);
                const std::string expected = printed(t);
                CHECK(fw::format_rfc3339(t) == expected);
                CHECK(fw::format_date(t) == expected.substr(0, expected.find('T')));
            }
        }
    }
}

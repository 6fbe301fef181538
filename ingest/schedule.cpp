#include "ingest/schedule.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <functional>
#include <string>
#include <vector>

#include "domain/slug.h"

namespace fw::ingest {
namespace {

using std::chrono::seconds;

std::optional<int> schedule_to_int(std::string_view digits) {
    int value = 0;
    const auto* end = digits.data() + digits.size();
    const auto [ptr, ec] = std::from_chars(digits.data(), end, value);
    if (digits.empty() || ec != std::errc() || ptr != end) {
        return std::nullopt;
    }
    return value;
}

std::optional<unsigned> month_number(std::string_view token) {
    static constexpr std::array<std::string_view, 12> kMonths{"jan", "feb", "mar", "apr", "may", "jun",
                                                              "jul", "aug", "sep", "oct", "nov", "dec"};
    const std::string lower = to_lower_ascii(token);
    for (unsigned i = 0; i < kMonths.size(); ++i) {
        if (lower == kMonths[i]) {
            return i + 1;
        }
    }
    return std::nullopt;
}

bool is_weekday(std::string_view token) {
    static constexpr std::array<std::string_view, 7> kDays{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    const std::string lower = to_lower_ascii(token);
    return std::any_of(kDays.begin(), kDays.end(), [&](std::string_view d) { return lower.rfind(d, 0) == 0; });
}

bool parse_schedule_clock(std::string_view token, int& h, int& m, int& s) {
    if (token.size() != 8 || token[2] != ':' || token[5] != ':') {
        return false;
    }
    const auto hh = schedule_to_int(token.substr(0, 2));
    const auto mm = schedule_to_int(token.substr(3, 2));
    const auto ss = schedule_to_int(token.substr(6, 2));
    if (!hh || !mm || !ss || *hh > 23 || *mm > 59 || *ss > 60) {
        return false;
    }
    h = *hh;
    m = *mm;
    s = std::min(*ss, 59);
    return true;
}

// The three HTTP-date forms of RFC 9110 5.6.7, read token by token: IMF-fixdate
// "Sun, 06 Nov 1994 08:49:37 GMT", RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT" and asctime
// "Sun Nov  6 08:49:37 1994".
std::optional<TimePoint> parse_http_date(std::string_view text) {
    std::string spaced(text);
    std::replace_if(
        spaced.begin(), spaced.end(), [](char c) { return c == ',' || c == '-'; }, ' ');
    std::optional<int> day;
    std::optional<int> year;
    std::optional<unsigned> month;
    int h = -1, m = 0, s = 0;
    std::size_t pos = 0;
    while (pos < spaced.size()) {
        const auto end = std::min(spaced.find(' ', pos), spaced.size());
        const std::string_view token = std::string_view(spaced).substr(pos, end - pos);
        pos = end + 1;
        if (token.empty() || token == "GMT" || token == "UTC") {
            continue;
        }
        if (auto mo = month_number(token)) {
            month = mo;
        } else if (token.find(':') != std::string_view::npos) {
            if (!parse_schedule_clock(token, h, m, s)) {
                return std::nullopt;
            }
        } else if (auto n = schedule_to_int(token)) {
            if (token.size() == 4 && !year) {
                year = *n;
            } else if (!day && token.size() <= 2) {
                day = *n;
            } else if (!year && token.size() == 2) {
                year = *n < 70 ? 2000 + *n : 1900 + *n;  // RFC 850 two-digit years
            } else {
                return std::nullopt;
            }
        } else if (!is_weekday(token)) {
            return std::nullopt;
        }
    }
    if (!day || !month || !year || h < 0 || *day < 1 || !is_valid_date(*year, *month, static_cast<unsigned>(*day))) {
        return std::nullopt;
    }
    return make_time(*year, *month, static_cast<unsigned>(*day), h, m, s);
}

}  // namespace

std::optional<seconds> parse_retry_after(std::string_view value, TimePoint now) {
    value = trim(value);
    if (value.empty()) {
        return std::nullopt;
    }
    if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        long long n = 0;
        const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        (void)ptr;
        if (ec == std::errc::result_out_of_range) {
            return seconds(std::chrono::hours(24 * 365 * 100));  // absurd: callers clamp
        }
        return seconds(n);
    }
    const auto when = parse_http_date(value);
    if (!when) {
        return std::nullopt;
    }
    return *when > now ? std::chrono::duration_cast<seconds>(*when - now) : seconds(0);
}

seconds adaptive_interval(std::span<const TimePoint> item_times, const IntervalLimits& limits) {
    std::vector<TimePoint> times(item_times.begin(), item_times.end());
    std::sort(times.begin(), times.end(), std::greater<>());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    if (times.size() < 2) {
        return limits.max;
    }
    // The recent cadence matters: a feed that woke up after a year must not wait a day.
    constexpr std::size_t kRecentGaps = 10;
    std::vector<seconds> gaps;
    for (std::size_t i = 1; i < times.size() && gaps.size() < kRecentGaps; ++i) {
        gaps.push_back(times[i - 1] - times[i]);
    }
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<long>(gaps.size() / 2), gaps.end());
    const seconds median = gaps[gaps.size() / 2];
    return std::clamp(median / 2, limits.min, limits.max);
}

TimePoint next_due(FetchOutcome outcome, TimePoint now, seconds interval, int consecutive_failures,
                   std::optional<seconds> retry_after, const FailureBackoff& backoff) {
    if (outcome != FetchOutcome::Failed) {
        return now + interval;
    }
    const int doublings = std::clamp(consecutive_failures - 1, 0, 30);
    seconds delay = backoff.base;
    for (int i = 0; i < doublings && delay < backoff.cap; ++i) {
        delay *= 2;
    }
    delay = std::min(delay, backoff.cap);
    if (retry_after) {
        delay = std::max(delay, std::clamp(*retry_after, backoff.min_retry_after, backoff.cap));
    }
    return now + delay;
}

namespace {

seconds interval_of(const Source& source) {
    return seconds(source.every_seconds.value_or(source.interval_seconds));
}

}  // namespace

TimePoint next_due_after_success(const Source& source, TimePoint now) {
    return next_due(FetchOutcome::Ok, now, interval_of(source), 0);
}

TimePoint next_due_after_failure(const Source& source, TimePoint now, std::optional<TimePoint> retry_not_before) {
    std::optional<seconds> retry_after;
    if (retry_not_before) {
        retry_after = *retry_not_before > now ? *retry_not_before - now : seconds(0);
    }
    return next_due(FetchOutcome::Failed, now, interval_of(source), std::max(source.health.consecutive_failures, 1),
                    retry_after);
}

bool is_stale(const SourceHealth& health, seconds interval, TimePoint now, double factor, seconds min_silence) {
    if (!health.newest_item_at) {
        return false;
    }
    const auto silence = now - *health.newest_item_at;
    const auto usual = seconds(static_cast<long long>(static_cast<double>(interval.count()) * factor));
    return silence > std::max(usual, min_silence);
}

}  // namespace fw::ingest

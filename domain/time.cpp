#include "domain/time.h"

#include <charconv>
#include <cstdio>

namespace fw {
namespace {

bool read_int(std::string_view text, std::size_t pos, std::size_t len, int& out) {
    if (pos + len > text.size()) {
        return false;
    }
    for (std::size_t i = pos; i < pos + len; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
    }
    auto [ptr, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, out);
    return ec == std::errc() && ptr == text.data() + pos + len;
}

// Reads "Z", "+HH:MM", "-HH:MM", "+HHMM" or nothing at pos; returns offset seconds east of UTC.
std::optional<int> read_zone(std::string_view text, std::size_t pos) {
    if (pos == text.size()) {
        return 0;
    }
    const char c = text[pos];
    if ((c == 'Z' || c == 'z') && pos + 1 == text.size()) {
        return 0;
    }
    if (c != '+' && c != '-') {
        return std::nullopt;
    }
    int hh = 0;
    int mm = 0;
    if (!read_int(text, pos + 1, 2, hh)) {
        return std::nullopt;
    }
    std::size_t mpos = pos + 3;
    if (mpos < text.size() && text[mpos] == ':') {
        ++mpos;
    }
    if (!read_int(text, mpos, 2, mm) || mpos + 2 != text.size() || hh > 23 || mm > 59) {
        return std::nullopt;
    }
    const int offset = hh * 3600 + mm * 60;
    return c == '+' ? offset : -offset;
}

}  // namespace

bool is_valid_date(int year, unsigned month, unsigned day) {
    const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    return ymd.ok();
}

TimePoint make_time(int year, unsigned month, unsigned day, int hour, int minute, int second) {
    const Day d{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}};
    return TimePoint{d} + std::chrono::hours{hour} + std::chrono::minutes{minute} + std::chrono::seconds{second};
}

namespace {

void put2(char* at, unsigned v) {
    at[0] = static_cast<char>('0' + v / 10);
    at[1] = static_cast<char>('0' + v % 10);
}

/// "YYYY-MM-DD" into `at` for years 0-9999 (what "%04d-%02u-%02u" prints for them).
void put_date(char* at, const std::chrono::year_month_day& ymd) {
    const auto year = static_cast<unsigned>(int(ymd.year()));
    put2(at, year / 100);
    put2(at + 2, year % 100);
    at[4] = '-';
    put2(at + 5, unsigned(ymd.month()));
    at[7] = '-';
    put2(at + 8, unsigned(ymd.day()));
}

bool four_digit_year(const std::chrono::year_month_day& ymd) {
    return int(ymd.year()) >= 0 && int(ymd.year()) <= 9999;
}

}  // namespace

std::string format_rfc3339(TimePoint t) {
    const Day d = day_of(t);
    const std::chrono::year_month_day ymd{d};
    const auto secs = (t - TimePoint{d}).count();
    if (four_digit_year(ymd)) {  // without snprintf: 5 % of `parse --json` of a large feed
        char out[20];
        put_date(out, ymd);
        out[10] = 'T';
        put2(out + 11, static_cast<unsigned>(secs / 3600));
        out[13] = ':';
        put2(out + 14, static_cast<unsigned>((secs / 60) % 60));
        out[16] = ':';
        put2(out + 17, static_cast<unsigned>(secs % 60));
        out[19] = 'Z';
        return std::string(out, sizeof out);
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02lld:%02lld:%02lldZ", int(ymd.year()), unsigned(ymd.month()),
                  unsigned(ymd.day()), static_cast<long long>(secs / 3600), static_cast<long long>((secs / 60) % 60),
                  static_cast<long long>(secs % 60));
    return buf;
}

std::string format_date(Day d) {
    const std::chrono::year_month_day ymd{d};
    if (four_digit_year(ymd)) {
        char out[10];
        put_date(out, ymd);
        return std::string(out, sizeof out);
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
    return buf;
}

std::string format_date(TimePoint t) {
    return format_date(day_of(t));
}

std::optional<TimePoint> parse_iso8601(std::string_view text) {
    int year = 0;
    int month = 0;
    int day = 0;
    if (!read_int(text, 0, 4, year) || text.size() < 10 || text[4] != '-' || text[7] != '-' ||
        !read_int(text, 5, 2, month) || !read_int(text, 8, 2, day) ||
        !is_valid_date(year, static_cast<unsigned>(month), static_cast<unsigned>(day))) {
        return std::nullopt;
    }
    if (text.size() == 10) {
        return make_time(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    }
    if (text[10] != 'T' && text[10] != 't' && text[10] != ' ') {
        return std::nullopt;
    }
    int hh = 0;
    int mi = 0;
    int ss = 0;
    if (!read_int(text, 11, 2, hh) || text.size() < 16 || text[13] != ':' || !read_int(text, 14, 2, mi) || hh > 23 ||
        mi > 59) {
        return std::nullopt;
    }
    std::size_t pos = 16;
    if (pos < text.size() && text[pos] == ':') {
        if (!read_int(text, pos + 1, 2, ss) || ss > 60) {
            return std::nullopt;
        }
        pos += 3;
        if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
            ++pos;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
                ++pos;
            }
        }
    }
    const auto zone = read_zone(text, pos);
    if (!zone) {
        return std::nullopt;
    }
    return make_time(year, static_cast<unsigned>(month), static_cast<unsigned>(day), hh, mi, ss == 60 ? 59 : ss) -
           std::chrono::seconds{*zone};
}

int days_between(TimePoint a, TimePoint b) {
    return static_cast<int>((day_of(b) - day_of(a)).count());
}

}  // namespace fw

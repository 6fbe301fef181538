#pragma once
// Times are UTC seconds; dates are whole UTC days. Formatting follows the contract: RFC 3339 with
// a trailing Z, or YYYY-MM-DD for a date alone. Feed date parsing (RFC 822 and friends) lives in
// ingest/date_parser.h; this header only reads what we ourselves write and what users type.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace fw {

using TimePoint = std::chrono::sys_seconds;
using Day = std::chrono::sys_days;

/// "2026-04-08T14:00:00Z"
std::string format_rfc3339(TimePoint t);
/// "2026-04-08"
std::string format_date(TimePoint t);
std::string format_date(Day d);

/// Reads "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.frac]]" with "Z" or "+HH:MM"/"-HH:MM" (or none =
/// UTC). Returns nullopt for anything else, including impossible dates (2026-02-30).
std::optional<TimePoint> parse_iso8601(std::string_view text);

/// The UTC day containing t.
inline Day day_of(TimePoint t) {
    return std::chrono::floor<std::chrono::days>(t);
}

/// Whole days between the UTC dates of a and b (b - a); negative when b is earlier.
int days_between(TimePoint a, TimePoint b);

/// Valid civil date check (handles leap years).
bool is_valid_date(int year, unsigned month, unsigned day);

/// Builds a UTC time point; the caller guarantees a valid date.
TimePoint make_time(int year, unsigned month, unsigned day, int hour = 0, int minute = 0, int second = 0);

}  // namespace fw

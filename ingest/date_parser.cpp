#include "ingest/date_parser.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "domain/slug.h"

namespace fw::ingest {
namespace {

using namespace std::chrono;

struct Civil {
    int year = -1, month = -1, day = -1, hour = 0, minute = 0, second = 0;
    int offset_minutes = 0;  // local minus UTC
};

std::optional<TimePoint> to_time(const Civil& c) {
    if (c.year < 1 || c.year > 9999 || c.month < 1 || c.month > 12 || c.day < 1)
        return std::nullopt;
    if (!is_valid_date(c.year, static_cast<unsigned>(c.month), static_cast<unsigned>(c.day))) {
        return std::nullopt;
    }
    if (c.hour > 23 || c.minute > 59 || c.second > 60 || c.hour < 0 || c.minute < 0 || c.second < 0) {
        return std::nullopt;
    }
    const int second = c.second == 60 ? 59 : c.second;  // a leap second reads as :59
    return make_time(c.year, static_cast<unsigned>(c.month), static_cast<unsigned>(c.day), c.hour, c.minute, second) -
           minutes(c.offset_minutes);
}

bool all_digits(std::string_view s) {
    if (s.empty())
        return false;
    for (char ch : s) {
        if (!std::isdigit(static_cast<unsigned char>(ch)))
            return false;
    }
    return true;
}

// Saturates instead of overflowing: a date field of many digits is nonsense the range checks
// reject anyway (found by fuzzing: "SS Dec 8888...").
int to_int(std::string_view s) {
    constexpr int kCap = 1'000'000'000;
    int v = 0;
    for (char ch : s) {
        if (v >= kCap / 10)
            return kCap;
        v = v * 10 + (ch - '0');
    }
    return v;
}

int expand_two_digit_year(int y) {
    return y < 50 ? 2000 + y : 1900 + y;
}

// ---- zones --------------------------------------------------------------------------------

/// "+HH:MM", "-HHMM", "+HH": offset in minutes; nullopt when malformed or out of range.
std::optional<int> numeric_offset(std::string_view s) {
    if (s.size() < 2 || (s[0] != '+' && s[0] != '-'))
        return std::nullopt;
    const int sign = s[0] == '-' ? -1 : 1;
    std::string digits;
    for (std::size_t i = 1; i < s.size(); ++i) {
        if (s[i] == ':' && i == 3)
            continue;
        digits.push_back(s[i]);
    }
    if (!all_digits(digits) || (digits.size() != 2 && digits.size() != 4))
        return std::nullopt;
    const int h = to_int(std::string_view(digits).substr(0, 2));
    const int m = digits.size() == 4 ? to_int(std::string_view(digits).substr(2)) : 0;
    if (h > 23 || m > 59)
        return std::nullopt;
    return sign * (h * 60 + m);
}

/// Named zones seen in feeds. Military letters other than Z read as UTC (RFC 2822 4.3: RFC 822
/// got their signs wrong, so they carry no reliable information).
std::optional<int> named_offset(std::string_view upper) {
    static const std::array<std::pair<std::string_view, int>, 45> kZones = {{
        {"UT", 0},     {"UTC", 0},    {"GMT", 0},    {"Z", 0},       {"ETC/GMT", 0}, {"ETC/UTC", 0}, {"WET", 0},
        {"EST", -300}, {"EDT", -240}, {"CST", -360}, {"CDT", -300},  {"MST", -420},  {"MDT", -360},  {"PST", -480},
        {"PDT", -420}, {"AST", -240}, {"ADT", -180}, {"AKST", -540}, {"AKDT", -480}, {"HST", -600},  {"ET", -300},
        {"CT", -360},  {"MT", -420},  {"PT", -480},  {"AT", -240},   {"MET", 60},    {"MEST", 120},  {"CET", 60},
        {"CEST", 120}, {"BST", 60},   {"WEST", 60},  {"EET", 120},   {"EEST", 180},  {"MSK", 180},   {"JST", 540},
        {"KST", 540},  {"HKT", 480},  {"SGT", 480},  {"AWST", 480},  {"ACST", 570},  {"AEST", 600},  {"AEDT", 660},
        {"NZST", 720}, {"NZDT", 780}, {"NST", -210},
    }};
    for (const auto& [name, off] : kZones) {
        if (name == upper)
            return off;
    }
    if (upper.size() == 1 && upper[0] >= 'A' && upper[0] <= 'Y' && upper[0] != 'J')
        return 0;
    for (std::string_view prefix : {"GMT", "UTC", "UT"}) {  // "GMT-01:01", "UTC+2"
        if (upper.size() > prefix.size() && upper.substr(0, prefix.size()) == prefix) {
            return numeric_offset(upper.substr(prefix.size()));
        }
    }
    return std::nullopt;
}

// ---- month names ----------------------------------------------------------------------------

int month_from_name(std::string_view token) {
    static const std::array<std::string_view, 12> kEnglish = {"jan", "feb", "mar", "apr", "may", "jun",
                                                              "jul", "aug", "sep", "oct", "nov", "dec"};
    // Greek abbreviations as feedparser's Greek date parser lists them.
    static const std::array<std::pair<std::string_view, int>, 19> kGreek = {{
        {"Ιαν", 1}, {"Φεβ", 2},  {"Μάώ", 3},  {"Μαώ", 3},  {"Απρ", 4},  {"Μάι", 5}, {"Μαϊ", 5},
        {"Μαι", 5}, {"Ιούν", 6}, {"Ιον", 6},  {"Ιούλ", 7}, {"Ιολ", 7},  {"Αύγ", 8}, {"Αυγ", 8},
        {"Σεπ", 9}, {"Οκτ", 10}, {"Νοέ", 11}, {"Νοε", 11}, {"Δεκ", 12},
    }};
    const std::string lower = to_lower_ascii(token);
    if (lower.size() >= 3) {
        for (std::size_t i = 0; i < kEnglish.size(); ++i) {
            static const std::array<std::string_view, 12> kFull = {"january",   "february", "march",    "april",
                                                                   "may",       "june",     "july",     "august",
                                                                   "september", "october",  "november", "december"};
            if (lower == kEnglish[i] || lower == kFull[i] || (lower == "sept" && i == 8)) {
                return static_cast<int>(i) + 1;
            }
        }
    }
    for (const auto& [name, m] : kGreek) {
        if (name == token)
            return m;
    }
    return 0;
}

/// Hungarian month names inside ISO-like dates ("2004-július-13") become two-digit numbers.
std::string replace_hungarian_month(std::string_view s) {
    static const std::array<std::string_view, 12> kHu = {"január",     "február", "március",  "április",
                                                         "május",      "június",  "július",   "augusztus",
                                                         "szeptember", "október", "november", "december"};
    std::string out(s);
    for (std::size_t i = 0; i < kHu.size(); ++i) {
        const auto pos = out.find(kHu[i]);
        if (pos != std::string::npos) {
            const std::string num = (i < 9 ? "0" : "") + std::to_string(i + 1);
            return out.replace(pos, kHu[i].size(), num);
        }
    }
    return out;
}

// ---- time of day ----------------------------------------------------------------------------

/// "HH:MM[:SS[.frac]]" -> fields; false when malformed ("1:2:3:4", "09:xx").
bool parse_clock(std::string_view s, Civil& c) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == ':') {
            parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    if (parts.size() < 2 || parts.size() > 3)
        return false;
    if (parts.size() == 3) {
        if (const auto dot = parts[2].find_first_of(".,"); dot != std::string_view::npos) {
            if (!all_digits(parts[2].substr(dot + 1)))
                return false;
            parts[2] = parts[2].substr(0, dot);
        }
    }
    for (auto p : parts) {
        if (!all_digits(p) || p.size() > 2)
            return false;
    }
    c.hour = to_int(parts[0]);
    c.minute = to_int(parts[1]);
    c.second = parts.size() == 3 ? to_int(parts[2]) : 0;
    return c.hour <= 24 && c.minute <= 59 && c.second <= 60;
}

// ---- W3C-DTF / ISO 8601 ---------------------------------------------------------------------

bool parse_iso_date_part(std::string_view d, Civil& c) {
    if (d.empty())
        return false;
    if (d[0] == '-') {  // "-YYMM" / "-YY-MM": ISO 8601:1988 reduced forms with a two-digit year
        d.remove_prefix(1);
        if (d.size() == 4 && all_digits(d)) {
            return c.year = expand_two_digit_year(to_int(d.substr(0, 2))), c.month = to_int(d.substr(2)), c.day = 1,
                   true;
        }
        if (d.size() == 5 && d[2] == '-' && all_digits(d.substr(0, 2)) && all_digits(d.substr(3))) {
            return c.year = expand_two_digit_year(to_int(d.substr(0, 2))), c.month = to_int(d.substr(3)), c.day = 1,
                   true;
        }
        return false;
    }
    if (all_digits(d)) {
        if (d.size() == 4)
            return c.year = to_int(d), c.month = 1, c.day = 1, true;
        if (d.size() == 6) {
            return c.year = expand_two_digit_year(to_int(d.substr(0, 2))), c.month = to_int(d.substr(2, 2)),
                   c.day = to_int(d.substr(4)), true;
        }
        if (d.size() == 8) {
            return c.year = to_int(d.substr(0, 4)), c.month = to_int(d.substr(4, 2)), c.day = to_int(d.substr(6)), true;
        }
        return false;
    }
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= d.size(); ++i) {
        if (i == d.size() || d[i] == '-') {
            parts.push_back(d.substr(start, i - start));
            start = i + 1;
        }
    }
    if (parts.size() < 2 || parts.size() > 3)
        return false;
    for (auto p : parts) {
        if (!all_digits(p) || p.size() > 4)
            return false;
    }
    if (parts[0].size() == 4) {
        c.year = to_int(parts[0]);
    } else if (parts[0].size() == 2 && parts.size() == 3) {
        c.year = expand_two_digit_year(to_int(parts[0]));
    } else {
        return false;
    }
    if (parts.size() == 2 && parts[1].size() == 3) {  // ordinal date YYYY-DDD
        const int yday = to_int(parts[1]);
        if (yday < 1 || yday > 366)
            return false;
        const auto ymd = year_month_day{sys_days{year{c.year} / January / 1} + days{yday - 1}};
        if (static_cast<int>(ymd.year()) != c.year)
            return false;
        c.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
        c.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
        return true;
    }
    if (parts[1].size() > 3)
        return false;
    c.month = to_int(parts[1]);
    c.day = parts.size() == 3 ? to_int(parts[2]) : 1;
    return parts.size() == 2 || parts[2].size() <= 2;
}

/// Time and zone after the date: "10:14:55.12Z", "9:15-05:00", "23:56:58 -00:20", "".
bool parse_iso_time_part(std::string_view t, Civil& c) {
    t = trim(t);
    if (t.empty())
        return true;
    std::size_t end = 0;
    while (end < t.size() &&
           (std::isdigit(static_cast<unsigned char>(t[end])) || t[end] == ':' || t[end] == '.' || t[end] == ',')) {
        ++end;
    }
    if (!parse_clock(t.substr(0, end), c))
        return false;
    std::string_view zone = trim(t.substr(end));
    if (zone.empty())
        return true;
    if (zone == "Z" || zone == "z")
        return true;
    const auto off = numeric_offset(zone);
    if (!off)
        return false;
    c.offset_minutes = *off;
    return true;
}

// ---- RFC 822 family -------------------------------------------------------------------------

std::vector<std::string> tokenize(std::string_view s) {
    std::vector<std::string> tokens;
    std::string cur;
    for (char ch : s) {
        if (ch == ' ' || ch == ',' || ch == '\t' || ch == '\n' || ch == '\r') {
            if (!cur.empty())
                tokens.push_back(std::move(cur)), cur.clear();
        } else {
            cur.push_back(ch);
        }
    }
    if (!cur.empty())
        tokens.push_back(std::move(cur));
    return tokens;
}

bool is_alpha_token(std::string_view t) {
    for (char ch : t) {
        const auto u = static_cast<unsigned char>(ch);
        if (!std::isalpha(u) && u < 0x80)
            return false;
    }
    return !t.empty();
}

/// "2006/09/15" (Perforce-style dates).
bool parse_slash_date(std::string_view t, Civil& c) {
    const auto a = t.find('/');
    const auto b = t.find('/', a + 1);
    if (a != 4 || b == std::string_view::npos)
        return false;
    const auto y = t.substr(0, a), m = t.substr(a + 1, b - a - 1), d = t.substr(b + 1);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d))
        return false;
    c.year = to_int(y), c.month = to_int(m), c.day = to_int(d);
    return true;
}

bool apply_rfc822_token(const std::string& tok, std::size_t index, Civil& c, bool& have_zone, int& pm) {
    const std::string upper = [&] {
        std::string u = tok;
        for (auto& ch : u)
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        return u;
    }();
    if (tok.find(':') != std::string::npos && std::isdigit(static_cast<unsigned char>(tok[0]))) {
        return parse_clock(tok, c);
    }
    if (tok.find('/') != std::string::npos && std::isdigit(static_cast<unsigned char>(tok[0]))) {
        return parse_slash_date(tok, c);
    }
    if (all_digits(tok)) {
        if (tok.size() <= 2 && c.day < 0 && c.year < 0)
            return c.day = to_int(tok), true;
        if (tok.size() == 4 && c.year < 0)
            return c.year = to_int(tok), true;
        if (tok.size() <= 2 && c.year < 0)
            return c.year = expand_two_digit_year(to_int(tok)), true;
        if (tok.size() <= 2 && c.day < 0)
            return c.day = to_int(tok), true;
        return false;
    }
    if (tok[0] == '+' || tok[0] == '-') {
        const auto off = numeric_offset(tok);
        if (!off || have_zone)
            return false;
        return c.offset_minutes = *off, have_zone = true, true;
    }
    if (const int m = month_from_name(tok); m > 0 && c.month < 0)
        return c.month = m, true;
    if (upper == "AM" || upper == "PM")
        return pm = upper == "PM" ? 1 : 0, true;
    if (!have_zone) {
        if (const auto off = named_offset(upper))
            return c.offset_minutes = *off, have_zone = true, true;
    }
    // A leading word is the day name (in any language); anything else is garbage.
    return index == 0 && is_alpha_token(tok);
}

/// Korean blog formats: "2004-05-25 오후 11:23:17" and "2004년 05월 28일  01:31:15" (KST).
std::optional<TimePoint> parse_korean(std::string_view s) {
    std::string ascii;
    int pm = -1;
    if (s.find("오후") != std::string_view::npos)
        pm = 1;
    if (s.find("오전") != std::string_view::npos)
        pm = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto u = static_cast<unsigned char>(s[i]);
        if (u < 0x80) {
            ascii.push_back(s[i]);
        } else if (u >= 0xC0) {
            ascii.push_back(' ');
        }
    }
    std::vector<std::string> tok = tokenize(ascii);
    Civil c;
    std::vector<int> nums;
    for (const auto& t : tok) {
        if (t.find(':') != std::string::npos) {
            if (!parse_clock(t, c))
                return std::nullopt;
        } else if (t.find('-') != std::string::npos) {
            if (!parse_iso_date_part(t, c))
                return std::nullopt;
        } else if (all_digits(t)) {
            nums.push_back(to_int(t));
        }
    }
    if (nums.size() == 3)
        c.year = nums[0], c.month = nums[1], c.day = nums[2];
    if (pm == 1 && c.hour < 12)
        c.hour += 12;
    if (pm == 0 && c.hour == 12)
        c.hour = 0;
    c.offset_minutes = 540;
    return to_time(c);
}

// ---- fast path --------------------------------------------------------------------------------
// Almost every feed writes one of two canonical forms. They are read here without building
// tokens or copies; anything else (and anything these readers refuse) goes to the general
// readers above, which give the same answer for the canonical forms: this only skips work.

bool digits_at(std::string_view s, std::size_t at, std::size_t n, int& value) {
    if (at + n > s.size())
        return false;
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    value = v;
    return true;
}

/// "Z", "+HH:MM" or "+HHMM" (either sign) ending the text at `at`; false for anything else.
bool canonical_zone(std::string_view s, std::size_t at, int& offset_minutes) {
    const std::string_view zone = s.substr(at);
    if (zone == "Z" || zone == "z" || zone == "GMT" || zone == "UTC" || zone == "UT") {
        offset_minutes = 0;
        return true;
    }
    if (zone.size() != 5 && zone.size() != 6)
        return false;
    if (zone[0] != '+' && zone[0] != '-')
        return false;
    int h = 0, m = 0;
    const bool colon = zone.size() == 6;
    if (!digits_at(zone, 1, 2, h) || (colon && zone[3] != ':') || !digits_at(zone, colon ? 4 : 3, 2, m))
        return false;
    if (h > 23 || m > 59)
        return false;
    offset_minutes = (zone[0] == '-' ? -1 : 1) * (h * 60 + m);
    return true;
}

/// "HH:MM:SS" at `at`, then an optional ".fraction"; returns the index after it, or npos.
std::size_t canonical_clock(std::string_view s, std::size_t at, Civil& c) {
    if (at + 8 > s.size() || s[at + 2] != ':' || s[at + 5] != ':')
        return std::string_view::npos;
    if (!digits_at(s, at, 2, c.hour) || !digits_at(s, at + 3, 2, c.minute) || !digits_at(s, at + 6, 2, c.second))
        return std::string_view::npos;
    std::size_t i = at + 8;
    if (i < s.size() && s[i] == '.') {
        const std::size_t first = ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        if (i == first)
            return std::string_view::npos;
    }
    return i;
}

/// "2026-04-07T09:30:00Z", "2026-04-07T09:30:00.123-04:00" (RFC 3339).
std::optional<TimePoint> fast_w3c(std::string_view s) {
    Civil c;
    if (s.size() < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't' && s[10] != ' '))
        return std::nullopt;
    if (!digits_at(s, 0, 4, c.year) || !digits_at(s, 5, 2, c.month) || !digits_at(s, 8, 2, c.day))
        return std::nullopt;
    const std::size_t zone = canonical_clock(s, 11, c);
    if (zone == std::string_view::npos || zone == s.size() || s[zone] == 'G' || s[zone] == 'U')
        return std::nullopt;
    if (!canonical_zone(s, zone, c.offset_minutes))
        return std::nullopt;
    return to_time(c);
}

/// "Tue, 07 Apr 2026 09:30:00 -0400" / "... GMT" (RFC 822 as RSS writes it).
std::optional<TimePoint> fast_rfc822(std::string_view s) {
    static constexpr std::string_view kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (s.size() < 26 || s[3] != ',' || s[4] != ' ')
        return std::nullopt;
    if (std::find(std::begin(kDays), std::end(kDays), s.substr(0, 3)) == std::end(kDays))
        return std::nullopt;
    Civil c;
    std::size_t i = 5;
    const std::size_t day_digits = s[6] == ' ' ? 1 : 2;
    if (!digits_at(s, i, day_digits, c.day) || s[i + day_digits] != ' ')
        return std::nullopt;
    i += day_digits + 1;
    const auto month = std::find(std::begin(kMonths), std::end(kMonths), s.substr(i, 3));
    if (month == std::end(kMonths) || i + 4 > s.size() || s[i + 3] != ' ')
        return std::nullopt;
    c.month = static_cast<int>(month - std::begin(kMonths)) + 1;
    i += 4;
    if (!digits_at(s, i, 4, c.year) || i + 4 >= s.size() || s[i + 4] != ' ')
        return std::nullopt;
    const std::size_t zone = canonical_clock(s, i + 5, c);
    if (zone == std::string_view::npos || zone + 1 >= s.size() || s[zone] != ' ' || s[zone + 1] == 'z')
        return std::nullopt;
    if (s[zone + 1] != '+' && s[zone + 1] != '-' && s.substr(zone + 1) != "GMT" && s.substr(zone + 1) != "UTC" &&
        s.substr(zone + 1) != "UT" && s.substr(zone + 1) != "Z")
        return std::nullopt;
    if (zone + 6 <= s.size() && s[zone + 4] == ':')  // "+04:00" is not RFC 822: the general reader decides
        return std::nullopt;
    if (!canonical_zone(s, zone + 1, c.offset_minutes))
        return std::nullopt;
    return to_time(c);
}

}  // namespace

std::optional<TimePoint> parse_w3c_date(std::string_view text) {
    const std::string s = replace_hungarian_month(trim(text));
    if (s.empty())
        return std::nullopt;
    std::size_t sep = s.find_first_of("Tt ");
    Civil c;
    if (!parse_iso_date_part(std::string_view(s).substr(0, sep), c))
        return std::nullopt;
    if (sep != std::string::npos && !parse_iso_time_part(std::string_view(s).substr(sep + 1), c)) {
        return std::nullopt;
    }
    return to_time(c);
}

std::optional<TimePoint> parse_rfc822_date(std::string_view text) {
    const std::vector<std::string> tokens = tokenize(text);
    if (tokens.empty())
        return std::nullopt;
    Civil c;
    bool have_zone = false;
    int pm = -1;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!apply_rfc822_token(tokens[i], i, c, have_zone, pm))
            return std::nullopt;
    }
    if (pm == 1 && c.hour < 12)
        c.hour += 12;
    if (pm == 0 && c.hour == 12)
        c.hour = 0;
    return to_time(c);
}

std::optional<TimePoint> parse_feed_date(std::string_view text) {
    text = trim(text);
    if (text.empty())
        return std::nullopt;
    if (text.find("\xEB\x85\x84") != std::string_view::npos ||  // 년
        text.find("\xEC\x98\xA4") != std::string_view::npos) {  // 오 (오전/오후)
        return parse_korean(text);
    }
    if (auto t = fast_w3c(text))
        return t;
    if (auto t = fast_rfc822(text))
        return t;
    const auto first = static_cast<unsigned char>(text[0]);
    if (std::isdigit(first) || first == '-') {
        if (auto t = parse_w3c_date(text))
            return t;
    }
    return parse_rfc822_date(text);
}

}  // namespace fw::ingest

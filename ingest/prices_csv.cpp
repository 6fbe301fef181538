#include "ingest/prices_csv.h"

#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>

#include "domain/slug.h"

namespace fw::ingest {
namespace {

enum Column { kDate, kOpen, kHigh, kLow, kClose, kAdjClose, kVolume, kColumnCount };

// One CSV record; quotes allowed ("1,234"), "" inside quotes is a quote.
std::vector<std::string> split_record(std::string_view line) {
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"') {
            if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
                cells.back() += '"';
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (c == ',' && !quoted) {
            cells.emplace_back();
        } else {
            cells.back() += c;
        }
    }
    return cells;
}

std::string normalise_name(std::string_view name) {
    std::string out;
    for (char c : to_lower_ascii(trim(name))) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += c;
        }
    }
    return out;
}

std::optional<Column> column_of(const std::string& name) {
    if (name == "date" || name == "observationdate" || name == "timestamp")
        return kDate;
    if (name == "open")
        return kOpen;
    if (name == "high")
        return kHigh;
    if (name == "low")
        return kLow;
    if (name == "close" || name == "price")
        return kClose;
    if (name == "adjclose" || name == "adjustedclose")
        return kAdjClose;
    if (name == "volume")
        return kVolume;
    return std::nullopt;
}

bool is_missing(std::string_view cell) {
    const std::string lower = to_lower_ascii(cell);
    return lower.empty() || lower == "." || lower == "null" || lower == "nan" || lower == "n/a" || lower == "-";
}

std::optional<double> number(std::string_view cell, bool& bad) {
    cell = trim(cell);
    if (is_missing(cell)) {
        return std::nullopt;
    }
    std::string digits;
    for (char c : cell) {
        if (c != '$' && c != ',') {
            digits += c;
        }
    }
    double value = 0.0;
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || ec != std::errc() || ptr != digits.data() + digits.size() || !std::isfinite(value)) {
        bad = true;
        return std::nullopt;
    }
    return value;
}

bool looks_like_html_page(std::string_view body) {
    const std::string head = to_lower_ascii(body.substr(0, 1024));
    const auto start = head.find_first_not_of(" \t\r\n");
    return (start != std::string::npos && head[start] == '<') || head.find("<html") != std::string::npos ||
           head.find("<!doctype") != std::string::npos;
}

std::string where(std::string_view symbol, std::size_t line) {
    return std::string(symbol) + " CSV line " + std::to_string(line);
}

}  // namespace

Result<std::vector<PriceBar>> parse_prices_csv(std::string_view body, std::string_view symbol) {
    if (body.substr(0, 3) == "\xEF\xBB\xBF") {
        body.remove_prefix(3);
    }
    if (looks_like_html_page(body)) {
        return make_error(ErrorCode::Parse, "not CSV: looks like HTML", std::string(symbol));
    }
    std::vector<std::string_view> lines;
    for (std::size_t pos = 0; pos < body.size();) {
        const auto end = std::min(body.find('\n', pos), body.size());
        std::string_view line = body.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        lines.push_back(line);
        pos = end + 1;
    }
    const bool last_is_truncated = !body.empty() && body.back() != '\n';
    if (lines.empty() || trim(lines[0]).empty()) {
        return make_error(ErrorCode::Parse, "not CSV: empty or no header line", std::string(symbol));
    }

    const auto header = split_record(lines[0]);
    std::array<std::optional<std::size_t>, kColumnCount> index{};
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (const auto col = column_of(normalise_name(header[i])); col && !index[*col]) {
            index[*col] = i;
        }
    }
    if (!index[kClose] && index[kDate] && header.size() == 2) {
        index[kClose] = 1 - *index[kDate];  // FRED: observation_date,SP500
    }
    if (!index[kDate] || !index[kClose]) {
        return make_error(ErrorCode::Parse,
                          "not a price CSV: the header needs Date and Close columns (got '" +
                              std::string(lines[0].substr(0, 120)) + "')",
                          std::string(symbol));
    }

    std::vector<PriceBar> bars;
    for (std::size_t n = 1; n < lines.size(); ++n) {
        if (trim(lines[n]).empty()) {
            continue;
        }
        const bool truncated_tail = n + 1 == lines.size() && last_is_truncated;
        const auto cells = split_record(lines[n]);
        if (cells.size() < header.size()) {
            if (truncated_tail) {
                break;  // a partial last row: the download was cut
            }
            return make_error(ErrorCode::Parse,
                              std::to_string(cells.size()) + " cells, the header has " + std::to_string(header.size()),
                              where(symbol, n + 1));
        }
        PriceBar bar;
        bar.symbol = std::string(symbol);
        const std::string date_text(trim(cells[*index[kDate]]));
        const auto date = date_text.size() == 10 ? parse_iso8601(date_text) : std::nullopt;
        if (!date) {
            if (truncated_tail) {
                break;
            }
            return make_error(ErrorCode::Parse, "bad date '" + date_text + "' (YYYY-MM-DD expected)",
                              where(symbol, n + 1));
        }
        bar.date = day_of(*date);
        bool bad = false;
        auto cell = [&](Column c) { return index[c] ? number(cells[*index[c]], bad) : std::nullopt; };
        bar.open = cell(kOpen);
        bar.high = cell(kHigh);
        bar.low = cell(kLow);
        bar.close = cell(kClose);
        bar.adj_close = cell(kAdjClose);
        if (const auto volume = cell(kVolume)) {
            bar.volume = static_cast<std::int64_t>(std::llround(*volume));
        }
        if (bad) {
            if (truncated_tail) {
                break;
            }
            return make_error(ErrorCode::Parse, "a cell is not a number", where(symbol, n + 1));
        }
        bars.push_back(std::move(bar));
    }
    return bars;
}

}  // namespace fw::ingest

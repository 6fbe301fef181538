#include <algorithm>
#include <numeric>

#include "report/render.h"
#include "report/tables.h"

namespace fw::report {
namespace {

// The report must stay readable in a 120-column terminal: wide columns wrap inside their cell.
constexpr std::size_t kLineWidth = 120;
constexpr std::size_t kMinWrapWidth = 16;

/// Terminal columns of UTF-8 text: one per code point (continuation bytes do not count).
std::size_t columns(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// Byte length of the first `cols` columns of `s`.
std::size_t bytes_for(std::string_view s, std::size_t cols) {
    std::size_t i = 0;
    for (std::size_t seen = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && seen++ == cols) {
            break;
        }
    }
    return i;
}

/// Lines of at most `width` columns, broken after ", " or at a space where possible.
std::vector<std::string> wrap(std::string text, std::size_t width) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    std::vector<std::string> lines;
    std::string_view rest = text;
    while (columns(rest) > width) {
        const std::size_t limit = bytes_for(rest, width);
        std::size_t cut = rest.substr(0, limit + 1).rfind(' ');
        if (cut == std::string_view::npos || cut == 0) {
            cut = limit;  // one word longer than the column: cut it
        }
        lines.emplace_back(rest.substr(0, cut));
        rest = rest.substr(cut);
        rest.remove_prefix(std::min(rest.find_first_not_of(' '), rest.size()));
    }
    lines.emplace_back(rest);
    return lines;
}

/// Content widths, then the widest columns narrowed until a row fits in kLineWidth.
std::vector<std::size_t> column_widths(const detail::Table& t) {
    std::vector<std::size_t> width(t.headers.size(), 0);
    for (std::size_t i = 0; i < t.headers.size(); ++i)
        width[i] = columns(t.headers[i]);
    for (const auto& row : t.rows) {
        for (std::size_t i = 0; i < row.size() && i < width.size(); ++i)
            width[i] = std::max(width[i], columns(row[i]));
    }
    // A row is one leading space, then each cell as " " + cell + " " (the last without padding).
    auto total = [&] { return std::accumulate(width.begin(), width.end(), std::size_t{0}) + 2 * width.size(); };
    // Text columns (cells with spaces) wrap between words; identifiers are cut only as a last resort.
    std::vector<bool> text(width.size(), false);
    for (const auto& row : t.rows) {
        for (std::size_t i = 0; i < row.size() && i < text.size(); ++i)
            text[i] = text[i] || row[i].find(' ') != std::string::npos;
    }
    auto widest_of = [&](bool text_only) {
        auto best = width.end();
        for (auto it = width.begin(); it != width.end(); ++it) {
            const bool eligible = (!text_only || text[it - width.begin()]) && *it > kMinWrapWidth;
            if (eligible && (best == width.end() || *it > *best))
                best = it;
        }
        return best;
    };
    while (total() > kLineWidth) {
        auto widest = widest_of(true);
        if (widest == width.end())
            widest = widest_of(false);
        if (widest == width.end()) {
            break;  // too many columns to fit: let the terminal wrap rather than lose text
        }
        --*widest;  // one column at a time, so the widest columns end up sharing the space
    }
    return width;
}

std::string render_row(const std::vector<std::string>& cells, const std::vector<std::size_t>& width) {
    std::vector<std::vector<std::string>> parts;
    std::size_t height = 1;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        parts.push_back(wrap(cells[i], i < width.size() ? width[i] : cells[i].size()));
        height = std::max(height, parts.back().size());
    }
    std::string out;
    for (std::size_t line = 0; line < height; ++line) {
        std::string text = " ";
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const std::string& part = line < parts[i].size() ? parts[i][line] : std::string();
            text += " " + part;
            if (i + 1 < parts.size() && i < width.size()) {
                text += std::string(width[i] - std::min(width[i], columns(part)) + 1, ' ');
            }
        }
        text.erase(text.find_last_not_of(' ') + 1);
        out += text + "\n";
    }
    return out;
}

std::string render_table(const detail::Table& t) {
    std::string out = t.title + "\n" + std::string(columns(t.title), '=') + "\n";
    if (!t.note.empty()) {
        for (const std::string& line : wrap(t.note, kLineWidth - 2))  // a cascade's note lists every switch
            out += "  " + line + "\n";
    }
    if (t.rows.empty()) {
        return out + "  " + (t.footer.empty() ? "(none)" : t.footer) + "\n\n";
    }
    const auto width = column_widths(t);
    out += render_row(t.headers, width);
    for (const auto& row : t.rows)
        out += render_row(row, width);
    if (!t.footer.empty())
        out += "  " + t.footer + "\n";
    return out + "\n";
}

}  // namespace

std::string render_text(const analysis::WatchReport& r) {
    std::string out = "Frontier Watch report as of " + format_date(r.as_of) + " (" +
                      std::to_string(r.events_considered) + " events)\n\n";
    for (const detail::Table& t : detail::report_tables(r)) {
        out += render_table(t);
    }
    return out;
}

}  // namespace fw::report

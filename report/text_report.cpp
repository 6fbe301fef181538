#include <algorithm>

#include "report/render.h"
#include "report/tables.h"

namespace fw::report {
namespace {

// Column widths count bytes; UTF-8 names may be a little off, which a terminal tolerates.
std::string render_table(const detail::Table& t) {
    std::vector<std::size_t> width(t.headers.size(), 0);
    for (std::size_t i = 0; i < t.headers.size(); ++i) width[i] = t.headers[i].size();
    for (const auto& row : t.rows) {
        for (std::size_t i = 0; i < row.size() && i < width.size(); ++i) width[i] = std::max(width[i], row[i].size());
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out = " ";
        for (std::size_t i = 0; i < cells.size(); ++i) {
            std::string c = cells[i];
            std::replace(c.begin(), c.end(), '\n', ' ');
            out += " " + c + (i + 1 < cells.size() ? std::string(width[i] - cells[i].size() + 1, ' ') : "");
        }
        return out + "\n";
    };
    std::string out = t.title + "\n" + std::string(t.title.size(), '=') + "\n";
    if (!t.note.empty()) out += "  " + t.note + "\n";
    if (t.rows.empty()) return out + "  (none)\n\n";
    out += line(t.headers);
    for (const auto& row : t.rows) out += line(row);
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

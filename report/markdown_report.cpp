#include "report/escape.h"
#include "report/render.h"
#include "report/tables.h"

namespace fw::report {
namespace {

std::string row(const std::vector<std::string>& cells) {
    std::string out = "|";
    for (const std::string& c : cells) {
        out += ' ';
        out += escape_markdown_cell(c);
        out += " |";
    }
    return out + "\n";
}

}  // namespace

std::string render_markdown(const analysis::WatchReport& r) {
    std::string out = "# Frontier Watch report\n\nAs of ";
    out += format_date(r.as_of);
    out += ", ";
    out += std::to_string(r.events_considered);
    out += " events considered.\n\n";
    for (const detail::Table& t : detail::report_tables(r)) {
        out += "## " + t.title + "\n\n";
        if (!t.note.empty())
            out += "_" + escape_markdown_cell(t.note) + "_\n\n";
        if (t.rows.empty()) {
            out += (t.footer.empty() ? std::string("None.") : escape_markdown_cell(t.footer) + ".") + "\n\n";
            continue;
        }
        out += row(t.headers);
        out += "|";
        for (std::size_t i = 0; i < t.headers.size(); ++i)
            out += " --- |";
        out += "\n";
        for (const auto& cells : t.rows)
            out += row(cells);
        out += "\n";
        if (!t.footer.empty())
            out += escape_markdown_cell(t.footer) + ".\n\n";
    }
    return out;
}

}  // namespace fw::report

#pragma once
// The report as titled tables of text cells, shared by the text and Markdown renderers so both
// say the same thing.

#include <string>
#include <vector>

#include "analysis/report.h"

namespace fw::report::detail {

struct Table {
    std::string title;
    std::string note;  ///< one line under the title ("" for none)
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
    /// One line under the rows that sums up what was left out ("" for none): the text and
    /// Markdown reports list what has something to say; --format json has every entry.
    std::string footer;
};

std::vector<Table> report_tables(const analysis::WatchReport& report);

/// One line on what the cascade is anchored on and what the other switches were.
std::string cascade_note(const analysis::CascadeSection& cascade);

/// "-" for nullopt.
std::string cell(const std::optional<int>& v);
std::string cell(const std::optional<double>& v, int decimals = 1);
std::string cell_date(const std::optional<TimePoint>& t);

}  // namespace fw::report::detail

#pragma once
// `frontierwatch demo`: the whole pipeline on the bundled snapshot (data/snapshot), through the
// same fetch code path as live sources (file:// URLs), into a fresh database.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "app/fetch_service.h"
#include "app/report_service.h"
#include "domain/result.h"

namespace fw::app {

struct DemoOptions {
    std::filesystem::path out_dir;  ///< database, staged snapshot, report.html
    /// --db: the demo database instead of out_dir/frontierwatch-demo.db. A new (or empty) SQLite
    /// file only: the demo refuses to overwrite a database that holds data, and a PostgreSQL URL.
    std::string database;
    std::optional<std::filesystem::path> data_dir;  ///< --data
    TimePoint now{};
    std::function<void(const FetchProgressInfo&)> on_progress;
};

struct DemoResult {
    std::filesystem::path database;
    std::filesystem::path html_report;
    int sources = 0;
    int items = 0;
    int events = 0;
    std::vector<SourceFetchResult> failures;
    ReportResult report;
};

/// The snapshot's manifest says which sources to add (with a second round of some files, to show
/// licence and gating changes between two polls) and the "as of" date of the report.
Result<DemoResult> run_demo(const DemoOptions& options);

}  // namespace fw::app

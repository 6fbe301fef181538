#pragma once
// `frontierwatch db copy`: moves a single-user SQLite database into another store (the team's
// PostgreSQL, or another file) through the Store interface, remapping ids (sources, items,
// events), then compares every table's count and fails loudly on any difference.

#include <functional>
#include <string>

#include "domain/result.h"
#include "store/store.h"

namespace fw::app {

struct CopyReport {
    store::StoreCounts from;
    store::StoreCounts to;
};

/// Copies `from_file` (an SQLite database) into the store at `to_location`, which must hold no
/// sources, items or events yet. `progress` gets short lines ("items 1200/5000"). Error{Invalid}
/// for a non-empty target; Error{Storage} naming each table whose count differs afterwards.
Result<CopyReport> copy_database(const std::string& from_file, const std::string& to_location,
                                 const std::function<void(const std::string&)>& progress = {});

/// "sources 3 != 2, items ..." for the fields that differ; "" when all match.
std::string count_differences(const store::StoreCounts& a, const store::StoreCounts& b);

}  // namespace fw::app

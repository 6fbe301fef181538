#pragma once
// Small helpers shared by the repositories.

#include <cstdint>
#include <string_view>

#include "domain/result.h"
#include "domain/time.h"
#include "store/database.h"

namespace fw::store::detail {

/// First column of the first row as an integer (0 when there is no row). For COUNT(*) and ids.
Result<std::int64_t> scalar_int(Database& db, std::string_view sql);

/// The wall clock, truncated to seconds (for detected_at/updated_at defaults).
TimePoint now_seconds();

/// Runs a cached statement after `bind` has bound its parameters; returns rows changed.
template <typename Bind>
Result<int> run_cached(Database& db, std::string_view sql, Bind&& bind) {
    auto st = db.cached(sql);
    if (!st) {
        return st.error();
    }
    bind(*st);
    if (auto status = st->run(); !status) {
        return status.error();
    }
    return db.changes();
}

}  // namespace fw::store::detail

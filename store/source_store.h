#pragma once
// The sources a store fetches and the log of every fetch attempt: what `sources` commands,
// the health panel and the fetch round read and write. Part of store::Store (store/store.h).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "domain/source.h"
#include "domain/time.h"

namespace fw::store {

/// One fetch attempt of one source, appended to the fetch log.
struct FetchLogEntry {
    std::int64_t source_id = 0;
    TimePoint started_at{};
    double duration_ms = 0;
    FetchStatus status = FetchStatus::Ok;
    std::optional<int> http_status;
    std::int64_t bytes = 0;
    int new_items = 0;
    std::optional<std::string> error;
};

class SourceStore {
public:
    virtual ~SourceStore() = default;

    /// Adds a source; Error{Invalid} when the name exists.
    virtual Result<std::int64_t> add_source(const Source& source) = 0;
    virtual Result<std::vector<Source>> list_sources() = 0;
    virtual Result<std::optional<Source>> find_source(std::string_view name) = 0;
    /// Removes a source; with purge also its items and the events only they support.
    virtual Status remove_source(std::string_view name, bool purge) = 0;
    /// Writes validators, interval, due time and health after a fetch.
    virtual Status save_source_state(const Source& source) = 0;
    /// `sources edit`: rewrites the settings of the source with `source.id` (name, url, kind,
    /// lab, every, interval, validators) in one transaction; health, due time and items stay.
    /// Error{Invalid} when another source (a removed one too) has the name, Error{NotFound}.
    virtual Status update_source(const Source& source) = 0;
    virtual Status log_fetch(const FetchLogEntry& entry) = 0;
    /// The whole fetch log, oldest first (`db copy`).
    virtual Result<std::vector<FetchLogEntry>> fetch_log() = 0;
};

}  // namespace fw::store

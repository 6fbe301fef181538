#pragma once
// How the dashboard judges a source: failing (its last fetches failed), stale (its newest item
// is long overdue for its usual cadence, ingest::is_stale), never fetched, or healthy. Qt-free
// so the rule is tested on plain values.

#include <chrono>
#include <cstdint>
#include <map>
#include <span>
#include <vector>

#include "domain/source.h"
#include "domain/time.h"

namespace fw::ui {

enum class HealthFlag { Failing, Stale, NeverFetched, Ok };
const char* healthFlagName(HealthFlag flag);

/// Items of a source used to learn its cadence (the store lists the newest first).
inline constexpr int kCadenceItems = 11;

/// The interval staleness is measured in: half the median gap of the source's recent items, as
/// ingest::adaptive_interval computes it but without its 24 h cap (the polling interval is
/// capped at a day, so a monthly blog would look late after ten days); with fewer than two
/// item times, the user's interval, else the polling one.
std::chrono::seconds cadence(const Source& source, std::span<const TimePoint> recent_item_times);

/// The worst thing to say about a source at `now`. Failing wins over stale: a failing source
/// cannot bring news anyway.
HealthFlag healthFlag(const Source& source, TimePoint now, std::span<const TimePoint> recent_item_times = {});

struct JudgedSource {
    const Source* source = nullptr;
    HealthFlag flag = HealthFlag::Ok;
};

/// Every source judged, ordered for the panel: failing, stale, never fetched, healthy; by name
/// within. `item_times` maps a source id to its recent item times (missing = none known).
std::vector<JudgedSource> judgeSources(const std::vector<Source>& sources,
                                       const std::map<std::int64_t, std::vector<TimePoint>>& item_times,
                                       TimePoint now);

struct HealthCounts {
    int ok = 0;
    int stale = 0;
    int failing = 0;
    int never = 0;
};
HealthCounts countHealth(const std::vector<JudgedSource>& judged);

}  // namespace fw::ui

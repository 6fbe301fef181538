#pragma once
// How a source is doing: failing (its last fetches failed), stale (its newest item is long
// overdue for its usual cadence, ingest::is_stale), never fetched, or fresh, with the reason in
// words. One judgement for every front end: the CLI's `sources list` and the GUI's dashboard.

#include <chrono>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.h"
#include "domain/result.h"
#include "domain/source.h"
#include "domain/time.h"
#include "store/item_store.h"
#include "store/source_store.h"

namespace fw::app {

enum class HealthFlag { Failing, Stale, NeverFetched, Ok };
/// For people: "failing", "stale", "never fetched", "ok" (the dashboard's words).
const char* healthFlagName(HealthFlag flag);
/// For JSON: "failing", "stale", "never_fetched", "fresh".
std::string_view health_code(HealthFlag flag);

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

/// The flag with the reason, e.g. "3 failed fetches in a row: HTTP 503" or "newest item 40 days
/// old, expected about every 15 days".
struct HealthVerdict {
    HealthFlag flag = HealthFlag::Ok;
    std::string reason;
};
HealthVerdict judge_health(const Source& source, TimePoint now, std::span<const TimePoint> recent_item_times = {});

struct JudgedSource {
    const Source* source = nullptr;
    HealthFlag flag = HealthFlag::Ok;
};

/// Every source judged, ordered for the panel: failing, stale, never fetched, healthy; by name
/// within. `item_times` maps a source id to its recent item times (missing = none known).
std::vector<JudgedSource> judgeSources(const std::vector<Source>& sources,
                                       const std::map<std::int64_t, std::vector<TimePoint>>& item_times, TimePoint now);

struct HealthCounts {
    int ok = 0;
    int stale = 0;
    int failing = 0;
    int never = 0;
};
HealthCounts countHealth(const std::vector<JudgedSource>& judged);

/// A source as `sources list` and the dashboard show it.
struct SourceWithHealth {
    Source source;
    HealthVerdict health;
};

/// Every active source judged at `now` from the store (its recent item times give the cadence),
/// ordered by name.
Result<std::vector<SourceWithHealth>> sources_with_health(store::SourceStore& sources, store::ItemStore& items,
                                                          TimePoint now);
Result<std::vector<SourceWithHealth>> sources_with_health(AppContext& ctx, TimePoint now);

/// The panel's order: failing, stale, never fetched, healthy; by name within.
void order_by_health(std::vector<SourceWithHealth>& sources);
HealthCounts countHealth(std::span<const SourceWithHealth> sources);

}  // namespace fw::app

#include "ui/models/source_health.h"

#include <algorithm>

#include "ingest/schedule.h"

namespace fw::ui {

const char* healthFlagName(HealthFlag flag) {
    switch (flag) {
    case HealthFlag::Failing: return "failing";
    case HealthFlag::Stale: return "stale";
    case HealthFlag::NeverFetched: return "never fetched";
    case HealthFlag::Ok: return "ok";
    }
    return "ok";
}

std::chrono::seconds cadence(const Source& source, std::span<const TimePoint> recent_item_times) {
    ingest::IntervalLimits uncapped;
    uncapped.max = std::chrono::hours(24 * 3650);
    const auto learned = ingest::adaptive_interval(recent_item_times, uncapped);
    if (learned < uncapped.max) return learned;  // the maximum means "fewer than two times"
    return std::chrono::seconds{source.every_seconds.value_or(source.interval_seconds)};
}

HealthFlag healthFlag(const Source& source, TimePoint now, std::span<const TimePoint> recent_item_times) {
    const auto& h = source.health;
    if (h.consecutive_failures > 0) return HealthFlag::Failing;
    if (!h.last_fetch_at) return HealthFlag::NeverFetched;
    return ingest::is_stale(h, cadence(source, recent_item_times), now) ? HealthFlag::Stale : HealthFlag::Ok;
}

std::vector<JudgedSource> judgeSources(const std::vector<Source>& sources,
                                       const std::map<std::int64_t, std::vector<TimePoint>>& item_times,
                                       TimePoint now) {
    std::vector<JudgedSource> out;
    out.reserve(sources.size());
    for (const auto& s : sources) {
        const auto it = item_times.find(s.id);
        const std::span<const TimePoint> times =
            it != item_times.end() ? std::span<const TimePoint>(it->second) : std::span<const TimePoint>();
        out.push_back({&s, healthFlag(s, now, times)});
    }
    std::stable_sort(out.begin(), out.end(), [](const JudgedSource& a, const JudgedSource& b) {
        if (a.flag != b.flag) return static_cast<int>(a.flag) < static_cast<int>(b.flag);
        return a.source->name < b.source->name;
    });
    return out;
}

HealthCounts countHealth(const std::vector<JudgedSource>& judged) {
    HealthCounts c;
    for (const auto& j : judged) {
        switch (j.flag) {
        case HealthFlag::Failing: ++c.failing; break;
        case HealthFlag::Stale: ++c.stale; break;
        case HealthFlag::NeverFetched: ++c.never; break;
        case HealthFlag::Ok: ++c.ok; break;
        }
    }
    return c;
}

}  // namespace fw::ui

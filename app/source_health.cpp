#include "app/source_health.h"

#include <algorithm>

#include "ingest/schedule.h"

namespace fw::app {
namespace {

// "40 days", "5 h", "20 min": a rough span for a reason line.
std::string span_text(std::chrono::seconds s) {
    using namespace std::chrono;
    const auto n = s.count();
    if (n >= 2 * 86400)
        return std::to_string(n / 86400) + " days";
    if (n >= 2 * 3600)
        return std::to_string(n / 3600) + " h";
    return std::to_string(std::max<std::int64_t>(n / 60, 0)) + " min";
}

}  // namespace

const char* healthFlagName(HealthFlag flag) {
    switch (flag) {
        case HealthFlag::Failing:
            return "failing";
        case HealthFlag::Stale:
            return "stale";
        case HealthFlag::NeverFetched:
            return "never fetched";
        case HealthFlag::Ok:
            return "ok";
    }
    return "ok";
}

std::string_view health_code(HealthFlag flag) {
    switch (flag) {
        case HealthFlag::Failing:
            return "failing";
        case HealthFlag::Stale:
            return "stale";
        case HealthFlag::NeverFetched:
            return "never_fetched";
        case HealthFlag::Ok:
            return "fresh";
    }
    return "fresh";
}

std::chrono::seconds cadence(const Source& source, std::span<const TimePoint> recent_item_times) {
    ingest::IntervalLimits uncapped;
    uncapped.max = std::chrono::hours(24 * 3650);
    const auto learned = ingest::adaptive_interval(recent_item_times, uncapped);
    if (learned < uncapped.max)
        return learned;  // the maximum means "fewer than two times"
    return std::chrono::seconds{source.every_seconds.value_or(source.interval_seconds)};
}

HealthFlag healthFlag(const Source& source, TimePoint now, std::span<const TimePoint> recent_item_times) {
    const auto& h = source.health;
    if (h.consecutive_failures > 0)
        return HealthFlag::Failing;
    if (!h.last_fetch_at)
        return HealthFlag::NeverFetched;
    return ingest::is_stale(h, cadence(source, recent_item_times), now) ? HealthFlag::Stale : HealthFlag::Ok;
}

HealthVerdict judge_health(const Source& source, TimePoint now, std::span<const TimePoint> recent_item_times) {
    HealthVerdict v{healthFlag(source, now, recent_item_times), {}};
    const auto& h = source.health;
    switch (v.flag) {
        case HealthFlag::Failing:
            v.reason = std::to_string(h.consecutive_failures) +
                       (h.consecutive_failures == 1 ? " failed fetch" : " failed fetches in a row");
            if (h.last_error)
                v.reason += ": " + *h.last_error;
            break;
        case HealthFlag::NeverFetched:
            v.reason = "never fetched";
            break;
        case HealthFlag::Stale:
        case HealthFlag::Ok:
            if (!h.newest_item_at) {
                v.reason = "fetched, no dated item yet";
                break;
            }
            v.reason = "newest item " +
                       span_text(std::chrono::duration_cast<std::chrono::seconds>(now - *h.newest_item_at)) +
                       " old, expected about every " + span_text(cadence(source, recent_item_times));
            break;
    }
    return v;
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
        if (a.flag != b.flag)
            return static_cast<int>(a.flag) < static_cast<int>(b.flag);
        return a.source->name < b.source->name;
    });
    return out;
}

HealthCounts countHealth(const std::vector<JudgedSource>& judged) {
    HealthCounts c;
    for (const auto& j : judged) {
        switch (j.flag) {
            case HealthFlag::Failing:
                ++c.failing;
                break;
            case HealthFlag::Stale:
                ++c.stale;
                break;
            case HealthFlag::NeverFetched:
                ++c.never;
                break;
            case HealthFlag::Ok:
                ++c.ok;
                break;
        }
    }
    return c;
}

Result<std::vector<SourceWithHealth>> sources_with_health(store::SourceStore& sources, store::ItemStore& items,
                                                          TimePoint now) {
    auto active = sources.list_sources();
    if (!active) {
        return active.error();
    }
    std::vector<SourceWithHealth> out;
    out.reserve(active->size());
    for (auto& s : *active) {
        store::ItemQuery q;
        q.source = s.name;
        q.limit = kCadenceItems;
        std::vector<TimePoint> times;
        // Unreadable items: the cadence falls back on the polling interval.
        if (auto recent = items.list_items(q)) {
            for (const auto& item : *recent)
                times.push_back(item.entry.published.value_or(item.fetched_at));
        }
        auto verdict = judge_health(s, now, times);
        out.push_back({std::move(s), std::move(verdict)});
    }
    return out;
}

Result<std::vector<SourceWithHealth>> sources_with_health(AppContext& ctx, TimePoint now) {
    return sources_with_health(*ctx.store, *ctx.store, now);
}

void order_by_health(std::vector<SourceWithHealth>& sources) {
    std::stable_sort(sources.begin(), sources.end(), [](const SourceWithHealth& a, const SourceWithHealth& b) {
        if (a.health.flag != b.health.flag)
            return static_cast<int>(a.health.flag) < static_cast<int>(b.health.flag);
        return a.source.name < b.source.name;
    });
}

HealthCounts countHealth(std::span<const SourceWithHealth> sources) {
    std::vector<JudgedSource> judged;
    judged.reserve(sources.size());
    for (const auto& s : sources)
        judged.push_back({&s.source, s.health.flag});
    return countHealth(judged);
}

}  // namespace fw::app

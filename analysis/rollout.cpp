#include "analysis/rollout.h"
#include "domain/event_schema.h"

#include <map>
#include <set>

namespace fw::analysis {
namespace {

std::optional<int> breadth_within(const ModelRollout& r, int days, TimePoint as_of) {
    if (days_between(r.launched_at, as_of) < days) {
        return std::nullopt;
    }
    int n = 0;
    for (const RolloutSurface& s : r.surfaces) {
        n += s.days_after_launch <= days ? 1 : 0;
    }
    return n;
}

}  // namespace

std::string rollout_pattern(const std::vector<RolloutSurface>& surfaces) {
    if (surfaces.empty()) {
        return "undetermined";
    }
    const Day first = day_of(surfaces.front().at);
    std::set<std::string> categories;
    for (const RolloutSurface& s : surfaces) {
        if (day_of(s.at) != first) {
            break;
        }
        categories.insert(s.category.value_or("unknown"));
    }
    if (categories.size() > 1) {
        return "mixed";
    }
    const std::string& only = *categories.begin();
    return only == "unknown" ? "undetermined" : only + "-first";
}

std::vector<ModelRollout> analyze_rollout(const EventRefs& events, const Taxonomy& taxonomy, TimePoint as_of) {
    std::vector<ModelRollout> out;
    std::map<std::string, std::size_t> index;
    for (const Event* e : of_kind(events, EventKind::ModelRelease)) {
        if (!e->model || index.contains(*e->model)) {
            continue;
        }
        index[*e->model] = out.size();
        out.push_back(ModelRollout{*e->model, lab_of(*e, taxonomy), e->occurred_at, e->id, {}, {}, {}, {}});
    }
    for (const Event* e : of_kind(events, EventKind::SurfaceRollout)) {
        if (!e->model || !e->surface || !index.contains(*e->model)) {
            continue;
        }
        if (get(e->fields, field::stage) == std::optional<std::string>("announced")) {
            continue;  // "coming to the glasses next month": the surface has not got it yet
        }
        ModelRollout& r = out[index[*e->model]];
        const int lag = days_between(r.launched_at, e->occurred_at);
        bool seen = false;
        for (const RolloutSurface& s : r.surfaces) {
            seen = seen || s.surface == *e->surface;
        }
        if (lag < 0 || seen) {
            continue;
        }
        r.surfaces.push_back(RolloutSurface{*e->surface, surface_category_of(*e, taxonomy), e->occurred_at, lag,
                                            get(e->fields, field::stage), e->id});
    }
    for (ModelRollout& r : out) {
        r.pattern = rollout_pattern(r.surfaces);
        r.breadth_30 = breadth_within(r, 30, as_of);
        r.breadth_90 = breadth_within(r, 90, as_of);
    }
    return out;
}

}  // namespace fw::analysis

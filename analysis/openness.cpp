#include "analysis/openness.h"
#include "domain/event_schema.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>

namespace fw::analysis {
namespace {

Release release_of(const Event& e, const Taxonomy& taxonomy) {
    return Release{*e.model,
                   e.occurred_at,
                   std::string(to_string(e.kind)),
                   openness_of(e, taxonomy),
                   license_of(e, taxonomy),
                   tier_of(e, taxonomy),
                   e.id};
}

// Releases that count in the share: a weights_release of a model already released open
// repeats that fact, and so does one beside an open launch of the same time (a launch post that
// states its weights gives both, in either order).
std::vector<const Release*> share_releases(const std::vector<Release>& releases) {
    std::vector<const Release*> out;
    std::set<std::string> open_models;
    std::set<std::pair<std::string_view, TimePoint>> open_launches;
    for (const Release& r : releases) {
        if (r.kind == "model_release" && is_open(r.openness)) {
            open_launches.emplace(r.model, r.at);
        }
    }
    for (const Release& r : releases) {
        if (r.kind == "weights_release" && (open_models.contains(r.model) || open_launches.contains({r.model, r.at}))) {
            continue;
        }
        if (is_open(r.openness)) {
            open_models.insert(r.model);
        }
        out.push_back(&r);
    }
    return out;
}

std::vector<TierOpenness> tiers_of(const std::vector<Release>& releases) {
    std::map<Tier, TierOpenness> by_tier;
    for (const Release* r : share_releases(releases)) {
        TierOpenness& t = by_tier[r->tier];
        t.tier = r->tier;
        ++t.releases;
        t.open += is_open(r->openness) ? 1 : 0;
    }
    std::vector<TierOpenness> out;
    for (const auto& [tier, t] : by_tier) {
        out.push_back(t);
    }
    return out;
}

std::vector<SiblingRelease> siblings_of(const std::vector<Release>& releases, const Taxonomy& taxonomy) {
    // Whether a release is in a flagship's family depends on the two model names only: it is
    // decided once per flagship model and distinct model, not for every pair of releases (that
    // was four taxonomy lookups per pair, quadratic in a lab's releases: 42 % of `report` at
    // 100k events, bench/README.md, issue 18.4).
    std::unordered_map<std::string_view, std::size_t> model_number;
    std::vector<std::string_view> models;
    std::vector<std::size_t> model_of(releases.size());
    for (std::size_t i = 0; i < releases.size(); ++i) {
        auto [it, added] = model_number.try_emplace(releases[i].model, models.size());
        if (added) {
            models.push_back(releases[i].model);
        }
        model_of[i] = it->second;
    }
    std::unordered_map<std::size_t, std::vector<char>> related_to;  // by the flagship's model number
    std::vector<SiblingRelease> out;
    for (std::size_t f = 0; f < releases.size(); ++f) {
        const Release& flagship = releases[f];
        // A closed model of unknown size may be the flagship others are distilled from (a new
        // name the taxonomy has no tier for); a mid or small one is not.
        const bool flagship_tier = flagship.tier == Tier::Flagship || flagship.tier == Tier::Unknown;
        if (flagship.kind != "model_release" || !flagship_tier || !is_closed(flagship.openness)) {
            continue;
        }
        auto [entry, added] = related_to.try_emplace(model_of[f]);
        std::vector<char>& related = entry->second;
        if (added) {
            const std::string family = family_of(flagship.model, taxonomy);
            related.resize(models.size());
            for (std::size_t m = 0; m < models.size(); ++m) {
                related[m] =
                    in_family(models[m], flagship.model, taxonomy) || in_family(models[m], family, taxonomy) ? 1 : 0;
            }
        }
        std::set<std::string> found;
        for (std::size_t i = 0; i < releases.size(); ++i) {
            const Release& r = releases[i];
            if (model_of[i] == model_of[f] || related[model_of[i]] == 0 || !is_open(r.openness) || r.at < flagship.at ||
                found.contains(r.model)) {
                continue;
            }
            found.insert(r.model);
            out.push_back(SiblingRelease{flagship.model, flagship.at, r.model, r.at, days_between(flagship.at, r.at),
                                         r.event_id});
        }
    }
    return out;
}

/// The lab's first open-weight release the taxonomy records (its curated history: Llama's weights
/// before Muse Spark), so that a store holding only the new closed launch still sees the switch.
std::optional<TimePoint> first_open_release(const Taxonomy& taxonomy, const std::string& lab) {
    std::optional<TimePoint> first;
    for (const ModelInfo& m : taxonomy.models) {
        if (m.lab == lab && m.released && is_open(m.openness) && (!first || *m.released < *first)) {
            first = m.released;
        }
    }
    return first;
}

/// A lab the store holds no release of is known by its curated history alone (the taxonomy's
/// models with a release date): its switch from those, with no event behind it. A store that
/// follows only other labs' feeds still sees the watch questions' trigger (Meta's switch).
LabOpenness curated_history(const Taxonomy& taxonomy, const std::string& lab) {
    std::vector<Release> releases;
    for (const ModelInfo& m : taxonomy.models) {
        if (m.lab == lab && m.released) {
            releases.push_back(Release{m.slug, *m.released, "model_release", m.openness, m.license, m.tier, 0});
        }
    }
    std::stable_sort(releases.begin(), releases.end(), [](const Release& a, const Release& b) { return a.at < b.at; });
    LabOpenness out;
    out.lab = lab;
    out.open_since = first_open_release(taxonomy, lab);
    if (auto i = find_switch(releases)) {
        out.switched_to_closed_at = releases[*i].at;
        out.switch_model = releases[*i].model;
    }
    return out;
}

LicenseChangeRow license_change_of(const Event& e, const Taxonomy& taxonomy) {
    LicenseChangeRow row;
    row.subject = get(e.fields, field::subject).value_or(e.model.value_or(""));
    row.at = e.occurred_at;
    row.old_license = get(e.fields, field::old_value).value_or("");
    row.new_license = get(e.fields, field::new_value).value_or("");
    row.diff = get(e.fields, field::diff);
    row.event_id = e.id;
    const auto old_rank = license_rank(row.old_license, taxonomy);
    const auto new_rank = license_rank(row.new_license, taxonomy);
    if (old_rank && new_rank) {
        row.more_restrictive = *new_rank > *old_rank;
    }
    return row;
}

}  // namespace

std::optional<std::size_t> find_switch(const std::vector<Release>& releases, std::optional<TimePoint> open_before) {
    bool seen_open = false;
    for (std::size_t i = 0; i < releases.size(); ++i) {
        seen_open = seen_open || (open_before && *open_before < releases[i].at);
        if (is_open(releases[i].openness)) {
            seen_open = true;
        } else if (seen_open && is_closed(releases[i].openness) && releases[i].openness != Openness::Unreleased) {
            // A model announced but not released ("still training", a paper) decides nothing yet
            // about how it will ship: the switch is the first closed model people can use.
            return i;
        }
    }
    return std::nullopt;
}

std::vector<SharePoint> rolling_open_share(const std::vector<Release>& releases, int window_days) {
    const std::vector<const Release*> counted = share_releases(releases);
    std::vector<SharePoint> out;
    std::size_t first = 0;  // oldest release still inside the window
    int open_in_window = 0;
    for (std::size_t i = 0; i < counted.size(); ++i) {
        open_in_window += is_open(counted[i]->openness) ? 1 : 0;
        while (days_between(counted[first]->at, counted[i]->at) >= window_days) {
            open_in_window -= is_open(counted[first]->openness) ? 1 : 0;
            ++first;
        }
        const Day today = day_of(counted[i]->at);
        if (i + 1 < counted.size() && day_of(counted[i + 1]->at) == today) {
            continue;  // one point per day, after its last release
        }
        const int total = static_cast<int>(i - first + 1);
        out.push_back(SharePoint{counted[i]->at, static_cast<double>(open_in_window) / total, total});
    }
    return out;
}

OpennessSection analyze_openness(const EventRefs& events, const Taxonomy& taxonomy) {
    std::map<std::string, LabOpenness> labs;
    for (const Event* e : events) {
        const bool release = e->kind == EventKind::ModelRelease || e->kind == EventKind::WeightsRelease;
        if (!release || !e->model) {
            continue;
        }
        const std::string lab = lab_of(*e, taxonomy);
        labs[lab].lab = lab;
        labs[lab].releases.push_back(release_of(*e, taxonomy));
    }
    OpennessSection out;
    for (auto& [slug, lab] : labs) {
        lab.open_since = first_open_release(taxonomy, slug);
        for (const Release& r : lab.releases) {
            if (is_open(r.openness) && (!lab.open_since || r.at < *lab.open_since)) {
                lab.open_since = r.at;
            }
        }
        if (auto i = find_switch(lab.releases, first_open_release(taxonomy, slug))) {
            lab.switched_to_closed_at = lab.releases[*i].at;
            lab.switch_event_id = lab.releases[*i].event_id;
            lab.switch_model = lab.releases[*i].model;
        }
        lab.open_share = rolling_open_share(lab.releases);
        lab.tiers = tiers_of(lab.releases);
        lab.siblings = siblings_of(lab.releases, taxonomy);
        out.labs.push_back(std::move(lab));
    }
    // Listed only when that history holds a switch: the table stays about the labs one follows.
    for (const Lab& l : taxonomy.labs) {
        if (!labs.contains(l.slug)) {
            if (auto history = curated_history(taxonomy, l.slug); history.switched_to_closed_at) {
                out.labs.push_back(std::move(history));
            }
        }
    }
    std::sort(out.labs.begin(), out.labs.end(),
              [](const LabOpenness& a, const LabOpenness& b) { return a.lab < b.lab; });
    for (const Event* e : of_kind(events, EventKind::LicenseChange)) {
        out.license_changes.push_back(license_change_of(*e, taxonomy));
    }
    return out;
}

}  // namespace fw::analysis

#include "extract/extractor.h"

#include <algorithm>

#include "extract/context.h"
#include "extract/extractors.h"

namespace fw::extract {

Extractor::Extractor(const Taxonomy& taxonomy, Rules rules)
    : taxonomy_(taxonomy), rules_(std::move(rules)), matcher_(taxonomy_) {}

namespace {

/// One event per dedupe key within an item: the most confident wins.
void dedupe(std::vector<Event>& events) {
    std::vector<Event> kept;
    for (auto& ev : events) {
        auto same = std::find_if(kept.begin(), kept.end(),
                                 [&](const Event& k) { return k.dedupe_key == ev.dedupe_key; });
        if (same == kept.end()) {
            kept.push_back(std::move(ev));
        } else if (ev.confidence > same->confidence) {
            *same = std::move(ev);
        }
    }
    events = std::move(kept);
}

}  // namespace

ExtractOutput Extractor::extract(const Item& item, const Item* previous_version, const SourceInfo& source) {
    ExtractOutput out;
    auto ctx = make_context(item, previous_version, source, taxonomy_, rules_, matcher_);
    switch (source.kind) {
        case SourceKind::Prices:
            return out;
        case SourceKind::HfAuthor:
            extract_hf_repo(ctx, out);
            break;
        case SourceKind::Edgar:
            extract_filing(ctx, out);
            extract_market(ctx, out);
            break;
        case SourceKind::GithubCommits:
            extract_github(ctx, out);
            break;
        case SourceKind::Page: {
            auto added = extract_page_change(ctx, out);
            if (added.empty()) {
                break;  // a first snapshot is a baseline; only new text can announce something
            }
            auto diff_ctx = make_context(item, previous_version, source, taxonomy_, rules_, matcher_, added);
            std::vector<std::string> models;
            extract_releases(diff_ctx, out, models);
            extract_market(diff_ctx, out);
            break;
        }
        case SourceKind::GithubReleases:
            extract_github(ctx, out);
            [[fallthrough]];
        case SourceKind::Feed:
        case SourceKind::Arxiv: {
            std::vector<std::string> models;
            if (source.kind == SourceKind::Feed) {
                extract_releases(ctx, out, models);
            }
            for (const auto& ev : out.events) {
                // A release tag's subject is the repository's model; "v1.0: X" announces no model.
                if (ev.kind == EventKind::WeightsRelease && ev.model) {
                    models.push_back(*ev.model);
                }
            }
            for (const auto& m : out.discovered_models) {
                taxonomy_.models.push_back(m);
                matcher_.add_model(m);
            }
            const auto known_before = out.discovered_models.size();
            // Rebuilt so that the models just discovered are matched by the later extractors.
            const auto after = make_context(item, previous_version, source, taxonomy_, rules_, matcher_);
            extract_rollouts(after, models, out);
            extract_evals(after, models, out);
            extract_people(after, out);
            extract_market(after, out);
            extract_weights_mentions(after, out);
            for (std::size_t i = known_before; i < out.discovered_models.size(); ++i) {
                taxonomy_.models.push_back(out.discovered_models[i]);
                matcher_.add_model(out.discovered_models[i]);
            }
            dedupe(out.events);
            return out;
        }
    }
    for (const auto& m : out.discovered_models) {
        if (taxonomy_.find_model(m.slug) == nullptr) {
            taxonomy_.models.push_back(m);
            matcher_.add_model(m);
        }
    }
    dedupe(out.events);
    return out;
}

}  // namespace fw::extract

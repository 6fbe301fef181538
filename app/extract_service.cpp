#include "app/extract_service.h"

#include <algorithm>
#include <functional>
#include <map>
#include <span>
#include <string>

#include "app/candidate_service.h"
#include "extract/extractor.h"

namespace fw::app {
namespace {

constexpr const char* kWatermark = "extract.last_item_id";

Result<std::int64_t> watermark(store::SettingStore& store) {
    auto v = store.get_setting(kWatermark);
    if (!v) {
        return v.error();
    }
    return v->has_value() ? std::stoll(**v) : std::int64_t{0};
}

// Items are read a page at a time, so deriving after a fetch of 20,000 items holds a few
// hundred of them, not all (issue 18: the whole list was the largest allocation of a fetch).
constexpr int kItemsPerPage = 256;

/// Calls `each` for every item to derive from, oldest id first (so a model discovered in one
/// item is known to the items after it): the changed items at or below the watermark, then
/// every item after it.
Status for_each_item(store::ItemStore& items, std::int64_t after_id, const std::vector<std::int64_t>& changed_ids,
                     const std::function<Status(const Item&)>& each) {
    std::vector<std::int64_t> missing;
    for (auto id : changed_ids) {
        if (id <= after_id) {
            missing.push_back(id);
        }
    }
    std::sort(missing.begin(), missing.end());
    missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
    for (std::size_t at = 0; at < missing.size(); at += kItemsPerPage) {
        const auto count = std::min<std::size_t>(kItemsPerPage, missing.size() - at);
        auto changed = items.items_by_ids(std::span(missing).subspan(at, count));
        if (!changed) {
            return changed.error();
        }
        std::sort(changed->begin(), changed->end(), [](const Item& a, const Item& b) { return a.id < b.id; });
        for (const auto& item : *changed) {
            if (auto done = each(item); !done) {
                return done;
            }
        }
    }
    store::ItemQuery q;
    q.after_id = after_id;
    q.limit = kItemsPerPage;
    for (;;) {
        auto page = items.list_items(q);  // in id order
        if (!page) {
            return page.error();
        }
        for (const auto& item : *page) {
            if (auto done = each(item); !done) {
                return done;
            }
        }
        if (static_cast<int>(page->size()) < kItemsPerPage) {
            return ok();
        }
        q.after_id = page->back().id;
    }
}

Result<ExtractSummary> extract_after(AppContext& ctx, std::int64_t after_id,
                                     const std::vector<std::int64_t>& changed_ids) {
    auto sources = ctx.store->list_sources();
    if (!sources) {
        return sources.error();
    }
    std::map<std::int64_t, extract::SourceInfo> source_info;
    for (const auto& s : *sources) {
        source_info[s.id] = extract::SourceInfo{s.name, s.kind, s.lab};
    }

    extract::Extractor extractor(ctx.taxonomy, ctx.rules, ctx.classifier);
    ExtractSummary summary;
    std::int64_t last_id = after_id;
    auto derived = for_each_item(*ctx.store, after_id, changed_ids, [&](const Item& item) -> Status {
        last_id = std::max(last_id, item.id);
        auto src = source_info.find(item.source_id);
        if (src == source_info.end()) {
            return ok();  // a removed source's items stay stored but feed no new events
        }
        std::optional<Item> previous;
        if (item.version > 1) {
            auto versions = ctx.store->item_versions(item.id);
            if (versions && !versions->empty()) {
                previous = versions->back();
            }
        }
        auto out = extractor.extract(item, previous ? &*previous : nullptr, src->second);
        ++summary.items_seen;
        for (const auto& model : out.discovered_models) {
            if (auto added = ctx.store->add_discovered_model(model); !added) {
                return added.error();
            }
            ctx.taxonomy.models.push_back(model);
            ++summary.discovered_models;
        }
        for (const auto& found : out.candidates) {
            auto stored = ctx.store->upsert_candidate(candidate_for_item(found, src->second.name, item));
            if (!stored) {
                return stored.error();
            }
            ++summary.candidates;
        }
        for (const auto& event : out.events) {
            // A keyed lookup tells a new event from a merge; the events are never all loaded.
            auto known = ctx.store->find_event_id(event.dedupe_key);
            if (!known) {
                return known.error();
            }
            auto id = ctx.store->upsert_event(event);
            if (!id) {
                return id.error();
            }
            ++summary.events_written;
            if (!*known) {  // a later item reporting it again finds it known
                summary.new_event_ids.push_back(*id);
            }
        }
        return ok();
    });
    if (!derived) {
        return derived.error();
    }
    summary.new_events = static_cast<int>(summary.new_event_ids.size());
    if (auto saved = ctx.store->set_setting(kWatermark, std::to_string(last_id)); !saved) {
        return saved.error();
    }
    return summary;
}

}  // namespace

Result<ExtractSummary> extract_new_items(AppContext& ctx, const std::vector<std::int64_t>& changed_ids) {
    auto from = watermark(*ctx.store);
    if (!from) {
        return from.error();
    }
    return extract_after(ctx, *from, changed_ids);
}

Result<ExtractSummary> rebuild_events(AppContext& ctx) {
    if (auto deleted = ctx.store->delete_auto_events(); !deleted) {
        return deleted.error();
    }
    if (auto deleted = ctx.store->delete_open_candidates(); !deleted) {
        return deleted.error();
    }
    return extract_after(ctx, 0, {});
}

}  // namespace fw::app

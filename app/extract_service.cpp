#include "app/extract_service.h"

#include <algorithm>
#include <functional>
#include <map>
#include <span>
#include <string>

#include "app/candidate_service.h"
#include "domain/slug.h"
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

/// An item that gave no event on its first reading: its candidates wait for the batch's end.
struct UnsettledItem {
    std::int64_t id = 0;
    std::size_t discoveries_before = 0;  ///< models discovered when it was read
    std::vector<Candidate> candidates;
};

/// Whether `item` names one of `models` (its name or an alias, case-insensitive).
bool names_any(const Item& item, std::span<const ModelInfo> models) {
    const auto text =
        to_lower_ascii(item.entry.title + "\n" + item.entry.summary_text + "\n" + item.entry.content_text);
    return std::any_of(models.begin(), models.end(), [&](const ModelInfo& m) {
        if (!m.name.empty() && text.find(to_lower_ascii(m.name)) != std::string::npos) {
            return true;
        }
        return std::any_of(m.aliases.begin(), m.aliases.end(), [&](const std::string& a) {
            return !a.empty() && text.find(to_lower_ascii(a)) != std::string::npos;
        });
    });
}

/// The end of a batch: each unsettled item that a later discovery names is read again
/// (`reread` stores what it finds and replaces the candidates when the item now gives events);
/// then every unsettled item's candidates are stored. Counts them into `candidates_stored`.
Status settle_unsettled(store::ItemStore& item_store, store::CandidateStore& candidate_store,
                        std::vector<UnsettledItem>& unsettled, const std::vector<ModelInfo>& discovered,
                        const std::function<Result<bool>(const Item&, std::vector<Candidate>&)>& reread,
                        int& candidates_stored) {
    std::vector<std::int64_t> ids;
    std::map<std::int64_t, UnsettledItem*> by_id;
    for (auto& u : unsettled) {
        if (u.discoveries_before < discovered.size()) {
            ids.push_back(u.id);
            by_id[u.id] = &u;
        }
    }
    for (std::size_t at = 0; at < ids.size(); at += kItemsPerPage) {
        const auto count = std::min<std::size_t>(kItemsPerPage, ids.size() - at);
        auto items = item_store.items_by_ids(std::span(ids).subspan(at, count));
        if (!items) {
            return items.error();
        }
        for (const auto& item : *items) {
            auto& u = *by_id.at(item.id);
            if (!names_any(item, std::span(discovered).subspan(u.discoveries_before))) {
                continue;
            }
            if (auto again = reread(item, u.candidates); !again) {
                return again.error();
            }
        }
    }
    for (const auto& u : unsettled) {
        for (const auto& c : u.candidates) {
            if (auto stored = candidate_store.upsert_candidate(c); !stored) {
                return stored.error();
            }
            ++candidates_stored;
        }
    }
    return ok();
}

Result<ExtractSummary> extract_after(const ExtractStores& stores, const ExtractInputs& inputs, std::int64_t after_id,
                                     const std::vector<std::int64_t>& changed_ids) {
    auto sources = stores.sources.list_sources();
    if (!sources) {
        return sources.error();
    }
    std::map<std::int64_t, extract::SourceInfo> source_info;
    for (const auto& s : *sources) {
        source_info[s.id] = extract::SourceInfo{s.name, s.kind, s.lab};
    }

    extract::Extractor extractor(inputs.taxonomy, inputs.rules, inputs.classifier);
    ExtractSummary summary;
    std::int64_t last_id = after_id;
    // Writes one item's events and discoveries; its candidates are the caller's to keep.
    const auto store_output = [&](extract::ExtractOutput& out) -> Status {
        for (const auto& model : out.discovered_models) {
            if (auto added = stores.entities.add_discovered_model(model); !added) {
                return added.error();
            }
            inputs.taxonomy.models.push_back(model);
            ++summary.discovered_models;
        }
        for (const auto& event : out.events) {
            // A keyed lookup tells a new event from a merge; the events are never all loaded.
            auto known = stores.events.find_event_id(event.dedupe_key);
            if (!known) {
                return known.error();
            }
            auto id = stores.events.upsert_event(event);
            if (!id) {
                return id.error();
            }
            ++summary.events_written;
            if (!*known) {  // a later item reporting it again finds it known
                summary.new_event_ids.push_back(*id);
            }
        }
        return ok();
    };
    const auto derive = [&](const Item& item, const extract::SourceInfo& source) {
        std::optional<Item> previous;
        if (item.version > 1) {
            auto versions = stores.items.item_versions(item.id);
            if (versions && !versions->empty()) {
                previous = versions->back();
            }
        }
        return extractor.extract(item, previous ? &*previous : nullptr, source);
    };
    // Items are read in id order, which is the order fetches stored them, not the order their
    // publishers wrote them: an evaluator's feed may be stored before the lab's post that names a
    // new model. An item that gave no event is kept aside (its candidates unstored) and read once
    // more at the end when a model was discovered after it and its text names that model.
    std::vector<UnsettledItem> unsettled;
    std::vector<ModelInfo> discovered;
    auto derived = for_each_item(stores.items, after_id, changed_ids, [&](const Item& item) -> Status {
        last_id = std::max(last_id, item.id);
        auto src = source_info.find(item.source_id);
        if (src == source_info.end()) {
            return ok();  // a removed source's items stay stored but feed no new events
        }
        auto out = derive(item, src->second);
        ++summary.items_seen;
        discovered.insert(discovered.end(), out.discovered_models.begin(), out.discovered_models.end());
        if (auto stored = store_output(out); !stored) {
            return stored;
        }
        if (out.events.empty()) {
            UnsettledItem u{item.id, discovered.size(), {}};
            for (auto& found : out.candidates) {
                u.candidates.push_back(candidate_for_item(std::move(found), src->second.name, item));
            }
            unsettled.push_back(std::move(u));
        }
        return ok();
    });
    if (derived) {
        derived = settle_unsettled(
            stores.items, stores.candidates, unsettled, discovered,
            [&](const Item& item, std::vector<Candidate>& candidates) -> Result<bool> {
                auto src = source_info.find(item.source_id);
                auto out = derive(item, src->second);
                if (out.events.empty()) {
                    return false;  // still nothing sure: the first reading's candidates stand
                }
                if (auto stored = store_output(out); !stored) {
                    return stored.error();
                }
                candidates.clear();
                for (auto& found : out.candidates) {
                    candidates.push_back(candidate_for_item(std::move(found), src->second.name, item));
                }
                return true;
            },
            summary.candidates);
    }
    if (!derived) {
        return derived.error();
    }
    summary.new_events = static_cast<int>(summary.new_event_ids.size());
    if (auto saved = stores.settings.set_setting(kWatermark, std::to_string(last_id)); !saved) {
        return saved.error();
    }
    return summary;
}

}  // namespace

Result<ExtractSummary> extract_new_items(const ExtractStores& stores, const ExtractInputs& inputs,
                                         const std::vector<std::int64_t>& changed_ids) {
    auto from = watermark(stores.settings);
    if (!from) {
        return from.error();
    }
    return extract_after(stores, inputs, *from, changed_ids);
}

Result<ExtractSummary> extract_new_items(AppContext& ctx, const std::vector<std::int64_t>& changed_ids) {
    return extract_new_items(ExtractStores::of(*ctx.store), ExtractInputs::of(ctx), changed_ids);
}

Result<ExtractSummary> rebuild_events(const ExtractStores& stores, const ExtractInputs& inputs) {
    if (auto deleted = stores.events.delete_auto_events(); !deleted) {
        return deleted.error();
    }
    if (auto deleted = stores.candidates.delete_open_candidates(); !deleted) {
        return deleted.error();
    }
    return extract_after(stores, inputs, 0, {});
}

Result<ExtractSummary> rebuild_events(AppContext& ctx) {
    return rebuild_events(ExtractStores::of(*ctx.store), ExtractInputs::of(ctx));
}

}  // namespace fw::app

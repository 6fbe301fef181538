#include "app/db_merge.h"
#include "app/secrets.h"

#include <filesystem>
#include <map>
#include <set>

namespace fw::app {
namespace {

using IdMap = std::map<std::int64_t, std::int64_t>;

bool is_postgres(const std::string& location) {
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

bool curated(const Event& e) {
    return e.review != Review::Auto || e.edited;
}

/// What the target holds of one source's items: native id -> id, current hash, older hashes.
struct KnownItem {
    std::int64_t id = 0;
    std::string hash;
    std::set<std::string> older;
};

class Merger {
public:
    Merger(const MergeStores& from, const MergeStores& to) : from_(from), to_(to) {}

    Result<MergeReport> run() {
        for (auto step : {&Merger::sources, &Merger::items, &Merger::events, &Merger::alerts}) {
            if (auto status = (this->*step)(); !status) {
                return status.error();
            }
        }
        return report_;
    }

private:
    Status sources() {
        auto theirs = from_.sources.list_sources();
        auto ours = to_.sources.list_sources();
        if (!theirs || !ours) {
            return theirs ? ours.error() : theirs.error();
        }
        std::map<std::string, const Source*> by_url;
        std::set<std::string> names;
        for (const auto& s : *ours) {
            by_url[s.url] = &s;
            names.insert(s.name);
        }
        for (const Source& s : *theirs) {
            if (auto found = by_url.find(s.url); found != by_url.end()) {
                sources_[s.id] = found->second->id;
                target_names_[s.id] = found->second->name;
                ++report_.sources_matched;
                continue;
            }
            Source copy = s;
            // Another URL under the same name in the target: the merged one is renamed.
            for (int n = 2; names.count(copy.name) > 0; ++n) {
                copy.name = s.name + "-" + std::to_string(n);
            }
            auto id = to_.sources.add_source(copy);
            if (!id) {
                return id.error();
            }
            copy.id = *id;
            if (auto saved = to_.sources.save_source_state(copy); !saved) {
                return saved;
            }
            names.insert(copy.name);
            sources_[s.id] = *id;
            target_names_[s.id] = copy.name;
            ++report_.sources_added;
        }
        return ok();
    }

    Result<std::map<std::string, KnownItem>*> known_items(std::int64_t from_source) {
        auto cached = known_.find(from_source);
        if (cached != known_.end()) {
            return &cached->second;
        }
        auto& known = known_[from_source];
        store::ItemQuery q;
        q.source = target_names_[from_source];
        q.limit = 0;
        auto list = to_.items.list_items(q);
        if (!list) {
            return list.error();
        }
        for (const Item& item : *list) {
            KnownItem k{item.id, item.content_hash, {}};
            auto versions = to_.items.item_versions(item.id);
            if (!versions) {
                return versions.error();
            }
            for (const Item& v : *versions) {
                k.older.insert(v.content_hash);
            }
            known[item.native_id] = std::move(k);
        }
        return &known;
    }

    Status upsert(std::int64_t target_source, const Item& item, std::int64_t from_id) {
        auto stats = to_.items.upsert_items(target_source, std::span<const Item>(&item, 1));
        if (!stats) {
            return stats.error();
        }
        if (!stats->touched_ids.empty()) {
            items_[from_id] = stats->touched_ids.front();
        }
        return ok();
    }

    Status items() {
        store::ItemQuery q;
        q.after_id = 0;
        q.limit = 0;
        auto all = from_.items.list_items(q);
        if (!all) {
            return all.error();
        }
        for (const Item& item : *all) {
            auto src = sources_.find(item.source_id);
            if (src == sources_.end()) {
                ++report_.items_skipped;
                continue;
            }
            auto known = known_items(item.source_id);
            if (!known) {
                return known.error();
            }
            auto have = (*known)->find(item.native_id);
            if (have != (*known)->end()) {
                items_[item.id] = have->second.id;
                // The same text, or one the target has already moved past: nothing to add.
                if (have->second.hash == item.content_hash || have->second.older.count(item.content_hash)) {
                    ++report_.items_unchanged;
                    continue;
                }
                if (auto status = upsert(src->second, item, item.id); !status) {
                    return status;
                }
                have->second.older.insert(have->second.hash);
                have->second.hash = item.content_hash;
                ++report_.item_versions_added;
                continue;
            }
            // New to the target: its history first, oldest first, then the current text.
            auto versions = from_.items.item_versions(item.id);
            if (!versions) {
                return versions.error();
            }
            versions->push_back(item);
            for (const Item& v : *versions) {
                if (auto status = upsert(src->second, v, item.id); !status) {
                    return status;
                }
            }
            KnownItem k{items_[item.id], item.content_hash, {}};
            for (std::size_t i = 0; i + 1 < versions->size(); ++i) {
                k.older.insert((*versions)[i].content_hash);
            }
            (**known)[item.native_id] = std::move(k);
            ++report_.items_added;
        }
        return ok();
    }

    Status events() {
        auto theirs = from_.events.list_events({});
        auto ours = to_.events.list_events({});
        if (!theirs || !ours) {
            return theirs ? ours.error() : theirs.error();
        }
        std::map<std::string, const Event*> by_key;
        for (const auto& e : *ours) {
            by_key[e.dedupe_key] = &e;
        }
        // Oldest first, so new ids keep their order.
        for (auto it = theirs->rbegin(); it != theirs->rend(); ++it) {
            Event e = *it;
            std::vector<Evidence> evidence;
            for (Evidence ev : e.evidence) {
                auto mapped = items_.find(ev.item_id);
                ev.item_id = mapped == items_.end() ? 0 : mapped->second;
                evidence.push_back(std::move(ev));
            }
            e.evidence = std::move(evidence);
            const auto existing = by_key.find(e.dedupe_key);
            const Event* mine = existing == by_key.end() ? nullptr : existing->second;
            // The store merges by dedupe key and keeps a curated event's fields: an origin's
            // curation replaces an automatic event, never a curated one.
            auto id = to_.events.upsert_event(e);
            if (!id) {
                return id.error();
            }
            events_[it->id] = *id;
            if (mine == nullptr) {
                ++report_.events_added;
            } else {
                ++report_.events_merged;
                if (curated(e) && !curated(*mine)) {
                    ++report_.curation_taken;
                } else if (curated(e) && curated(*mine) && (e.review != mine->review || e.edited != mine->edited)) {
                    ++report_.curation_kept;
                }
            }
            // upsert_event carries the review, not the edited mark: an edit is applied as one.
            if (e.edited && (mine == nullptr || !curated(*mine))) {
                e.id = *id;
                if (auto status = to_.events.edit_event(e); !status) {
                    return status;
                }
            }
        }
        return ok();
    }

    Status alerts() {
        auto list = from_.alerts.list_alerts(0);
        if (!list) {
            return list.error();
        }
        for (auto it = list->rbegin(); it != list->rend(); ++it) {
            AlertDelivery d = scrubbed(*it);  // a webhook URL recorded by an older build stays behind
            d.id = 0;
            if (d.event_id) {
                auto mapped = events_.find(*d.event_id);
                d.event_id = mapped == events_.end() ? std::nullopt : std::optional<std::int64_t>(mapped->second);
            }
            auto recorded = to_.alerts.record_alert(d);  // keyed by (rule, subject, channel): kept once
            if (!recorded) {
                return recorded.error();
            }
            report_.alerts_added += *recorded ? 1 : 0;
        }
        return ok();
    }

    MergeStores from_;
    MergeStores to_;
    MergeReport report_;
    IdMap sources_, items_, events_;
    std::map<std::int64_t, std::string> target_names_;
    std::map<std::int64_t, std::map<std::string, KnownItem>> known_;
};

}  // namespace

Result<MergeReport> merge_stores(const MergeStores& from, const MergeStores& to) {
    return Merger(from, to).run();
}

Result<MergeReport> merge_stores(store::Store& from, store::Store& to) {
    return merge_stores(MergeStores::of(from), MergeStores::of(to));
}

Result<MergeReport> merge_database(const std::string& from, const std::string& to) {
    std::error_code ec;
    if (!is_postgres(from) && !std::filesystem::is_regular_file(from, ec)) {
        return make_error(ErrorCode::NotFound, "no such database file", from);
    }
    if (from == to) {
        return make_error(ErrorCode::Usage, "--from and --to name the same database", from);
    }
    auto origin = store::open_store(from);
    if (!origin) {
        return origin.error();
    }
    auto target = store::open_store(to);
    if (!target) {
        return target.error();
    }
    return merge_stores(**origin, **target);
}

}  // namespace fw::app

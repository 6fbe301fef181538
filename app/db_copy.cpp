#include "app/db_copy.h"

#include <filesystem>
#include <map>
#include <set>

#include "app/secrets.h"

namespace fw::app {
namespace {

using IdMap = std::map<std::int64_t, std::int64_t>;

struct Copier {
    const CopyStores& from;
    const CopyStores& to;
    const std::function<void(const std::string&)>& progress;
    IdMap sources, items, events;

    void say(const std::string& line) const {
        if (progress) {
            progress(line);
        }
    }

    Status copy_sources() {
        auto list = from.sources.list_sources();
        if (!list) {
            return list.error();
        }
        for (const Source& s : *list) {
            auto id = to.sources.add_source(s);
            if (!id) {
                return id.error();
            }
            sources[s.id] = *id;
            Source state = s;
            state.id = *id;
            if (auto saved = to.sources.save_source_state(state); !saved) {
                return saved;
            }
        }
        say("sources " + std::to_string(list->size()));
        return ok();
    }

    /// A source removed without purge is hidden from list_sources but still owns items: it is
    /// recreated as a tombstone in the target.
    Result<std::int64_t> tombstone_for(const Item& item) {
        Source s;
        s.name = item.source_name;
        s.url = "removed:" + item.source_name;
        auto id = to.sources.add_source(s);
        if (!id) {
            return id.error();
        }
        if (auto removed = to.sources.remove_source(s.name, false); !removed) {
            return removed.error();
        }
        sources[item.source_id] = *id;
        return *id;
    }

    Status copy_items() {
        store::ItemQuery q;
        q.after_id = 0;
        q.limit = 0;
        auto all = from.items.list_items(q);
        if (!all) {
            return all.error();
        }
        std::size_t done = 0;
        for (const Item& item : *all) {
            auto src = sources.find(item.source_id);
            std::int64_t target = src == sources.end() ? 0 : src->second;
            if (target == 0) {
                auto made = tombstone_for(item);
                if (!made) {
                    return made.error();
                }
                target = *made;
            }
            // Older versions first, so the target keeps the same history.
            auto versions = from.items.item_versions(item.id);
            if (!versions) {
                return versions.error();
            }
            versions->push_back(item);
            for (const Item& v : *versions) {
                auto stats = to.items.upsert_items(target, std::span<const Item>(&v, 1));
                if (!stats) {
                    return stats.error();
                }
                if (!stats->touched_ids.empty()) {
                    items[item.id] = stats->touched_ids.front();
                }
            }
            if (++done % 1000 == 0) {
                say("items " + std::to_string(done) + "/" + std::to_string(all->size()));
            }
        }
        say("items " + std::to_string(all->size()));
        return ok();
    }

    Status copy_events() {
        auto all = from.events.list_events({});
        if (!all) {
            return all.error();
        }
        // Oldest first, so ids keep their order.
        for (auto it = all->rbegin(); it != all->rend(); ++it) {
            Event e = *it;
            for (Evidence& ev : e.evidence) {
                auto mapped = items.find(ev.item_id);
                ev.item_id = mapped == items.end() ? 0 : mapped->second;
            }
            auto id = to.events.upsert_event(e);
            if (!id) {
                return id.error();
            }
            events[it->id] = *id;
        }
        say("events " + std::to_string(all->size()));
        return ok();
    }

    Status copy_entities_and_prices() {
        auto taxonomy = from.entities.load_taxonomy();
        if (!taxonomy) {
            return taxonomy.error();
        }
        auto discovered_slugs = from.entities.discovered_models();
        if (!discovered_slugs) {
            return discovered_slugs.error();
        }
        const std::set<std::string> discovered(discovered_slugs->begin(), discovered_slugs->end());
        Taxonomy files = *taxonomy;
        std::erase_if(files.models, [&](const ModelInfo& m) { return discovered.count(m.slug) > 0; });
        if (auto saved = to.entities.save_taxonomy(files); !saved) {
            return saved;
        }
        for (const ModelInfo& m : taxonomy->models) {
            if (discovered.count(m.slug)) {
                if (auto added = to.entities.add_discovered_model(m); !added) {
                    return added;
                }
            }
        }
        auto symbols = from.prices.price_symbols();
        if (!symbols) {
            return symbols.error();
        }
        for (const std::string& symbol : *symbols) {
            auto bars = from.prices.load_prices(symbol);
            if (!bars) {
                return bars.error();
            }
            if (auto written = to.prices.upsert_prices(*bars); !written) {
                return written.error();
            }
        }
        return ok();
    }

    Status copy_records() {
        auto alerts = from.alerts.list_alerts(0);
        if (!alerts) {
            return alerts.error();
        }
        for (auto it = alerts->rbegin(); it != alerts->rend(); ++it) {
            AlertDelivery d = scrubbed(*it);  // a webhook URL recorded by an older build stays behind
            if (d.event_id) {
                auto mapped = events.find(*d.event_id);
                d.event_id = mapped == events.end() ? std::nullopt : std::optional<std::int64_t>(mapped->second);
            }
            if (auto recorded = to.alerts.record_alert(d); !recorded) {
                return recorded.error();
            }
        }
        auto answers = from.alerts.load_answers();
        if (!answers) {
            return answers.error();
        }
        for (QuestionAnswer& a : *answers) {
            std::vector<std::int64_t> evidence;
            for (auto id : a.evidence) {
                if (auto mapped = events.find(id); mapped != events.end()) {
                    evidence.push_back(mapped->second);
                }
            }
            a.evidence = std::move(evidence);
        }
        if (auto saved = to.alerts.save_answers(*answers); !saved) {
            return saved.error();
        }
        return copy_settings_and_log();
    }

    Status copy_settings_and_log() {
        auto settings = from.settings.list_settings();
        if (!settings) {
            return settings.error();
        }
        for (const auto& [key, stored] : *settings) {
            if (key.starts_with("fetch.")) {
                continue;  // the fetch policy belongs to the target store
            }
            const std::string value = key == "extract.last_item_id" ? std::to_string(remap_watermark(stored)) : stored;
            if (auto saved = to.settings.set_setting(key, value); !saved) {
                return saved;
            }
        }
        auto log = from.sources.fetch_log();
        if (!log) {
            return log.error();
        }
        for (store::FetchLogEntry e : *log) {
            auto mapped = sources.find(e.source_id);
            if (mapped == sources.end()) {
                return make_error(ErrorCode::Storage, "fetch log row of an unknown source",
                                  "source id " + std::to_string(e.source_id));
            }
            e.source_id = mapped->second;
            if (auto logged = to.sources.log_fetch(e); !logged) {
                return logged;
            }
        }
        return ok();
    }

    /// The extraction watermark names an item id: the new id of the last item it covered.
    std::int64_t remap_watermark(const std::string& old) const {
        std::int64_t mark = 0;
        try {
            mark = std::stoll(old);
        } catch (const std::exception&) {
            return 0;
        }
        std::int64_t out = 0;
        for (const auto& [from_id, to_id] : items) {
            if (from_id <= mark) {
                out = std::max(out, to_id);
            }
        }
        return out;
    }
};

}  // namespace

std::string count_differences(const store::StoreCounts& a, const store::StoreCounts& b) {
    const std::pair<const char*, std::int64_t store::StoreCounts::*> fields[] = {
        {"sources", &store::StoreCounts::sources},
        {"items", &store::StoreCounts::items},
        {"item_versions", &store::StoreCounts::item_versions},
        {"events", &store::StoreCounts::events},
        {"evidence", &store::StoreCounts::evidence},
        {"prices", &store::StoreCounts::prices},
        {"entities", &store::StoreCounts::entities},
        {"alerts", &store::StoreCounts::alerts},
        {"fetch_log", &store::StoreCounts::fetch_log},
    };
    std::string out;
    for (const auto& [name, member] : fields) {
        if (a.*member != b.*member) {
            out += (out.empty() ? "" : ", ") + std::string(name) + " " + std::to_string(a.*member) +
                   " != " + std::to_string(b.*member);
        }
    }
    return out;
}

Result<CopyReport> copy_stores(const CopyStores& from, const CopyStores& to,
                               const std::function<void(const std::string&)>& progress) {
    auto before = to.counts();
    if (!before) {
        return before.error();
    }
    if (before->sources + before->items + before->events + before->alerts > 0) {
        return make_error(ErrorCode::Invalid, "the target already holds data; copy into an empty database",
                          to.location);
    }
    Copier c{from, to, progress, {}, {}, {}};
    for (auto step : {&Copier::copy_sources, &Copier::copy_items, &Copier::copy_events,
                      &Copier::copy_entities_and_prices, &Copier::copy_records}) {
        if (auto status = (c.*step)(); !status) {
            return status.error();
        }
    }
    CopyReport report;
    auto a = from.counts();
    auto b = to.counts();
    if (!a || !b) {
        return a ? b.error() : a.error();
    }
    report.from = *a;
    report.to = *b;
    if (auto diff = count_differences(*a, *b); !diff.empty()) {
        return make_error(ErrorCode::Storage, "copy incomplete, counts differ: " + diff,
                          from.location + " -> " + to.location);
    }
    return report;
}

Result<CopyReport> copy_database(const std::string& from_file, const std::string& to_location,
                                 const std::function<void(const std::string&)>& progress) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(from_file, ec)) {
        return make_error(ErrorCode::NotFound, "no such database file", from_file);
    }
    auto from = store::open_store(from_file);
    if (!from) {
        return from.error();
    }
    auto to = store::open_store(to_location);
    if (!to) {
        return to.error();
    }
    return copy_stores(CopyStores::of(**from), CopyStores::of(**to), progress);
}

}  // namespace fw::app

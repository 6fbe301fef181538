#pragma once
// `frontierwatch db copy`: moves a single-user SQLite database into another store (the team's
// PostgreSQL, or another file) through the Store interface, remapping ids (sources, items,
// events), then compares every table's count and fails loudly on any difference.

#include <functional>
#include <string>

#include "domain/result.h"
#include "store/alert_store.h"
#include "store/entity_store.h"
#include "store/event_store.h"
#include "store/item_store.h"
#include "store/price_store.h"
#include "store/setting_store.h"
#include "store/source_store.h"
#include "store/store.h"

namespace fw::app {

struct CopyReport {
    store::StoreCounts from;
    store::StoreCounts to;
};

/// Copies `from_file` (an SQLite database) into the store at `to_location`, which must hold no
/// sources, items or events yet. `progress` gets short lines ("items 1200/5000"). Error{Invalid}
/// for a non-empty target; Error{Storage} naming each table whose count differs afterwards.
Result<CopyReport> copy_database(const std::string& from_file, const std::string& to_location,
                                 const std::function<void(const std::string&)>& progress = {});

/// Reads every table's count of one store (store::Store::counts()).
using CountReader = std::function<Result<store::StoreCounts>()>;

/// The aggregates a copy reads on one side and writes on the other: the sources with the fetch
/// log, the items with their versions, the events, the entities (taxonomy and discovered
/// models), the prices, the alert deliveries with the answers and the settings; the store's
/// location (named in errors) and its counts, compared once the copy is done. Each write
/// commits alone (the copy goes into an empty store, refused otherwise).
struct CopyStores {
    store::SourceStore& sources;
    store::ItemStore& items;
    store::EventStore& events;
    store::EntityStore& entities;
    store::PriceStore& prices;
    store::AlertStore& alerts;
    store::SettingStore& settings;
    std::string location;  ///< store::Store::location()
    CountReader counts;

    static CopyStores of(store::Store& store) {
        CountReader counts = [s = &store] { return s->counts(); };
        return {store, store, store, store, store, store, store, store.location(), std::move(counts)};
    }
};

/// The same on open stores (the tests' entry point): `to` must hold no sources, items, events or
/// alert deliveries (Error{Invalid}); Error{Storage} when the counts differ afterwards.
Result<CopyReport> copy_stores(const CopyStores& from, const CopyStores& to,
                               const std::function<void(const std::string&)>& progress = {});

/// "sources 3 != 2, items ..." for the fields that differ; "" when all match.
std::string count_differences(const store::StoreCounts& a, const store::StoreCounts& b);

}  // namespace fw::app

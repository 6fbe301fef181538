#pragma once
// `frontierwatch db merge --from DB --to DB`: one store merged into another that holds data (an
// analyst's SQLite file into the team's PostgreSQL, or back), through the Store interface so
// both directions are the same code. Sources match by URL, items by source and native id (with
// their versions), events by dedupe key; curation wins over automatic derivation; evidence and
// alert deliveries are kept, deduplicated. Merging twice adds nothing.

#include <string>

#include "domain/result.h"
#include "store/alert_store.h"
#include "store/event_store.h"
#include "store/item_store.h"
#include "store/source_store.h"
#include "store/store.h"

namespace fw::app {

struct MergeReport {
    int sources_added = 0;
    int sources_matched = 0;  ///< same URL already in the target
    int items_added = 0;
    int item_versions_added = 0;  ///< a newer text of an item the target had
    int items_unchanged = 0;
    int items_skipped = 0;  ///< of a source removed in the origin
    int events_added = 0;
    int events_merged = 0;   ///< same dedupe key: evidence joined
    int curation_taken = 0;  ///< the origin's review or edit replaced an automatic event
    int curation_kept = 0;   ///< both sides curated: the target's review stays
    int alerts_added = 0;
};

/// Merges every source, item, event and alert delivery of `from` into `to` (file paths or
/// postgresql:// URLs). Error{NotFound} for a missing origin file; store errors name the store.
Result<MergeReport> merge_database(const std::string& from, const std::string& to);

/// The aggregates a merge reads on one side and writes on the other: the sources, the items
/// with their versions, the events and the alert deliveries. Each write commits alone (the
/// merge is idempotent, so one that stops half-way is run again).
struct MergeStores {
    store::SourceStore& sources;
    store::ItemStore& items;
    store::EventStore& events;
    store::AlertStore& alerts;

    static MergeStores of(store::Store& store) { return {store, store, store, store}; }
};

/// The same on open stores (the tests' entry point).
Result<MergeReport> merge_stores(const MergeStores& from, const MergeStores& to);
Result<MergeReport> merge_stores(store::Store& from, store::Store& to);

}  // namespace fw::app

#pragma once
// Derives events from stored items: incrementally after each fetch, or from scratch
// (`extract --rebuild`), keeping every manual and curated decision.

#include <cstdint>
#include <memory>
#include <vector>

#include "app/context.h"
#include "domain/result.h"
#include "domain/taxonomy.h"
#include "extract/classifier.h"
#include "extract/rules.h"
#include "store/candidate_store.h"
#include "store/entity_store.h"
#include "store/event_store.h"
#include "store/item_store.h"
#include "store/setting_store.h"
#include "store/source_store.h"

namespace fw::app {

struct ExtractSummary {
    int items_seen = 0;
    int events_written = 0;  ///< inserted or merged
    int new_events = 0;      ///< events that did not exist before
    std::vector<std::int64_t> new_event_ids;
    int discovered_models = 0;
    int candidates = 0;  ///< items queued for review (named a tracked entity, no confident event)
};

/// The aggregates extraction reaches, and only those: the sources (name, kind, lab of each
/// item's source), the items and their versions, the events, the candidates, the discovered
/// models and the settings (its watermark). Each call commits alone: extraction needs no batch.
struct ExtractStores {
    store::SourceStore& sources;
    store::ItemStore& items;
    store::EventStore& events;
    store::CandidateStore& candidates;
    store::EntityStore& entities;
    store::SettingStore& settings;

    static ExtractStores of(store::Store& store) { return {store, store, store, store, store, store}; }
};

/// What extraction reads besides the store. The models it discovers are added to `taxonomy`.
struct ExtractInputs {
    Taxonomy& taxonomy;
    const extract::Rules& rules;
    std::shared_ptr<const extract::KindClassifier> classifier;  ///< null: the grammar alone

    static ExtractInputs of(AppContext& ctx) { return {ctx.taxonomy, ctx.rules, ctx.classifier}; }
};

/// Items stored since the last run (a watermark in the settings), plus `changed_ids`: items that
/// got a new version (same id), which the watermark alone would miss.
Result<ExtractSummary> extract_new_items(const ExtractStores& stores, const ExtractInputs& inputs,
                                         const std::vector<std::int64_t>& changed_ids = {});
Result<ExtractSummary> extract_new_items(AppContext& ctx, const std::vector<std::int64_t>& changed_ids = {});

/// Deletes the automatic events and the open candidates and derives everything again from all
/// stored items with the current rules. Confirmed, rejected, edited and manual events, and
/// confirmed or dismissed candidates, are kept as they are.
Result<ExtractSummary> rebuild_events(const ExtractStores& stores, const ExtractInputs& inputs);
Result<ExtractSummary> rebuild_events(AppContext& ctx);

}  // namespace fw::app

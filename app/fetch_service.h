#pragma once
// The fetch use case: pick the sources that are due, fetch them concurrently, parse each by its
// kind, store items and prices, update each source's health and schedule, derive events.
// One failing source never stops the others; its error is in the summary.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/extract_service.h"
#include "app/fetch_policy.h"
#include "domain/result.h"
#include "domain/time.h"
#include "store/price_store.h"
#include "store/store.h"

namespace fw::app {

struct FetchProgressInfo {
    int done = 0;
    int total = 0;
    int failed = 0;
};

struct FetchRequest {
    bool all = false;                ///< every source, due or not
    std::vector<std::string> names;  ///< only these (implies not waiting for due)
    TimePoint now{};
    std::optional<std::string> edgar_contact;  ///< "Name email@example.com"
    std::function<void(const FetchProgressInfo&)> on_progress;
    bool derive_events = true;
    /// Least time between two request starts on one host (politeness). One second unless the
    /// user says otherwise, e.g. 0 for a mirror of their own.
    std::chrono::milliseconds host_interval{1000};
    /// Read the linked article of thin feed items (a title and at most a sentence). Also off
    /// when FW_NO_ARTICLES is set (not "0"), when the store setting fetch.read_articles is
    /// "false", or for a source switched off with set_read_articles().
    bool read_articles = true;
};

/// Store setting that switches article reading off for every source ("false").
inline constexpr std::string_view kReadArticlesSetting = kReadArticles;  // app/fetch_policy.h

/// Article reading for one source (`sources add/edit ... --no-articles`), kept in the store
/// keyed by the source id, so a rename keeps it. Error{NotFound} for an unknown source.
Status set_read_articles(store::SourceStore& sources, store::SettingStore& settings, std::string_view source_name,
                         bool on);
Status set_read_articles(AppContext& ctx, std::string_view source_name, bool on);
/// Whether a fetch would read the linked articles of this source's thin items.
Result<bool> reads_articles(store::SettingStore& settings, const Source& source);

/// One line of the contract's `fetch --json` summary.
struct SourceFetchResult {
    std::string name;
    std::string url;
    FetchStatus status = FetchStatus::Ok;
    std::optional<int> http_status;
    int new_items = 0;
    std::optional<std::string> error;
};

struct FetchSummary {
    std::vector<SourceFetchResult> sources;
    int new_events = 0;
    std::vector<std::int64_t> new_event_ids;
    /// Items inserted or changed (a new version) by this fetch, for derivation done later
    /// (app/worker_service derives under a lock shared by all workers).
    std::vector<std::int64_t> touched_item_ids;
    bool any_failed() const;
};

/// Opens a write batch (store::Store::begin_batch); empty: every call commits by itself.
using BatchOpener = std::function<Result<std::unique_ptr<store::WriteBatch>>()>;

/// What a fetch reaches in the store, aggregate by aggregate: the sources (selection, state,
/// fetch log), the items and prices it stores, the settings (fetch policy, article switches)
/// and, for the derivation after it, what extraction declares (app/extract_service.h); the
/// store's location (it decides the fetch policy's defaults) and its batches, which group the
/// writes of a few dozen sources into one commit.
struct FetchStores {
    store::SourceStore& sources;
    store::ItemStore& items;
    store::PriceStore& prices;
    store::SettingStore& settings;
    store::EventStore& events;
    store::CandidateStore& candidates;
    store::EntityStore& entities;
    std::string location;  ///< store::Store::location()
    BatchOpener begin_batch;

    static FetchStores of(store::Store& store) {
        BatchOpener batches = [s = &store] { return s->begin_batch(); };
        return {store, store, store, store, store, store, store, store.location(), std::move(batches)};
    }
    ExtractStores extraction() const { return {sources, items, events, candidates, entities, settings}; }
};

/// Errors only when nothing could be attempted (unknown source name, store failure); per-source
/// failures are reported inside the summary. `inputs` serve the derivation
/// (request.derive_events).
Result<FetchSummary> fetch_sources(const FetchStores& stores, const ExtractInputs& inputs, const FetchRequest& request);
Result<FetchSummary> fetch_sources(AppContext& ctx, const FetchRequest& request);

}  // namespace fw::app

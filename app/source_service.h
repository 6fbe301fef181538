#pragma once
// Managing the source list: add, edit and remove with validation, OPML import and export.
// The CLI and the GUI both call these; neither touches the store for sources.

#include <filesystem>
#include <optional>
#include <string>

#include "app/context.h"
#include "domain/result.h"
#include "domain/source.h"
#include "domain/taxonomy.h"
#include "store/source_store.h"

namespace fw::app {

struct NewSource {
    std::string url;
    SourceKind kind = SourceKind::Feed;
    std::optional<std::string> name;  ///< default: derived from the URL
    std::optional<std::string> lab;
    std::optional<std::string> every;  ///< duration text, e.g. "1h"
};

/// What managing sources reaches: the sources, the store's location (a shared store refuses a
/// URL with credentials: app/fetch_policy.h) and the taxonomy (a source's lab must be known).
struct SourceCatalog {
    store::SourceStore& sources;
    std::string location;  ///< store::Store::location()
    const Taxonomy& taxonomy;

    static SourceCatalog of(AppContext& ctx) { return {*ctx.store, ctx.store->location(), ctx.taxonomy}; }
};

/// Validates (URL scheme http/https/file, known lab, duration) and adds. Returns the source.
Result<Source> add_source(const SourceCatalog& catalog, const NewSource& spec);
Result<Source> add_source(AppContext& ctx, const NewSource& spec);

/// What `sources edit` changes; a field left empty stays as it is.
struct SourceEdit {
    std::optional<std::string> url;
    std::optional<std::string> name;
    std::optional<SourceKind> kind;
    std::optional<std::string> lab;    ///< "" clears it
    std::optional<std::string> every;  ///< "" clears it (back to the adaptive interval)
};

/// Changes the named source in one transaction, keeping what was learnt about it: health,
/// schedule (due time), items and, unless the URL changes, the HTTP validators (a new URL has
/// none). Validated as add_source; Error{NotFound} for an unknown source and Error{Invalid}
/// when the new name is taken, each naming the source. Returns the source as stored.
Result<Source> edit_source(const SourceCatalog& catalog, std::string_view name, const SourceEdit& edit);
Result<Source> edit_source(AppContext& ctx, std::string_view name, const SourceEdit& edit);

/// Without purge the source is hidden and its items and events stay; with purge they go too
/// (events only they support). Error{NotFound} names an unknown source.
Status remove_source(store::SourceStore& sources, std::string_view name, bool purge);
Status remove_source(AppContext& ctx, std::string_view name, bool purge);

/// Active sources by name.
Result<std::vector<Source>> list_sources(store::SourceStore& sources);
Result<std::vector<Source>> list_sources(AppContext& ctx);

struct ImportSummary {
    int added = 0;
    int skipped = 0;  ///< names already present
};

Result<ImportSummary> import_opml(const SourceCatalog& catalog, const std::filesystem::path& file);
Result<ImportSummary> import_opml(AppContext& ctx, const std::filesystem::path& file);
/// The active sources as an OPML file (read back by import_opml).
Status export_opml(store::SourceStore& sources, const std::filesystem::path& file);
Status export_opml(AppContext& ctx, const std::filesystem::path& file);

/// A readable default name from a URL: host and path words, e.g. "mistral-ai-rss".
std::string name_from_url(std::string_view url);

}  // namespace fw::app

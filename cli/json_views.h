#pragma once
// The contract's JSON shapes for the CLI's own listings (the report and events shapes are
// rendered by report/, shared with the GUI and tests).

#include <span>
#include <string>

#include "app/fetch_service.h"
#include "app/source_health.h"
#include "domain/feed.h"
#include "domain/item.h"
#include "domain/source.h"

namespace fw::cli {

std::string sources_json(std::span<const Source> sources);
/// sources_json's fields plus "health" (fresh, stale, failing, never_fetched) and "health_reason".
std::string sources_json(std::span<const app::SourceWithHealth> sources);
std::string items_json(std::span<const Item> items);
std::string fetch_json(const app::FetchSummary& summary);
std::string parsed_feed_json(const ParsedFeed& feed);

}  // namespace fw::cli

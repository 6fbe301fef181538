#pragma once
// Store::remove_source, once for both backends: it spans three repositories (the source row,
// the items' search index, the events their items supported).

#include <string_view>

#include "domain/result.h"
#include "store/event_repository.h"
#include "store/item_repository.h"
#include "store/source_repository.h"

namespace fw::store {

/// Without purge the source becomes a tombstone (its items and events kept); with purge its
/// row, items and fetch log go, and then the uncurated events left without evidence.
/// Error{NotFound} for an unknown name. Runs inside the caller's transaction.
Status remove_source(SourceRepository& sources, ItemRepository& items, EventRepository& events, std::string_view name,
                     bool purge);

}  // namespace fw::store

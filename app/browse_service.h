#pragma once
// What the front ends read (items, an event, settings, where the store is) and the little they
// mark (a desktop alert shown), so that cli/ and ui/ call app/ and never the store itself
// (cmake/CheckLayering.cmake enforces it).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.h"
#include "domain/alert.h"
#include "domain/event.h"
#include "domain/item.h"
#include "domain/result.h"
#include "store/alert_store.h"
#include "store/event_store.h"
#include "store/item_store.h"
#include "store/setting_store.h"

namespace fw::app {

using ItemQuery = store::ItemQuery;
using EventQuery = store::EventQuery;
using StoreCounts = store::StoreCounts;

/// Stored items, newest first; a search is full-text.
Result<std::vector<Item>> list_items(store::ItemStore& items, const ItemQuery& query);
Result<std::vector<Item>> list_items(AppContext& ctx, const ItemQuery& query);
/// The ids of every item a full-text search matches, unordered (a filter's answer, no texts).
Result<std::vector<std::int64_t>> search_item_ids(AppContext& ctx, const std::string& search);
Result<std::optional<Event>> find_event(store::EventStore& events, std::int64_t id);
Result<std::optional<Event>> find_event(AppContext& ctx, std::int64_t id);

Result<std::optional<std::string>> get_setting(store::SettingStore& settings, std::string_view key);
Result<std::optional<std::string>> get_setting(AppContext& ctx, std::string_view key);
Status set_setting(store::SettingStore& settings, std::string_view key, std::string_view value);
Status set_setting(AppContext& ctx, std::string_view key, std::string_view value);

/// The store's location (file path, or URL without password) and its open warnings: the whole
/// store's, no aggregate's.
std::string store_location(const AppContext& ctx);
std::vector<std::string> store_warnings(const AppContext& ctx);

/// A desktop delivery the tray has shown (status, attempts, time as given).
Status update_alert(store::AlertStore& alerts, const AlertDelivery& delivery);
Status update_alert(AppContext& ctx, const AlertDelivery& delivery);

}  // namespace fw::app

#include "app/browse_service.h"

namespace fw::app {

Result<std::vector<Item>> list_items(store::ItemStore& items, const ItemQuery& query) {
    return items.list_items(query);
}

Result<std::vector<Item>> list_items(AppContext& ctx, const ItemQuery& query) {
    return list_items(*ctx.store, query);
}

Result<std::vector<std::int64_t>> search_item_ids(AppContext& ctx, const std::string& search) {
    return ctx.store->search_item_ids(search);
}

Result<std::optional<Event>> find_event(store::EventStore& events, std::int64_t id) {
    return events.find_event(id);
}

Result<std::optional<Event>> find_event(AppContext& ctx, std::int64_t id) {
    return find_event(*ctx.store, id);
}

Result<std::optional<std::string>> get_setting(store::SettingStore& settings, std::string_view key) {
    return settings.get_setting(key);
}

Result<std::optional<std::string>> get_setting(AppContext& ctx, std::string_view key) {
    return get_setting(*ctx.store, key);
}

Status set_setting(store::SettingStore& settings, std::string_view key, std::string_view value) {
    return settings.set_setting(key, value);
}

Status set_setting(AppContext& ctx, std::string_view key, std::string_view value) {
    return set_setting(*ctx.store, key, value);
}

std::string store_location(const AppContext& ctx) {
    return ctx.store->location();
}

std::vector<std::string> store_warnings(const AppContext& ctx) {
    return ctx.store->open_warnings();
}

Status update_alert(store::AlertStore& alerts, const AlertDelivery& delivery) {
    return alerts.update_alert(delivery);
}

Status update_alert(AppContext& ctx, const AlertDelivery& delivery) {
    return update_alert(*ctx.store, delivery);
}

}  // namespace fw::app

#include "app/browse_service.h"

namespace fw::app {

Result<std::vector<Item>> list_items(AppContext& ctx, const ItemQuery& query) {
    return ctx.store->list_items(query);
}

Result<std::optional<Event>> find_event(AppContext& ctx, std::int64_t id) {
    return ctx.store->find_event(id);
}

Result<std::optional<std::string>> get_setting(AppContext& ctx, std::string_view key) {
    return ctx.store->get_setting(key);
}

Status set_setting(AppContext& ctx, std::string_view key, std::string_view value) {
    return ctx.store->set_setting(key, value);
}

std::string store_location(const AppContext& ctx) {
    return ctx.store->location();
}

std::vector<std::string> store_warnings(const AppContext& ctx) {
    return ctx.store->open_warnings();
}

Status update_alert(AppContext& ctx, const AlertDelivery& delivery) {
    return ctx.store->update_alert(delivery);
}

}  // namespace fw::app

#include "store/item_versioning.h"

#include <string>

namespace fw::store {

ItemWrite decide_item_write(const std::optional<std::string>& stored_hash, std::string_view new_hash) {
    if (!stored_hash) {
        return ItemWrite::Insert;
    }
    return *stored_hash == new_hash ? ItemWrite::Unchanged : ItemWrite::NewVersion;
}

Status check_item_key(std::int64_t source_id, const Item& item) {
    if (item.native_id.empty()) {
        return make_error(ErrorCode::Invalid, "item without a native id",
                          "source id " + std::to_string(source_id) + ", title \"" + item.entry.title + "\"");
    }
    return ok();
}

}  // namespace fw::store

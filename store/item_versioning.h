#pragma once
// Item versioning, the decision without SQL: an item is keyed by (source, native id); a new key
// is inserted, a changed content hash makes a new version (the previous one kept), the same
// hash writes nothing (re-ingesting a feed writes no row). Tested in tests/store/.

#include <optional>
#include <string>
#include <string_view>

#include "domain/item.h"
#include "domain/result.h"

namespace fw::store {

enum class ItemWrite { Insert, NewVersion, Unchanged };

/// `stored_hash`: the content hash of the stored item with the same key, nullopt when none.
ItemWrite decide_item_write(const std::optional<std::string>& stored_hash, std::string_view new_hash);

/// Error{Invalid} for an item the store cannot key (no native id).
Status check_item_key(std::int64_t source_id, const Item& item);

}  // namespace fw::store

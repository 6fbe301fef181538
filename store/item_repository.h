#pragma once
// The items, item_versions and items_fts tables.

#include <cstdint>
#include <span>
#include <vector>

#include "domain/item.h"
#include "domain/result.h"
#include "store/database.h"
#include "store/store.h"

namespace fw::store {

class ItemRepository {
public:
    explicit ItemRepository(Database& db) : db_(&db) {}

    /// Keyed by (source_id, native_id): new rows inserted, a changed content_hash moves the old
    /// row to item_versions and bumps version, the same hash writes nothing. Runs inside the
    /// caller's transaction. Error{Invalid} for an empty native_id.
    Result<UpsertStats> upsert(std::int64_t source_id, std::span<const Item> items);
    /// Newest first (published, else fetched); with after_id, oldest id first so a caller can
    /// page on from the last id it saw. Error{Storage} for an FTS query SQLite rejects.
    Result<std::vector<Item>> list(const ItemQuery& query);
    /// In the order asked; unknown ids are skipped.
    Result<std::vector<Item>> by_ids(std::span<const std::int64_t> ids);
    /// Earlier versions, oldest first.
    Result<std::vector<Item>> versions(std::int64_t item_id);

    Result<std::int64_t> count();
    Result<std::int64_t> count_versions();

private:
    struct Existing {
        std::int64_t id = 0;
        std::string content_hash;
    };
    Result<std::optional<Existing>> find(std::int64_t source_id, const std::string& native_id);
    Result<std::int64_t> insert(std::int64_t source_id, const Item& item, const std::string& payload);
    Status replace(std::int64_t id, const Item& item, const std::string& payload);

    Database* db_;
};

}  // namespace fw::store

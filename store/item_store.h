#pragma once
// Fetched items with their earlier versions: what a fetch writes and derivation, search and
// health read. Part of store::Store (store/store.h).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/item.h"
#include "domain/result.h"

namespace fw::store {

/// What an upsert did: new items, changed items (a new version, the old one kept), unchanged.
struct UpsertStats {
    int inserted = 0;
    int changed = 0;
    int unchanged = 0;
    std::vector<std::int64_t> touched_ids;  ///< ids of inserted and changed items
};

struct ItemQuery {
    std::optional<std::string> source;     ///< source name
    std::optional<std::string> search;     ///< FTS5 query over title and text
    std::optional<std::int64_t> after_id;  ///< items with id > after_id, in id order (incremental work)
    int limit = 50;                        ///< <= 0: no limit
};

class ItemStore {
public:
    virtual ~ItemStore() = default;

    /// Idempotent upsert keyed by (source, native_id); a changed content_hash keeps the
    /// previous version in item_versions. All or nothing.
    virtual Result<UpsertStats> upsert_items(std::int64_t source_id, std::span<const Item> items) = 0;
    /// Newest first (published, else fetched); with after_id, oldest id first. A search is
    /// matched word by word (punctuation is safe); a query SQLite still rejects is Error{Storage}.
    virtual Result<std::vector<Item>> list_items(const ItemQuery& query) = 0;
    virtual Result<std::vector<Item>> items_by_ids(std::span<const std::int64_t> ids) = 0;
    /// The ids of every item a search matches, in no particular order: what a filter needs
    /// without reading the matches' texts and payloads (a word in a third of a million items).
    /// This default reads whole items; the stores answer from the search index alone.
    virtual Result<std::vector<std::int64_t>> search_item_ids(const std::string& search) {
        ItemQuery query;
        query.search = search;
        query.limit = 0;
        auto items = list_items(query);
        if (!items) {
            return items.error();
        }
        std::vector<std::int64_t> ids;
        ids.reserve(items->size());
        for (const auto& item : *items) {
            ids.push_back(item.id);
        }
        return ids;
    }
    /// Earlier versions of an item, oldest first (the current one excluded).
    virtual Result<std::vector<Item>> item_versions(std::int64_t item_id) = 0;
};

}  // namespace fw::store

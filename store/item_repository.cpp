#include "store/item_repository.h"

#include <string>

#include "store/fts_query.h"
#include "store/payload_codec.h"
#include "store/sql_util.h"

namespace fw::store {
namespace {

// Columns read by read_item(), in order; `i` is items or item_versions, `s` is sources.
constexpr std::string_view kItemColumns =
    "i.id, i.source_id, s.name, i.native_id, i.fetched_at, i.content_hash, i.version, i.payload, "
    "i.summary_text, i.content_text";

Result<Item> read_item(const Statement& st) {
    Item item;
    item.id = st.int64(0);
    item.source_id = st.int64(1);
    item.source_name = st.text(2);
    item.native_id = st.text(3);
    item.fetched_at = st.time(4);
    item.content_hash = st.text(5);
    item.version = static_cast<int>(st.int64(6));
    auto entry = detail::decode_entry(st.text(7));
    if (!entry) {
        return make_error(ErrorCode::Storage, "corrupt item payload", "items id " + std::to_string(item.id));
    }
    item.entry = std::move(*entry);
    item.entry.summary_text = st.text(8);
    item.entry.content_text = st.text(9);
    return item;
}

Result<std::vector<Item>> collect(Statement& st) {
    std::vector<Item> out;
    for (;;) {
        auto row = st.step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return out;
        }
        auto item = read_item(st);
        if (!item) {
            return item.error();
        }
        out.push_back(std::move(*item));
    }
}

TimePoint fetched_time(const Item& item) {
    return item.fetched_at == TimePoint{} ? detail::now_seconds() : item.fetched_at;
}

}  // namespace

Result<UpsertStats> ItemRepository::upsert(std::int64_t source_id, std::span<const Item> items) {
    UpsertStats stats;
    for (const Item& item : items) {
        if (item.native_id.empty()) {
            return make_error(ErrorCode::Invalid, "item without a native id",
                              "source id " + std::to_string(source_id) + ", title \"" + item.entry.title + "\"");
        }
        auto existing = find(source_id, item.native_id);
        if (!existing) {
            return existing.error();
        }
        if (*existing && (*existing)->content_hash == item.content_hash) {
            ++stats.unchanged;
            continue;
        }
        const std::string payload = detail::encode_entry(item.entry, /*with_text=*/false);
        if (!*existing) {
            auto id = insert(source_id, item, payload);
            if (!id) {
                return id.error();
            }
            ++stats.inserted;
            stats.touched_ids.push_back(*id);
        } else {
            if (auto status = replace((*existing)->id, item, payload); !status) {
                return status.error();
            }
            ++stats.changed;
            stats.touched_ids.push_back((*existing)->id);
        }
    }
    return stats;
}

Result<std::optional<ItemRepository::Existing>> ItemRepository::find(std::int64_t source_id,
                                                                     const std::string& native_id) {
    auto st = db_->cached("SELECT id, content_hash FROM items WHERE source_id = ?1 AND native_id = ?2");
    if (!st) {
        return st.error();
    }
    st->bind(1, source_id);
    st->bind(2, native_id);
    auto row = st->step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return std::optional<Existing>();
    }
    return std::optional<Existing>(Existing{st->int64(0), st->text(1)});
}

Result<std::int64_t> ItemRepository::insert(std::int64_t source_id, const Item& item, const std::string& payload) {
    const TimePoint fetched = fetched_time(item);
    auto changed =
        detail::run_cached(*db_,
                           "INSERT INTO items (source_id, native_id, title, link, published, updated, fetched_at, "
                           "sort_at, content_hash, version, payload, summary_text, content_text) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10, ?11, ?12)",
                           [&](Statement& st) {
                               st.bind(1, source_id);
                               st.bind(2, item.native_id);
                               st.bind(3, item.entry.title);
                               st.bind(4, item.entry.link);
                               st.bind(5, item.entry.published);
                               st.bind(6, item.entry.updated);
                               st.bind(7, fetched);
                               st.bind(8, item.entry.published.value_or(fetched));
                               st.bind(9, item.content_hash);
                               st.bind(10, payload);
                               st.bind(11, item.entry.summary_text);
                               st.bind(12, item.entry.content_text);
                           });
    if (!changed) {
        return changed.error();
    }
    const std::int64_t id = db_->last_insert_id();
    auto indexed = detail::run_cached(
        *db_, "INSERT INTO items_fts (rowid, title, summary_text, content_text) VALUES (?1, ?2, ?3, ?4)",
        [&](Statement& st) {
            st.bind(1, id);
            st.bind(2, item.entry.title);
            st.bind(3, item.entry.summary_text);
            st.bind(4, item.entry.content_text);
        });
    if (!indexed) {
        return indexed.error();
    }
    return id;
}

Status ItemRepository::replace(std::int64_t id, const Item& item, const std::string& payload) {
    auto kept =
        detail::run_cached(*db_,
                           "INSERT INTO item_versions (item_id, version, title, link, published, updated, "
                           "fetched_at, content_hash, payload, summary_text, content_text) SELECT id, version, title, "
                           "link, published, updated, fetched_at, content_hash, payload, summary_text, content_text "
                           "FROM items WHERE id = ?1",
                           [&](Statement& st) { st.bind(1, id); });
    if (!kept) {
        return kept.error();
    }
    const TimePoint fetched = fetched_time(item);
    auto updated =
        detail::run_cached(*db_,
                           "UPDATE items SET title = ?2, link = ?3, published = ?4, updated = ?5, fetched_at = ?6, "
                           "sort_at = ?7, content_hash = ?8, version = version + 1, payload = ?9, summary_text = ?10, "
                           "content_text = ?11 WHERE id = ?1",
                           [&](Statement& st) {
                               st.bind(1, id);
                               st.bind(2, item.entry.title);
                               st.bind(3, item.entry.link);
                               st.bind(4, item.entry.published);
                               st.bind(5, item.entry.updated);
                               st.bind(6, fetched);
                               st.bind(7, item.entry.published.value_or(fetched));
                               st.bind(8, item.content_hash);
                               st.bind(9, payload);
                               st.bind(10, item.entry.summary_text);
                               st.bind(11, item.entry.content_text);
                           });
    return updated ? ok() : Status(updated.error());  // items_fts_update re-indexed it
}

Result<std::vector<Item>> ItemRepository::list(const ItemQuery& query) {
    std::string match;
    if (query.search) {
        match = detail::fts_query(*query.search);
        if (match.empty()) {
            return std::vector<Item>();  // nothing searchable typed: nothing matches
        }
    }
    // The SQL varies only by fixed fragments; every value is a bound parameter.
    std::string sql = "SELECT " + std::string(kItemColumns) + " FROM items i JOIN sources s ON s.id = i.source_id";
    if (query.search) {
        sql += " JOIN items_fts f ON f.rowid = i.id";
    }
    sql += " WHERE 1 = 1";
    if (query.search) {
        sql += " AND items_fts MATCH ?1";
    }
    if (query.source) {
        sql += " AND s.name = ?2";
    }
    if (query.after_id) {
        sql += " AND i.id > ?3 ORDER BY i.id";
    } else {
        // Ordered by time, not FTS rank: "newest matching" stays fast (robustness.md 3.3).
        sql += " ORDER BY i.sort_at DESC, i.id DESC";
    }
    if (query.limit > 0) {
        sql += " LIMIT ?4";
    }
    auto st = db_->cached(sql);
    if (!st) {
        return st.error();
    }
    if (query.search) {
        st->bind(1, match);
    }
    if (query.source) {
        st->bind(2, *query.source);
    }
    if (query.after_id) {
        st->bind(3, *query.after_id);
    }
    if (query.limit > 0) {
        st->bind(4, query.limit);
    }
    return collect(*st);
}

Result<std::vector<Item>> ItemRepository::by_ids(std::span<const std::int64_t> ids) {
    static const std::string sql =
        "SELECT " + std::string(kItemColumns) + " FROM items i JOIN sources s ON s.id = i.source_id WHERE i.id = ?1";
    std::vector<Item> out;
    for (const std::int64_t id : ids) {
        auto st = db_->cached(sql);
        if (!st) {
            return st.error();
        }
        st->bind(1, id);
        auto found = collect(*st);
        if (!found) {
            return found.error();
        }
        for (auto& item : *found) {
            out.push_back(std::move(item));
        }
    }
    return out;
}

Result<std::vector<Item>> ItemRepository::versions(std::int64_t item_id) {
    auto st = db_->cached(
        "SELECT v.item_id, i.source_id, s.name, i.native_id, v.fetched_at, v.content_hash, "
        "v.version, v.payload, v.summary_text, v.content_text FROM item_versions v JOIN items i ON i.id = v.item_id "
        "JOIN sources s ON s.id = i.source_id WHERE v.item_id = ?1 ORDER BY v.version");
    if (!st) {
        return st.error();
    }
    st->bind(1, item_id);
    return collect(*st);
}

Result<std::int64_t> ItemRepository::count() {
    return detail::scalar_int(*db_, "SELECT COUNT(*) FROM items");
}

Result<std::int64_t> ItemRepository::count_versions() {
    return detail::scalar_int(*db_, "SELECT COUNT(*) FROM item_versions");
}

}  // namespace fw::store

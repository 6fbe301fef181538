#include "store/item_repository.h"

#include <algorithm>
#include <string>

#include "store/item_versioning.h"
#include "store/payload_codec.h"
#include "store/sql_util.h"

namespace fw::store {
namespace {

// Columns read by read_item(), in order; `i` is items or item_versions, `s` is sources.
constexpr std::string_view kItemColumns =
    "i.id, i.source_id, s.name, i.native_id, i.fetched_at, i.content_hash, i.version, i.payload, "
    "i.summary_text, i.content_text";

// The one row mapper for items and their versions.
Result<Item> read_item(const sql::Row& r) {
    Item item;
    item.id = r.int64(0);
    item.source_id = r.int64(1);
    item.source_name = r.text(2);
    item.native_id = r.text(3);
    item.fetched_at = r.time(4);
    item.content_hash = r.text(5);
    item.version = static_cast<int>(r.int64(6));
    auto entry = detail::decode_entry(r.text(7));
    if (!entry) {
        return make_error(ErrorCode::Storage, "corrupt item payload", "items id " + std::to_string(item.id));
    }
    item.entry = std::move(*entry);
    item.entry.summary_text = r.text(8);
    item.entry.content_text = r.text(9);
    return item;
}

Result<std::vector<Item>> read_items(const Result<std::vector<sql::Row>>& rows) {
    return sql::read_rows<Item>(rows, read_item);
}

TimePoint fetched_time(const Item& item) {
    return item.fetched_at == TimePoint{} ? detail::now_seconds() : item.fetched_at;
}

// A search for a common word, newest first and limited, walked by time: the newest items in
// chunks along items_sort, each chunk's matches read from the search index in the chunk's id
// range and kept in time order, until `limit` are found. The plan of list() instead reads every
// match and its time before keeping the newest: 312,000 of them for a word in 31 % of a
// million items (bench/README.md, issue 18.4). The result is the same: every item newer than
// the last one kept has been checked. nullopt: take the general plan, because the search has
// fewer than kProbe matches (the general plan is fast then), or the ids of a chunk are too
// spread for its range to narrow the index scan (ids far from time order), or the walk has gone
// past kMaxWalk items without finding `limit` (the matches are old).
constexpr std::int64_t kProbe = 2000;
constexpr std::int64_t kFirstChunk = 256;
constexpr std::int64_t kMaxChunk = 32768;
constexpr std::int64_t kMaxSpread = 16;  // id range / chunk size beyond which a chunk gives up
constexpr std::int64_t kMaxWalk = 262144;

Result<std::optional<std::vector<std::int64_t>>> newest_matches_by_time(sql::Runner& db,
                                                                        const sql::Dialect::Search& search,
                                                                        const std::vector<sql::Value>& search_params,
                                                                        const ItemQuery& query) {
    using Found = std::optional<std::vector<std::int64_t>>;
    const std::string matching = "FROM items i" + search.join + " WHERE " + search.condition;
    std::vector<sql::Value> params = search_params;
    params.push_back(sql::value(kProbe));
    auto probe = db.query(
        "SELECT count(*) FROM (SELECT 1 " + matching + " LIMIT $" + std::to_string(params.size()) + ") p", params);
    if (!probe) {
        return probe.error();
    }
    if (probe->empty() || probe->front().int64(0) < kProbe) {
        return Found();
    }
    const std::string range_sql = "SELECT " + search.index_id + " " + matching + " AND " + search.index_id +
                                  " BETWEEN $" + std::to_string(search_params.size() + 1) + " AND $" +
                                  std::to_string(search_params.size() + 2);

    std::vector<std::int64_t> found;
    std::optional<std::pair<std::int64_t, std::int64_t>> after;  // (sort_at, id) of the last item walked
    std::int64_t chunk = kFirstChunk;
    std::int64_t walked = 0;
    std::vector<std::int64_t> ids;
    std::vector<std::int64_t> matched;
    while (found.size() < static_cast<std::size_t>(query.limit)) {
        if (walked >= kMaxWalk) {
            return Found();
        }
        std::vector<sql::Value> walk_params;
        std::string walk = "SELECT i.id, i.sort_at FROM items i JOIN sources s ON s.id = i.source_id WHERE 1 = 1";
        auto ref = [&walk_params](sql::Value v) {
            walk_params.push_back(std::move(v));
            return "$" + std::to_string(walk_params.size());
        };
        if (query.source) {
            walk += " AND s.name = " + ref(sql::value(*query.source));
        }
        if (after) {
            walk += " AND (i.sort_at, i.id) < (" + ref(sql::value(after->first)) + ", " +
                    ref(sql::value(after->second)) + ")";
        }
        walk += " ORDER BY i.sort_at DESC, i.id DESC LIMIT " + ref(sql::value(chunk));
        auto rows = db.query(walk, walk_params);
        if (!rows) {
            return rows.error();
        }
        if (rows->empty()) {
            break;  // every item walked
        }
        ids.clear();
        std::int64_t lo = rows->front().int64(0);
        std::int64_t hi = lo;
        for (const sql::Row& row : *rows) {
            const std::int64_t id = row.int64(0);
            ids.push_back(id);
            lo = std::min(lo, id);
            hi = std::max(hi, id);
        }
        after = std::make_pair(rows->back().int64(1), rows->back().int64(0));
        walked += static_cast<std::int64_t>(rows->size());
        if (hi - lo >= kMaxSpread * std::max<std::int64_t>(chunk, static_cast<std::int64_t>(rows->size()))) {
            return Found();
        }
        std::vector<sql::Value> range_params = search_params;
        range_params.push_back(sql::value(lo));
        range_params.push_back(sql::value(hi));
        auto in_range = db.query(range_sql, range_params);
        if (!in_range) {
            return in_range.error();
        }
        matched.clear();
        for (const sql::Row& row : *in_range) {
            matched.push_back(row.int64(0));
        }
        std::sort(matched.begin(), matched.end());
        for (const std::int64_t id : ids) {
            if (std::binary_search(matched.begin(), matched.end(), id)) {
                found.push_back(id);
                if (found.size() == static_cast<std::size_t>(query.limit)) {
                    break;
                }
            }
        }
        if (static_cast<std::int64_t>(rows->size()) < chunk) {
            break;  // that was the oldest chunk
        }
        chunk = std::min(chunk * 2, kMaxChunk);
    }
    return Found(std::move(found));
}

// The values both the insert and the new-version update write, $1..$10.
std::vector<sql::Value> content_values(const Item& item) {
    const TimePoint fetched = fetched_time(item);
    std::vector<sql::Value> v;
    v.reserve(12);
    v.push_back(sql::value(item.entry.title));
    v.push_back(sql::value(item.entry.link));
    v.push_back(sql::value(item.entry.published));
    v.push_back(sql::value(item.entry.updated));
    v.push_back(sql::value(fetched));
    v.push_back(sql::value(item.entry.published.value_or(fetched)));
    v.push_back(sql::value(item.content_hash));
    v.push_back(detail::encode_entry(item.entry, /*with_text=*/false));
    v.push_back(sql::value(item.entry.summary_text));
    v.push_back(sql::value(item.entry.content_text));
    return v;
}

constexpr std::string_view kInsert =
    "INSERT INTO items (title, link, published, updated, fetched_at, sort_at, content_hash, payload, "
    "summary_text, content_text, source_id, native_id, version) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1)";
constexpr std::string_view kKeepVersion =
    "INSERT INTO item_versions (item_id, version, title, link, published, updated, fetched_at, content_hash, "
    "payload, summary_text, content_text) SELECT id, version, title, link, published, updated, fetched_at, "
    "content_hash, payload, summary_text, content_text FROM items WHERE id = $1";
// SQLite's items_fts_update trigger re-indexes the row; PostgreSQL's tsvector is generated.
constexpr std::string_view kNewVersion =
    "UPDATE items SET title = $1, link = $2, published = $3, updated = $4, fetched_at = $5, sort_at = $6, "
    "content_hash = $7, payload = $8, summary_text = $9, content_text = $10, version = version + 1 "
    "WHERE id = $11";

}  // namespace

Result<UpsertStats> ItemRepository::upsert(std::int64_t source_id, std::span<const Item> items) {
    UpsertStats stats;
    bool locked = dialect_->item_order_lock().empty();
    for (const Item& item : items) {
        if (auto valid = check_item_key(source_id, item); !valid) {
            return valid.error();
        }
        auto found = db_->query("SELECT id, content_hash FROM items WHERE source_id = $1 AND native_id = $2",
                                {sql::value(source_id), sql::value(item.native_id)});
        if (!found) {
            return found.error();
        }
        const auto stored = found->empty() ? std::nullopt : std::optional<std::string>(found->front().text(1));
        const ItemWrite write = decide_item_write(stored, item.content_hash);
        if (write == ItemWrite::Unchanged) {
            ++stats.unchanged;
            continue;
        }
        if (!locked) {
            if (auto lock = db_->query(dialect_->item_order_lock(), {}); !lock) {
                return lock.error();
            }
            locked = true;
        }
        auto values = content_values(item);
        if (write == ItemWrite::Insert) {
            values.push_back(sql::value(source_id));
            values.push_back(sql::value(item.native_id));
            auto inserted = db_->insert(kInsert, values);
            if (!inserted) {
                return inserted.error();
            }
            const std::int64_t id = *inserted;
            if (dialect_->indexes_items_explicitly()) {
                pending_index_.push_back(id);
            }
            ++stats.inserted;
            stats.touched_ids.push_back(id);
            continue;
        }
        // The update trigger takes the old text out of the index: the row must be in it.
        if (auto flushed = flush_search_index(); !flushed) {
            return flushed.error();
        }
        const std::int64_t id = found->front().int64(0);
        if (auto kept = db_->query(kKeepVersion, {sql::value(id)}); !kept) {
            return kept.error();
        }
        values.push_back(sql::value(id));
        if (auto updated = db_->query(kNewVersion, values); !updated) {
            return updated.error();
        }
        ++stats.changed;
        stats.touched_ids.push_back(id);
    }
    return stats;
}

Status ItemRepository::flush_search_index() {
    if (pending_index_.empty()) {
        return ok();
    }
    std::sort(pending_index_.begin(), pending_index_.end());
    pending_index_.erase(std::unique(pending_index_.begin(), pending_index_.end()), pending_index_.end());
    auto indexed = dialect_->index_items(*db_, pending_index_);
    pending_index_.clear();
    return indexed;
}

Result<std::vector<Item>> ItemRepository::list(const ItemQuery& query) {
    // The SQL varies only by fixed fragments; every value is a bound parameter.
    std::vector<sql::Value> params;
    // A search selects the ids first and reads the wide columns of those rows only: sorting
    // every match with its payload and texts took 4x as long for a word in 30 % of a million
    // items (bench/README.md, issue 18.4). The inner `i` shadows the outer one.
    const std::string columns = query.search ? "i.id" : std::string(kItemColumns);
    std::string sql = "SELECT " + columns + " FROM items i JOIN sources s ON s.id = i.source_id";
    std::string where = " WHERE 1 = 1";
    if (query.search) {
        if (auto flushed = flush_search_index(); !flushed) {
            return flushed.error();
        }
        auto search = dialect_->item_search(*query.search, params);
        if (!search) {
            return std::vector<Item>();  // nothing searchable typed: nothing matches
        }
        if (!search->index_id.empty() && !query.after_id && query.limit > 0) {
            auto newest = newest_matches_by_time(*db_, *search, params, query);
            if (!newest) {
                return newest.error();
            }
            if (*newest) {
                return by_ids(**newest);  // already newest first
            }
        }
        sql += search->join;
        where += " AND " + search->condition;
    }
    sql += where;
    auto ref = [&params](sql::Value v) {
        params.push_back(std::move(v));
        return "$" + std::to_string(params.size());
    };
    if (query.source) {
        sql += " AND s.name = " + ref(sql::value(*query.source));
    }
    std::string order;
    if (query.after_id) {
        sql += " AND i.id > " + ref(sql::value(*query.after_id));
        order = " ORDER BY i.id";
    } else {
        // Ordered by time, not rank: "newest matching" stays fast (robustness.md 3.3).
        order = " ORDER BY i.sort_at DESC, i.id DESC";
    }
    sql += order;
    if (query.limit > 0) {
        sql += " LIMIT " + ref(sql::value(query.limit));
    }
    if (query.search) {
        sql = "SELECT " + std::string(kItemColumns) +
              " FROM items i JOIN sources s ON s.id = i.source_id WHERE i.id IN (" + sql + ")" + order;
    }
    return read_items(db_->query(sql, params));
}

Result<std::vector<Item>> ItemRepository::by_ids(std::span<const std::int64_t> ids) {
    static const std::string sql =
        "SELECT " + std::string(kItemColumns) + " FROM items i JOIN sources s ON s.id = i.source_id WHERE i.id = $1";
    std::vector<Item> out;
    out.reserve(ids.size());
    for (const std::int64_t id : ids) {
        auto found = read_items(db_->query(sql, {sql::value(id)}));
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
    return read_items(db_->query(
        "SELECT v.item_id, i.source_id, s.name, i.native_id, v.fetched_at, v.content_hash, v.version, v.payload, "
        "v.summary_text, v.content_text FROM item_versions v JOIN items i ON i.id = v.item_id "
        "JOIN sources s ON s.id = i.source_id WHERE v.item_id = $1 ORDER BY v.version",
        {sql::value(item_id)}));
}

}  // namespace fw::store

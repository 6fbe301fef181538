#include "store/item_repository.h"

#include <algorithm>
#include <array>
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

// The values both the insert and the new-version update write, $1..$10 (of a row's own).
void append_content_values(std::vector<sql::Value>& v, const Item& item) {
    const TimePoint fetched = fetched_time(item);
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
}

constexpr std::string_view kInsertColumns =
    "INSERT INTO items (title, link, published, updated, fetched_at, sort_at, content_hash, payload, "
    "summary_text, content_text, source_id, native_id, version) VALUES ";
constexpr std::size_t kInsertParams = 12;  // per row: the content values, source_id, native_id
constexpr std::string_view kKeepVersion =
    "INSERT INTO item_versions (item_id, version, title, link, published, updated, fetched_at, content_hash, "
    "payload, summary_text, content_text) SELECT id, version, title, link, published, updated, fetched_at, "
    "content_hash, payload, summary_text, content_text FROM items WHERE id = $1";
// SQLite's items_fts_update trigger re-indexes the row; PostgreSQL's tsvector is generated.
constexpr std::string_view kNewVersion =
    "UPDATE items SET title = $1, link = $2, published = $3, updated = $4, fetched_at = $5, sort_at = $6, "
    "content_hash = $7, payload = $8, summary_text = $9, content_text = $10, version = version + 1 "
    "WHERE id = $11";

/// "INSERT ... VALUES ($1, ..., $12, 1), ($13, ...)" for `rows` rows.
std::string insert_sql(std::size_t rows) {
    std::string sql(kInsertColumns);
    for (std::size_t r = 0; r < rows; ++r) {
        sql += r == 0 ? "(" : ", (";
        for (std::size_t c = 1; c <= kInsertParams; ++c) {
            sql += "$" + std::to_string(r * kInsertParams + c) + ", ";
        }
        sql += "1)";
    }
    return sql;
}

// "SELECT ... native_id IN ($2, ..., $n)" for a list of 2^bucket ids. A chunk's list is padded
// to a power of two by repeating its last id, so at most 7 statement texts are prepared.
constexpr std::size_t kMaxBucket = 6;  // 64 ids

const std::string& lookup_sql(std::size_t bucket) {
    static const std::array<std::string, kMaxBucket + 1> texts = [] {
        std::array<std::string, kMaxBucket + 1> out;
        for (std::size_t b = 0; b < out.size(); ++b) {
            std::string sql = "SELECT native_id, id, content_hash FROM items WHERE source_id = $1 AND native_id IN (";
            for (std::size_t k = 0; k < (std::size_t{1} << b); ++k) {
                sql += (k == 0 ? "$" : ", $") + std::to_string(k + 2);
            }
            out[b] = sql + ")";
        }
        return out;
    }();
    return texts[bucket];
}

}  // namespace

Status ItemRepository::look_up(std::int64_t source_id, std::span<const Item> chunk, std::vector<Known>& known) {
    known.clear();
    std::size_t bucket = 0;
    while ((std::size_t{1} << bucket) < chunk.size() && bucket < kMaxBucket) {
        ++bucket;
    }
    std::vector<sql::Value> params;
    params.reserve((std::size_t{1} << bucket) + 1);
    params.push_back(sql::value(source_id));
    for (std::size_t k = 0; k < (std::size_t{1} << bucket); ++k) {
        params.push_back(sql::value(chunk[std::min(k, chunk.size() - 1)].native_id));
    }
    // A list of ids is planned for each run on PostgreSQL: a prepared statement's generic plan,
    // made while the items table was small, read every item of the source through items_source_sort
    // (filtering native_id) instead of probing the unique index, and slowed a 100,000-item
    // ingest to half the item-by-item speed (bench/README.md, issue 18.3). One id is an
    // equality on the whole unique key, which every plan probes.
    auto rows =
        bucket == 0 ? db_->query(lookup_sql(bucket), params) : db_->query_planned_each_time(lookup_sql(bucket), params);
    if (!rows) {
        return rows.error();
    }
    for (const sql::Row& row : *rows) {
        known.push_back(Known{row.text(0), row.int64(1), row.text(2)});
    }
    return ok();
}

Result<UpsertStats> ItemRepository::upsert(std::int64_t source_id, std::span<const Item> items) {
    UpsertStats stats;
    // Every key is checked before anything is written: the call fails as a whole either way.
    for (const Item& item : items) {
        if (auto valid = check_item_key(source_id, item); !valid) {
            return valid.error();
        }
    }
    // Items go in chunks of the dialect's items_per_statement: one lookup of the chunk's known
    // native ids, then its new rows in one INSERT (SQLite: chunks of 1, the item-by-item path).
    // `known` holds the stored (id, hash) of the chunk's native ids and is kept current as the
    // chunk writes, so a native id met twice is decided against what its first copy wrote, as
    // item by item; every chunk's rows are written before the next chunk is looked up.
    const std::size_t per_chunk =
        std::clamp<std::size_t>(per_statement_ != 0 ? per_statement_ : dialect_->items_per_statement(), 1, 64);
    bool locked = dialect_->item_order_lock().empty();
    std::vector<Known> known;
    // New rows of the chunk not written yet, with their slot in touched_ids.
    struct Pending {
        const Item* item;
        std::size_t slot;
    };
    std::vector<Pending> pending;
    std::vector<sql::Value> values;
    auto find_known = [&](const std::string& native_id) -> Known* {
        for (Known& k : known) {
            if (k.native_id == native_id) {
                return &k;
            }
        }
        return nullptr;
    };
    auto insert_pending = [&]() -> Status {
        if (pending.empty()) {
            return ok();
        }
        if (insert_sql_.size() <= pending.size()) {
            insert_sql_.resize(pending.size() + 1);
        }
        std::string& sql = insert_sql_[pending.size()];
        if (sql.empty()) {
            sql = insert_sql(pending.size()) + " RETURNING id, native_id";
        }
        values.clear();
        values.reserve(pending.size() * kInsertParams);
        for (const Pending& p : pending) {
            append_content_values(values, *p.item);
            values.push_back(sql::value(source_id));
            values.push_back(sql::value(p.item->native_id));
        }
        auto rows = db_->query(sql, values);
        if (!rows) {
            return rows.error();
        }
        if (rows->size() != pending.size()) {
            return make_error(ErrorCode::Storage, "an insert of " + std::to_string(pending.size()) +
                                                      " items returned " + std::to_string(rows->size()) + " ids");
        }
        // Matched by native id (unique among the pending rows), not by the order of RETURNING.
        for (const sql::Row& row : *rows) {
            Known* k = find_known(row.text(1));
            if (k == nullptr) {
                return make_error(ErrorCode::Storage, "an insert returned an unknown native id", row.text(1));
            }
            k->id = row.int64(0);
        }
        for (const Pending& p : pending) {
            const std::int64_t id = find_known(p.item->native_id)->id;
            stats.touched_ids[p.slot] = id;
            if (dialect_->indexes_items_explicitly()) {
                pending_index_.push_back(id);
            }
        }
        pending.clear();
        return ok();
    };
    for (std::size_t first = 0; first < items.size(); first += per_chunk) {
        const auto chunk = items.subspan(first, std::min(per_chunk, items.size() - first));
        if (auto looked = look_up(source_id, chunk, known); !looked) {
            return looked.error();
        }
        for (const Item& item : chunk) {
            Known* stored = find_known(item.native_id);
            if (stored != nullptr && stored->id == 0) {
                // Its first copy is still pending: write it, so this one gets its id.
                if (auto inserted = insert_pending(); !inserted) {
                    return inserted.error();
                }
            }
            const ItemWrite write = decide_item_write(
                stored == nullptr ? std::nullopt : std::optional<std::string>(stored->hash), item.content_hash);
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
            if (write == ItemWrite::Insert) {
                ++stats.inserted;
                if (per_chunk > 1) {
                    known.push_back(Known{item.native_id, 0, item.content_hash});  // id 0: pending
                    pending.push_back(Pending{&item, stats.touched_ids.size()});
                    stats.touched_ids.push_back(0);  // filled when the chunk's rows are written
                    continue;
                }
                values.clear();
                append_content_values(values, item);
                values.push_back(sql::value(source_id));
                values.push_back(sql::value(item.native_id));
                static const std::string single = insert_sql(1);
                auto inserted = db_->insert(single, values);
                if (!inserted) {
                    return inserted.error();
                }
                const std::int64_t id = *inserted;
                if (dialect_->indexes_items_explicitly()) {
                    pending_index_.push_back(id);
                }
                stats.touched_ids.push_back(id);
                known.push_back(Known{item.native_id, id, item.content_hash});
                continue;
            }
            // The update trigger takes the old text out of the index: the row must be in it.
            if (auto flushed = flush_search_index(); !flushed) {
                return flushed.error();
            }
            const std::int64_t id = stored->id;
            if (auto kept = db_->query(kKeepVersion, {sql::value(id)}); !kept) {
                return kept.error();
            }
            values.clear();
            append_content_values(values, item);
            values.push_back(sql::value(id));
            if (auto updated = db_->query(kNewVersion, values); !updated) {
                return updated.error();
            }
            stored->hash = item.content_hash;
            ++stats.changed;
            stats.touched_ids.push_back(id);
        }
        if (auto inserted = insert_pending(); !inserted) {
            return inserted.error();
        }
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

Result<std::vector<std::int64_t>> ItemRepository::matching_ids(const std::string& search_text) {
    if (auto flushed = flush_search_index(); !flushed) {
        return flushed.error();
    }
    std::vector<sql::Value> params;
    const auto search = dialect_->item_search(search_text, params);
    if (!search) {
        return std::vector<std::int64_t>();  // nothing searchable typed: nothing matches
    }
    auto rows = db_->query("SELECT i.id FROM items i" + search->join + " WHERE " + search->condition, params);
    if (!rows) {
        return rows.error();
    }
    std::vector<std::int64_t> ids;
    ids.reserve(rows->size());
    for (const auto& row : *rows) {
        ids.push_back(row.int64(0));
    }
    return ids;
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

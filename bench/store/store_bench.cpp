// Store throughput: items/s for a first insert and for a re-ingest of the same items, rows
// written by the re-ingest (must be 0), per-fetch batches, and an FTS query.
// Last, the floor: the same rows written by a bare loop over the SQLite C API (same schema,
// same pragmas, same three statements per item, payloads encoded beforehand), so the figure
// above can be read as "our overhead over SQLite itself".
// Usage: fw_store_bench [--from-feeds DIR] [ITEMS=100000] [BATCH=50] [DB_FILE]
//   (a temp file by default). The default items are synthetic and heavy (40-120-word summaries
//   kept as HTML and as text); --from-feeds takes the entries of the real feeds under DIR
//   (e.g. data/snapshot/feeds) instead, repeated with unique ids up to ITEMS.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "bench_items.h"
#include "ingest/feed_parser.h"
#include "store/payload_codec.h"
#include "store/sqlite_store.h"

namespace {

using fw::bench::make_items;
using fw::bench::report;
using fw::bench::Timer;

/// How the floor fills the FTS5 index: not at all, one INSERT per row, or one INSERT ... SELECT
/// over the rows of each commit (what the store does, store/sqlite_dialect.cpp).
enum class FloorFts { None, PerRow, PerCommit };

/// The SQLite floor: what the C API alone takes for the rows the store writes per new item
/// (a dedupe lookup, the items row, the FTS5 row). `per_commit` items per transaction (0: one
/// transaction). Returns CPU seconds or a negative value on error. The schema comes from
/// SqliteStore::open on a fresh file.
double raw_sqlite_insert(const std::string& path, const std::vector<fw::Item>& items, FloorFts fts,
                         std::size_t per_commit = 0) {
    const bool with_fts = fts == FloorFts::PerRow;
    std::filesystem::remove(path);
    std::int64_t source_id = 0;
    {
        auto opened = fw::store::SqliteStore::open(path);
        fw::Source source;
        source.name = "raw";
        source.url = "https://example.org/raw";
        auto id = opened ? (*opened)->add_source(source) : fw::Result<std::int64_t>(opened.error());
        if (!id) {
            return -1;
        }
        source_id = *id;
    }
    std::vector<std::string> payloads;
    payloads.reserve(items.size());
    for (const auto& item : items) {
        payloads.push_back(fw::store::detail::encode_entry(item.entry, /*with_text=*/false));
    }
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
        return -1;
    }
    sqlite3_exec(db,
                 "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; "
                 "PRAGMA cache_size = -32768;",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* find = nullptr;
    sqlite3_stmt* insert = nullptr;
    sqlite3_stmt* index = nullptr;
    sqlite3_prepare_v2(db, "SELECT id, content_hash FROM items WHERE source_id = ?1 AND native_id = ?2", -1, &find,
                       nullptr);
    sqlite3_prepare_v2(db,
                       "INSERT INTO items (source_id, native_id, title, link, published, updated, fetched_at, "
                       "sort_at, content_hash, version, payload, summary_text, content_text) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10, ?11, ?12)",
                       -1, &insert, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO items_fts (rowid, title, summary_text, content_text) VALUES (?1, ?2, ?3, ?4)",
                       -1, &index, nullptr);
    sqlite3_stmt* bulk = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO items_fts (rowid, title, summary_text, content_text) SELECT id, title, "
                       "summary_text, content_text FROM items WHERE id >= ?1",
                       -1, &bulk, nullptr);
    sqlite3_int64 first_of_commit = 0;
    // Ends a transaction: the bulk FTS5 statement for its rows first, when asked.
    const auto commit = [&] {
        bool done = true;
        if (fts == FloorFts::PerCommit && first_of_commit > 0) {
            sqlite3_bind_int64(bulk, 1, first_of_commit);
            done = sqlite3_step(bulk) == SQLITE_DONE;
            sqlite3_reset(bulk);
        }
        first_of_commit = 0;
        return done && sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
    };
    const auto text = [](sqlite3_stmt* st, int i, const std::string& v) {
        sqlite3_bind_text(st, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    };
    const auto secs = [](fw::TimePoint t) {
        return static_cast<sqlite3_int64>(
            std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count());
    };
    bool ok = find != nullptr && insert != nullptr && index != nullptr && bulk != nullptr;
    Timer timer;
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    for (std::size_t i = 0; ok && i < items.size(); ++i) {
        const fw::Item& item = items[i];
        sqlite3_bind_int64(find, 1, source_id);
        text(find, 2, item.native_id);
        ok = sqlite3_step(find) == SQLITE_DONE;
        sqlite3_reset(find);
        sqlite3_bind_int64(insert, 1, source_id);
        text(insert, 2, item.native_id);
        text(insert, 3, item.entry.title);
        text(insert, 4, item.entry.link);
        sqlite3_bind_int64(insert, 5, secs(*item.entry.published));
        sqlite3_bind_null(insert, 6);
        sqlite3_bind_int64(insert, 7, secs(item.fetched_at));
        sqlite3_bind_int64(insert, 8, secs(*item.entry.published));
        text(insert, 9, item.content_hash);
        text(insert, 10, payloads[i]);
        text(insert, 11, item.entry.summary_text);
        text(insert, 12, item.entry.content_text);
        ok = ok && sqlite3_step(insert) == SQLITE_DONE;
        sqlite3_reset(insert);
        if (first_of_commit == 0) {
            first_of_commit = sqlite3_last_insert_rowid(db);
        }
        if (with_fts) {
            sqlite3_bind_int64(index, 1, sqlite3_last_insert_rowid(db));
            text(index, 2, item.entry.title);
            text(index, 3, item.entry.summary_text);
            text(index, 4, item.entry.content_text);
            ok = ok && sqlite3_step(index) == SQLITE_DONE;
            sqlite3_reset(index);
        }
        if (per_commit > 0 && (i + 1) % per_commit == 0 && i + 1 < items.size()) {
            ok = ok && commit() && sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
        }
    }
    ok = ok && commit();
    const double cpu = timer.cpu_s();
    sqlite3_finalize(bulk);
    sqlite3_finalize(find);
    sqlite3_finalize(insert);
    sqlite3_finalize(index);
    sqlite3_close(db);
    return ok ? cpu : -1;
}

/// Items shaped like what lab feeds really publish: every entry of every feed file under
/// `dir`, cycled, each copy with its own native id, link and hash.
std::vector<fw::Item> items_from_feeds(const std::filesystem::path& dir, int n) {
    std::vector<fw::FeedEntry> entries;
    for (const auto& f : std::filesystem::recursive_directory_iterator(dir)) {
        if (!f.is_regular_file()) {
            continue;
        }
        std::ifstream in(f.path(), std::ios::binary);
        const std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (auto feed = fw::ingest::parse_feed(body)) {
            entries.insert(entries.end(), feed->items.begin(), feed->items.end());
        }
    }
    std::vector<fw::Item> items;
    if (entries.empty()) {
        return items;
    }
    items.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        fw::Item item;
        item.entry = entries[static_cast<std::size_t>(i) % entries.size()];
        item.native_id = item.entry.id + "#" + std::to_string(i);
        item.entry.id = item.native_id;
        item.entry.link += "#" + std::to_string(i);
        item.fetched_at = fw::make_time(2026, 4, 30);
        if (!item.entry.published) {
            item.entry.published = item.fetched_at;
        }
        item.content_hash = "sha256:" + std::to_string(std::hash<std::string>{}(item.native_id + item.entry.summary));
        items.push_back(std::move(item));
    }
    return items;
}

/// What `fetch` does: one upsert per feed of `batch` items, 64 feeds per commit
/// (store::WriteBatch).
fw::Status fetch_shaped(fw::store::Store& store, std::int64_t source, const std::vector<fw::Item>& items,
                        std::size_t batch) {
    std::unique_ptr<fw::store::WriteBatch> group;
    int feeds_in_group = 0;
    for (std::size_t i = 0; i < items.size(); i += batch) {
        if (!group) {
            auto begun = store.begin_batch();
            if (!begun) {
                return begun.error();
            }
            group = std::move(*begun);
        }
        const std::size_t len = std::min(items.size() - i, batch);
        auto r = store.upsert_items(source, std::span<const fw::Item>(items).subspan(i, len));
        if (!r) {
            return r.error();
        }
        if (++feeds_in_group == 64 || i + len == items.size()) {
            if (auto committed = group->commit(); !committed) {
                return committed;
            }
            group.reset();
            feeds_in_group = 0;
        }
    }
    return fw::ok();
}

int fail(const fw::Error& e) {
    std::fprintf(stderr, "fw_store_bench: %s\n", e.describe().c_str());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    std::optional<std::filesystem::path> feeds_dir;
    if (argc > 2 && std::string(argv[1]) == "--from-feeds") {
        feeds_dir = argv[2];
        argv += 2;
        argc -= 2;
    }
    const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
    const int batch = argc > 2 ? std::atoi(argv[2]) : 50;
    const auto dir = std::filesystem::temp_directory_path() / "fw_store_bench";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string path = argc > 3 ? argv[3] : (dir / "bench.db").string();

    auto opened = fw::store::SqliteStore::open(path);
    if (!opened) {
        return fail(opened.error());
    }
    auto& store = **opened;
    if (const char* sql = std::getenv("FW_BENCH_SQL")) {  // for trying PRAGMAs and FTS5 options
        if (auto status = store.database().exec(sql); !status) {
            return fail(status.error());
        }
    }
    fw::Source source;
    source.name = "one-transaction";
    source.url = "https://example.org/a";
    auto one = store.add_source(source);
    source.name = "per-fetch";
    auto many = store.add_source(source);
    if (!one || !many) {
        return fail(one ? many.error() : one.error());
    }
    const auto items = feeds_dir ? items_from_feeds(*feeds_dir, n) : make_items(n);
    if (items.empty()) {
        std::fprintf(stderr, "fw_store_bench: no feed entries under %s\n", feeds_dir->c_str());
        return 1;
    }
    if (feeds_dir) {
        std::size_t text = 0;
        for (const auto& item : items) {
            text += item.entry.summary.size() + item.entry.content.size() + item.entry.title.size();
        }
        std::printf("items: %d copied from the feeds under %s (%zu bytes of title and markup on average), db: %s\n", n,
                    feeds_dir->c_str(), text / items.size(), path.c_str());
    } else {
        std::printf("items: %d (title 5-10 words, summary 40-120 words), db: %s\n", n, path.c_str());
    }

    Timer timer;
    auto first = store.upsert_items(*one, items);
    if (!first) {
        return fail(first.error());
    }
    const double first_cpu = timer.cpu_s();
    report("insert, one transaction:", first->inserted, timer);

    const auto before = store.database().total_changes();
    timer = Timer();
    auto again = store.upsert_items(*one, items);
    if (!again) {
        return fail(again.error());
    }
    report("re-ingest, one transaction:", again->unchanged, timer,
           ", rows written: " + std::to_string(store.database().total_changes() - before));

    timer = Timer();
    for (std::size_t i = 0; i < items.size(); i += static_cast<std::size_t>(batch)) {
        const std::size_t len = std::min(items.size() - i, static_cast<std::size_t>(batch));
        auto r = store.upsert_items(*many, std::span<const fw::Item>(items).subspan(i, len));
        if (!r) {
            return fail(r.error());
        }
    }
    const std::string label = "insert, " + std::to_string(batch) + " items per transaction:";
    report(label.c_str(), n, timer);

    // What `fetch` does: one upsert per feed, 64 feeds per commit (store::WriteBatch).
    source.name = "fetch-batches";
    auto batched = store.add_source(source);
    if (!batched) {
        return fail(batched.error());
    }
    timer = Timer();
    if (auto done = fetch_shaped(store, *batched, items, static_cast<std::size_t>(batch)); !done) {
        return fail(done.error());
    }
    const double grouped_cpu = timer.cpu_s();
    const std::string grouped = "insert, " + std::to_string(batch) + " per upsert, 64 upserts per commit:";
    report(grouped.c_str(), n, timer);
    // The same into a fresh file, as the floors below write: the run above goes into a file that
    // already holds the 2 x ITEMS items of the runs before it (deeper b-trees, more FTS5 merging).
    double fresh_cpu = -1;
    {
        const std::string fresh_path = (dir / "fresh.db").string();
        auto fresh = fw::store::SqliteStore::open(fresh_path);
        if (!fresh) {
            return fail(fresh.error());
        }
        if (const char* sql = std::getenv("FW_BENCH_SQL")) {
            if (auto status = (*fresh)->database().exec(sql); !status) {
                return fail(status.error());
            }
        }
        auto id = (*fresh)->add_source(source);
        if (!id) {
            return fail(id.error());
        }
        Timer t;
        if (auto done = fetch_shaped(**fresh, *id, items, static_cast<std::size_t>(batch)); !done) {
            return fail(done.error());
        }
        fresh_cpu = t.cpu_s();
        report("  the same into a fresh file:", n, t);
    }

    fw::store::ItemQuery q;
    const std::string& title = items[static_cast<std::size_t>(n / 2)].entry.title;
    q.search = title.substr(0, title.find(' '));
    timer = Timer();
    auto found = store.list_items(q);
    if (!found) {
        return fail(found.error());
    }
    std::printf("search \"%s\": %zu newest of the matches in %.1f ms\n", q.search->c_str(), found->size(),
                timer.wall_s() * 1000);
    auto check = store.database().integrity_check();
    std::printf("integrity_check: %s\n", check ? check->c_str() : check.error().describe().c_str());

    const double floor_cpu = raw_sqlite_insert((dir / "raw.db").string(), items, FloorFts::PerRow);
    const double no_fts_cpu = raw_sqlite_insert((dir / "raw-nofts.db").string(), items, FloorFts::None);
    // The fetch-shaped floor: the commits of the run above (64 feeds of BATCH items each), the
    // index filled per commit as the store does; with and without it, so the difference is
    // what FTS5 itself costs.
    const std::size_t per_commit = static_cast<std::size_t>(batch) * 64;
    const double shaped_cpu =
        raw_sqlite_insert((dir / "raw-shaped.db").string(), items, FloorFts::PerCommit, per_commit);
    const double shaped_no_fts_cpu =
        raw_sqlite_insert((dir / "raw-shaped-nofts.db").string(), items, FloorFts::None, per_commit);
    if (floor_cpu > 0 && no_fts_cpu > 0 && shaped_cpu > 0 && shaped_no_fts_cpu > 0) {
        const double ours = static_cast<double>(first->inserted) / first_cpu;
        const double raw = static_cast<double>(n) / floor_cpu;
        std::printf("%-40s %9s items/s wall, %9.0f items/s CPU (%.2f s CPU); ours = %.0f %% of it\n",
                    "SQLite C API alone, same rows:", "-", raw, floor_cpu, 100.0 * ours / raw);
        std::printf("%-40s %9s items/s wall, %9.0f items/s CPU (%.2f s CPU)\n",
                    "SQLite C API alone, same rows, no FTS:", "-", static_cast<double>(n) / no_fts_cpu, no_fts_cpu);
        const double shaped = static_cast<double>(n) / shaped_cpu;
        std::printf(
            "%-40s %9s items/s wall, %9.0f items/s CPU (%.2f s CPU); ours = %.0f %% of it, into a fresh file %.0f "
            "%%\n",
            "SQLite C API alone, fetch-shaped:", "-", shaped, shaped_cpu,
            100.0 * (static_cast<double>(n) / grouped_cpu) / shaped,
            100.0 * (static_cast<double>(n) / fresh_cpu) / shaped);
        std::printf("%-40s %9s items/s wall, %9.0f items/s CPU (%.2f s CPU)\n",
                    "SQLite C API alone, fetch-shaped, no FTS:", "-", static_cast<double>(n) / shaped_no_fts_cpu,
                    shaped_no_fts_cpu);
        // What FTS5 alone costs per item, and the most any store writing these rows and this
        // index could reach: FTS5's share is SQLite's own work, not ours.
        const double fts_us = 1e6 * (shaped_cpu - shaped_no_fts_cpu) / n;
        std::printf(
            "FTS5 indexing alone (fetch-shaped floor minus its no-FTS run): %.1f us/item CPU, %.0f %% of the "
            "floor; indexing alone caps ingest at %.0f items/s CPU\n",
            fts_us, 100.0 * (shaped_cpu - shaped_no_fts_cpu) / shaped_cpu, 1e6 / fts_us);
    } else {
        std::printf("SQLite C API alone: failed\n");
    }
    if (argc <= 3) {
        std::filesystem::remove_all(dir);
    }
    return 0;
}

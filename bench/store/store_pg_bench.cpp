// PostgreSQL store throughput, the same fetch-shaped ingest as fw_store_bench on SQLite: the
// same synthetic items, BATCH per upsert (one feed), 64 upserts per WriteBatch (on PostgreSQL
// each upsert commits by itself: its store has no batch). Then a re-ingest (transactions and
// rows written: must be 0), the item-by-item path of the same store in the same run (what the
// store did before it wrote a chunk of a feed per statement), and the floor: bare libpq, COPY
// of the same rows into the same schema (payloads encoded beforehand), a COPY per feed and a
// commit per 64 feeds; once more with no search column, so the difference is what the
// generated tsvector and its GIN index cost.
//
// CPU time is the client's (this process) plus the server's (the connection's backend process,
// read from /proc): on PostgreSQL most of the work is the server's. Wall time includes the
// round trips. Prints, never asserts.
//
// Usage: fw_store_pg_bench [ITEMS=100000] [BATCH=25]
//   Uses $FW_PG_URL (a maintenance database it may CREATE DATABASE in), else starts a
//   throwaway cluster in a temp dir as the tests do (Debian's initdb and pg_ctl, as the
//   postgres user when run as root, 127.0.0.1 only, fsync=off and synchronous_commit=off as in
//   scripts/pg-test-server.sh), removed at exit.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <libpq-fe.h>

#include "bench_items.h"
#include "store/payload_codec.h"
#include "store/pg/pg_store.h"
#include "support/pg_cluster.h"

namespace {

using fw::bench::make_items;
using fw::bench::Timer;

// ---- measuring ----

/// User + system CPU seconds of process `pid` so far (/proc/PID/stat), or 0 when unreadable
/// (a server on another machine).
double process_cpu_s(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = stat.rfind(')');
    if (close == std::string::npos) {
        return 0;
    }
    std::istringstream fields(stat.substr(close + 2));
    std::string f;
    unsigned long long utime = 0, stime = 0;
    for (int i = 3; fields >> f; ++i) {  // field 3 is the state; 14 utime, 15 stime
        if (i == 14) {
            utime = std::stoull(f);
        } else if (i == 15) {
            stime = std::stoull(f);
            break;
        }
    }
    return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

/// Client and server CPU over one phase; the server is the backend of one connection.
struct Phase {
    int backend = 0;
    Timer timer;
    double server0 = 0;
    double wall = -1, client = 0, server = 0;
    explicit Phase(int backend_pid) : backend(backend_pid), server0(process_cpu_s(backend_pid)) {}
    void stop() {
        wall = timer.wall_s();
        client = timer.cpu_s();
        server = process_cpu_s(backend) - server0;
    }
    void report(const char* what, int n) {
        if (wall < 0) {
            stop();
        }
        std::printf("%-48s %8.0f items/s wall, %8.0f items/s CPU (%.2f s wall, CPU %.2f s client + %.2f s server)\n",
                    what, n / wall, n / (client + server), wall, client, server);
    }
};

/// One statement on a fresh connection to `url`; "" or the error.
std::string exec(const std::string& url, const std::string& sql, std::string* value = nullptr) {
    PGconn* c = PQconnectdb(url.c_str());
    std::string error;
    if (PQstatus(c) != CONNECTION_OK) {
        error = PQerrorMessage(c);
    } else {
        PQsetNoticeProcessor(
            c, [](void*, const char*) {}, nullptr);  // "does not exist, skipping" is expected
        PGresult* r = PQexec(c, sql.c_str());
        const auto st = PQresultStatus(r);
        if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
            error = PQresultErrorMessage(r);
        } else if (value != nullptr && PQntuples(r) > 0) {
            *value = PQgetvalue(r, 0, 0);
        }
        PQclear(r);
    }
    PQfinish(c);
    return error;
}

/// `url` (…/postgres) with another database name.
std::string with_database(const std::string& url, const std::string& db) {
    const auto slash = url.rfind('/');
    const auto query = url.find('?', slash);
    return url.substr(0, slash) + "/" + db + (query == std::string::npos ? "" : url.substr(query));
}

/// A fresh database with the store's schema (PgStore::open migrates it).
std::optional<std::string> fresh_database(const std::string& admin, const std::string& name) {
    if (auto e = exec(admin, "DROP DATABASE IF EXISTS " + name); !e.empty()) {
        std::fprintf(stderr, "fw_store_pg_bench: %s\n", e.c_str());
        return std::nullopt;
    }
    if (auto e = exec(admin, "CREATE DATABASE " + name); !e.empty()) {
        std::fprintf(stderr, "fw_store_pg_bench: %s\n", e.c_str());
        return std::nullopt;
    }
    return with_database(admin, name);
}

int backend_pid(fw::store::pg::PgStore& store) {
    auto r = store.connection().exec("SELECT pg_backend_pid()");
    return r && r->rows() > 0 ? static_cast<int>(r->int64(0, 0)) : 0;
}

/// Rows inserted, updated and deleted in the database so far, as the statistics say once the
/// backends that wrote them have ended (they report at exit; waited for here).
long long rows_written(const std::string& url) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    std::string v;
    exec(url, "SELECT COALESCE(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables", &v);
    return v.empty() ? -1 : std::atoll(v.c_str());
}

long long current_xid(const std::string& url) {
    std::string v;
    exec(url, "SELECT txid_current()", &v);
    return v.empty() ? -1 : std::atoll(v.c_str());
}

/// The fetch shape through the store: BATCH items per upsert, 64 upserts per WriteBatch.
bool store_ingest(fw::store::pg::PgStore& store, std::int64_t source, const std::vector<fw::Item>& items,
                  std::size_t batch) {
    std::unique_ptr<fw::store::WriteBatch> group;
    int feeds = 0;
    for (std::size_t i = 0; i < items.size(); i += batch) {
        if (!group) {
            auto begun = store.begin_batch();
            if (!begun) {
                return false;
            }
            group = std::move(*begun);
        }
        const std::size_t len = std::min(items.size() - i, batch);
        auto r = store.upsert_items(source, std::span<const fw::Item>(items).subspan(i, len));
        if (!r) {
            std::fprintf(stderr, "fw_store_pg_bench: %s\n", r.error().describe().c_str());
            return false;
        }
        if (++feeds == 64 || i + len == items.size()) {
            if (!group->commit()) {
                return false;
            }
            group.reset();
            feeds = 0;
        }
    }
    return true;
}

/// COPY's text format: backslash, tab, newline and carriage return escaped.
void copy_field(std::string& out, std::string_view v) {
    for (const char c : v) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                out += c;
        }
    }
}

/// The floor: bare libpq, a COPY per feed of BATCH rows, a commit per 64 feeds. Returns false
/// on an error (printed).
bool copy_floor(const std::string& url, std::int64_t source, const std::vector<fw::Item>& items,
                const std::vector<std::string>& payloads, std::size_t batch, const char* label) {
    PGconn* c = PQconnectdb(url.c_str());
    if (PQstatus(c) != CONNECTION_OK) {
        std::fprintf(stderr, "fw_store_pg_bench: %s\n", PQerrorMessage(c));
        PQfinish(c);
        return false;
    }
    const auto secs = [](fw::TimePoint t) { return std::to_string(t.time_since_epoch().count()); };
    const auto run = [&](const char* sql) {
        PGresult* r = PQexec(c, sql);
        const bool good = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_COPY_IN;
        if (!good) {
            std::fprintf(stderr, "fw_store_pg_bench: %s", PQresultErrorMessage(r));
        }
        PQclear(r);
        return good;
    };
    bool good = true;
    std::string data;
    Phase phase(PQbackendPID(c));
    int feeds = 0;
    for (std::size_t i = 0; good && i < items.size(); i += batch) {
        if (feeds == 0) {
            good = run("BEGIN");
        }
        good = good && run("COPY items (source_id, native_id, title, link, published, updated, fetched_at, sort_at, "
                           "content_hash, version, payload, summary_text, content_text) FROM STDIN");
        data.clear();
        for (std::size_t k = i; k < std::min(items.size(), i + batch); ++k) {
            const fw::Item& item = items[k];
            data += std::to_string(source) + '\t';
            copy_field(data, item.native_id);
            data += '\t';
            copy_field(data, item.entry.title);
            data += '\t';
            copy_field(data, item.entry.link);
            data += '\t' + (item.entry.published ? secs(*item.entry.published) : "\\N") + "\t\\N\t" +
                    secs(item.fetched_at) + '\t' + secs(item.entry.published.value_or(item.fetched_at)) + '\t';
            copy_field(data, item.content_hash);
            data += "\t1\t";
            copy_field(data, payloads[k]);
            data += '\t';
            copy_field(data, item.entry.summary_text);
            data += '\t';
            copy_field(data, item.entry.content_text);
            data += '\n';
        }
        if (good) {
            good = PQputCopyData(c, data.data(), static_cast<int>(data.size())) == 1 && PQputCopyEnd(c, nullptr) == 1;
            PGresult* r = PQgetResult(c);
            good = good && PQresultStatus(r) == PGRES_COMMAND_OK;
            if (!good) {
                std::fprintf(stderr, "fw_store_pg_bench: COPY: %s", PQresultErrorMessage(r));
            }
            PQclear(r);
            while ((r = PQgetResult(c)) != nullptr) {
                PQclear(r);
            }
        }
        if (good && (++feeds == 64 || i + batch >= items.size())) {
            good = run("COMMIT");
            feeds = 0;
        }
    }
    if (good) {
        phase.report(label, static_cast<int>(items.size()));
    }
    PQfinish(c);
    return good;
}

int fail(const std::string& what) {
    std::fprintf(stderr, "fw_store_pg_bench: %s\n", what.c_str());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
    const std::size_t batch = static_cast<std::size_t>(argc > 2 ? std::atoi(argv[2]) : 25);
    // $FW_PG_URL, else a throwaway cluster in a temp dir, started as the tests start theirs.
    const auto* server = fw::test::PgServer::get();
    if (server == nullptr) {
        return fail("cannot start a PostgreSQL server: " + fw::test::PgServer::why());
    }
    const std::string admin = server->url();
    std::string version;
    exec(admin, "SHOW server_version", &version);
    std::string settings;
    exec(admin, "SELECT current_setting('fsync') || ', synchronous_commit ' || current_setting('synchronous_commit')",
         &settings);
    const auto items = make_items(n);
    std::printf("items: %d (title 5-10 words, summary 40-120 words), %zu per upsert; PostgreSQL %s, fsync %s\n", n,
                batch, version.c_str(), settings.c_str());

    fw::Source source;
    source.name = "fetch-batches";
    source.url = "https://example.org/a";

    // 1. Ours, as the store writes now (a chunk of a feed per statement), then the re-ingest.
    auto url = fresh_database(admin, "fw_bench_ours");
    if (!url) {
        return 1;
    }
    std::int64_t src = 0;
    {
        auto opened = fw::store::pg::PgStore::open(*url);
        if (!opened) {
            return fail(opened.error().describe());
        }
        auto& store = **opened;
        auto id = store.add_source(source);
        if (!id) {
            return fail(id.error().describe());
        }
        src = *id;
        const std::string label = "store, " + std::to_string(batch) + " per upsert (64 per statement):";
        Phase phase(backend_pid(store));
        if (!store_ingest(store, src, items, batch)) {
            return 1;
        }
        phase.report(label.c_str(), n);
    }
    {
        const long long rows0 = rows_written(*url);
        const long long xid0 = current_xid(*url);
        auto opened = fw::store::pg::PgStore::open(*url);
        if (!opened) {
            return fail(opened.error().describe());
        }
        auto& store = **opened;
        Phase phase(backend_pid(store));
        if (!store_ingest(store, src, items, batch)) {
            return 1;
        }
        phase.stop();
        const long long xid1 = current_xid(*url);
        opened->reset();
        const long long rows1 = rows_written(*url);
        phase.report("re-ingest, same calls:", n);
        std::printf("re-ingest: transactions that wrote: %lld, rows written: %lld\n", xid1 - xid0 - 1, rows1 - rows0);
    }

    // 2. The item-by-item path of the same store (the one before chunks), on a fresh database.
    url = fresh_database(admin, "fw_bench_single");
    if (!url) {
        return 1;
    }
    {
        auto opened = fw::store::pg::PgStore::open(*url);
        if (!opened) {
            return fail(opened.error().describe());
        }
        auto& store = **opened;
        store.set_items_per_statement(1);
        auto id = store.add_source(source);
        if (!id) {
            return fail(id.error().describe());
        }
        const std::string label = "store, " + std::to_string(batch) + " per upsert, item by item:";
        Phase phase(backend_pid(store));
        if (!store_ingest(store, *id, items, batch)) {
            return 1;
        }
        phase.report(label.c_str(), n);
    }

    // 3. The floor: COPY of the same rows, with the search column and without it.
    std::vector<std::string> payloads;
    payloads.reserve(items.size());
    for (const auto& item : items) {
        payloads.push_back(fw::store::detail::encode_entry(item.entry, /*with_text=*/false));
    }
    // 0: the schema as it is; 1: the tsvector computed but no GIN index; 2: no search column.
    for (const int variant : {0, 1, 2}) {
        const char* names[] = {"fw_bench_copy", "fw_bench_copy_nogin", "fw_bench_copy_nofts"};
        url = fresh_database(admin, names[variant]);
        if (!url) {
            return 1;
        }
        std::int64_t id = 0;
        {
            auto opened = fw::store::pg::PgStore::open(*url);
            auto made = opened ? (*opened)->add_source(source) : fw::Result<std::int64_t>(opened.error());
            if (!made) {
                return fail(made.error().describe());
            }
            id = *made;
        }
        const char* drop[] = {nullptr, "DROP INDEX items_search", "ALTER TABLE items DROP COLUMN search"};
        if (drop[variant] != nullptr) {
            if (auto e = exec(*url, drop[variant]); !e.empty()) {
                return fail(e);
            }
        }
        const char* labels[] = {
            "libpq COPY alone, same rows, a COPY per feed:", "libpq COPY alone, tsvector but no GIN index:",
            "libpq COPY alone, same rows, no search column:"};
        if (!copy_floor(*url, id, items, payloads, batch, labels[variant])) {
            return 1;
        }
    }
    return 0;
}

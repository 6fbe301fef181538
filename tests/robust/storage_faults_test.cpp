// robustness.md 8.5 S2 (disk full), S3 (SQLITE_BUSY from another process) and S4 (allocation
// failure): a clear error, nothing partial committed, stored data unchanged, a retry succeeds.
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "robust_support.h"
#include "support/catch.h"
#include "support/process.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;
using fw::robust::Child;

namespace {

std::vector<fw::Item> make_items(std::int64_t source_id, int first, int count, std::size_t text_bytes) {
    std::vector<fw::Item> items;
    for (int i = first; i < first + count; ++i) {
        fw::Item it;
        it.source_id = source_id;
        it.native_id = "n" + std::to_string(i);
        it.entry.id = it.native_id;
        it.entry.title = "Item " + std::to_string(i);
        it.entry.summary = std::string(text_bytes, static_cast<char>('a' + i % 26));
        it.entry.summary_text = it.entry.summary;
        it.fetched_at = fw::make_time(2026, 4, 7);
        it.content_hash = "h" + std::to_string(i);
        items.push_back(std::move(it));
    }
    return items;
}

std::int64_t seed_store(const std::string& db, int items) {
    auto store = fw::store::open_store(db);
    REQUIRE(store);
    fw::Source s;
    s.name = "lab";
    s.url = "https://lab.example/feed.xml";
    auto id = (*store)->add_source(s);
    REQUIRE(id);
    REQUIRE((*store)->upsert_items(*id, make_items(*id, 0, items, 200)));
    return *id;
}

/// Runs `body` in a forked child (its own SQLite connection, its own limits); returns its exit code.
template <typename F>
int in_child(F&& body) {
    const pid_t pid = fork();
    if (pid == 0) {
        _exit(body());
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

TEST_CASE("S2: a disk that fills up mid-upsert is a storage error; old items stay, no partial batch",
          "[robust][integration][storage]") {
    fw::test::TempDir dir;
    const std::string db = (dir / "full.db").string();
    const auto source_id = seed_store(db, 50);
    const auto db_size = fs::file_size(db);

    // The child may write only 64 KiB past the current size of any file: a ~2 MB batch fails
    // the way a full disk does (EFBIG -> SQLITE_FULL / SQLITE_IOERR).
    const int rc = in_child([&] {
        signal(SIGXFSZ, SIG_IGN);
        auto store = fw::store::open_store(db);
        if (!store)
            return 10;
        rlimit lim{};
        getrlimit(RLIMIT_FSIZE, &lim);
        lim.rlim_cur = db_size + (64u << 10);
        if (setrlimit(RLIMIT_FSIZE, &lim) != 0)
            return 11;
        auto r = (*store)->upsert_items(source_id, make_items(source_id, 1000, 2000, 1000));
        if (r)
            return 12;  // the write must not succeed
        if (r.error().code != fw::ErrorCode::Storage)
            return 13;
        if (r.error().message.empty() || r.error().context.empty())
            return 14;
        return 0;
    });
    CHECK(rc == 0);

    CHECK(fw::robust::integrity(db) == "ok");
    auto view = fw::robust::read_db(db);
    REQUIRE(view);
    CHECK(view->rows == 50);
    // With space back, the same fetch is simply retried.
    auto store = fw::store::open_store(db);
    REQUIRE(store);
    auto retry = (*store)->upsert_items(source_id, make_items(source_id, 1000, 2000, 1000));
    REQUIRE(retry);
    CHECK(retry->inserted == 2000);
}

TEST_CASE("S3: another connection's read transaction does not stop an ingest", "[robust][integration][storage]") {
    fw::test::TempDir dir;
    const std::string db = (dir / "busy.db").string();
    seed_store(db, 10);
    fw::robust::write_feeds(dir / "feeds", 3, 20);
    auto reader = fw::store::Database::open(db);
    REQUIRE(reader);
    REQUIRE(reader->exec("BEGIN; SELECT count(*) FROM items;"));
    Child c({FW_INGEST_CHILD, db, (dir / "feeds").string()}, dir / "out");
    CHECK(c.wait() == 0);
    REQUIRE(reader->exec("COMMIT"));
    auto view = fw::robust::read_db(db);
    REQUIRE(view);
    CHECK(view->rows == 10 + 3 * 20);
}

TEST_CASE("S3: a writer held up by another process waits, then commits", "[robust][integration][storage]") {
    fw::test::TempDir dir;
    const std::string db = (dir / "busy.db").string();
    seed_store(db, 10);
    fw::robust::write_feeds(dir / "feeds", 2, 20);
    auto holder = fw::store::Database::open(db);
    REQUIRE(holder);
    REQUIRE(holder->exec("BEGIN IMMEDIATE;"));
    const auto t0 = std::chrono::steady_clock::now();
    Child c({FW_INGEST_CHILD, db, (dir / "feeds").string()}, dir / "out");
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    REQUIRE(holder->exec("COMMIT"));
    CHECK(c.wait() == 0);
    CHECK(std::chrono::steady_clock::now() - t0 >= std::chrono::milliseconds(1500));
    auto view = fw::robust::read_db(db);
    REQUIRE(view);
    CHECK(view->rows == 10 + 2 * 20);
}

TEST_CASE("S3: a lock held past the busy timeout is a clear one-line error and nothing is damaged",
          "[robust][integration][storage][slow]") {
    fw::test::TempDir dir;
    const std::string db = (dir / "locked.db").string();
    seed_store(db, 10);
    fw::robust::write_feeds(dir / "feeds", 2, 20);
    auto holder = fw::store::Database::open(db);
    REQUIRE(holder);
    REQUIRE(holder->exec("BEGIN IMMEDIATE;"));
    Child c({FW_INGEST_CHILD, db, (dir / "feeds").string()}, dir / "out");
    const int rc = c.wait();  // busy_timeout is 5 s; the lock is never released meanwhile
    REQUIRE(holder->exec("ROLLBACK"));
    CHECK(rc == 1);
    const std::string err = fw::robust::slurp(dir / "out.err");
    INFO(err);
    CHECK(std::count(err.begin(), err.end(), '\n') == 1);
    CHECK((err.find("locked") != std::string::npos || err.find("busy") != std::string::npos));
    CHECK(err.find(db) != std::string::npos);
    CHECK(fw::robust::integrity(db) == "ok");
    Child again({FW_INGEST_CHILD, db, (dir / "feeds").string()}, dir / "out2");
    CHECK(again.wait() == 0);
    auto view = fw::robust::read_db(db);
    REQUIRE(view);
    CHECK(view->rows == 10 + 2 * 20);
}

#ifdef FW_CLI_PATH
TEST_CASE("S3: frontierwatch fetch against a locked database fails cleanly and leaves it intact",
          "[robust][integration][storage][cli][slow]") {
    fw::test::TempDir dir;
    const std::string db = (dir / "cli.db").string();
    fw::robust::write_feeds(dir / "feeds", 1, 20);
    const std::vector<std::string> env = {"XDG_DATA_HOME=" + (dir / "xdg").string(),
                                          "XDG_CONFIG_HOME=" + (dir / "xdgc").string()};
    const auto add =
        fw::test::run_process(FW_CLI_PATH,
                              {"--db", db, "sources", "add", "file://" + (dir / "feeds" / "s000.xml").string(),
                               "--kind", "feed", "--name", "s000"},
                              env);
    REQUIRE(add.exit_code == 0);
    auto holder = fw::store::Database::open(db);
    REQUIRE(holder);
    REQUIRE(holder->exec("BEGIN IMMEDIATE;"));
    const auto r = fw::test::run_process(FW_CLI_PATH, {"--db", db, "fetch", "--all"}, env);
    REQUIRE(holder->exec("ROLLBACK"));
    INFO(r.err);
    CHECK(r.exit_code >= 1);
    CHECK(r.exit_code < 128);  // no crash
    CHECK_FALSE(r.err.empty());
    CHECK(fw::robust::integrity(db) == "ok");
    const auto again = fw::test::run_process(FW_CLI_PATH, {"--db", db, "fetch", "--all"}, env);
    CHECK(again.exit_code == 0);
}
#endif

// Three `frontierwatch watch` workers over 500 loopback sources sharing one PostgreSQL database:
// each due source fetched once per period, and a worker killed with SIGKILL mid-run loses
// nothing and duplicates nothing (its leases expire and the others take its sources over).

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <map>
#include <memory>
#include <thread>

#include "backends.h"
#include "support/loopback_server.h"

extern char** environ;

namespace {

constexpr int kHosts = 100;
constexpr int kSources = 500;
constexpr int kBatch = 25;

std::string feed(int i) {
    std::string items;
    for (const char* tag : {"a", "b"}) {
        const std::string id = std::to_string(i) + "-" + tag;
        items += "<item><title>Post " + id + "</title><link>http://example.org/" + id + "</link><guid>" + id +
                 "</guid><pubDate>Mon, 04 May 2026 10:00:00 GMT</pubDate>"
                 "<description>text " +
                 id + "</description></item>";
    }
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed " + std::to_string(i) +
           "</title><link>http://example.org/</link>" + items + "</channel></rss>";
}

struct Farm {
    std::vector<std::unique_ptr<fw::test::LoopbackServer>> servers;
    std::vector<std::pair<fw::test::LoopbackServer*, std::string>> paths;  // per source

    explicit Farm(fw::store::Store& store) {
        // The farm is on loopback, which a shared store refuses by default (docs/teams.md):
        // this team's admin opens it, as `settings set fetch.allow_private_networks` would.
        REQUIRE(store.set_setting("fetch.allow_private_networks", "127.0.0.0/8").has_value());
        for (int h = 0; h < kHosts; ++h) {
            servers.push_back(std::make_unique<fw::test::LoopbackServer>("127.0.0.1", 2));
        }
        for (int i = 0; i < kSources; ++i) {
            auto* server = servers[static_cast<std::size_t>(i % kHosts)].get();
            const std::string path = "/feed" + std::to_string(i) + ".xml";
            server->route(path, fw::test::reply(200, feed(i), "application/rss+xml"));
            fw::Source s;
            s.name = "feed-" + std::to_string(i);
            s.url = server->url(path);
            s.kind = fw::SourceKind::Feed;
            REQUIRE(store.add_source(s).has_value());
            paths.emplace_back(server, path);
        }
    }
    std::map<int, int> hits_histogram() const {
        std::map<int, int> h;
        for (const auto& [server, path] : paths) {
            ++h[server->hits(path)];
        }
        return h;
    }
};

pid_t spawn_worker(const std::string& db, const std::string& id) {
    std::vector<std::string> args{FW_CLI_PATH,
                                  "--db",
                                  db,
                                  "-q",
                                  "watch",
                                  "--worker-id",
                                  id,
                                  "--lease",
                                  "5s",
                                  "--batch",
                                  std::to_string(kBatch),
                                  "--every",
                                  "1s",
                                  "--until-idle"};
    std::vector<char*> argv;
    for (auto& a : args) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(rc == 0);
    return pid;
}

/// Exit code, or -signal; fails the test after `limit`.
int wait_for(pid_t pid, std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid) {
            return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
        }
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            FAIL("worker " << pid << " did not finish in " << limit.count() << "s");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

void check_everything_stored(fw::store::Store& store, fw::TimePoint started) {
    auto counts = store.counts();
    REQUIRE(counts.has_value());
    CHECK(counts->items == 2 * kSources);  // none lost, none twice
    CHECK(counts->item_versions == 0);
    CHECK(counts->fetch_log <= kSources);
    auto sources = store.list_sources();
    REQUIRE(sources.has_value());
    int ok = 0;
    for (const auto& s : *sources) {
        ok += s.health.last_status == fw::FetchStatus::Ok && s.due_at && *s.due_at > started ? 1 : 0;
    }
    CHECK(ok == kSources);
}

fw::TimePoint now() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace

TEST_CASE("three workers fetch each of 500 due sources exactly once", "[store_pg][integration]") {
    FW_REQUIRE_PG(db);
    auto store = fw::test::open_pg(db.url());
    Farm farm(*store);
    const auto started = now();
    std::vector<pid_t> workers;
    for (int w = 0; w < 3; ++w) {
        workers.push_back(spawn_worker(db.url(), "w" + std::to_string(w)));
    }
    for (pid_t pid : workers) {
        CHECK(wait_for(pid, std::chrono::seconds(180)) == 0);
    }
    const auto hist = farm.hits_histogram();
    CHECK(hist.size() == 1);
    CHECK(hist.count(1) == 1);
    check_everything_stored(*store, started);
    CHECK(store->counts()->fetch_log == kSources);
}

TEST_CASE("a worker killed mid-run loses nothing and duplicates nothing", "[store_pg][integration]") {
    FW_REQUIRE_PG(db);
    auto store = fw::test::open_pg(db.url());
    Farm farm(*store);
    const auto started = now();
    std::vector<pid_t> workers;
    for (int w = 0; w < 3; ++w) {
        workers.push_back(spawn_worker(db.url(), "k" + std::to_string(w)));
    }
    // Mid-run: some sources fetched, most not, the victim holding leases.
    int fetched = 0;
    for (int i = 0; i < 500 && fetched < kSources / 10; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        fetched = 0;
        for (const auto& [n, count] : farm.hits_histogram()) {
            fetched += n > 0 ? count : 0;
        }
    }
    ::kill(workers[0], SIGKILL);
    CHECK(fetched < kSources);
    CHECK(wait_for(workers[0], std::chrono::seconds(10)) == -SIGKILL);
    for (std::size_t w = 1; w < workers.size(); ++w) {
        CHECK(wait_for(workers[w], std::chrono::seconds(180)) == 0);
    }
    const auto hist = farm.hits_histogram();
    CHECK(hist.count(0) == 0);  // every source fetched
    // Only what the victim had in flight is fetched again (at most one batch), never more.
    CHECK(hist.rbegin()->first <= 2);
    CHECK((hist.count(2) ? hist.at(2) : 0) <= kBatch);
    INFO("killed after " << fetched << " of " << kSources
                         << " fetched; fetched twice: " << (hist.count(2) ? hist.at(2) : 0));
    check_everything_stored(*store, started);
}

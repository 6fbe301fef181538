#pragma once
// Shared by the crash and storage-fault tests: feed files to ingest, a child process that can be
// killed at any moment, and a read of what a database file holds (through the public store).

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/store.h"

extern char** environ;

namespace fw::robust {

/// Writes `sources` RSS files of `items` items each into dir (s000.xml, s001.xml, ...); item
/// text is ~1 KB so that a fetch spans several pages and the kill can land mid-transaction.
inline void write_feeds(const std::filesystem::path& dir, int sources, int items) {
    std::filesystem::create_directories(dir);
    const std::string filler(900, 'w');
    for (int s = 0; s < sources; ++s) {
        char name[32];
        std::snprintf(name, sizeof name, "s%03d", s);
        std::ofstream out(dir / (std::string(name) + ".xml"), std::ios::binary);
        out << "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" << name << "</title>";
        for (int i = 0; i < items; ++i) {
            out << "<item><guid>" << name << "-" << i << "</guid><title>Release " << i << " of " << name
                << "</title><link>https://lab.example/" << name << "/" << i << "</link><description>" << filler
                << "</description><pubDate>Tue, 07 Apr 2026 10:00:00 GMT</pubDate></item>";
        }
        out << "</channel></rss>";
    }
}

/// A child process with stdout/stderr sent to files; killed and reaped on demand.
class Child {
public:
    Child(const std::vector<std::string>& argv_s, const std::filesystem::path& out,
          const std::vector<std::string>& extra_env = {}) {
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_addopen(&actions, 2, (out.string() + ".err").c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0600);
        std::vector<std::string> args = argv_s;
        std::vector<char*> argv;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        std::vector<std::string> env_s;
        for (char** e = environ; *e != nullptr; ++e)
            env_s.emplace_back(*e);
        env_s.insert(env_s.end(), extra_env.begin(), extra_env.end());
        std::vector<char*> envp;
        for (auto& e : env_s)
            envp.push_back(e.data());
        envp.push_back(nullptr);
        if (posix_spawn(&pid_, args[0].c_str(), &actions, nullptr, argv.data(), envp.data()) != 0)
            pid_ = -1;
        posix_spawn_file_actions_destroy(&actions);
    }
    ~Child() {
        if (pid_ > 0 && !reaped_) {
            ::kill(pid_, SIGKILL);
            wait();
        }
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    bool started() const { return pid_ > 0; }
    void kill_now() const { ::kill(pid_, SIGKILL); }
    /// Exit code, or 128 + signal.
    int wait() {
        int status = 0;
        ::waitpid(pid_, &status, 0);
        reaped_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

private:
    pid_t pid_ = -1;
    bool reaped_ = false;
};

/// What a database holds: native ids per source name, plus the total row count.
struct DbView {
    std::map<std::string, std::set<std::string>> items;
    std::size_t rows = 0;
};

inline Result<DbView> read_db(const std::string& path) {
    auto store = store::open_store(path);
    if (!store)
        return store.error();
    store::ItemQuery q;
    q.limit = 0;
    auto items = (*store)->list_items(q);
    if (!items)
        return items.error();
    DbView v;
    for (const auto& it : *items) {
        v.items[it.source_name].insert(it.native_id);
        ++v.rows;
    }
    return v;
}

/// PRAGMA integrity_check (and the FTS5 check) on the file: "ok" when sound.
inline std::string integrity(const std::string& path) {
    auto db = store::Database::open(path);
    if (!db)
        return "open failed: " + db.error().describe();
    auto r = db->integrity_check();
    if (!r)
        return "check failed: " + r.error().describe();
    if (*r != "ok")
        return *r;
    // The full-text index must agree with the items too (SQLite's FTS5 integrity-check), once
    // the schema has it (a kill can land before the first migration).
    auto has_fts = db->prepare("SELECT 1 FROM sqlite_master WHERE name = 'items_fts'");
    if (!has_fts)
        return "check failed: " + has_fts.error().describe();
    auto row = has_fts->step();
    if (!row)
        return "check failed: " + row.error().describe();
    if (!*row)
        return "ok";
    if (auto fts = db->exec("INSERT INTO items_fts(items_fts) VALUES('integrity-check')"); !fts) {
        return "fts: " + fts.error().describe();
    }
    return "ok";
}

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace fw::robust

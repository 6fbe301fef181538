#pragma once
// A PostgreSQL server for tests and benchmarks (no Catch here: bench/store uses it too):
// $FW_PG_URL when set (CI starts one with scripts/pg-test-server.sh), else a throwaway cluster
// made here with Debian's initdb and pg_ctl (/usr/lib/postgresql/<v>/bin), as the `postgres` user
// when running as root, listening on a free 127.0.0.1 port, in a temp dir removed at exit. The
// commands are spawned without a shell. Tests take a fresh database from support/pg_server.h.
// Link PostgreSQL::PostgreSQL (libpq) with what includes this.

#include <fcntl.h>
#include <netinet/in.h>
#include <pwd.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <libpq-fe.h>

extern char** environ;

namespace fw::test {

namespace pg_detail {

inline int run(const std::vector<std::string>& args, const std::string& log) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    std::vector<std::string> copy = args;
    std::vector<char*> argv;
    for (auto& a : copy) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    pid_t pid = 0;
    int status = -1;
    if (posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0) {
        waitpid(pid, &status, 0);
    }
    posix_spawn_file_actions_destroy(&actions);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

inline int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
        port = ntohs(addr.sin_port);
    }
    ::close(fd);
    return port;
}

inline std::optional<std::filesystem::path> pg_bin() {
    for (const char* v : {"17", "16", "15", "14", "13"}) {
        std::filesystem::path p = std::string("/usr/lib/postgresql/") + v + "/bin";
        if (std::filesystem::exists(p / "initdb") && std::filesystem::exists(p / "pg_ctl")) {
            return p;
        }
    }
    return std::nullopt;
}

/// Runs one statement on `url`; returns "" or the error.
inline std::string exec(const std::string& url, const std::string& sql) {
    PGconn* c = PQconnectdb(url.c_str());
    std::string error;
    if (PQstatus(c) != CONNECTION_OK) {
        error = PQerrorMessage(c);
    } else {
        PGresult* r = PQexec(c, sql.c_str());
        const auto st = PQresultStatus(r);
        if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
            error = PQresultErrorMessage(r);
        }
        PQclear(r);
    }
    PQfinish(c);
    return error;
}

/// `url` with its database name replaced by `db`.
inline std::string with_database(const std::string& url, const std::string& db) {
    const auto scheme = url.find("://");
    const auto start = scheme == std::string::npos ? 0 : scheme + 3;
    const auto query = url.find('?', start);
    const auto slash = url.find('/', start);
    const std::string tail = query == std::string::npos ? "" : url.substr(query);
    const std::string head = url.substr(0, slash != std::string::npos && (query == std::string::npos || slash < query)
                                               ? slash
                                               : (query == std::string::npos ? url.size() : query));
    return head + "/" + db + tail;
}

}  // namespace pg_detail

class PgServer {
public:
    /// The process-wide server, started on first use; nullptr when none can be had (then
    /// why() says why).
    static PgServer* get() {
        static std::unique_ptr<PgServer> server = start();
        return server && server->url_.empty() ? nullptr : server.get();
    }
    static const std::string& why() { return why_; }

    /// URL of the maintenance database (for CREATE/DROP DATABASE).
    const std::string& url() const { return url_; }

    ~PgServer() {
        if (!dir_.empty()) {
            stop_cluster();
            std::error_code ec;
            std::filesystem::remove_all(dir_, ec);
        }
    }

private:
    static inline std::string why_;

    static std::unique_ptr<PgServer> start() {
        auto server = std::unique_ptr<PgServer>(new PgServer);
        if (const char* env = std::getenv("FW_PG_URL"); env && *env) {
            server->url_ = env;
            if (auto e = pg_detail::exec(server->url_, "SELECT 1"); !e.empty()) {
                why_ = "FW_PG_URL does not answer: " + e;
                server->url_.clear();
            }
            return server;
        }
        auto bin = pg_detail::pg_bin();
        if (!bin) {
            why_ = "no PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb)";
            return server;
        }
        server->bin_ = *bin;
        if (!server->init_cluster()) {
            server->url_.clear();
        }
        return server;
    }

    /// The command line, run as `postgres` when we are root (the server refuses root).
    std::vector<std::string> as_owner(std::vector<std::string> args) const {
        if (::geteuid() == 0) {
            args.insert(args.begin(), {"runuser", "-u", "postgres", "--"});
        }
        return args;
    }

    bool init_cluster() {
        char tmpl[] = "/tmp/fw-pg-XXXXXX";
        if (!::mkdtemp(tmpl)) {
            why_ = "cannot make a temp dir";
            return false;
        }
        dir_ = tmpl;
        const std::string data = (dir_ / "data").string();
        const std::string log = (dir_ / "log").string();
        if (::geteuid() == 0) {
            const passwd* pw = ::getpwnam("postgres");
            if (!pw || ::chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0) {
                why_ = "running as root without a `postgres` user to own the cluster";
                return false;
            }
        }
        if (pg_detail::run(as_owner({(bin_ / "initdb").string(), "-D", data, "-U", "fw", "-A", "trust", "-E", "UTF8",
                                     "--no-sync", "--no-instructions"}),
                           "/dev/null") != 0) {
            why_ = "initdb failed in " + dir_.string();
            return false;
        }
        for (int attempt = 0; attempt < 3; ++attempt) {
            const int port = pg_detail::free_port();
            const std::string opts = "-c listen_addresses=127.0.0.1 -p " + std::to_string(port) +
                                     " -c unix_socket_directories=" + dir_.string() +
                                     " -c fsync=off -c synchronous_commit=off -c max_connections=200";
            if (pg_detail::run(as_owner({(bin_ / "pg_ctl").string(), "-D", data, "-o", opts, "-l", log, "-w", "-t",
                                         "30", "start"}),
                               "/dev/null") == 0) {
                url_ = "postgresql://fw@127.0.0.1:" + std::to_string(port) + "/postgres";
                return true;
            }
        }
        why_ = "pg_ctl start failed; see " + log;
        return false;
    }

    void stop_cluster() {
        pg_detail::run(
            as_owner({(bin_ / "pg_ctl").string(), "-D", (dir_ / "data").string(), "-m", "immediate", "-w", "stop"}),
            "/dev/null");
    }

    std::string url_;
    std::filesystem::path bin_;
    std::filesystem::path dir_;
};

}  // namespace fw::test

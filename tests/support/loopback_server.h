#pragma once
// An HTTP server on 127.0.0.x with an ephemeral port, run in its own thread, for tests and
// benchmarks that must never touch the internet. Routes are scripted (status, headers, body,
// delay, slow drip, endless body, pre-gzipped body) and every request is recorded (hits, headers,
// arrival times, how many were being served at once). Built on cpp-httplib (Debian
// libcpp-httplib-dev); link PkgConfig::HTTPLIB and ZLIB::ZLIB with loopback_server.cpp.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fw::test {

/// One scripted answer.
struct Reply {
    int status = 200;
    std::string body;
    std::string content_type = "text/plain";
    std::vector<std::pair<std::string, std::string>> headers;
    std::chrono::milliseconds delay{0};  ///< wait before answering (headers included)
    /// Slow drip: send the body in pieces of drip_bytes, drip_interval apart (chunked).
    std::size_t drip_bytes = 0;
    std::chrono::milliseconds drip_interval{0};
    bool endless = false;  ///< repeat `body` forever (chunked), until the client gives up
    bool gzip = false;     ///< send gzip(body) with Content-Encoding: gzip, untouched by the server
    /// When set: sent as ETag, and a request whose If-None-Match equals it gets a bodiless 304.
    std::string etag;
};

/// A plain reply: reply(404, "gone"), reply(200, body, "application/json", {{"ETag", "x"}}).
inline Reply reply(int status, std::string body, std::string content_type = "text/plain",
                   std::vector<std::pair<std::string, std::string>> headers = {}) {
    Reply r;
    r.status = status;
    r.body = std::move(body);
    r.content_type = std::move(content_type);
    r.headers = std::move(headers);
    return r;
}

/// What the server saw of one request.
struct SeenRequest {
    std::string method;
    std::string path;
    std::string target;                          ///< path with query
    std::map<std::string, std::string> headers;  ///< lowercase names
    std::string body;
    std::chrono::steady_clock::time_point at;
};

class LoopbackServer {
public:
    /// Binds `host` (any 127.x.y.z works on Linux) on an ephemeral port and starts serving.
    explicit LoopbackServer(std::string host = "127.0.0.1", int threads = 8);
    ~LoopbackServer();
    LoopbackServer(const LoopbackServer&) = delete;
    LoopbackServer& operator=(const LoopbackServer&) = delete;

    /// GET/POST `path` (no query) answers `reply` every time.
    void route(const std::string& path, Reply reply);
    /// The n-th hit answers replies[n]; the last one repeats.
    void route_sequence(const std::string& path, std::vector<Reply> replies);

    std::string host() const { return host_; }
    int port() const { return port_; }
    /// "http://host:port" + path
    std::string url(std::string_view path) const;

    int hits(const std::string& path) const;
    int total_hits() const;
    std::vector<SeenRequest> requests(const std::string& path) const;
    /// Most requests that were inside the server (from arrival to the last body byte) at once.
    int max_concurrent() const { return max_concurrent_.load(); }

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string host_;
    int port_ = 0;
    std::atomic<int> max_concurrent_{0};
};

/// A TCP port on 127.0.0.1 with nobody listening (connection refused).
int unused_port();

/// A listener that never accepts and whose queue is full: connecting hangs (connect timeout).
class SilentListener {
public:
    SilentListener();
    ~SilentListener();
    SilentListener(const SilentListener&) = delete;
    SilentListener& operator=(const SilentListener&) = delete;
    std::string url(std::string_view path) const;

private:
    int listen_fd_ = -1;
    std::vector<int> fillers_;
    int port_ = 0;
};

/// gzip (RFC 1952) of `data`, for pre-compressed replies and bombs.
std::string gzip(std::string_view data);

}  // namespace fw::test

#include "support/loopback_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <thread>

namespace fw::test {

struct LoopbackServer::Impl {
    httplib::Server server;
    std::thread thread;
    mutable std::mutex mutex;
    std::map<std::string, std::vector<Reply>> routes;
    std::vector<SeenRequest> seen;
    std::atomic<bool> stopping{false};
    std::atomic<int> active{0};

    // Sleeps in small steps so a stopping server never waits for a long scripted delay.
    void nap(std::chrono::milliseconds total) const {
        const auto until = std::chrono::steady_clock::now() + total;
        while (!stopping && std::chrono::steady_clock::now() < until) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
};

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

}  // namespace

LoopbackServer::LoopbackServer(std::string host, int threads)
    : impl_(std::make_unique<Impl>()), host_(std::move(host)) {
    Impl& impl = *impl_;
    impl.server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    impl.server.set_keep_alive_max_count(100000);
    impl.server.set_keep_alive_timeout(1);

    auto handler = [this](const httplib::Request& req, httplib::Response& res) {
        Impl& im = *impl_;
        const int now_active = ++im.active;
        int seen_max = max_concurrent_.load();
        while (now_active > seen_max && !max_concurrent_.compare_exchange_weak(seen_max, now_active)) {
        }
        Reply reply;
        {
            std::lock_guard lock(im.mutex);
            SeenRequest s{req.method, req.path, req.target, {}, req.body, std::chrono::steady_clock::now()};
            for (const auto& [name, value] : req.headers) {
                s.headers[lower(name)] = value;
            }
            const auto hit = static_cast<std::size_t>(std::count_if(
                im.seen.begin(), im.seen.end(), [&](const SeenRequest& r) { return r.path == req.path; }));
            im.seen.push_back(std::move(s));
            const auto it = im.routes.find(req.path);
            if (it == im.routes.end() || it->second.empty()) {
                reply.status = 404;
                reply.body = "no route";
            } else {
                reply = it->second[std::min(hit, it->second.size() - 1)];
            }
        }
        im.nap(reply.delay);
        if (!reply.etag.empty()) {
            res.set_header("ETag", reply.etag);
            if (req.get_header_value("If-None-Match") == reply.etag) {
                res.status = 304;
                --im.active;
                return;
            }
        }
        res.status = reply.status;
        for (const auto& [name, value] : reply.headers) {
            res.set_header(name.c_str(), value);
        }
        if (reply.gzip) {
            res.set_header("Content-Encoding", "gzip");
            res.set_content(gzip(reply.body), reply.content_type.c_str());
            --im.active;
            return;
        }
        if (reply.drip_bytes > 0 || reply.endless) {
            auto body = std::make_shared<std::string>(reply.body);
            res.set_chunked_content_provider(
                reply.content_type,
                [&im, body, reply](std::size_t offset, httplib::DataSink& sink) {
                    if (im.stopping) {
                        return false;
                    }
                    if (reply.endless) {
                        return sink.write(body->data(), body->size());
                    }
                    if (offset >= body->size()) {
                        sink.done();
                        return true;
                    }
                    const auto n = std::min(reply.drip_bytes, body->size() - offset);
                    if (!sink.write(body->data() + offset, n)) {
                        return false;
                    }
                    im.nap(reply.drip_interval);
                    return true;
                },
                [&im](bool) { --im.active; });
            return;
        }
        res.set_content(reply.body, reply.content_type.c_str());
        --im.active;
    };
    impl.server.Get(".*", handler);
    impl.server.Post(".*", handler);

    port_ = impl.server.bind_to_any_port(host_.c_str());
    if (port_ <= 0) {
        throw std::runtime_error("loopback server: cannot bind " + host_);
    }
    impl.thread = std::thread([&impl] { impl.server.listen_after_bind(); });
    while (!impl.server.is_running()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

LoopbackServer::~LoopbackServer() {
    impl_->stopping = true;
    impl_->server.stop();
    if (impl_->thread.joinable()) {
        impl_->thread.join();
    }
}

void LoopbackServer::route(const std::string& path, Reply reply) {
    route_sequence(path, {std::move(reply)});
}

void LoopbackServer::route_sequence(const std::string& path, std::vector<Reply> replies) {
    std::lock_guard lock(impl_->mutex);
    impl_->routes[path] = std::move(replies);
}

std::string LoopbackServer::url(std::string_view path) const {
    return "http://" + host_ + ":" + std::to_string(port_) + std::string(path);
}

int LoopbackServer::hits(const std::string& path) const {
    std::lock_guard lock(impl_->mutex);
    return static_cast<int>(
        std::count_if(impl_->seen.begin(), impl_->seen.end(), [&](const SeenRequest& r) { return r.path == path; }));
}

int LoopbackServer::total_hits() const {
    std::lock_guard lock(impl_->mutex);
    return static_cast<int>(impl_->seen.size());
}

std::vector<SeenRequest> LoopbackServer::requests(const std::string& path) const {
    std::lock_guard lock(impl_->mutex);
    std::vector<SeenRequest> out;
    for (const auto& r : impl_->seen) {
        if (r.path == path) {
            out.push_back(r);
        }
    }
    return out;
}

namespace {

int bound_socket(int& port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        throw std::runtime_error("loopback: cannot bind a socket");
    }
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    port = ntohs(addr.sin_port);
    return fd;
}

}  // namespace

int unused_port() {
    int port = 0;
    ::close(bound_socket(port));
    return port;
}

SilentListener::SilentListener() {
    listen_fd_ = bound_socket(port_);
    ::listen(listen_fd_, 0);
    // Linux drops SYNs once the accept queue is full; two queued connections fill a backlog of 0.
    for (int i = 0; i < 2; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        ::fcntl(fd, F_SETFL, O_NONBLOCK);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = htons(static_cast<std::uint16_t>(port_));
        ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        fillers_.push_back(fd);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

SilentListener::~SilentListener() {
    for (int fd : fillers_) {
        ::close(fd);
    }
    ::close(listen_fd_);
}

std::string SilentListener::url(std::string_view path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
}

std::string gzip(std::string_view data) {
    z_stream zs{};
    if (deflateInit2(&zs, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
        throw std::runtime_error("gzip: deflateInit2 failed");
    }
    std::string out(deflateBound(&zs, static_cast<uLong>(data.size())), '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

}  // namespace fw::test

// fw_fetch_bench: 2,000 feeds served on loopback by 20 hosts (127.0.0.1 .. 127.0.0.20, one
// server each), fetched with fw::ingest::Fetcher, then fetched again with the validators of the
// first run (all 304). Prints both wall times, the ratio and the peak RSS of the fetching
// process (the servers run in a forked child so their memory is not counted). Measures, never
// asserts.
//
//   fw_fetch_bench                 serve + fetch (default 2000 feeds, 20 hosts)
//   fw_fetch_bench --serve FILE    only serve; write the feed URLs to FILE, run until killed
//   fw_fetch_bench --urls FILE     only fetch the URLs in FILE (twice), e.g. for compare_fetch.sh
//   --feeds N --hosts H --parse    sizes; --parse also parses every 200 body with parse_feed
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "ingest/feed_parser.h"
#include "ingest/fetcher.h"
#include "support/loopback_server.h"

namespace {

struct Args {
    int feeds = 2000;
    int hosts = 20;
    bool parse = false;
    std::string serve_file;
    std::string urls_file;
};

Args parse_args(int argc, char** argv) {
    Args a;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
        if (arg == "--feeds")
            a.feeds = std::stoi(next());
        else if (arg == "--hosts")
            a.hosts = std::stoi(next());
        else if (arg == "--parse")
            a.parse = true;
        else if (arg == "--serve")
            a.serve_file = next();
        else if (arg == "--urls")
            a.urls_file = next();
    }
    return a;
}

// A plausible ~20 KB RSS 2.0 feed: 20 items with a paragraph each.
std::string make_feed(int n) {
    std::string s =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
        "<title>Lab " +
        std::to_string(n) + "</title><link>https://lab.example/" + std::to_string(n) +
        "</link><description>news</description>\n";
    for (int i = 0; i < 20; ++i) {
        const std::string id = std::to_string(n) + "-" + std::to_string(i);
        s += "<item><title>Model release " + id + "</title><link>https://lab.example/news/" + id + "</link><guid>" +
             id + "</guid><pubDate>Wed, 08 Apr 2026 1" + std::to_string(i % 10) + ":00:00 GMT</pubDate><description>";
        for (int k = 0; k < 8; ++k) {
            s += "The model improves on benchmark " + std::to_string(k) + " by a margin; details follow. ";
        }
        s += "</description></item>\n";
    }
    return s + "</channel></rss>\n";
}

// Runs the servers until SIGTERM; writes one URL per line to `file` once all listen.
[[noreturn]] void serve(const Args& a, const std::string& file) {
    std::vector<std::unique_ptr<fw::test::LoopbackServer>> servers;
    std::vector<std::string> urls;
    for (int h = 0; h < a.hosts; ++h) {
        servers.push_back(std::make_unique<fw::test::LoopbackServer>("127.0.0." + std::to_string(h + 1), 6));
    }
    for (int i = 0; i < a.feeds; ++i) {
        auto& server = *servers[static_cast<std::size_t>(i % a.hosts)];
        const std::string path = "/feed/" + std::to_string(i) + ".xml";
        auto reply = fw::test::reply(200, make_feed(i), "application/rss+xml");
        reply.etag = "\"feed-" + std::to_string(i) + "-v1\"";
        server.route(path, reply);
        urls.push_back(server.url(path));
    }
    {
        std::ofstream out(file + ".tmp");
        for (const auto& u : urls)
            out << u << "\n";
    }
    std::rename((file + ".tmp").c_str(), file.c_str());
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    int sig = 0;
    sigwait(&set, &sig);
    servers.clear();
    std::_Exit(0);
}

std::vector<std::string> read_urls(const std::string& file) {
    std::vector<std::string> urls;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty())
            urls.push_back(line);
    }
    return urls;
}

struct Pass {
    double seconds = 0;
    int ok = 0, not_modified = 0, failed = 0, parsed_items = 0;
    std::size_t bytes = 0;
};

Pass fetch_pass(fw::ingest::Fetcher& fetcher, std::vector<fw::ingest::FetchJob>& jobs, bool parse) {
    Pass p;
    const auto start = std::chrono::steady_clock::now();
    auto results = fetcher.run(jobs);
    for (std::size_t i = 0; i < results.size(); ++i) {
        auto& r = results[i];
        if (!r.response) {
            ++p.failed;
            if (p.failed <= 3)
                std::cerr << "  failed: " << r.response.error().describe() << "\n";
            continue;
        }
        r.response->not_modified() ? ++p.not_modified : ++p.ok;
        p.bytes += r.response->body.size();
        if (parse && !r.response->not_modified()) {
            auto feed = fw::ingest::parse_feed(r.response->body, {jobs[i].request.url, r.response->content_type});
            if (feed)
                p.parsed_items += static_cast<int>(feed->items.size());
        }
        jobs[i].request.validators = r.response->validators;
    }
    p.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return p;
}

void print_pass(const char* name, const Pass& p) {
    std::printf("%-24s %8.3f s  ok=%d not_modified=%d failed=%d body_bytes=%zu%s\n", name, p.seconds, p.ok,
                p.not_modified, p.failed, p.bytes,
                p.parsed_items ? (" parsed_items=" + std::to_string(p.parsed_items)).c_str() : "");
}

int fetch_urls(const std::vector<std::string>& urls, bool parse) {
    fw::ingest::FetcherOptions options;                        // library defaults except the politeness interval:
    options.min_host_interval = std::chrono::milliseconds(0);  // loopback needs none
    fw::ingest::Fetcher fetcher(options);
    std::vector<fw::ingest::FetchJob> jobs;
    for (std::size_t i = 0; i < urls.size(); ++i) {
        fw::ingest::FetchJob j;
        j.key = static_cast<std::int64_t>(i);
        j.request.url = urls[i];
        j.request.user_agent = "FrontierWatch/0.1 (bench)";
        jobs.push_back(std::move(j));
    }
    std::printf("feeds=%zu max_total=%d max_per_host=%d min_host_interval=0ms parse=%s\n", urls.size(),
                options.max_total, options.max_per_host, parse ? "yes" : "no");
    const Pass first = fetch_pass(fetcher, jobs, parse);
    const Pass second = fetch_pass(fetcher, jobs, parse);
    print_pass("first run (200)", first);
    print_pass("second run (validators)", second);
    std::printf("ratio first/second       %8.2f x\n", first.seconds / std::max(second.seconds, 1e-9));
    std::printf("feeds per second         %8.0f (first)  %8.0f (second)\n", urls.size() / first.seconds,
                urls.size() / second.seconds);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak RSS (fetcher)       %8.1f MiB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
    return first.failed + second.failed == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    const Args a = parse_args(argc, argv);
    if (!a.serve_file.empty()) {
        serve(a, a.serve_file);
    }
    if (!a.urls_file.empty()) {
        return fetch_urls(read_urls(a.urls_file), a.parse);
    }
    char dir_template[] = "/tmp/fw_fetch_bench_XXXXXX";
    const std::string dir = mkdtemp(dir_template);
    const std::string file = dir + "/urls.txt";
    const pid_t child = fork();
    if (child == 0) {
        serve(a, file);
    }
    while (access(file.c_str(), R_OK) != 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const int rc = fetch_urls(read_urls(file), a.parse);
    kill(child, SIGTERM);
    waitpid(child, nullptr, 0);
    std::remove(file.c_str());
    rmdir(dir.c_str());
    return rc;
}

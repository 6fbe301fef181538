// robustness.md 8.5 S4: allocation failure during a parse, SQLite's OOM-loop method. The n-th
// C++ allocation inside parse_feed fails (n = 1, 2, ... up to every allocation of one parse);
// each time the parse returns normally or throws std::bad_alloc to its caller, which is where
// the fetch use case catches it per feed. It never crashes or corrupts later parses, and ASan
// builds (scripts/asan.sh) check that nothing leaks on those paths.
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>

#include "ingest/feed_parser.h"
#include "ingest/hf_adapter.h"
#include "support/catch.h"

namespace {
std::atomic<long> g_countdown{-1};  // -1: disarmed; 0: the next allocation fails
std::atomic<long> g_counted{0};
std::atomic<bool> g_counting{false};

void* checked_alloc(std::size_t size) {
    if (g_counting.load(std::memory_order_relaxed))
        g_counted.fetch_add(1, std::memory_order_relaxed);
    long n = g_countdown.load(std::memory_order_relaxed);
    if (n >= 0) {
        if (n == 0) {
            g_countdown.store(-1);  // fail once, as SQLite's first OOM pass does
            throw std::bad_alloc();
        }
        g_countdown.store(n - 1);
    }
    if (void* p = std::malloc(size == 0 ? 1 : size))
        return p;
    throw std::bad_alloc();
}
}  // namespace

// Every form of new and delete is replaced, so each pointer is freed by the family that
// allocated it (ASan reports new(nothrow) from its runtime freed by our delete otherwise).
void* operator new(std::size_t size) {
    return checked_alloc(size);
}
void* operator new[](std::size_t size) {
    return checked_alloc(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    try {
        return checked_alloc(size);
    } catch (const std::bad_alloc&) {
        return nullptr;
    }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
    try {
        return checked_alloc(size);
    } catch (const std::bad_alloc&) {
        return nullptr;
    }
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}
void operator delete(void* p) noexcept {
    std::free(p);
}
void operator delete[](void* p) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    std::free(p);
}

namespace {

const std::string kFeed =
    "<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Lab &amp; co</title>"
    "<item><guid>a</guid><title>\x93Launch\x94 &lt;b&gt;x&lt;/b&gt;</title><link>/p/1</link>"
    "<description><![CDATA[<p>Hello <script>x</script>world &nbsp;</p>]]></description>"
    "<pubDate>Thu, 01 Jan 04 19:48:21 GMT</pubDate><dc:creator>A</dc:creator><category>c</category></item>"
    "<item><guid>b</guid><title>Two</title><pubDate>garbage</pubDate></item></channel></rss>";

template <typename F>
void oom_loop(F&& parse, int& failures_injected, int& completed) {
    g_counted = 0;
    g_counting = true;
    parse();
    g_counting = false;
    const long total = g_counted.load();
    REQUIRE(total > 0);
    for (long n = 0; n < total; ++n) {
        g_countdown = n;
        try {
            parse();
            ++completed;
        } catch (const std::bad_alloc&) {
            ++failures_injected;
        }
        g_countdown = -1;
    }
}

}  // namespace

TEST_CASE("S4: a parse whose n-th allocation fails throws bad_alloc or completes, for every n", "[robust][unit][oom]") {
    fw::ingest::ParseOptions opts;
    opts.base_url = "https://lab.example/feed.xml";
    const auto baseline = fw::ingest::parse_feed(kFeed, opts);
    REQUIRE(baseline);
    int injected = 0, completed = 0;
    oom_loop([&] { (void)fw::ingest::parse_feed(kFeed, opts); }, injected, completed);
    CHECK(injected > 0);
    // Afterwards nothing is left in a bad state: the same parse gives the same answer.
    const auto after = fw::ingest::parse_feed(kFeed, opts);
    REQUIRE(after);
    REQUIRE(after->items.size() == baseline->items.size());
    for (std::size_t i = 0; i < after->items.size(); ++i) {
        CHECK(after->items[i].title == baseline->items[i].title);
        CHECK(after->items[i].summary_text == baseline->items[i].summary_text);
    }
    WARN("oom loop parse_feed: allocations failed one at a time=" << injected + completed << " bad_alloc=" << injected);
}

// Known gap (reported): nlohmann::json's destructor allocates its own stack (json.hpp
// json_value::destroy), so a bad_alloc while a JSON value is torn down ends in std::terminate.
// Run in a forked child so the abort is a failed check here, not the end of the suite.
TEST_CASE("S4: the Hugging Face reader survives every single allocation failure", "[.][robust][unit][oom]") {
    const std::string json =
        "[{\"id\":\"a/b\",\"author\":\"a\",\"createdAt\":\"2024-07-18T08:56:00.000Z\",\"gated\":\"manual\","
        "\"tags\":[\"license:mit\",\"arxiv:1\"],\"cardData\":{\"license\":\"mit\"}}]";
    const pid_t pid = fork();
    if (pid == 0) {
        int injected = 0, completed = 0;
        long total = 0;
        g_counted = 0;
        g_counting = true;
        (void)fw::ingest::parse_hf_models(json, "https://huggingface.co/api/models?author=a");
        g_counting = false;
        total = g_counted.load();
        for (long n = 0; n < total; ++n) {
            g_countdown = n;
            try {
                (void)fw::ingest::parse_hf_models(json, "https://huggingface.co/api/models?author=a");
                ++completed;
            } catch (const std::bad_alloc&) {
                ++injected;
            }
            g_countdown = -1;
        }
        const auto after = fw::ingest::parse_hf_models(json, "https://huggingface.co/api/models?author=a");
        _exit(after && after->items.size() == 1 && injected > 0 ? 0 : 1);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    INFO("child status " << status << (WIFSIGNALED(status) ? " (killed by a signal: std::terminate)" : ""));
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}

// Store throughput: items/s for a first insert and for a re-ingest of the same items, rows
// written by the re-ingest (must be 0), per-fetch batches, and an FTS query.
// Usage: fw_store_bench [ITEMS=100000] [BATCH=50] [DB_FILE]   (a temp file by default)
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "store/sqlite_store.h"

namespace {

using Clock = std::chrono::steady_clock;

/// Wall and CPU seconds: the build machine is shared, so CPU time is the steadier figure.
struct Timer {
    Clock::time_point wall = Clock::now();
    std::clock_t cpu = std::clock();
    double wall_s() const { return std::chrono::duration<double>(Clock::now() - wall).count(); }
    double cpu_s() const { return static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC; }
};

void report(const char* what, int n, const Timer& t, const std::string& more = {}) {
    const double wall = t.wall_s(), cpu = t.cpu_s();
    std::printf("%-40s %9.0f items/s wall, %9.0f items/s CPU (%.2f s wall, %.2f s CPU)%s\n", what,
                n / wall, n / cpu, wall, cpu, more.c_str());
}

/// Deterministic pseudo-English: a fixed vocabulary drawn with a fixed seed.
class TextMaker {
public:
    explicit TextMaker(unsigned seed) : rng_(seed) {
        std::uniform_int_distribution<int> len(3, 10), letter(0, 25);
        for (int i = 0; i < 8000; ++i) {
            std::string w;
            for (int n = len(rng_); n > 0; --n) {
                w += static_cast<char>('a' + letter(rng_));
            }
            vocab_.push_back(std::move(w));
        }
    }
    std::string words(int min, int max) {
        std::uniform_int_distribution<int> count(min, max);
        // Zipf-like: small indexes are common, as in real text.
        std::uniform_real_distribution<double> u(0.0, 1.0);
        std::string out;
        for (int n = count(rng_); n > 0; --n) {
            const auto i = static_cast<std::size_t>(static_cast<double>(vocab_.size()) * u(rng_) * u(rng_));
            out += out.empty() ? "" : " ";
            out += vocab_[i];
        }
        return out;
    }

private:
    std::mt19937 rng_;
    std::vector<std::string> vocab_;
};

std::vector<fw::Item> make_items(int n) {
    TextMaker text(42);
    std::vector<fw::Item> items;
    items.reserve(static_cast<std::size_t>(n));
    const auto base = fw::make_time(2024, 1, 1);
    for (int i = 0; i < n; ++i) {
        fw::Item item;
        item.native_id = "urn:bench:" + std::to_string(i);
        item.entry.id = item.native_id;
        item.entry.title = text.words(5, 10);
        item.entry.link = "https://example.org/posts/" + std::to_string(i);
        item.entry.published = base + std::chrono::minutes(17 * i);
        item.entry.summary_text = text.words(40, 120);
        item.entry.summary = "<p>" + item.entry.summary_text + "</p>";
        item.entry.authors = {"Bench Author"};
        item.entry.categories = {"ai", "release"};
        item.entry.extra = {{"license", "apache-2.0"}};
        item.fetched_at = fw::make_time(2026, 4, 30);
        item.content_hash = "sha256:" + std::to_string(std::hash<std::string>{}(item.entry.title + item.entry.summary_text));
        items.push_back(std::move(item));
    }
    return items;
}

int fail(const fw::Error& e) {
    std::fprintf(stderr, "fw_store_bench: %s\n", e.describe().c_str());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
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
    const auto items = make_items(n);
    std::printf("items: %d (title 5-10 words, summary 40-120 words), db: %s\n", n, path.c_str());

    Timer timer;
    auto first = store.upsert_items(*one, items);
    if (!first) {
        return fail(first.error());
    }
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

    fw::store::ItemQuery q;
    const std::string& title = items[static_cast<std::size_t>(n / 2)].entry.title;
    q.search = title.substr(0, title.find(' '));
    timer = Timer();
    auto found = store.list_items(q);
    if (!found) {
        return fail(found.error());
    }
    std::printf("search \"%s\": %zu newest of the matches in %.1f ms\n", q.search->c_str(),
                found->size(), timer.wall_s() * 1000);
    auto check = store.database().integrity_check();
    std::printf("integrity_check: %s\n", check ? check->c_str() : check.error().describe().c_str());
    if (argc <= 3) {
        std::filesystem::remove_all(dir);
    }
    return 0;
}

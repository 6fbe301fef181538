#pragma once
// What the store benchmarks share (fw_store_bench for SQLite, fw_store_pg_bench for
// PostgreSQL): the timer and the synthetic items, so both write the very same rows.

#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <string>
#include <vector>

#include "domain/item.h"
#include "domain/time.h"

namespace fw::bench {

using Clock = std::chrono::steady_clock;

/// Wall and CPU seconds: the build machine is shared, so CPU time is the steadier figure.
struct Timer {
    Clock::time_point wall = Clock::now();
    std::clock_t cpu = std::clock();
    double wall_s() const { return std::chrono::duration<double>(Clock::now() - wall).count(); }
    double cpu_s() const { return static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC; }
};

inline void report(const char* what, int n, const Timer& t, const std::string& more = {}) {
    const double wall = t.wall_s(), cpu = t.cpu_s();
    std::printf("%-40s %9.0f items/s wall, %9.0f items/s CPU (%.2f s wall, %.2f s CPU)%s\n", what, n / wall, n / cpu,
                wall, cpu, more.c_str());
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

inline std::vector<fw::Item> make_items(int n) {
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
        item.content_hash =
            "sha256:" + std::to_string(std::hash<std::string>{}(item.entry.title + item.entry.summary_text));
        items.push_back(std::move(item));
    }
    return items;
}

}  // namespace fw::bench

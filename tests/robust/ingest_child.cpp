// fw_robust_ingest: a minimal fetch-and-store loop over local feed files, for the crash and
// storage-fault tests when the real CLI is not built (and as a second, independent writer).
//   fw_robust_ingest DB FEED_DIR [--hold-ms N]
// For each FEED_DIR/*.xml (sorted): source named by the file stem (added if missing), parse,
// upsert all items in one transaction, save the source state. After each committed upsert it
// appends "committed <source> <items>" to stdout (unbuffered), so a killer knows what must
// survive. Exit 0 on success, 1 with one line on stderr on the first error.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "domain/hash.h"
#include "ingest/feed_parser.h"
#include "store/store.h"

namespace {

int fail(const std::string& what) {
    std::fprintf(stderr, "fw_robust_ingest: %s\n", what.c_str());
    return 1;
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<fw::Item> to_items(const fw::ParsedFeed& feed, std::int64_t source_id) {
    std::vector<fw::Item> items;
    const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    for (const auto& e : feed.items) {
        fw::Item item;
        item.source_id = source_id;
        item.native_id = !e.id.empty() ? e.id : e.link;
        item.entry = e;
        item.fetched_at = now;
        item.content_hash = fw::ContentHasher().add(e.title).add(e.link).add(e.summary).hex();
        items.push_back(std::move(item));
    }
    return items;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3)
        return fail("usage: fw_robust_ingest DB FEED_DIR [--hold-ms N]");
    const std::string db = argv[1];
    const std::filesystem::path dir = argv[2];
    const int hold_ms = argc >= 5 && std::string(argv[3]) == "--hold-ms" ? std::stoi(argv[4]) : 0;

    auto store = fw::store::open_store(db);
    if (!store)
        return fail(store.error().describe());
    std::vector<std::filesystem::path> files;
    for (const auto& f : std::filesystem::directory_iterator(dir)) {
        if (f.path().extension() == ".xml")
            files.push_back(f.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        const std::string name = file.stem().string();
        auto found = (*store)->find_source(name);
        if (!found)
            return fail(found.error().describe());
        fw::Source source;
        if (*found) {
            source = **found;
        } else {
            source.name = name;
            source.url = "file://" + std::filesystem::absolute(file).string();
            auto id = (*store)->add_source(source);
            if (!id)
                return fail(id.error().describe());
            source.id = *id;
        }
        const auto feed = fw::ingest::parse_feed(slurp(file), {});
        if (!feed)
            return fail(name + ": " + feed.error().describe());
        const auto items = to_items(*feed, source.id);
        auto stats = (*store)->upsert_items(source.id, items);
        if (!stats)
            return fail(name + ": " + stats.error().describe());
        const std::string line = "committed " + name + " " + std::to_string(items.size()) + "\n";
        if (::write(STDOUT_FILENO, line.data(), line.size()) < 0)
            return fail("stdout");
        source.health.last_status = fw::FetchStatus::Ok;
        source.health.consecutive_failures = 0;
        if (auto s = (*store)->save_source_state(source); !s)
            return fail(name + ": " + s.error().describe());
        if (hold_ms > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(hold_ms));
    }
    return 0;
}

// fetch_sources stores each result as it completes (issue 18: constant memory). What a user
// sees must not change: one line per source in the order of the sources, every item stored
// once, a bad source failing alone, progress counting each source once, and a second fetch
// adding nothing.

#include <algorithm>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "app/fetch_service.h"
#include "support/catch.h"
#include "support/paths.h"
#include "support/temp_dir.h"

using namespace fw;

namespace {

// More than two store batches (64 sources) and more than the result queue (16).
constexpr int kFeeds = 150;
constexpr int kItemsPerFeed = 3;

std::string rss(int feed) {
    std::string xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>feed " + std::to_string(feed) +
                      "</title><link>https://example.org/</link>";
    for (int i = 0; i < kItemsPerFeed; ++i) {
        const std::string id = std::to_string(feed) + "-" + std::to_string(i);
        xml += "<item><title>Note " + id + "</title><link>https://example.org/" + id + "</link><guid>" + id +
               "</guid><pubDate>Wed, 08 Apr 2026 12:00:00 GMT</pubDate><description>Text of note " + id +
               ".</description></item>";
    }
    return xml + "</channel></rss>";
}

std::string name_of(int i) {
    char name[16];
    std::snprintf(name, sizeof name, "f%03d", i);
    return name;
}

}  // namespace

TEST_CASE("a streamed fetch stores every source once and reports them in order", "[app][fetch][long]") {
    test::TempDir dir;
    auto opened = app::open_context({(dir / "fw.db").string(), test::bundled_data(), {}});
    REQUIRE(opened);
    app::AppContext& ctx = *opened;
    for (int i = 0; i < kFeeds; ++i) {
        const auto file = dir / (name_of(i) + ".xml");
        std::ofstream(file) << rss(i);
        Source s;
        s.name = name_of(i);
        s.url = "file://" + file.string();
        s.kind = SourceKind::Feed;
        REQUIRE(ctx.store->add_source(s));
    }
    // One missing file and one broken feed among the others.
    std::ofstream(dir / "broken.xml") << "<rss><channel><item><title>cut off";
    for (const auto& [name, file] : {std::pair{"f050-missing", "nothing-here.xml"}, {"f100-broken", "broken.xml"}}) {
        Source s;
        s.name = name;
        s.url = "file://" + (dir / file).string();
        s.kind = SourceKind::Feed;
        REQUIRE(ctx.store->add_source(s));
    }
    auto listed = ctx.store->list_sources();
    REQUIRE(listed);

    app::FetchRequest req;
    req.all = true;
    req.now = make_time(2026, 4, 9);
    req.host_interval = std::chrono::milliseconds(0);
    req.read_articles = false;
    std::vector<app::FetchProgressInfo> progress;
    req.on_progress = [&](const app::FetchProgressInfo& p) { progress.push_back(p); };
    auto first = app::fetch_sources(ctx, req);
    REQUIRE(first);

    REQUIRE(first->sources.size() == listed->size());
    for (std::size_t i = 0; i < listed->size(); ++i) {
        CHECK(first->sources[i].name == (*listed)[i].name);
        const bool bad = (*listed)[i].name == "f050-missing" || (*listed)[i].name == "f100-broken";
        CHECK((first->sources[i].status == FetchStatus::Failed) == bad);
        CHECK(first->sources[i].new_items == (bad ? 0 : kItemsPerFeed));
    }
    REQUIRE(progress.size() == listed->size());
    for (std::size_t i = 0; i < progress.size(); ++i) {
        CHECK(progress[i].done == static_cast<int>(i) + 1);
        CHECK(progress[i].total == static_cast<int>(listed->size()));
    }
    CHECK(progress.back().failed >= 1);  // the missing file fails to fetch; the broken feed fails to parse
    const std::set<std::int64_t> touched(first->touched_item_ids.begin(), first->touched_item_ids.end());
    CHECK(first->touched_item_ids.size() == static_cast<std::size_t>(kFeeds * kItemsPerFeed));
    CHECK(touched.size() == first->touched_item_ids.size());
    auto counts = ctx.store->counts();
    REQUIRE(counts);
    CHECK(counts->items == kFeeds * kItemsPerFeed);
    CHECK(counts->fetch_log == static_cast<std::int64_t>(listed->size()));

    auto second = app::fetch_sources(ctx, req);
    REQUIRE(second);
    REQUIRE(second->sources.size() == listed->size());
    for (const auto& line : second->sources) {
        CHECK(line.new_items == 0);
    }
    CHECK(second->touched_item_ids.empty());
    auto after = ctx.store->counts();
    REQUIRE(after);
    CHECK(after->items == kFeeds * kItemsPerFeed);
    CHECK(after->item_versions == counts->item_versions);
}

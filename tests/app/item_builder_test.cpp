#include "app/item_builder.h"
#include "support/catch.h"

using namespace fw;

namespace {

FeedEntry entry(std::string id, std::string link, std::string title) {
    FeedEntry e;
    e.id = std::move(id);
    e.link = std::move(link);
    e.title = std::move(title);
    return e;
}

}  // namespace

TEST_CASE("tracking parameters and fragments are not part of an item's identity", "[app][items]") {
    CHECK(app::canonical_link("https://lab.example/a?utm_source=rss&id=3&fbclid=x#top") ==
          "https://lab.example/a?id=3");
    CHECK(app::canonical_link(" https://lab.example/a?utm_medium=feed ") == "https://lab.example/a");
    CHECK(app::canonical_link("https://lab.example/a?utmost=1") == "https://lab.example/a?utmost=1");
    CHECK(app::canonical_link("") == "");
}

TEST_CASE("a shared link falls back to the GUID, a shared GUID to GUID and link", "[app][items]") {
    const std::vector<FeedEntry> feed{entry("g1", "https://lab.example/", "A"),
                                      entry("g2", "https://lab.example/", "B"),
                                      entry("same", "https://lab.example/c", "C"),
                                      entry("same", "https://lab.example/d", "D"),
                                      entry("dup", "", "E"),
                                      entry("dup", "", "F"),
                                      entry("", "", "G")};
    const auto ids = app::native_ids_of(feed);
    REQUIRE(ids.size() == feed.size());
    CHECK(ids[0] == "g1");
    CHECK(ids[1] == "g2");
    CHECK(ids[2] == "https://lab.example/c");
    CHECK(ids[3] == "https://lab.example/d");
    CHECK(ids[4] == "dup");
    CHECK(ids[5] == "dup|#1");
    CHECK(ids[6].rfind("title:", 0) == 0);
    CHECK(app::native_ids_of(feed) == ids);  // stable across fetches
}

TEST_CASE("oversized entries are capped at a UTF-8 boundary and flagged", "[app][items]") {
    FeedEntry e = entry("x", "https://lab.example/x", std::string(3000, 'a') + "\xC3\xA9");
    e.content = std::string(app::kMaxContentBytes - 1, 'b') + "\xC3\xA9" + "tail";
    auto item = app::make_item(e, 1, make_time(2026, 4, 8));
    CHECK(item.entry.title.size() <= app::kMaxTitleBytes);
    CHECK(item.entry.content.size() == app::kMaxContentBytes - 1);
    CHECK(item.entry.extra.at("truncated") == "true");
    auto small = app::make_item(entry("y", "https://lab.example/y", "ok"), 1, make_time(2026, 4, 8));
    CHECK(small.entry.extra.count("truncated") == 0);
}

TEST_CASE("dates far in the future or before 1990 are kept but flagged suspect", "[app][items]") {
    FeedEntry future = entry("f", "https://lab.example/f", "F");
    future.published = make_time(2030, 1, 1);
    FeedEntry epoch = entry("e", "https://lab.example/e", "E");
    epoch.published = make_time(1970, 1, 1);
    FeedEntry fine = entry("n", "https://lab.example/n", "N");
    fine.published = make_time(2026, 4, 8);
    const auto items = app::make_items({future, epoch, fine}, 1, make_time(2026, 4, 9));
    CHECK(items[0].entry.extra.at("date_quality") == "suspect");
    CHECK(items[0].entry.published == make_time(2030, 1, 1));
    CHECK(items[1].entry.extra.at("date_quality") == "suspect");
    CHECK(items[2].entry.extra.count("date_quality") == 0);
}

TEST_CASE("at most 10,000 entries of one fetch are stored", "[app][items]") {
    std::vector<FeedEntry> many;
    for (int i = 0; i < 10005; ++i) {
        many.push_back(entry("id" + std::to_string(i), "", "t"));
    }
    CHECK(app::make_items(many, 1, make_time(2026, 4, 8)).size() == app::kMaxItemsPerFetch);
}

TEST_CASE("download counters do not make a new version; a licence change does", "[app][items]") {
    FeedEntry a = entry("meta-llama/X", "https://huggingface.co/meta-llama/X", "meta-llama/X");
    a.extra["license"] = "llama3.1";
    a.extra["downloads"] = "100";
    FeedEntry b = a;
    b.extra["downloads"] = "5000";
    CHECK(app::content_hash_of(a) == app::content_hash_of(b));
    b.extra["license"] = "llama3.2";
    CHECK(app::content_hash_of(a) != app::content_hash_of(b));
}

TEST_CASE("a page's text is its content: a changed text changes the hash, an article does not", "[app][items][text]") {
    fw::FeedEntry page;
    page.id = page.link = "https://lab.example/terms";
    page.title = "Terms";
    page.content_text = "Up to 700 million monthly active users.";
    const auto before = fw::app::content_hash_of(page);
    page.content_text = "Up to 100 million monthly active users.";
    CHECK(fw::app::content_hash_of(page) != before);
    const auto now = fw::app::content_hash_of(page);
    page.article_text = "Read from the linked page.";
    CHECK(fw::app::content_hash_of(page) == now);
    // Text derived from raw markup adds nothing: hashes stored before stay valid.
    fw::FeedEntry feed;
    feed.title = "Post";
    feed.summary = "<p>Hello</p>";
    const auto raw_only = fw::app::content_hash_of(feed);
    feed.summary_text = "Hello";
    CHECK(fw::app::content_hash_of(feed) == raw_only);
}

TEST_CASE("thin items are a title and at most one sentence", "[app][items][text]") {
    FeedEntry e;
    e.title = "Introducing Muse Flux";
    CHECK(fw::app::is_thin(e));
    e.summary_text = "Introducing Muse Flux";  // the title repeated
    CHECK(fw::app::is_thin(e));
    e.summary_text = "Our newest model is here.";
    CHECK(fw::app::is_thin(e));
    e.summary_text = "Our newest model is here. It is open weights under Apache 2.0. Try it today.";
    CHECK_FALSE(fw::app::is_thin(e));
    e.summary_text = std::string(400, 'a');
    CHECK_FALSE(fw::app::is_thin(e));
}

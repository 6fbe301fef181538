// Every stored item version keeps the texts extraction reads: a watched page's visible text
// (content_text, no raw markup), and the linked article's text (article_text).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/payload_codec.h"
#include "store_fixtures.h"
#include "support/catch.h"

using fw::FeedEntry;
using fw::Item;

namespace {

/// As app::make_items builds it: the hash follows the text (app/item_builder's content_hash_of
/// hashes content_text when there is no raw content; tested in tests/app).
Item page_item(const std::string& text) {
    Item item;
    item.native_id = item.entry.id = item.entry.link = "https://lab.example/terms";
    item.entry.title = "Model Terms of Use";
    item.entry.content_text = text;
    item.fetched_at = fw::make_time(2026, 5, 1);
    item.content_hash = "h:" + text;
    return item;
}

}  // namespace

TEST_CASE("a page whose visible text changes is a new version that keeps both texts", "[store][items][text]") {
    auto store = fw::test::memory_store();
    const auto source = fw::test::add_source(*store, "terms");
    Item v1 = page_item("Up to 700 million monthly active users.");
    v1.source_id = source;
    REQUIRE(store->upsert_items(source, std::vector<Item>{v1})->inserted == 1);
    // The same text again is unchanged; another text is a new version.
    REQUIRE(store->upsert_items(source, std::vector<Item>{v1})->unchanged == 1);
    Item v2 = page_item("Up to 100 million monthly active users. You may not train other models.");
    v2.source_id = source;
    CHECK(v2.content_hash != v1.content_hash);
    REQUIRE(store->upsert_items(source, std::vector<Item>{v2})->changed == 1);

    auto now = store->list_items(fw::test::item_query("terms", std::nullopt));
    REQUIRE(now->size() == 1);
    CHECK((*now)[0].version == 2);
    CHECK((*now)[0].entry.content_text == v2.entry.content_text);
    auto old = store->item_versions((*now)[0].id);
    REQUIRE(old->size() == 1);
    CHECK((*old)[0].entry.content_text == v1.entry.content_text);
}

TEST_CASE("article text is stored with its item and survives an unchanged refetch", "[store][items][text]") {
    auto store = fw::test::memory_store();
    const auto source = fw::test::add_source(*store, "news");
    Item bare;
    bare.native_id = bare.entry.id = bare.entry.link = "https://lab.example/blog/muse-flux";
    bare.entry.title = "Introducing Muse Flux";
    bare.fetched_at = fw::make_time(2026, 5, 1);
    bare.content_hash = "h:bare";
    Item read = bare;
    read.entry.article_text = "Muse Flux is released with open weights under Apache 2.0.";
    REQUIRE(store->upsert_items(source, std::vector<Item>{read})->inserted == 1);
    // The next fetch brings the bare entry again: unchanged, and the stored article stays.
    REQUIRE(store->upsert_items(source, std::vector<Item>{bare})->unchanged == 1);
    auto items = store->list_items(fw::test::item_query("news", std::nullopt));
    REQUIRE(items->size() == 1);
    CHECK((*items)[0].entry.article_text == read.entry.article_text);

    // The payload codec round-trips it, and leaves the key out when there is none.
    const auto payload = fw::store::detail::encode_entry(read.entry, /*with_text=*/false);
    CHECK(fw::store::detail::decode_entry(payload)->article_text == read.entry.article_text);
    CHECK(fw::store::detail::encode_entry(bare.entry, false).find("article_text") == std::string::npos);
}

// encode_entry checks and copies plain text eight bytes at a time; a byte needing an escape,
// a non-ASCII letter or invalid UTF-8 at any place around those eight-byte words must give what
// nlohmann's dump() gives (the writer's contract), and decode back to the same entry.
TEST_CASE("the payload writer escapes and validates text at every place of an eight-byte word",
          "[store][items][text]") {
    const std::vector<std::string> specials{"\"", "\\", "\n", "\x01", "\x1f", "\x7f", "é", "€", "𝄞", "/", " "};
    for (std::size_t before = 0; before < 20; ++before) {
        for (const auto& special : specials) {
            for (std::size_t after : {0, 1, 7, 8, 9, 17}) {
                const std::string text = std::string(before, 'a') + special + std::string(after, 'z');
                FeedEntry e;
                e.title = text;
                e.summary = "<p>" + text + text + "</p>";
                INFO("before " << before << ", after " << after << ", special " << special);
                const auto payload = fw::store::detail::encode_entry(e, /*with_text=*/false);
                CHECK(payload.find(nlohmann::json(text).dump()) != std::string::npos);
                CHECK(payload.find(nlohmann::json(e.summary).dump()) != std::string::npos);
                auto back = fw::store::detail::decode_entry(payload);
                REQUIRE(back.has_value());
                CHECK(back->title == text);
                CHECK(back->summary == e.summary);
            }
        }
        // Invalid UTF-8 (a lone continuation byte, a truncated sequence) is replaced as
        // nlohmann replaces it, wherever it falls.
        for (const std::string& bad : {std::string("\x80"), std::string("\xe2\x82"), std::string("\xed\xa0\x80")}) {
            const std::string text = std::string(before, 'a') + bad + std::string(9, 'z');
            FeedEntry e;
            e.title = text;
            const auto payload = fw::store::detail::encode_entry(e, false);
            const std::string replaced =
                nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            INFO("before " << before);
            CHECK(payload.find(replaced) != std::string::npos);
        }
    }
}

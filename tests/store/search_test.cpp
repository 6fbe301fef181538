#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/fts_query.h"
#include "store_fixtures.h"
#include "support/catch.h"

using fw::Item;
using fw::store::ItemQuery;
using fw::store::detail::fts_query;
using fw::store::detail::search_words;
using fw::test::add_source;
using fw::test::make_item;

namespace {

std::vector<std::string> search_titles(fw::store::Store& store, const std::string& query) {
    auto found = store.list_items(fw::test::item_query({}, query, {}, 0));
    REQUIRE(found.has_value());
    std::vector<std::string> titles;
    for (const auto& item : *found) {
        titles.push_back(item.entry.title);
    }
    return titles;
}

std::unique_ptr<fw::store::SqliteStore> corpus_store() {
    auto store = fw::test::memory_store();
    const auto source = add_source(*store, "news");
    const std::vector<Item> items{
        make_item("1", "Introducing GPT-4o", "our omni model (preview) is here", 1),
        make_item("2", "Muse Spark rolls out to WhatsApp", "Meta's new model in WhatsApp Business", 2),
        make_item("3", "Llama 4 weights released", "open weights under the Llama license", 3),
        make_item("4", "Caf\xC3\xA9 notes", "r\xC3\xA9sum\xC3\xA9 of the week", 4),
    };
    REQUIRE(store->upsert_items(source, items).has_value());
    return store;
}

}  // namespace

TEST_CASE("user words become quoted FTS5 phrases", "[store][search]") {
    CHECK(fts_query("llama weights") == R"("llama" "weights")");
    CHECK(fts_query(R"(GPT-4o "mini)") == R"("GPT-4o" """mini")");
    CHECK(fts_query("llama OR qwen*") == R"("llama" OR "qwen"*)");
    CHECK(fts_query("OR llama OR") == R"("OR" "llama" "OR")");
    CHECK(fts_query("  \t ") == "");
    CHECK(fts_query("*") == "");
}

TEST_CASE("both backends read a search as the same words", "[store][search]") {
    const auto words = search_words("  OR llama* OR  qwen ** OR");
    REQUIRE(words.size() == 6);
    CHECK(words[0].text == "OR");
    CHECK(words[0].maybe_or);  // an operator only after a term: the backends decide
    CHECK(words[1].text == "llama");
    CHECK(words[1].prefix);
    CHECK(words[2].maybe_or);
    CHECK(words[3].text == "qwen");
    CHECK_FALSE(words[3].prefix);
    CHECK(words[4].text == "*");  // stars alone: nothing to search for, both backends skip it
    CHECK(words[5].text == "OR");
    CHECK_FALSE(words[5].maybe_or);  // last: a word
    CHECK(search_words(" \t\n ").empty());
}

TEST_CASE("full-text search finds items by title and text, newest first", "[store][search]") {
    auto store = corpus_store();
    CHECK(search_titles(*store, "whatsapp") == std::vector<std::string>{"Muse Spark rolls out to WhatsApp"});
    CHECK(search_titles(*store, "model") ==
          std::vector<std::string>{"Muse Spark rolls out to WhatsApp", "Introducing GPT-4o"});
    CHECK(search_titles(*store, "weights license") == std::vector<std::string>{"Llama 4 weights released"});
    CHECK(search_titles(*store, "lla*") == std::vector<std::string>{"Llama 4 weights released"});
    CHECK(search_titles(*store, "whatsapp OR llama").size() == 2);
    CHECK(search_titles(*store, "resume cafe").size() == 1);  // diacritics folded
    CHECK(search_titles(*store, "nothing-like-this").empty());
}

TEST_CASE("awkward search queries neither crash nor error", "[store][search]") {
    auto store = corpus_store();
    const std::string query =
        GENERATE(as<std::string>{}, "GPT-4o", "(preview)", "\"", "\"\"\"", "AND", "NOT", "OR", "a AND OR NOT b", "*",
                 "**x", "x*y", "NEAR(a b)", "title:gpt", "^llama", "{a b}", "-", "'; DROP TABLE items; --", "\xFF\xFE",
                 "\xC3\xA9", "+", "a:b:c", "(((", ")");
    INFO(query);
    auto found = store->list_items(fw::test::item_query({}, query));
    REQUIRE(found.has_value());
}

TEST_CASE("punctuated searches still match the words inside", "[store][search]") {
    auto store = corpus_store();
    CHECK(search_titles(*store, "GPT-4o") == std::vector<std::string>{"Introducing GPT-4o"});
    CHECK(search_titles(*store, "(preview)") == std::vector<std::string>{"Introducing GPT-4o"});
    CHECK(search_titles(*store, "Meta's") == std::vector<std::string>{"Muse Spark rolls out to WhatsApp"});
}

TEST_CASE("search follows the current version of an item", "[store][search]") {
    auto store = fw::test::memory_store();
    const auto source = add_source(*store, "page");
    REQUIRE(store->upsert_items(source, std::vector<Item>{make_item("p", "Pricing", "tier alpha")}).has_value());
    REQUIRE(store->upsert_items(source, std::vector<Item>{make_item("p", "Pricing", "tier omega")})->changed == 1);
    CHECK(search_titles(*store, "alpha").empty());
    CHECK(search_titles(*store, "omega") == std::vector<std::string>{"Pricing"});
}

TEST_CASE("search combines with the source filter", "[store][search]") {
    auto store = fw::test::memory_store();
    const auto a = add_source(*store, "a");
    const auto b = add_source(*store, "b");
    REQUIRE(store->upsert_items(a, std::vector<Item>{make_item("1", "Llama in a")}).has_value());
    REQUIRE(store->upsert_items(b, std::vector<Item>{make_item("1", "Llama in b")}).has_value());
    auto found = store->list_items(fw::test::item_query("b", "llama"));
    REQUIRE(found->size() == 1);
    CHECK(found->at(0).entry.title == "Llama in b");
}

TEST_CASE("a limited search gives the newest matches, newest first; paging by id gives the next ones",
          "[store][search]") {
    auto store = fw::test::memory_store();
    const auto a = add_source(*store, "a");
    // Stored out of time order; item 5 is the newest but does not match.
    REQUIRE(store
                ->upsert_items(
                    a, std::vector<Item>{make_item("1", "Llama one", "x", 3), make_item("2", "Llama two", "x", 9),
                                         make_item("3", "Llama three", "x", 1), make_item("4", "Llama four", "x", 7),
                                         make_item("5", "Gemini five", "x", 20)})
                .has_value());
    auto newest = store->list_items(fw::test::item_query(std::nullopt, "llama", std::nullopt, 2));
    REQUIRE(newest.has_value());
    REQUIRE(newest->size() == 2);
    CHECK(newest->at(0).entry.title == "Llama two");
    CHECK(newest->at(1).entry.title == "Llama four");
    CHECK(newest->at(0).entry.summary_text == "x");  // the wide columns are read too
    const std::int64_t first_id = store->list_items(fw::test::item_query(std::nullopt, "one"))->at(0).id;
    auto after = store->list_items(fw::test::item_query("a", "llama", first_id, 2));
    REQUIRE(after.has_value());
    REQUIRE(after->size() == 2);  // by id: items 2 and 3
    CHECK(after->at(0).entry.title == "Llama two");
    CHECK(after->at(1).entry.title == "Llama three");
}

TEST_CASE("items written in a batch are searchable once it commits, and the index stays exact",
          "[store][search][batch]") {
    auto store = fw::test::memory_store();
    const auto a = fw::test::add_source(*store, "a");
    const auto b = fw::test::add_source(*store, "b");
    {
        auto batch = store->begin_batch();
        REQUIRE(batch.has_value());
        REQUIRE(store->upsert_items(a, std::vector<fw::Item>{fw::test::make_item("a1", "Walrus one")}).has_value());
        // A failing call rolls back alone; its row never reaches the index.
        REQUIRE_FALSE(store
                          ->upsert_items(b, std::vector<fw::Item>{fw::test::make_item("b1", "Walrus lost"),
                                                                  fw::test::make_item("", "No id")})
                          .has_value());
        // The same item changed within the batch: the index follows the new text.
        auto changed = fw::test::make_item("a1", "Narwhal one");
        changed.content_hash += "!";
        REQUIRE(store->upsert_items(a, std::vector<fw::Item>{changed})->changed == 1);
        REQUIRE(store->upsert_items(b, std::vector<fw::Item>{fw::test::make_item("b2", "Walrus two")}).has_value());
        // A search inside the batch sees its rows too.
        CHECK(store->list_items(fw::test::item_query(std::nullopt, "walrus"))->size() == 1);
        REQUIRE((*batch)->commit().has_value());
    }
    {
        auto dropped = store->begin_batch();
        REQUIRE(dropped.has_value());
        REQUIRE(store->upsert_items(a, std::vector<fw::Item>{fw::test::make_item("a3", "Walrus three")}).has_value());
    }  // never committed
    REQUIRE(store->upsert_items(b, std::vector<fw::Item>{fw::test::make_item("b4", "Walrus four")}).has_value());

    auto walrus = store->list_items(fw::test::item_query(std::nullopt, "walrus"));
    REQUIRE(walrus.has_value());
    std::vector<std::string> ids;
    for (const auto& item : *walrus) {
        ids.push_back(item.native_id);
    }
    std::sort(ids.begin(), ids.end());
    CHECK(ids == std::vector<std::string>{"b2", "b4"});
    CHECK(store->list_items(fw::test::item_query(std::nullopt, "narwhal"))->size() == 1);
    // FTS5 compares its index with the items table: a row indexed twice or never fails here.
    CHECK(store->database().exec("INSERT INTO items_fts(items_fts) VALUES ('integrity-check')").has_value());
}

namespace {

// A store of `n` items in sources "a" and "b" (every third item in "b"): item k (1-based, also
// its id) has the word "walrus" when matches(k), and the time `at(k)` in seconds. Enough
// matches (>= 2000) make a limited search walk the items by time (store/item_repository.cpp).
struct TimedCorpus {
    std::unique_ptr<fw::store::SqliteStore> store;
    std::vector<std::int64_t> at;  // by item index k - 1
    std::vector<bool> matching;
    std::vector<bool> in_b;
};

template <typename Matches, typename At>
TimedCorpus timed_corpus(int n, Matches matches, At at) {
    TimedCorpus c;
    c.store = fw::test::memory_store();
    const auto a = add_source(*c.store, "a");
    const auto b = add_source(*c.store, "b");
    std::vector<Item> of_a;
    std::vector<Item> of_b;
    for (int k = 1; k <= n; ++k) {
        const bool m = matches(k);
        Item item = make_item(std::to_string(k), m ? "Walrus news " + std::to_string(k) : "Other news",
                              m ? "the walrus again" : "nothing here");
        c.at.push_back(at(k));
        item.entry.published = fw::TimePoint(std::chrono::seconds(c.at.back()));
        c.matching.push_back(m);
        c.in_b.push_back(k % 3 == 0);
        // One item at a time, in k order, so item k gets id k.
        REQUIRE(c.store->upsert_items(k % 3 == 0 ? b : a, std::vector<Item>{item}).has_value());
    }
    return c;
}

// The ids a limited search must give: the matches ordered by (time, id), newest first.
std::vector<std::int64_t> expected_newest(const TimedCorpus& c, std::size_t limit, bool only_b = false) {
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < c.at.size(); ++i) {
        if (c.matching[i] && (!only_b || c.in_b[i])) {
            ids.push_back(static_cast<std::int64_t>(i + 1));
        }
    }
    std::sort(ids.begin(), ids.end(), [&](std::int64_t x, std::int64_t y) {
        const auto tx = c.at[static_cast<std::size_t>(x - 1)];
        const auto ty = c.at[static_cast<std::size_t>(y - 1)];
        return tx != ty ? tx > ty : x > y;
    });
    if (ids.size() > limit) {
        ids.resize(limit);
    }
    return ids;
}

std::vector<std::int64_t> searched_ids(fw::store::Store& store, std::optional<std::string> source,
                                       const std::string& query, int limit) {
    auto found = store.list_items(fw::test::item_query(std::move(source), query, std::nullopt, limit));
    REQUIRE(found.has_value());
    std::vector<std::int64_t> ids;
    for (const auto& item : *found) {
        ids.push_back(item.id);
        CHECK(item.entry.summary_text == "the walrus again");  // the wide columns are read
    }
    return ids;
}

void check_newest(const TimedCorpus& c) {
    for (const int limit : {1, 7, 50, 600}) {
        INFO("limit " << limit);
        const auto want = expected_newest(c, static_cast<std::size_t>(limit));
        CHECK(searched_ids(*c.store, std::nullopt, "walrus", limit) == want);
        CHECK(searched_ids(*c.store, std::nullopt, "wal*", limit) == want);
        CHECK(searched_ids(*c.store, std::string("b"), "walrus", limit) ==
              expected_newest(c, static_cast<std::size_t>(limit), true));
    }
    // Unlimited: every match, newest first (the general plan).
    CHECK(searched_ids(*c.store, std::nullopt, "walrus", 0) == expected_newest(c, c.at.size()));
}

}  // namespace

TEST_CASE("a limited search for a common word gives the newest matches when ids follow time",
          "[store][search][scale]") {
    // Half the items match; times rise with ids, two items share each second (ties by id).
    check_newest(timed_corpus(
        5000, [](int k) { return k % 2 == 0 || k % 7 == 0; }, [](int k) { return 1'700'000'000 + k / 2; }));
}

TEST_CASE("a limited search gives the newest matches when ids are near, but not in, time order",
          "[store][search][scale]") {
    // Each item up to 20 places from its id order; three in five items match.
    check_newest(timed_corpus(
        5000, [](int k) { return (k * 7919) % 5 < 3; },
        [](int k) { return 1'700'000'000 + 10 * k + (k * 104729) % 400 - 200; }));
}

TEST_CASE("a limited search gives the newest matches when ids are far from time order", "[store][search][scale]") {
    // Times are a shuffle of the ids: a chunk of the newest items spans the whole id range.
    check_newest(timed_corpus(
        5000, [](int k) { return k % 2 == 1; }, [](int k) { return 1'700'000'000 + (k * 2654435761LL) % 5003; }));
}

TEST_CASE("a limited search gives the newest matches when only old items match", "[store][search][scale]") {
    // The 2,500 oldest items match, the 2,500 newest do not: the walk goes through them all.
    check_newest(timed_corpus(
        5000, [](int k) { return k <= 2500; }, [](int k) { return 1'700'000'000 + k; }));
}

TEST_CASE("a limited search with fewer matches than its limit gives them all", "[store][search][scale]") {
    auto c = timed_corpus(
        4000, [](int k) { return k % 4000 != 0 && k > 1500; }, [](int k) { return 1'700'000'000 + k; });
    CHECK(searched_ids(*c.store, std::nullopt, "walrus", 3000) == expected_newest(c, 3000));
    CHECK(searched_ids(*c.store, std::nullopt, "walrus", 3000).size() == 2499);
}

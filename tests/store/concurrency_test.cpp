// Two connections on one file, as the CLI and the GUI would have.
#include <chrono>
#include <future>
#include <thread>
#include <vector>

#include "store/database.h"
#include "store_fixtures.h"
#include "support/catch.h"
#include "support/temp_dir.h"

using fw::Item;
using fw::store::SqliteStore;
using fw::store::Transaction;

namespace {

std::unique_ptr<SqliteStore> open_file(const std::string& path) {
    auto store = SqliteStore::open(path);
    REQUIRE(store.has_value());
    return std::move(*store);
}

}  // namespace

TEST_CASE("a reader sees committed data while a writer holds its transaction", "[store][concurrency]") {
    fw::test::TempDir dir;
    const std::string path = (dir / "shared.db").string();
    auto writer = open_file(path);
    auto reader = open_file(path);
    const auto source = fw::test::add_source(*writer, "blog");
    REQUIRE(writer->upsert_items(source, std::vector<Item>{fw::test::make_item("a", "A")}).has_value());

    auto tx = Transaction::begin(writer->database());
    REQUIRE(tx.has_value());
    REQUIRE(writer->upsert_items(source, std::vector<Item>{fw::test::make_item("b", "B")}).has_value());
    // WAL: the reader is not blocked and sees only the committed row.
    auto during = reader->list_items({});
    REQUIRE(during.has_value());
    CHECK(during->size() == 1);
    REQUIRE(tx->commit().has_value());
    CHECK(reader->list_items({})->size() == 2);
}

TEST_CASE("a second writer waits for the first instead of failing", "[store][concurrency]") {
    fw::test::TempDir dir;
    const std::string path = (dir / "shared.db").string();
    auto first = open_file(path);
    auto second = open_file(path);

    auto tx = Transaction::begin(first->database());
    REQUIRE(tx.has_value());
    REQUIRE(first->add_source(fw::test::make_source("one")).has_value());

    // The second connection runs on its own thread (one store per thread) and must block on
    // the busy timeout until the first commits.
    const auto started = std::chrono::steady_clock::now();
    auto waiting = std::async(std::launch::async, [&] {
        auto id = second->add_source(fw::test::make_source("two"));
        return std::make_pair(id.has_value(), std::chrono::steady_clock::now());
    });
    CHECK(waiting.wait_for(std::chrono::milliseconds(300)) == std::future_status::timeout);
    REQUIRE(tx->commit().has_value());
    const auto [added, finished] = waiting.get();
    CHECK(added);
    CHECK(finished - started >= std::chrono::milliseconds(300));
    CHECK(first->list_sources()->size() == 2);
}

TEST_CASE("the file passes integrity_check after a mixed workload", "[store][concurrency]") {
    fw::test::TempDir dir;
    const std::string path = (dir / "work.db").string();
    {
        auto store = open_file(path);
        const auto a = fw::test::add_source(*store, "a");
        const auto b = fw::test::add_source(*store, "b");
        std::vector<Item> items;
        for (int i = 0; i < 200; ++i) {
            items.push_back(fw::test::make_item("n" + std::to_string(i), "Item " + std::to_string(i),
                                                "text " + std::to_string(i % 7)));
        }
        REQUIRE(store->upsert_items(a, items).has_value());
        REQUIRE(store->upsert_items(b, items).has_value());
        for (auto& item : items) {
            item.entry.summary_text += " changed";
            item.content_hash += "!";
        }
        REQUIRE(store->upsert_items(a, items)->changed == 200);
        fw::Event e = fw::test::make_event("k", "t");
        e.evidence = {fw::test::make_evidence(1, "u"), fw::test::make_evidence(300, "v")};
        REQUIRE(store->upsert_event(e).has_value());
        REQUIRE(store->remove_source("a", true).has_value());
        REQUIRE(store->delete_auto_events().has_value());
    }
    auto reopened = open_file(path);
    auto check = reopened->database().integrity_check();
    REQUIRE(check.has_value());
    CHECK(*check == "ok");
    REQUIRE(reopened->database().exec("INSERT INTO items_fts(items_fts) VALUES ('integrity-check')").has_value());
    auto counts = reopened->counts();
    CHECK(counts->items == 200);
    CHECK(counts->item_versions == 0);
}

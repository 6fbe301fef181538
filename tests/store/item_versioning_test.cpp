// Item versioning as a pure decision (store/item_versioning.h), tested once for both backends.

#include "store/item_versioning.h"
#include "support/catch.h"

using fw::store::decide_item_write;
using fw::store::ItemWrite;

TEST_CASE("a new key is inserted, a changed hash is a new version, the same hash writes nothing",
          "[store][items][versioning]") {
    CHECK(decide_item_write(std::nullopt, "h1") == ItemWrite::Insert);
    CHECK(decide_item_write(std::string("h1"), "h2") == ItemWrite::NewVersion);
    CHECK(decide_item_write(std::string("h1"), "h1") == ItemWrite::Unchanged);
    // An empty stored hash is still a stored item: a hash appearing is a change.
    CHECK(decide_item_write(std::string(), "h1") == ItemWrite::NewVersion);
    CHECK(decide_item_write(std::string(), "") == ItemWrite::Unchanged);
}

TEST_CASE("an item without a native id cannot be keyed", "[store][items][versioning]") {
    fw::Item item;
    item.entry.title = "No id";
    auto refused = fw::store::check_item_key(7, item);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == fw::ErrorCode::Invalid);
    item.native_id = "n1";
    CHECK(fw::store::check_item_key(7, item).has_value());
}

// `db merge` between two SQLite files (the PostgreSQL directions: db_merge_pg_test.cpp).

#include "app/db_merge.h"
#include "db_merge_support.h"
#include "support/temp_dir.h"

using namespace fw;

TEST_CASE("db merge: sources by URL, items with versions, curation wins, twice adds nothing", "[app][merge]") {
    test::TempDir dir;
    auto origin = store::open_store((dir / "analyst.db").string());
    auto target = store::open_store((dir / "team.db").string());
    REQUIRE(origin);
    REQUIRE(target);
    test::merge::fill_origin(**origin);
    test::merge::fill_target(**target);
    test::merge::check_merge(**origin, **target);
}

TEST_CASE("db merge names a missing origin and refuses to merge a store into itself", "[app][merge]") {
    test::TempDir dir;
    auto missing = app::merge_database((dir / "nope.db").string(), (dir / "team.db").string());
    REQUIRE(!missing);
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(missing.error().describe().find("nope.db") != std::string::npos);
    CHECK(!std::filesystem::exists(dir / "team.db"));
}

// `db merge` across backends: an analyst's SQLite file into the team's PostgreSQL, and back.

#include "db_merge_support.h"
#include "support/pg_server.h"
#include "support/temp_dir.h"

using namespace fw;

TEST_CASE("db merge from SQLite into PostgreSQL", "[app][merge][pg]") {
    FW_REQUIRE_PG(pg);
    test::TempDir dir;
    auto origin = store::open_store((dir / "analyst.db").string());
    auto target = store::open_store(pg.url());
    REQUIRE(origin);
    REQUIRE(target);
    test::merge::fill_origin(**origin);
    test::merge::fill_target(**target);
    test::merge::check_merge(**origin, **target);
}

TEST_CASE("db merge from PostgreSQL into SQLite", "[app][merge][pg]") {
    FW_REQUIRE_PG(pg);
    test::TempDir dir;
    auto origin = store::open_store(pg.url());
    auto target = store::open_store((dir / "team.db").string());
    REQUIRE(origin);
    REQUIRE(target);
    test::merge::fill_origin(**origin);
    test::merge::fill_target(**target);
    test::merge::check_merge(**origin, **target);
}

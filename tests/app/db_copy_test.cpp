// `db copy`: a single-user SQLite store moved into an empty one through the Store interface;
// every table arrives, ids remapped (tests/app/db_copy_support.h).

#include "db_copy_support.h"
#include "support/temp_dir.h"

using namespace fw;

TEST_CASE("db copy moves every table of a SQLite store into an empty one", "[app][copy]") {
    test::TempDir dir;
    const std::string origin = (dir / "analyst.db").string();
    {
        auto from = store::open_store(origin);
        REQUIRE(from);
        test::dbcopy::fill(**from);
    }
    test::dbcopy::check(origin, (dir / "copy.db").string());
}

TEST_CASE("db copy refuses a target that holds data", "[app][copy]") {
    test::TempDir dir;
    const std::string origin = (dir / "analyst.db").string();
    const std::string target = (dir / "team.db").string();
    {
        auto from = store::open_store(origin);
        auto to = store::open_store(target);
        REQUIRE(from);
        REQUIRE(to);
        test::dbcopy::fill(**from);
        test::merge::add(**to, "team", "https://example.org/team.xml");
    }
    auto copied = app::copy_database(origin, target);
    REQUIRE_FALSE(copied);
    CHECK(copied.error().code == ErrorCode::Invalid);
}

// `db copy` into the team's PostgreSQL (tests/app/db_copy_support.h).

#include "db_copy_support.h"
#include "support/pg_server.h"
#include "support/temp_dir.h"

using namespace fw;

TEST_CASE("db copy moves every table of a SQLite store into PostgreSQL", "[app][copy][pg]") {
    FW_REQUIRE_PG(pg);
    test::TempDir dir;
    const std::string origin = (dir / "analyst.db").string();
    {
        auto from = store::open_store(origin);
        REQUIRE(from);
        test::dbcopy::fill(**from);
    }
    test::dbcopy::check(origin, pg.url());
}

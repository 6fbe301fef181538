// `frontierwatch --db X.db demo` (issue 17): the demo goes into X.db, or is refused with a clear
// message when X.db already holds data or names a PostgreSQL store; without --db it goes into
// OUT/frontierwatch-demo.db as before.

#include "cli/cli_harness.h"
#include "support/catch.h"

using namespace fw::test;

namespace {

/// How many sources a database holds, read back through the CLI.
std::size_t source_count(const Cli& cli, const std::string& db) {
    auto list = cli.raw({"--db", db, "--json", "sources", "list"});
    REQUIRE(list.exit_code == 0);
    const auto j = parse_json(list.out);
    REQUIRE(j.is_array());
    return j.size();
}

}  // namespace

TEST_CASE("demo writes into the database --db names", "[cli][demo]") {
    Cli cli;
    const auto out = cli.dir() / "demo-out";
    const auto db = (cli.dir() / "chosen" / "X.db").string();
    auto r = cli.raw({"--db", db, "-q", "demo", "--out", out.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("Demo database: " + db) != std::string::npos);
    CHECK(std::filesystem::exists(out / "report.html"));
    CHECK_FALSE(std::filesystem::exists(out / "frontierwatch-demo.db"));
    CHECK(source_count(cli, db) > 5);
    auto events = cli.raw({"--db", db, "--json", "events", "list"});
    REQUIRE(events.exit_code == 0);
    CHECK(parse_json(events.out).size() > 10);
}

TEST_CASE("demo refuses to overwrite a database that holds data", "[cli][demo]") {
    Cli cli;
    REQUIRE(cli({"init"}).exit_code == 0);
    REQUIRE(cli({"sources", "add", "https://example.com/feed.xml", "--kind", "feed", "--name", "mine"}).exit_code == 0);
    auto r = cli({"demo", "--out", (cli.dir() / "demo-out").string()});
    CHECK(r.exit_code == 2);
    CHECK(line_count(r.err) == 1);
    CHECK(r.err.find("already exists") != std::string::npos);
    CHECK(r.err.find(std::filesystem::path(cli.db()).filename().string()) != std::string::npos);
    CHECK(source_count(cli, cli.db()) == 1);  // the user's store is untouched
}

TEST_CASE("demo refuses a PostgreSQL --db with a clear message", "[cli][demo]") {
    Cli cli;
    const auto out = cli.dir() / "demo-out";
    auto r = cli.raw({"--db", "postgresql://nobody@127.0.0.1:1/none", "demo", "--out", out.string()});
    CHECK(r.exit_code == 2);
    CHECK(line_count(r.err) == 1);
    CHECK(r.err.find("PostgreSQL") != std::string::npos);
    CHECK(r.err.find("db copy") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out / "frontierwatch-demo.db"));
}

TEST_CASE("without --db the demo database is OUT/frontierwatch-demo.db, replaced on each run", "[cli][demo]") {
    Cli cli;
    const auto out = cli.dir() / "demo-out";
    for (int run = 0; run < 2; ++run) {
        auto r = cli.raw({"-q", "demo", "--out", out.string()});
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
    }
    const auto db = (out / "frontierwatch-demo.db").string();
    REQUIRE(std::filesystem::exists(db));
    const auto once = source_count(cli, db);
    CHECK(once > 5);
    // The default store under XDG_DATA_HOME is neither created nor filled by the demo.
    CHECK_FALSE(std::filesystem::exists(cli.dir() / "xdg-data" / "frontierwatch" / "frontierwatch.db"));
}

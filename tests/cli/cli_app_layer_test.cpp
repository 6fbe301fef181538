// The application layer through the real program: `sources edit`, health in `sources list`,
// and reading commands that leave the database file as it was (and work on a read-only one).

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli_harness.h"
#include "support/catch.h"
#include "support/paths.h"

using namespace fw::test;

namespace {

void add_meta_feed(const Cli& cli) {
    REQUIRE(cli({"sources", "add", Cli::file_url(test_data("cli/meta_newsroom.xml")), "--name", "meta-news", "--lab",
                 "meta"})
                .exit_code == 0);
}

struct FileState {
    bool exists = false;
    std::string bytes;
    std::filesystem::file_time_type mtime{};
    bool operator==(const FileState&) const = default;
};

FileState state_of(const std::filesystem::path& p) {
    FileState s;
    std::error_code ec;
    if (!std::filesystem::exists(p, ec))
        return s;
    s.exists = true;
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    s.bytes = ss.str();
    s.mtime = std::filesystem::last_write_time(p);
    return s;
}

}  // namespace

TEST_CASE("sources edit changes a source and keeps what was learnt about it", "[cli][sources]") {
    Cli cli;
    add_meta_feed(cli);
    REQUIRE(cli({"fetch"}).exit_code == 0);
    const auto before = parse_json(cli({"--json", "sources", "list"}).out);
    REQUIRE(before.size() == 1);

    auto edited = cli({"sources", "edit", "meta-news", "--name", "meta-newsroom", "--every", "2h"});
    CHECK(edited.exit_code == 0);
    const auto after = parse_json(cli({"--json", "sources", "list"}).out);
    REQUIRE(after.size() == 1);
    CHECK(after[0]["name"] == "meta-newsroom");
    CHECK(after[0]["interval_seconds"] == 7200);
    CHECK(after[0]["url"] == before[0]["url"]);
    CHECK(after[0]["last_fetch_at"] == before[0]["last_fetch_at"]);
    CHECK(after[0]["last_status"] == "ok");
    CHECK(after[0]["newest_item_at"] == before[0]["newest_item_at"]);
    CHECK(after[0]["due_at"] == before[0]["due_at"]);
    const auto items = parse_json(cli({"--json", "items", "list", "--source", "meta-newsroom"}).out);
    CHECK(items.size() == 3);

    auto unknown = cli({"sources", "edit", "no-such-source", "--every", "1h"});
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.err.find("no-such-source") != std::string::npos);
    CHECK(line_count(unknown.err) == 1);
    REQUIRE(cli({"sources", "add", "https://example.org/feed.xml", "--name", "other"}).exit_code == 0);
    auto clash = cli({"sources", "edit", "other", "--name", "meta-newsroom"});
    CHECK(clash.exit_code == 1);
    CHECK(clash.err.find("meta-newsroom") != std::string::npos);
}

TEST_CASE("sources list says which sources are failing or stale, with the reason", "[cli][sources]") {
    Cli cli;
    add_meta_feed(cli);
    REQUIRE(cli({"sources", "add", Cli::file_url(cli.dir() / "missing.xml"), "--name", "gone"}).exit_code == 0);
    REQUIRE(cli({"sources", "add", "https://example.org/feed.xml", "--name", "unfetched"}).exit_code == 0);
    CHECK(cli({"fetch", "meta-news", "gone"}).exit_code == 3);
    const auto listed = parse_json(cli({"--json", "sources", "list"}).out);
    REQUIRE(listed.size() == 3);
    for (const auto& s : listed) {
        INFO(s.dump());
        for (const auto* key : {"name", "url", "kind", "lab", "last_fetch_at", "last_status", "consecutive_failures",
                                "newest_item_at", "health", "health_reason"}) {
            CHECK(s.contains(key));
        }
        if (s["name"] == "gone") {
            CHECK(s["health"] == "failing");
            CHECK(s["health_reason"].get<std::string>().find("1 failed fetch") == 0);
        } else if (s["name"] == "unfetched") {
            CHECK(s["health"] == "never_fetched");
        } else {
            // The fixture's items are months old against an hourly default: stale.
            CHECK((s["health"] == "stale" || s["health"] == "fresh"));
        }
    }
    const auto text = cli({"sources", "list"});
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("FAILING: 1 failed fetch") != std::string::npos);
    CHECK(text.out.find("never fetched") != std::string::npos);
}

TEST_CASE("reading commands leave the database file untouched and work on a read-only file", "[cli][readonly]") {
    Cli cli;
    add_meta_feed(cli);
    REQUIRE(cli({"fetch"}).exit_code == 0);
    const std::filesystem::path db = cli.db();
    const std::filesystem::path wal = cli.db() + "-wal";
    const auto feed = test_data("cli/meta_newsroom.xml").string();
    const std::vector<std::vector<std::string>> reading = {
        {"sources", "list"}, {"--json", "sources", "list"}, {"items", "list"}, {"events", "list"},
        {"report"},          {"--json", "report"},          {"parse", feed},
    };
    const auto db_before = state_of(db);
    const auto wal_before = state_of(wal);
    REQUIRE(db_before.exists);
    for (const auto& args : reading) {
        INFO(args.back());
        CHECK(cli(args).exit_code == 0);
        CHECK(state_of(db) == db_before);
        CHECK(state_of(wal) == wal_before);
    }

    std::filesystem::permissions(db, std::filesystem::perms::owner_read | std::filesystem::perms::group_read |
                                         std::filesystem::perms::others_read);
    if (::geteuid() == 0) {
        WARN("running as root: the read-only permission bits do not stop writes");
    }
    for (const auto& args : reading) {
        INFO(args.back());
        const auto r = cli(args);
        CHECK(r.exit_code == 0);
        CHECK(r.err.find("readonly") == std::string::npos);
    }
    CHECK(state_of(db) == db_before);
}

TEST_CASE("db merge reports its counts and a second merge adds nothing", "[cli][merge]") {
    Cli analyst;
    add_meta_feed(analyst);
    REQUIRE(analyst({"fetch"}).exit_code == 0);
    Cli team;
    REQUIRE(team({"sources", "add", "https://example.org/team.xml", "--name", "team-feed"}).exit_code == 0);

    auto first = team.raw({"--json", "db", "merge", "--from", analyst.db(), "--to", team.db()});
    REQUIRE(first.exit_code == 0);
    const auto j = parse_json(first.out);
    REQUIRE(j.is_object());
    CHECK(j["sources_added"] == 1);
    CHECK(j["items_added"] == 3);
    CHECK(j["events_added"].get<int>() >= 1);
    const auto events = parse_json(team({"--json", "events", "list"}).out);
    CHECK(events.size() == j["events_added"].get<std::size_t>());

    auto second = parse_json(team.raw({"--json", "db", "merge", "--from", analyst.db(), "--to", team.db()}).out);
    CHECK(second["sources_added"] == 0);
    CHECK(second["sources_matched"] == 1);
    CHECK(second["items_added"] == 0);
    CHECK(second["events_added"] == 0);
    CHECK(parse_json(team({"--json", "sources", "list"}).out).size() == 2);

    auto text = team.raw({"db", "merge", "--from", analyst.db(), "--to", team.db()});
    CHECK(text.exit_code == 0);
    CHECK(text.err.find("merged: 0 sources added (1 matched by URL)") != std::string::npos);
    auto missing = team.raw({"db", "merge", "--from", (team.dir() / "nope.db").string(), "--to", team.db()});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("nope.db") != std::string::npos);
}

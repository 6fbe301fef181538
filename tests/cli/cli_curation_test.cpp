#include "cli/cli_harness.h"
#include "support/catch.h"

using namespace fw::test;

namespace {

nlohmann::json event_by_id(const Cli& cli, long long id) {
    for (const auto& e : parse_json(cli({"--json", "events", "list"}).out)) {
        if (e["id"] == id) {
            return e;
        }
    }
    return nullptr;
}

}  // namespace

TEST_CASE("manual events, confirm and reject survive extract --rebuild", "[cli][curation]") {
    Cli cli;
    REQUIRE(cli({"sources", "add", Cli::file_url(test_data("cli/meta_newsroom.xml")), "--name", "meta-news", "--lab",
                 "meta"})
                .exit_code == 0);
    REQUIRE(cli({"fetch"}).exit_code == 0);

    auto added = cli({"--json", "events", "add", "--kind", "analyst_rating", "--at", "2026-04-10", "--lab", "meta",
                      "--set", "firm=Example Securities", "--set", "symbol=META", "--set", "new_target=850",
                      "--evidence", "https://example.com/note"});
    REQUIRE(added.exit_code == 0);
    const long long manual_id = parse_json(added.out)["id"];
    auto manual = event_by_id(cli, manual_id);
    REQUIRE(manual.is_object());
    CHECK(manual["review"] == "manual");
    CHECK(manual["fields"]["new_target"] == 850);

    auto events = parse_json(cli({"--json", "events", "list"}).out);
    REQUIRE(events.size() >= 3);
    long long confirmed = -1;
    long long rejected = -1;
    for (const auto& e : events) {
        if (e["review"] != "auto") {
            continue;
        }
        if (confirmed < 0) {
            confirmed = e["id"];
        } else if (rejected < 0) {
            rejected = e["id"];
        }
    }
    REQUIRE(rejected > 0);
    REQUIRE(cli({"events", "confirm", std::to_string(confirmed)}).exit_code == 0);
    REQUIRE(cli({"events", "reject", std::to_string(rejected)}).exit_code == 0);
    const auto confirmed_key = event_by_id(cli, confirmed)["title"];

    REQUIRE(cli({"extract", "--rebuild"}).exit_code == 0);
    auto after = parse_json(cli({"--json", "events", "list"}).out);
    int manual_seen = 0, confirmed_seen = 0, rejected_seen = 0;
    for (const auto& e : after) {
        manual_seen += e["review"] == "manual";
        confirmed_seen += e["review"] == "confirmed";
        rejected_seen += e["review"] == "rejected";
    }
    CHECK(manual_seen == 1);
    CHECK(confirmed_seen == 1);
    CHECK(rejected_seen == 1);
    CHECK(after.size() == events.size());

    CHECK(cli({"events", "confirm", "999999"}).exit_code == 1);
    CHECK(cli({"events", "add", "--kind", "nonsense", "--at", "2026-01-01"}).exit_code == 2);
}

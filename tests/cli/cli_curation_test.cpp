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

TEST_CASE("fields given by hand are checked against the kind's declared fields", "[cli][curation][schema]") {
    Cli cli;
    REQUIRE(cli({"init"}).exit_code == 0);
    // A misspelt field is refused with the kind's fields, instead of being stored and read as null.
    auto typo = cli({"events", "add", "--kind", "model_release", "--at", "2026-04-08", "--lab", "meta", "--model",
                     "Muse Spark", "--set", "openess=api"});
    CHECK(typo.exit_code == 2);
    CHECK(typo.err.find("model_release has no field 'openess'") != std::string::npos);
    CHECK(typo.err.find("openness, license, tier") != std::string::npos);
    auto bad_value = cli({"events", "add", "--kind", "model_release", "--at", "2026-04-08", "--lab", "meta", "--model",
                          "Muse Spark", "--set", "tier=frontier"});
    CHECK(bad_value.exit_code == 2);
    CHECK(bad_value.err.find("flagship|mid|small|unknown") != std::string::npos);
    auto bad_type = cli({"events", "add", "--kind", "capex_guidance", "--at", "2026-01-28", "--lab", "meta", "--set",
                         "fiscal_year=next"});
    CHECK(bad_type.exit_code == 2);
    CHECK(bad_type.err.find("'fiscal_year' takes integer") != std::string::npos);
    CHECK(parse_json(cli({"--json", "events", "list"}).out).empty());  // nothing half-stored

    // A good one is stored typed, and the contract's required fields come out as null.
    auto ok = cli({"--json", "events", "add", "--kind", "capex_guidance", "--at", "2026-01-28", "--lab", "meta",
                   "--set", "company=Meta", "--set", "fiscal_year=2026", "--set", "low_usd=115e9"});
    REQUIRE(ok.exit_code == 0);
    const auto e = event_by_id(cli, parse_json(ok.out)["id"]);
    CHECK(e["fields"]["low_usd"] == 115000000000LL);
    CHECK(e["fields"]["fiscal_year"].is_number_integer());
    CHECK(e["fields"].contains("prior_low_usd"));
    CHECK(e["fields"]["prior_low_usd"].is_null());
    CHECK(e["fields"]["direction"].is_null());
}

TEST_CASE("events fields lists each kind's declared fields", "[cli][schema]") {
    Cli cli;
    auto all = cli.raw({"--json", "events", "fields"});
    REQUIRE(all.exit_code == 0);
    const auto j = parse_json(all.out);
    REQUIRE(j.contains("model_release"));
    REQUIRE(j.contains("analyst_rating"));
    bool openness_required = false;
    for (const auto& f : j["model_release"]) {
        if (f["name"] == "openness") {
            openness_required = f["required"] == true && f["type"] == "text" && f["values"].size() == 8;
        }
    }
    CHECK(openness_required);
    auto one = cli.raw({"events", "fields", "personnel_move"});
    CHECK(one.exit_code == 0);
    CHECK(one.out.find("move  text, required  (joined|left|role_change)") != std::string::npos);
    CHECK(one.out.find("capex_guidance") == std::string::npos);
    CHECK(cli.raw({"events", "fields", "no_such_kind"}).exit_code == 2);
}

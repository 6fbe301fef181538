#include "cli/cli_harness.h"
#include "support/catch.h"

using namespace fw::test;

namespace {

void add_meta_feed(const Cli& cli) {
    REQUIRE(cli({"sources", "add", Cli::file_url(test_data("cli/meta_newsroom.xml")), "--name",
                 "meta-news", "--lab", "meta"}).exit_code == 0);
}

}  // namespace

TEST_CASE("fetch --json follows the contract and a second fetch stores nothing twice", "[cli][fetch]") {
    Cli cli;
    add_meta_feed(cli);
    auto first = cli({"--json", "fetch"});
    REQUIRE(first.exit_code == 0);
    auto j = parse_json(first.out);
    REQUIRE(j.is_object());
    REQUIRE(j["sources"].size() == 1);
    const auto& s = j["sources"][0];
    for (const auto* key : {"name", "url", "status", "http_status", "new_items", "error"}) {
        INFO(key);
        CHECK(s.contains(key));
    }
    CHECK(s["status"] == "ok");
    CHECK(s["new_items"] == 3);
    CHECK(s["error"].is_null());
    CHECK(j.contains("new_events"));
    CHECK(j["new_events"].get<int>() >= 1);

    auto second = parse_json(cli({"--json", "fetch", "--all"}).out);
    CHECK(second["sources"][0]["new_items"] == 0);
    CHECK(second["new_events"] == 0);
    auto items = parse_json(cli({"--json", "items", "list", "--limit", "0"}).out);
    CHECK(items.size() == 3);
}

TEST_CASE("a failing source does not stop the others: exit 3 and the summary names it", "[cli][fetch]") {
    Cli cli;
    add_meta_feed(cli);
    REQUIRE(cli({"sources", "add", Cli::file_url(test_data("cli/broken.xml")), "--name", "interstitial"}).exit_code == 0);
    REQUIRE(cli({"sources", "add", Cli::file_url(cli.dir() / "missing.xml"), "--name", "gone"}).exit_code == 0);
    auto r = cli({"--json", "fetch"});
    CHECK(r.exit_code == 3);
    auto j = parse_json(r.out);
    REQUIRE(j["sources"].size() == 3);
    int failed = 0;
    for (const auto& s : j["sources"]) {
        if (s["name"] == "meta-news") {
            CHECK(s["status"] == "ok");
        } else {
            CHECK(s["status"] == "failed");
            CHECK(s["error"].is_string());
            ++failed;
        }
    }
    CHECK(failed == 2);
    CHECK(r.err.find("interstitial") != std::string::npos);
    CHECK(r.err.find("gone") != std::string::npos);
    auto health = parse_json(cli({"--json", "sources", "list"}).out);
    for (const auto& s : health) {
        if (s["name"] == "gone") {
            CHECK(s["consecutive_failures"] == 1);
            CHECK(s["last_status"] == "failed");
        }
    }
}

TEST_CASE("every source failing is a failure, exit 1", "[cli][fetch]") {
    Cli cli;
    REQUIRE(cli({"sources", "add", Cli::file_url(cli.dir() / "missing.xml"), "--name", "gone"}).exit_code == 0);
    CHECK(cli({"fetch"}).exit_code == 1);
}

TEST_CASE("items list searches the full text", "[cli][items]") {
    Cli cli;
    add_meta_feed(cli);
    REQUIRE(cli({"fetch"}).exit_code == 0);
    auto found = parse_json(cli({"--json", "items", "list", "--search", "WhatsApp"}).out);
    REQUIRE(found.size() == 1);
    for (const auto* key : {"id", "source", "native_id", "title", "link", "published", "fetched_at"}) {
        CHECK(found[0].contains(key));
    }
    CHECK(found[0]["source"] == "meta-news");
    CHECK(parse_json(cli({"--json", "items", "list", "--search", "nothing-like-this"}).out).empty());
}

TEST_CASE("events list and report --format json carry every documented key", "[cli][report]") {
    Cli cli;
    add_meta_feed(cli);
    REQUIRE(cli({"fetch"}).exit_code == 0);
    auto events = parse_json(cli({"--json", "events", "list"}).out);
    REQUIRE(events.is_array());
    REQUIRE_FALSE(events.empty());
    for (const auto* key : {"id", "kind", "occurred_at", "lab", "model", "person", "surface", "title",
                            "fields", "confidence", "review", "evidence"}) {
        INFO(key);
        CHECK(events[0].contains(key));
    }
    bool launch = false;
    for (const auto& e : events) {
        if (e["kind"] == "model_release" && e["model"] == "muse-spark") {
            launch = true;
            CHECK(e["occurred_at"].get<std::string>().rfind("2026-04-08", 0) == 0);
            REQUIRE_FALSE(e["evidence"].empty());
            CHECK(e["evidence"][0]["source"] == "meta-news");
        }
    }
    CHECK(launch);

    auto report = parse_json(cli({"report", "--format", "json", "--as-of", "2026-11-20"}).out);
    REQUIRE(report.is_object());
    for (const auto* key : {"generated_at", "as_of", "rollout", "eval_disclosure", "openness",
                            "license_changes", "people", "cascade", "market", "questions"}) {
        INFO(key);
        CHECK(report.contains(key));
    }
    CHECK(report["as_of"].get<std::string>().rfind("2026-11-20", 0) == 0);
    for (const auto* key : {"event_studies", "analyst_actions", "capex_guidance"}) {
        CHECK(report["market"].contains(key));
    }
    CHECK(report["cascade"].contains("trigger"));
    CHECK(report["cascade"].contains("windows"));
}

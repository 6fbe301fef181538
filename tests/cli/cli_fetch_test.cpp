#include <algorithm>
#include <chrono>
#include <vector>

#include "cli/cli_harness.h"
#include "support/catch.h"
#include "support/loopback_server.h"
#include "support/paths.h"

using namespace fw::test;

namespace {

void add_meta_feed_source(const Cli& cli) {
    REQUIRE(cli({"sources", "add", Cli::file_url(test_data("cli/meta_newsroom.xml")), "--name", "meta-news", "--lab",
                 "meta"})
                .exit_code == 0);
}

}  // namespace

TEST_CASE("fetch --json follows the contract and a second fetch stores nothing twice", "[cli][fetch]") {
    Cli cli;
    add_meta_feed_source(cli);
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

TEST_CASE("fetch --host-interval-ms spaces the requests to one host; a negative value is a usage error",
          "[cli][fetch]") {
    using namespace std::chrono_literals;
    Cli cli;
    LoopbackServer server;
    const std::string feed = read_file(test_data("cli/meta_newsroom.xml"));
    for (const char* path : {"/a.xml", "/b.xml", "/c.xml"}) {
        server.route(path, reply(200, feed, "application/rss+xml"));
        REQUIRE(cli({"sources", "add", server.url(path), "--name", std::string("feed") + path[1]}).exit_code == 0);
    }
    auto bad = cli({"fetch", "--all", "--host-interval-ms", "-5"});
    CHECK(bad.exit_code == 2);
    CHECK(server.total_hits() == 0);

    REQUIRE(cli({"-q", "fetch", "--all", "--host-interval-ms", "300"}).exit_code == 0);
    std::vector<std::chrono::steady_clock::time_point> starts;
    for (const char* path : {"/a.xml", "/b.xml", "/c.xml"}) {
        const auto seen = server.requests(path);
        REQUIRE(seen.size() == 1);
        starts.push_back(seen[0].at);
    }
    std::sort(starts.begin(), starts.end());
    // A lower bound only: the interval is a promise of politeness; a busy machine may be slower.
    CHECK(starts[1] - starts[0] >= 250ms);
    CHECK(starts[2] - starts[1] >= 250ms);

    // With no spacing, the per-host cap (2) is what limits: slow answers overlap.
    LoopbackServer mirror("127.0.0.2");
    Reply slow = reply(200, feed, "application/rss+xml");
    slow.delay = 400ms;
    for (const char* path : {"/d.xml", "/e.xml", "/f.xml"}) {
        mirror.route(path, slow);
        REQUIRE(cli({"sources", "add", mirror.url(path), "--name", std::string("mirror") + path[1]}).exit_code == 0);
    }
    REQUIRE(cli({"-q", "fetch", "--all", "--host-interval-ms", "0"}).exit_code == 0);
    CHECK(mirror.total_hits() == 3);
    CHECK(mirror.max_concurrent() == 2);
}

TEST_CASE("a source moves to its new URL after three permanent redirects in a row, never after 302s",
          "[cli][fetch][H5]") {
    Cli cli;
    LoopbackServer server;
    const std::string feed = read_file(test_data("cli/meta_newsroom.xml"));
    server.route("/new.xml", reply(200, feed, "application/rss+xml"));
    server.route("/old.xml", reply(301, "", "text/plain", {{"Location", server.url("/new.xml")}}));
    server.route("/temp.xml", reply(302, "", "text/plain", {{"Location", server.url("/new.xml")}}));
    REQUIRE(cli({"sources", "add", server.url("/old.xml"), "--name", "moved"}).exit_code == 0);
    REQUIRE(cli({"sources", "add", server.url("/temp.xml"), "--name", "temporary"}).exit_code == 0);
    auto url_of = [&](const std::string& name) {
        for (const auto& s : parse_json(cli({"--json", "sources", "list"}).out)) {
            if (s["name"] == name) {
                return s["url"].get<std::string>();
            }
        }
        return std::string();
    };
    for (int round = 1; round <= 3; ++round) {
        INFO("round " << round);
        REQUIRE(cli({"-q", "fetch", "--all", "--host-interval-ms", "0"}).exit_code == 0);
        CHECK(url_of("moved") == server.url(round < 3 ? "/old.xml" : "/new.xml"));
        CHECK(url_of("temporary") == server.url("/temp.xml"));
    }
    REQUIRE(cli({"-q", "fetch", "--all", "--host-interval-ms", "0"}).exit_code == 0);
    CHECK(server.hits("/old.xml") == 3);  // the fourth fetch went straight to the new URL
    CHECK(server.hits("/temp.xml") == 4);
}

TEST_CASE("a failing source does not stop the others: exit 3 and the summary names it", "[cli][fetch]") {
    Cli cli;
    add_meta_feed_source(cli);
    REQUIRE(cli({"sources", "add", Cli::file_url(test_data("cli/broken.xml")), "--name", "interstitial"}).exit_code ==
            0);
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
    add_meta_feed_source(cli);
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
    add_meta_feed_source(cli);
    REQUIRE(cli({"fetch"}).exit_code == 0);
    auto events = parse_json(cli({"--json", "events", "list"}).out);
    REQUIRE(events.is_array());
    REQUIRE_FALSE(events.empty());
    for (const auto* key : {"id", "kind", "occurred_at", "lab", "model", "person", "surface", "title", "fields",
                            "confidence", "review", "evidence"}) {
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
    for (const auto* key : {"generated_at", "as_of", "rollout", "eval_disclosure", "openness", "license_changes",
                            "people", "cascade", "market", "questions"}) {
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

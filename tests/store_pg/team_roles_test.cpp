// Issue 16 on a real PostgreSQL server: the roles printed by `frontierwatch db roles
// --print-sql` let a viewer read, an analyst curate and a worker write, each refused the rest
// with a clear error; only the tables' owner changes the fetch policy; a shared store is strict
// by default (file:// and loopback sources refused, the others fetched).

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "backends.h"
#include "support/loopback_server.h"
#include "support/paths.h"
#include "support/process.h"

#include <nlohmann/json.hpp>

using namespace fw;
using namespace fw::test;

namespace {

// `url` logging in as `role` (the test cluster trusts local connections).
std::string as_role(const std::string& url, const std::string& role) {
    const auto scheme = url.find("://") + 3;
    const auto at = url.find('@', scheme);
    return url.substr(0, scheme) + role + (at == std::string::npos ? "@" : "") +
           url.substr(at == std::string::npos ? scheme : at);
}

// Roles are cluster-wide: each test names its own and drops them at the end.
struct Roles {
    std::string url;
    std::string prefix;
    std::vector<std::string> names;
    ~Roles() {
        for (const auto& n : names) {
            pg_detail::exec(url, "DROP OWNED BY " + n);
            pg_detail::exec(url, "DROP ROLE IF EXISTS " + n);
        }
    }
};

void expect_refused(const Status& status, const std::string& table) {
    REQUIRE_FALSE(status);
    CHECK(status.error().message.find("permission denied for table " + table) != std::string::npos);
    CHECK(status.error().message.find("this role cannot make this change") != std::string::npos);
}

}  // namespace

TEST_CASE("viewer reads, analyst curates, worker writes; only the owner sets the fetch policy", "[store_pg][roles]") {
    FW_REQUIRE_PG(db);
    auto owner = open_pg(db.url());
    const auto source_id = add_source(*owner, "lab-feed");
    auto event_id = owner->upsert_event(make_event("k1", "Model X released"));
    REQUIRE(event_id);

    Roles roles{db.url(), "fwr" + std::to_string(::getpid()) + "_", {}};
    auto sql = run_process(FW_CLI_PATH, {"db", "roles", "--print-sql", "--prefix", roles.prefix});
    REQUIRE(sql.exit_code == 0);
    CHECK(sql.out.find("GRANT SELECT ON ALL TABLES IN SCHEMA public") != std::string::npos);
    for (const char* r : {"viewer", "analyst", "worker"}) {
        roles.names.push_back(roles.prefix + r + "_login");
        roles.names.push_back(roles.prefix + r);
    }
    REQUIRE(pg_detail::exec(db.url(), sql.out).empty());
    REQUIRE(pg_detail::exec(db.url(), sql.out).empty());  // idempotent
    for (const char* r : {"viewer", "analyst", "worker"}) {
        const std::string role = roles.prefix + r;
        REQUIRE(pg_detail::exec(db.url(), "CREATE ROLE " + role + "_login LOGIN IN ROLE " + role).empty());
    }
    auto viewer = open_pg(as_role(db.url(), roles.prefix + "viewer_login"));
    auto analyst = open_pg(as_role(db.url(), roles.prefix + "analyst_login"));
    auto worker = open_pg(as_role(db.url(), roles.prefix + "worker_login"));

    SECTION("viewer: reads everything, writes nothing") {
        CHECK(viewer->list_sources());
        auto events = viewer->list_events({});
        REQUIRE(events);
        CHECK(events->size() == 1);
        CHECK(viewer->counts());
        expect_refused(viewer->set_review(*event_id, Review::Confirmed), "events");
        auto items = viewer->upsert_items(source_id, std::vector<Item>{make_item("n1", "t")});
        REQUIRE_FALSE(items);
        CHECK(items.error().message.find("this role cannot make this change") != std::string::npos);
    }
    SECTION("analyst: curates events, does not fetch") {
        REQUIRE(analyst->set_review(*event_id, Review::Confirmed));
        auto found = analyst->find_event(*event_id);
        REQUIRE(found);
        REQUIRE(found->has_value());
        CHECK((*found)->review == Review::Confirmed);
        auto items = analyst->upsert_items(source_id, std::vector<Item>{make_item("n1", "t")});
        REQUIRE_FALSE(items);
        CHECK(items.error().message.find("permission denied for table items") != std::string::npos);
    }
    SECTION("worker: stores items and events, its settings, never the fetch policy") {
        auto items = worker->upsert_items(source_id, std::vector<Item>{make_item("n1", "t")});
        REQUIRE(items);
        CHECK(items->inserted == 1);
        CHECK(worker->upsert_event(make_event("k2", "Model Y released")));
        CHECK(worker->set_setting("extract.last_item_id", "1"));
        auto policy = worker->set_setting("fetch.allow_file_urls", "true");
        REQUIRE_FALSE(policy);
        CHECK(policy.error().message.find("row-level security") != std::string::npos);
        CHECK(worker->get_setting("fetch.allow_file_urls")->value_or("unset") == "unset");
        // The owner can, and everyone reads it.
        REQUIRE(owner->set_setting("fetch.allow_file_urls", "true"));
        CHECK(worker->get_setting("fetch.allow_file_urls")->value_or("") == "true");
    }
    SECTION("the program: reading under viewer, curation under analyst") {
        // The owner initialises the store once (schema and taxonomy), as docs/teams.md says.
        auto init = run_process(FW_CLI_PATH, {"--db", db.url(), "init"});
        INFO(init.err);
        REQUIRE(init.exit_code == 0);
        const std::string id = std::to_string(*event_id);
        auto read = run_process(FW_CLI_PATH,
                                {"--db", as_role(db.url(), roles.prefix + "viewer_login"), "--json", "events", "list"});
        INFO(read.err);
        CHECK(read.exit_code == 0);
        CHECK(read.out.find("Model X released") != std::string::npos);
        auto denied = run_process(FW_CLI_PATH,
                                  {"--db", as_role(db.url(), roles.prefix + "viewer_login"), "events", "confirm", id});
        CHECK(denied.exit_code == 1);
        CHECK(denied.err.find("permission denied for table events") != std::string::npos);
        auto curated = run_process(
            FW_CLI_PATH, {"--db", as_role(db.url(), roles.prefix + "analyst_login"), "events", "confirm", id});
        INFO(curated.err);
        CHECK(curated.exit_code == 0);
        auto found = owner->find_event(*event_id);
        REQUIRE(found);
        REQUIRE(found->has_value());
        CHECK((*found)->review == Review::Confirmed);
    }
    SECTION("the program: a refused write is exit 1 with a clear message") {
        auto refused = run_process(FW_CLI_PATH, {"--db", as_role(db.url(), roles.prefix + "worker_login"), "settings",
                                                 "set", "fetch.allow_private_networks", "true"});
        CHECK(refused.exit_code == 1);
        CHECK(refused.err.find("only the store's owner changes the fetch policy") != std::string::npos);
        auto allowed = run_process(FW_CLI_PATH,
                                   {"--db", db.url(), "settings", "set", "fetch.allow_private_networks", "10.0.0.0/8"});
        CHECK(allowed.exit_code == 0);
        CHECK(allowed.out == "fetch.allow_private_networks = 10.0.0.0/8\n");
    }
}

TEST_CASE("a shared store is strict by default: file:// and loopback refused, other sources fetched",
          "[store_pg][roles]") {
    FW_REQUIRE_PG(db);
    LoopbackServer allowed("127.0.0.2");
    LoopbackServer internal("127.0.0.3");
    const std::string feed =
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>F</title><link>http://example.org/</link>"
        "<item><title>Post</title><link>http://example.org/p</link><guid>p1</guid></item></channel></rss>";
    allowed.route("/feed.xml", reply(200, feed, "application/rss+xml"));
    internal.route("/feed.xml", reply(200, feed, "application/rss+xml"));
    auto cli = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db.url()});
        return run_process(FW_CLI_PATH, args);
    };
    auto listed = cli({"--json", "settings", "list"});
    REQUIRE(listed.exit_code == 0);
    auto j = nlohmann::json::parse(listed.out, nullptr, false);
    CHECK(j["shared"] == true);
    CHECK(j["settings"][0]["value"] == "false");
    CHECK(j["settings"][1]["value"] == "false");

    auto with_password = cli({"sources", "add", "https://me:hunter2secret@feeds.example.org/f.xml", "--name", "pw"});
    CHECK(with_password.exit_code == 1);
    CHECK(with_password.err.find("refused: a user name or password in a source URL") != std::string::npos);
    CHECK(with_password.err.find("hunter2secret") == std::string::npos);
    REQUIRE(cli({"sources", "add", "file:///etc/hostname", "--name", "local-file"}).exit_code == 0);
    REQUIRE(cli({"sources", "add", internal.url("/feed.xml"), "--name", "internal"}).exit_code == 0);
    REQUIRE(cli({"sources", "add", allowed.url("/feed.xml"), "--name", "team-mirror"}).exit_code == 0);
    REQUIRE(cli({"settings", "set", "fetch.allow_private_networks", "127.0.0.2/32"}).exit_code == 0);

    auto fetched = cli({"fetch", "--all"});
    CHECK(fetched.exit_code == 3);
    CHECK(fetched.err.find("refused: file:// sources are not fetched on a shared store") != std::string::npos);
    CHECK(fetched.err.find("refused: 127.0.0.3 is a loopback address on a shared store") != std::string::npos);
    CHECK(allowed.hits("/feed.xml") == 1);
    CHECK(internal.hits("/feed.xml") == 0);
    auto listed_sources = cli({"sources", "list"});
    CHECK(listed_sources.err.find("shared store: file:// sources refused; private networks refused except "
                                  "127.0.0.2/32; URLs with user:password refused") != std::string::npos);
}

TEST_CASE("no secret is in a pg_dump of a shared store after a fetch and a webhook alert", "[store_pg][roles]") {
    FW_REQUIRE_PG(db);
    std::string pg_dump;
    for (const char* v : {"17", "16", "15", "14", "13"}) {
        const std::string p = std::string("/usr/lib/postgresql/") + v + "/bin/pg_dump";
        if (std::filesystem::exists(p)) {
            pg_dump = p;
            break;
        }
    }
    if (pg_dump.empty()) {
        WARN("skipped: no pg_dump");
        return;
    }
    TempDir home;
    LoopbackServer feeds("127.0.0.2");
    LoopbackServer hooks("127.0.0.3");
    const std::string secret_path = "/services/T0SECRETA/B0SECRETB/XsecretToken1234567890";
    feeds.route("/feed.xml", reply(200, read_file(test_data("cli/meta_newsroom.xml")), "application/rss+xml"));
    hooks.route(secret_path, reply(200, "ok"));
    std::filesystem::create_directories(home / "config/frontierwatch");
    std::ofstream(home / "config/frontierwatch/alerts.json")
        << R"({"rules": [{"id": "all", "channels": ["webhook:)" << hooks.url(secret_path) << R"("]}]})";
    const std::vector<std::string> env{"XDG_CONFIG_HOME=" + (home / "config").string(),
                                       "XDG_DATA_HOME=" + (home / "data").string(),
                                       "FW_EDGAR_CONTACT=Jane Secretperson jane@secret-contact.example",
                                       "GITHUB_TOKEN=ghp_SecretGithubToken0123456789"};
    auto cli = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db.url()});
        return run_process(FW_CLI_PATH, args, env);
    };
    REQUIRE(cli({"settings", "set", "fetch.allow_private_networks", "127.0.0.2"}).exit_code == 0);
    REQUIRE(cli({"sources", "add", feeds.url("/feed.xml"), "--name", "meta-news", "--lab", "meta"}).exit_code == 0);
    auto fetched = cli({"-v", "fetch"});
    INFO(fetched.err);
    REQUIRE(fetched.exit_code == 0);
    REQUIRE(hooks.hits(secret_path) >= 1);

    auto dump = run_process(pg_dump, {"--data-only", db.url()});
    REQUIRE(dump.exit_code == 0);
    CHECK(dump.out.find("meta-news") != std::string::npos);  // the dump holds the data
    const std::string everything = dump.out + fetched.out + fetched.err;
    for (const std::string secret : {"XsecretToken1234567890", "0SECRETA", "B0SECRETB", "Secretperson",
                                     "secret-contact.example", "ghp_SecretGithubToken0123456789"}) {
        CAPTURE(secret);
        CHECK(everything.find(secret) == std::string::npos);
    }
}

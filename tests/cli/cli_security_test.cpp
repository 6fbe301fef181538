// Issue 16 through the real binary on SQLite stores: the fetch policy set by `settings`, and
// secrets (webhook URL, EDGAR contact, GitHub token) kept out of the database and the output.
// The PostgreSQL side (strict defaults, roles) is in tests/store_pg.

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/cli_harness.h"
#include "support/catch.h"
#include "support/loopback_server.h"
#include "support/paths.h"

using namespace fw::test;

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string feed_xml() {
    return read_file(test_data("cli/meta_newsroom.xml"));
}

}  // namespace

TEST_CASE("a SQLite store allows everything until its user opts into strict mode", "[cli][security]") {
    Cli cli;
    auto listed = cli({"--json", "settings", "list"});
    REQUIRE(listed.exit_code == 0);
    auto j = parse_json(listed.out);
    REQUIRE(j.is_object());
    CHECK(j["shared"] == false);
    REQUIRE(j["settings"].size() == 3);
    CHECK(j["settings"][0]["key"] == "fetch.allow_file_urls");
    CHECK(j["settings"][0]["value"] == "true");
    CHECK(j["settings"][0]["default"] == true);
    CHECK(j["settings"][1]["key"] == "fetch.allow_private_networks");
    CHECK(j["settings"][1]["value"] == "true");
    CHECK(j["settings"][2]["key"] == "fetch.read_articles");  // not a trust setting: on everywhere
    CHECK(j["settings"][2]["value"] == "true");

    auto set = cli({"settings", "set", "fetch.allow_private_networks", "127.0.0.2/32, 10.1.2.3/16"});
    REQUIRE(set.exit_code == 0);
    CHECK(set.out == "fetch.allow_private_networks = 127.0.0.2/32,10.1.0.0/16\n");
    CHECK(set.err.find("private networks refused except 127.0.0.2/32,10.1.0.0/16") != std::string::npos);
    auto got = cli({"settings", "get", "fetch.allow_private_networks"});
    CHECK(got.exit_code == 0);
    CHECK(got.out == "127.0.0.2/32,10.1.0.0/16\n");

    // Bad values and unknown keys are usage errors that change nothing.
    CHECK(cli({"settings", "set", "fetch.allow_file_urls", "maybe"}).exit_code == 2);
    CHECK(cli({"settings", "set", "fetch.allow_private_networks", "intranet"}).exit_code == 2);
    auto unknown = cli({"settings", "set", "fetch.allow_everything", "true"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("fetch.allow_everything") != std::string::npos);
    CHECK(cli({"settings", "get", "fetch.allow_file_urls"}).out == "true\n");
}

TEST_CASE("strict mode refuses a loopback source by name, the others go on, exit 3", "[cli][security]") {
    Cli cli;
    LoopbackServer server;
    server.route("/feed.xml", reply(200, feed_xml(), "application/rss+xml"));
    const auto file = cli.dir() / "local.xml";
    std::ofstream(file) << feed_xml();
    REQUIRE(cli({"sources", "add", server.url("/feed.xml"), "--name", "internal"}).exit_code == 0);
    REQUIRE(cli({"sources", "add", Cli::file_url(file), "--name", "local-file"}).exit_code == 0);

    REQUIRE(cli({"settings", "set", "fetch.allow_private_networks", "false"}).exit_code == 0);
    auto fetched = cli({"--json", "fetch", "--all"});
    CHECK(fetched.exit_code == 3);
    CHECK(fetched.err.find("internal") != std::string::npos);
    CHECK(fetched.err.find("refused: 127.0.0.1 is a loopback address on this store (strict mode)") !=
          std::string::npos);
    CHECK(server.hits("/feed.xml") == 0);
    auto j = parse_json(fetched.out);
    REQUIRE(j["sources"].size() == 2);
    for (const auto& s : j["sources"]) {
        CHECK(s["status"] == (s["name"] == "internal" ? "failed" : "ok"));
    }

    REQUIRE(cli({"settings", "set", "fetch.allow_file_urls", "false"}).exit_code == 0);
    REQUIRE(cli({"settings", "set", "fetch.allow_private_networks", "127.0.0.1"}).exit_code == 0);
    auto second = cli({"--json", "fetch", "--all"});
    CHECK(second.exit_code == 3);
    CHECK(second.err.find("local-file") != std::string::npos);
    CHECK(second.err.find("file:// sources are not fetched on this store (strict mode)") != std::string::npos);
    CHECK(server.hits("/feed.xml") == 1);  // the allowed network is fetched again

    REQUIRE(cli({"settings", "set", "fetch.allow_file_urls", "true"}).exit_code == 0);
    REQUIRE(cli({"settings", "set", "fetch.allow_private_networks", "true"}).exit_code == 0);
    CHECK(cli({"fetch", "--all"}).exit_code == 0);
}

TEST_CASE("no secret reaches the database, its WAL or the output after a fetch and a webhook alert",
          "[cli][security]") {
    Cli cli;
    LoopbackServer feeds;
    LoopbackServer hooks("127.0.0.2");
    feeds.route("/feed.xml", reply(200, feed_xml(), "application/rss+xml"));
    // The first delivery fails (its error is recorded), the retry on the next run goes out.
    hooks.route_sequence("/services/T0SECRETA/B0SECRETB/XsecretToken1234567890",
                         {reply(500, "down"), reply(200, "ok")});
    const std::string webhook = hooks.url("/services/T0SECRETA/B0SECRETB/XsecretToken1234567890");
    const auto config = cli.dir() / "xdg-config" / "frontierwatch";
    std::filesystem::create_directories(config);
    std::ofstream(config / "alerts.json")
        << R"({"rules": [{"id": "all", "channels": ["terminal", "webhook:)" << webhook << R"("]}]})";
    const std::vector<std::string> env{"XDG_DATA_HOME=" + (cli.dir() / "xdg-data").string(),
                                       "XDG_CONFIG_HOME=" + (cli.dir() / "xdg-config").string(),
                                       "FW_EDGAR_CONTACT=Jane Secretperson jane@secret-contact.example",
                                       "GITHUB_TOKEN=ghp_SecretGithubToken0123456789"};
    auto run = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", cli.db()});
        return run_process(FW_CLI_PATH, args, env);
    };
    REQUIRE(run({"sources", "add", feeds.url("/feed.xml"), "--name", "meta-news", "--lab", "meta"}).exit_code == 0);
    auto first = run({"-v", "fetch"});
    auto second = run({"-v", "fetch", "--all"});
    CHECK(first.exit_code == 0);
    CHECK(second.exit_code == 0);
    // Each delivery failed once (500) and went out on the next run.
    REQUIRE(hooks.hits("/services/T0SECRETA/B0SECRETB/XsecretToken1234567890") >= 2);

    const std::string everything =
        slurp(cli.db()) + slurp(cli.db() + "-wal") + first.out + first.err + second.out + second.err;
    for (const std::string secret : {"XsecretToken1234567890", "0SECRETA", "B0SECRETB", "Secretperson",
                                     "secret-contact.example", "ghp_SecretGithubToken0123456789"}) {
        CAPTURE(secret);
        CHECK(everything.find(secret) == std::string::npos);
    }
    // The delivery is recorded under the redacted name, so it is visible and not a secret.
    CHECK(everything.find("/services/T\u2026/\u2026") != std::string::npos);
}

TEST_CASE("a password in a source URL is not stored on SQLite, with a warning; sources list shows the policy",
          "[cli][security]") {
    Cli cli;
    auto added =
        cli({"sources", "add", "https://me:hunter2secret@feeds.example.org/feed.xml", "--name", "private-feed"});
    REQUIRE(added.exit_code == 0);
    CHECK(added.err.find("password was removed") != std::string::npos);
    CHECK(added.err.find("hunter2secret") == std::string::npos);
    auto listed = cli({"--json", "sources", "list"});
    REQUIRE(listed.exit_code == 0);
    auto j = parse_json(listed.out);
    REQUIRE(j.size() == 1);
    CHECK(j[0]["url"] == "https://me@feeds.example.org/feed.xml");
    CHECK(listed.err.find("single-user store: file:// sources allowed; private and loopback networks allowed") !=
          std::string::npos);
    CHECK(slurp(cli.db()).find("hunter2secret") == std::string::npos);
    CHECK(slurp(cli.db() + "-wal").find("hunter2secret") == std::string::npos);

    REQUIRE(cli({"settings", "set", "fetch.allow_file_urls", "false"}).exit_code == 0);
    CHECK(cli({"sources", "list"}).err.find("file:// sources refused") != std::string::npos);
}

#include "cli/cli_harness.h"
#include "support/catch.h"

using namespace fw::test;

TEST_CASE("help and version work on the program and every sub-command", "[cli]") {
    Cli cli;
    auto help = cli.raw({"--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("fetch") != std::string::npos);
    auto version = cli.raw({"--version"});
    CHECK(version.exit_code == 0);
    CHECK_FALSE(version.out.empty());
    for (const auto& cmd : {"init", "fetch", "extract", "parse", "report", "demo", "watch"}) {
        auto r = cli.raw({cmd, "--help"});
        INFO(cmd);
        CHECK(r.exit_code == 0);
        CHECK(cli.raw({cmd, "--version"}).exit_code == 0);
    }
    CHECK(cli.raw({"sources", "add", "--help"}).exit_code == 0);
    CHECK(cli.raw({"events", "list", "--help"}).exit_code == 0);
}

TEST_CASE("usage errors exit 2 with one line on stderr", "[cli]") {
    Cli cli;
    CHECK(cli.raw({"no-such-command"}).exit_code == 2);
    CHECK(cli({"fetch", "--no-such-option"}).exit_code == 2);
    auto bad_kind = cli({"sources", "add", "https://example.com/feed", "--kind", "rss"});
    CHECK(bad_kind.exit_code == 2);
    CHECK(line_count(bad_kind.err) == 1);
    CHECK(bad_kind.err.find("unknown source kind") != std::string::npos);
    CHECK(bad_kind.out.empty());
    auto bad_date = cli({"report", "--as-of", "2026-02-30"});
    CHECK(bad_date.exit_code == 2);
}

TEST_CASE("init creates the database file and is idempotent", "[cli]") {
    Cli cli;
    auto r = cli({"init"});
    CHECK(r.exit_code == 0);
    CHECK(std::filesystem::exists(cli.db()));
    CHECK(cli({"init"}).exit_code == 0);
}

TEST_CASE("sources add and list --json follow the contract", "[cli]") {
    Cli cli;
    const auto feed = Cli::file_url(test_data("cli/meta_newsroom.xml"));
    REQUIRE(cli({"sources", "add", feed, "--kind", "feed", "--name", "meta-news", "--lab", "meta", "--every", "1h"})
                .exit_code == 0);
    auto dup = cli({"sources", "add", feed, "--name", "meta-news"});
    CHECK(dup.exit_code != 0);
    CHECK(line_count(dup.err) == 1);
    auto list = cli({"--json", "sources", "list"});
    REQUIRE(list.exit_code == 0);
    auto j = parse_json(list.out);
    REQUIRE(j.is_array());
    REQUIRE(j.size() == 1);
    for (const auto* key :
         {"name", "url", "kind", "lab", "last_fetch_at", "last_status", "consecutive_failures", "newest_item_at"}) {
        INFO(key);
        CHECK(j[0].contains(key));
    }
    CHECK(j[0]["kind"] == "feed");
    CHECK(j[0]["lab"] == "meta");
    CHECK(j[0]["last_fetch_at"].is_null());
    CHECK(cli({"sources", "remove", "meta-news"}).exit_code == 0);
    CHECK(parse_json(cli({"--json", "sources", "list"}).out).empty());
    CHECK(cli({"sources", "remove", "meta-news"}).exit_code == 1);
}

TEST_CASE("parse --json prints the contract's feed shape and stores nothing", "[cli]") {
    Cli cli;
    auto r = cli({"--json", "parse", test_data("cli/meta_newsroom.xml").string()});
    REQUIRE(r.exit_code == 0);
    auto j = parse_json(r.out);
    REQUIRE(j.is_object());
    CHECK(j["format"] == "rss2");
    for (const auto* key : {"title", "link", "description", "language", "updated", "items"}) {
        CHECK(j.contains(key));
    }
    REQUIRE(j["items"].size() == 3);
    const auto& item = j["items"][0];
    for (const auto* key :
         {"id", "title", "link", "published", "updated", "authors", "summary", "content", "categories", "enclosures"}) {
        INFO(key);
        CHECK(item.contains(key));
    }
    CHECK(item["published"] == "2026-04-08T16:00:00Z");
    auto html = cli({"parse", test_data("cli/broken.xml").string()});
    CHECK(html.exit_code == 1);
    CHECK(line_count(html.err) == 1);
    CHECK(html.err.find("broken.xml") != std::string::npos);
}

TEST_CASE("OPML export and import round-trip the sources", "[cli]") {
    Cli a;
    REQUIRE(a({"sources", "add", "https://mistral.ai/rss.xml", "--name", "mistral", "--lab", "mistral"}).exit_code ==
            0);
    REQUIRE(a({"sources", "add", "https://huggingface.co/api/models?author=Qwen", "--kind", "hf-author", "--name",
               "hf-qwen"})
                .exit_code == 0);
    const auto opml = a.dir() / "out.opml";
    REQUIRE(a({"sources", "export", opml.string()}).exit_code == 0);
    Cli b;
    auto imported = b({"--json", "sources", "import", opml.string()});
    REQUIRE(imported.exit_code == 0);
    auto j = parse_json(b({"--json", "sources", "list"}).out);
    REQUIRE(j.size() == 2);
    bool saw_hf = false;
    for (const auto& s : j) {
        saw_hf |= s["name"] == "hf-qwen" && s["kind"] == "hf-author";
    }
    CHECK(saw_hf);
}

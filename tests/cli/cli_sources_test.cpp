// Source kinds read end to end through the CLI: watched pages keep their text and diff it.

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli/cli_harness.h"
#include "support/catch.h"
#include "support/loopback_server.h"
#include "support/paths.h"
#include "support/process.h"

using namespace fw::test;

namespace {

/// Rewrites a file as an edit made later would: file:// answers 304 to a conditional GET while
/// the modification time (whole seconds) is unchanged, so each rewrite moves it on.
void write(const std::filesystem::path& p, const std::string& text) {
    const bool existed = std::filesystem::exists(p);
    const auto before = existed ? std::filesystem::last_write_time(p) : std::filesystem::file_time_type{};
    {
        std::ofstream out(p, std::ios::binary | std::ios::trunc);
        out << text;
    }
    if (existed) {
        std::filesystem::last_write_time(p, before + std::chrono::seconds(5));
    }
}

/// A terms page with site chrome around the terms: the chrome must never count as text.
std::string terms_page(const std::string& terms, const std::string& script = "var hits = 1;") {
    return "<!doctype html><html><head><title>Acme Model Terms of Use</title>"
           "<script>" +
           script +
           "</script><style>p{color:red}</style></head><body>"
           "<header><a href='/'>Acme</a></header><nav><a href='/blog'>Blog</a></nav>"
           "<main><h1>Acme Model Terms of Use</h1>" +
           terms +
           "</main>"
           "<aside>Related: our careers page</aside><footer>(c) Acme</footer></body></html>";
}

const std::string kTermsV1 =
    "<p>You may use the model for commercial purposes.</p>"
    "<p>Licensees with more than 700 million monthly active users must request a separate licence.</p>"
    "<p>Attribution is required in every product that ships the model.</p>";

const std::string kTermsV2 =
    "<p>You may use the model for commercial purposes.</p>"
    "<p>Licensees with more than 100 million monthly active users must request a separate licence.</p>"
    "<p>Attribution is required in every product that ships the model.</p>"
    "<p>You may not use the model or its outputs to train other large language models.</p>";

nlohmann::json items_of(const Cli& cli) {
    return parse_json(cli({"--json", "items", "list", "--limit", "0"}).out);
}

}  // namespace

TEST_CASE("a watched terms page that changes makes version 2 and a license_change with its diff",
          "[cli][sources][page]") {
    Cli cli;
    const auto page = cli.dir() / "terms.html";
    write(page, terms_page(kTermsV1));
    REQUIRE(cli({"sources", "add", Cli::file_url(page), "--kind", "page", "--name", "acme-terms"}).exit_code == 0);
    REQUIRE(cli({"-q", "fetch", "--all"}).exit_code == 0);
    auto items = items_of(cli);
    REQUIRE(items.size() == 1);
    CHECK(items[0]["version"] == 1);
    CHECK(parse_json(cli({"--json", "events", "list", "--kind", "license_change"}).out).empty());

    // Only the analytics snippet changes: the visible text is the same, so nothing is stored.
    write(page, terms_page(kTermsV1, "var hits = 2; track('terms');"));
    REQUIRE(cli({"-q", "fetch", "--all"}).exit_code == 0);
    CHECK(items_of(cli)[0]["version"] == 1);

    // The cap is lowered and a prohibition added.
    write(page, terms_page(kTermsV2));
    REQUIRE(cli({"-q", "fetch", "--all"}).exit_code == 0);
    items = items_of(cli);
    REQUIRE(items.size() == 1);
    CHECK(items[0]["version"] == 2);
    auto events = parse_json(cli({"--json", "events", "list", "--kind", "license_change"}).out);
    REQUIRE(events.is_array());
    REQUIRE(events.size() == 1);
    const auto& fields = events[0]["fields"];
    CHECK(fields["more_restrictive"] == true);
    CHECK(fields["subject"] == "page:" + Cli::file_url(page));
    const std::string diff = fields["diff"].get<std::string>();
    CHECK(diff.find("-Licensees with more than 700 million monthly active users") != std::string::npos);
    CHECK(diff.find("+Licensees with more than 100 million monthly active users") != std::string::npos);
    CHECK(diff.find("+You may not use the model or its outputs") != std::string::npos);
    CHECK(diff.find("careers") == std::string::npos);  // the aside is not text
    CHECK(diff.find("hits") == std::string::npos);     // nor the script

    // Loosened back: the cap rises and the prohibition goes -> less restrictive.
    write(page, terms_page(kTermsV1));
    REQUIRE(cli({"-q", "fetch", "--all"}).exit_code == 0);
    CHECK(items_of(cli)[0]["version"] == 3);
    events = parse_json(cli({"--json", "events", "list", "--kind", "license_change"}).out);
    REQUIRE(events.size() == 2);
    int looser = 0;
    for (const auto& ev : events) {
        looser += ev["fields"]["more_restrictive"] == false;
    }
    CHECK(looser == 1);
}

TEST_CASE("a watched page's chrome (navigation, footer) changing is not a new version", "[cli][sources][page]") {
    Cli cli;
    LoopbackServer server;
    const std::string body = terms_page(kTermsV1);
    std::string moved = body;
    moved.replace(moved.find("<footer>(c) Acme</footer>"), 25, "<footer>(c) 2027 Acme Inc.</footer>");
    moved.replace(moved.find("Blog</a>"), 8, "News</a>");
    server.route_sequence("/terms", {reply(200, body, "text/html"), reply(200, moved, "text/html")});
    REQUIRE(cli({"sources", "add", server.url("/terms"), "--kind", "page", "--name", "terms"}).exit_code == 0);
    REQUIRE(cli({"-q", "fetch", "--all", "--host-interval-ms", "0"}).exit_code == 0);
    REQUIRE(cli({"-q", "fetch", "--all", "--host-interval-ms", "0"}).exit_code == 0);
    CHECK(server.hits("/terms") == 2);
    CHECK(items_of(cli)[0]["version"] == 1);
}

TEST_CASE("parse accepts the GitHub REST and EDGAR submissions JSON and shows what extraction reads",
          "[cli][sources][parse]") {
    Cli cli;
    auto releases =
        cli({"--json", "parse", "--kind", "github-releases", test_data("sources/github_releases.json").string()});
    REQUIRE(releases.exit_code == 0);
    auto j = parse_json(releases.out);
    CHECK(j["format"] == "github-json");
    REQUIRE(j["items"].size() == 3);
    CHECK(j["items"][0]["id"] == "v2.0");
    CHECK(j["items"][0]["content_text"].get<std::string>().find("Apache 2.0") != std::string::npos);
    CHECK(j["items"][0].contains("summary_text"));
    CHECK(j["items"][0]["article_text"].is_null());
    for (const auto* key :
         {"id", "title", "link", "published", "updated", "authors", "summary", "content", "categories", "enclosures"}) {
        INFO(key);
        CHECK(j["items"][0].contains(key));  // the contract's fields stay
    }

    auto filings = cli({"--json", "parse", "--kind", "edgar", test_data("sources/edgar_submissions.json").string()});
    REQUIRE(filings.exit_code == 0);
    j = parse_json(filings.out);
    CHECK(j["format"] == "edgar-json");
    REQUIRE(j["items"].size() == 3);
    CHECK(j["items"][1]["extra"]["items"] == "5.02,9.01");

    auto prices = cli({"--json", "parse", "--kind", "prices", test_data("sources/prices_small.csv").string()});
    REQUIRE(prices.exit_code == 0);
    j = parse_json(prices.out);
    REQUIRE(j["prices"].size() == 2);
    CHECK(j["prices"][1]["date"] == "2026-03-03");
    CHECK(j["prices"][1]["close"] == 103.75);

    // A feed still refuses what is not a feed, naming the file.
    auto bad = cli({"parse", "--kind", "github-releases", test_data("sources/prices_small.csv").string()});
    CHECK(bad.exit_code != 0);
    CHECK(bad.err.find("prices_small.csv") != std::string::npos);
}

TEST_CASE("a GitHub REST source pages through Link rel=next; GITHUB_TOKEN never reaches another host",
          "[cli][sources][github]") {
    Cli cli;
    LoopbackServer server;
    const std::string all = read_file(test_data("sources/github_releases.json"));
    auto j = parse_json(all);
    nlohmann::json page1 = nlohmann::json::array({j[0], j[1]});
    nlohmann::json page2 = nlohmann::json::array({j[2]});
    server.route("/repos/example-lab/tiny-model/releases",
                 reply(200, page1.dump(), "application/json",
                       {{"Link", "<" + server.url("/repositories/42/releases?page=2") + ">; rel=\"next\", <" +
                                     server.url("/repositories/42/releases?page=2") + ">; rel=\"last\""}}));
    server.route("/repositories/42/releases", reply(200, page2.dump(), "application/json"));
    REQUIRE(cli({"sources", "add", server.url("/repos/example-lab/tiny-model/releases"), "--kind", "github-releases",
                 "--name", "tiny-releases"})
                .exit_code == 0);
    auto fetched = run_process(
        FW_CLI_PATH, {"--db", cli.db(), "--json", "fetch", "--all", "--host-interval-ms", "50"},
        {"GITHUB_TOKEN=ghp_secret_for_api_github_com_only", "XDG_DATA_HOME=" + (cli.dir() / "xdg-data").string(),
         "XDG_CONFIG_HOME=" + (cli.dir() / "xdg-config").string()});
    INFO(fetched.err);
    REQUIRE(fetched.exit_code == 0);
    auto summary = parse_json(fetched.out);
    CHECK(summary["sources"][0]["status"] == "ok");
    CHECK(summary["sources"][0]["new_items"] == 3);  // both pages
    CHECK(server.hits("/repositories/42/releases") == 1);
    for (const auto* path : {"/repos/example-lab/tiny-model/releases", "/repositories/42/releases"}) {
        for (const auto& seen : server.requests(path)) {
            CHECK(seen.headers.count("authorization") == 0);
            CHECK(seen.headers.at("user-agent").find("FrontierWatch") != std::string::npos);
        }
    }
    CHECK(fetched.out.find("ghp_secret") == std::string::npos);
    CHECK(fetched.err.find("ghp_secret") == std::string::npos);
    CHECK(read_file(cli.db()).find("ghp_secret") == std::string::npos);  // never stored

    // A failing next page fails the listing (half a listing would look like deletions).
    server.route("/repositories/42/releases", reply(500, "boom"));
    auto again = parse_json(cli({"--json", "fetch", "--all", "--host-interval-ms", "0"}).out);
    CHECK(again["sources"][0]["status"] == "failed");
    CHECK(again["sources"][0]["error"].get<std::string>().find("next page") != std::string::npos);
}

TEST_CASE("an EDGAR submissions JSON source: refused without a contact, then one item per filing",
          "[cli][sources][edgar]") {
    Cli cli;
    LoopbackServer server;
    server.route("/submissions/CIK0000999001.json",
                 reply(200, read_file(test_data("sources/edgar_submissions.json")), "application/json"));
    REQUIRE(cli({"sources", "add", server.url("/submissions/CIK0000999001.json"), "--kind", "edgar", "--name",
                 "exfl-filings"})
                .exit_code == 0);
    auto refused = parse_json(cli({"--json", "fetch", "--all", "--host-interval-ms", "0"}).out);
    CHECK(refused["sources"][0]["status"] == "failed");
    CHECK(server.total_hits() == 0);
    auto ok = parse_json(
        cli({"--json", "fetch", "--all", "--host-interval-ms", "0", "--contact", "Test Person test@example.org"}).out);
    CHECK(ok["sources"][0]["status"] == "ok");
    CHECK(ok["sources"][0]["new_items"] == 3);
    CHECK(server.requests("/submissions/CIK0000999001.json").at(0).headers.at("user-agent").find("test@example.org") !=
          std::string::npos);
}

namespace {

std::string rss(const std::string& items) {
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Lab "
           "news</title><link>https://lab.example/</link>"
           "<description>News</description>" +
           items + "</channel></rss>";
}

std::string rss_item(const std::string& title, const std::string& link, const std::string& description = "") {
    return "<item><title>" + title + "</title><link>" + link + "</link><guid>" + link + "</guid>" +
           "<pubDate>Tue, 14 Apr 2026 16:00:00 GMT</pubDate>" +
           (description.empty() ? "" : "<description>" + description + "</description>") + "</item>";
}

/// An article page with the chrome a real blog has: only the <article> is the text.
std::string article_page(const std::string& body) {
    return "<!doctype html><html><head><title>Blog</title><script>var ga = 'Llama 9 Ultra released';</script></head>"
           "<body><nav>Home Research Careers</nav><header>Lab Blog</header><article>" +
           body +
           "</article><aside>Read next: our office in Berlin</aside><footer>Privacy Terms</footer></body></html>";
}

}  // namespace

TEST_CASE("a thin feed item's article is read once, stored, and extracted", "[cli][sources][articles]") {
    Cli cli;
    LoopbackServer server;
    const std::string scout = server.url("/blog/muse-flux");
    const std::string office = server.url("/blog/paris-office");
    server.route("/feed.xml", reply(200,
                                    rss(rss_item("Introducing Muse Flux", scout) +
                                        rss_item("A new home in Paris", office, "We have news.")),
                                    "application/rss+xml"));
    server.route("/blog/muse-flux",
                 reply(200,
                       article_page("<h1>Introducing Muse Flux</h1><p>Today we are releasing Muse Flux "
                                    "as an open-weights model under the Apache 2.0 license. The weights can be "
                                    "downloaded from Hugging Face.</p>"),
                       "text/html; charset=utf-8"));
    server.route("/blog/paris-office",
                 reply(200,
                       article_page("<h1>A new home in Paris</h1><p>We are opening an office in Paris with room "
                                    "for two hundred researchers. Our new site director starts in June.</p>"),
                       "text/html"));
    REQUIRE(cli({"sources", "add", server.url("/feed.xml"), "--name", "lab-news", "--lab", "meta"}).exit_code == 0);
    REQUIRE(cli({"-q", "fetch", "--all", "--host-interval-ms", "0"}).exit_code == 0);
    CHECK(server.hits("/blog/muse-flux") == 1);
    CHECK(server.hits("/blog/paris-office") == 1);
    CHECK(server.requests("/blog/muse-flux").at(0).headers.at("user-agent").find("FrontierWatch") != std::string::npos);

    const auto releases = [&] { return parse_json(cli({"--json", "events", "list", "--kind", "model_release"}).out); };
    auto found = releases();
    REQUIRE(found.size() == 1);
    CHECK(found[0]["model"] == "muse-flux");
    CHECK(found[0]["fields"]["license"] == "Apache-2.0");
    for (const auto& ev : found) {
        CHECK(ev["title"].get<std::string>().find("Paris") == std::string::npos);
    }

    // The second fetch finds the items unchanged: no article is requested again.
    REQUIRE(cli({"-q", "fetch", "--all", "--host-interval-ms", "0"}).exit_code == 0);
    CHECK(server.hits("/feed.xml") == 2);
    CHECK(server.hits("/blog/muse-flux") == 1);
    CHECK(server.hits("/blog/paris-office") == 1);

    // A rebuild reads the stored article text: nothing is fetched, the release is found again.
    REQUIRE(cli({"-q", "extract", "--rebuild"}).exit_code == 0);
    CHECK(server.total_hits() == 4);
    found = releases();
    REQUIRE(found.size() == 1);
    CHECK(found[0]["fields"]["license"] == "Apache-2.0");
}

TEST_CASE("articles are not read for a source added with --no-articles, nor from another site",
          "[cli][sources][articles]") {
    Cli cli;
    LoopbackServer server;
    LoopbackServer elsewhere("127.0.0.2");
    elsewhere.route("/post", reply(200, article_page("<p>Other site.</p>"), "text/html"));
    server.route("/post", reply(200, article_page("<p>Same site.</p>"), "text/html"));
    server.route(
        "/feed.xml",
        reply(200, rss(rss_item("Thin one", server.url("/post")) + rss_item("Thin two", elsewhere.url("/post"))),
              "application/rss+xml"));
    REQUIRE(cli({"sources", "add", server.url("/feed.xml"), "--name", "quiet", "--no-articles"}).exit_code == 0);
    REQUIRE(cli({"-q", "fetch", "--all", "--host-interval-ms", "0"}).exit_code == 0);
    CHECK(server.hits("/feed.xml") == 1);
    CHECK(server.hits("/post") == 0);

    REQUIRE(cli({"sources", "edit", "quiet", "--articles"}).exit_code == 0);
    server.route("/feed.xml", reply(200,
                                    rss(rss_item("Thin one, changed", server.url("/post")) +
                                        rss_item("Thin two, changed", elsewhere.url("/post"))),
                                    "application/rss+xml"));
    REQUIRE(cli({"-q", "fetch", "--all", "--host-interval-ms", "0"}).exit_code == 0);
    CHECK(server.hits("/post") == 1);     // the item changed and articles are on again
    CHECK(elsewhere.hits("/post") == 0);  // never another site's page
}

TEST_CASE("FW_NO_ARTICLES switches article reading off for every source", "[cli][sources][articles]") {
    Cli cli;
    LoopbackServer server;
    server.route("/post", reply(200, article_page("<p>Same site.</p>"), "text/html"));
    server.route("/feed.xml", reply(200, rss(rss_item("Thin one", server.url("/post"))), "application/rss+xml"));
    REQUIRE(cli({"sources", "add", server.url("/feed.xml"), "--name", "news"}).exit_code == 0);
    auto quiet = run_process(FW_CLI_PATH, {"--db", cli.db(), "-q", "fetch", "--all", "--host-interval-ms", "0"},
                             {"FW_NO_ARTICLES=1", "XDG_DATA_HOME=" + (cli.dir() / "xdg-data").string(),
                              "XDG_CONFIG_HOME=" + (cli.dir() / "xdg-config").string()});
    REQUIRE(quiet.exit_code == 0);
    CHECK(server.hits("/feed.xml") == 1);
    CHECK(server.hits("/post") == 0);
}

TEST_CASE("settings set fetch.read_articles false switches article reading off for the store",
          "[cli][sources][articles]") {
    Cli cli;
    LoopbackServer server;
    server.route("/post", reply(200, article_page("<p>Same site.</p>"), "text/html"));
    server.route("/feed.xml", reply(200, rss(rss_item("Thin one", server.url("/post"))), "application/rss+xml"));
    REQUIRE(cli({"sources", "add", server.url("/feed.xml"), "--name", "news"}).exit_code == 0);
    auto bad = cli({"settings", "set", "fetch.read_articles", "sometimes"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("fetch.read_articles") != std::string::npos);
    REQUIRE(cli({"settings", "set", "fetch.read_articles", "false"}).exit_code == 0);
    CHECK(cli({"settings", "get", "fetch.read_articles"}).out.find("false") != std::string::npos);
    REQUIRE(cli({"-q", "fetch", "--all", "--host-interval-ms", "0"}).exit_code == 0);
    CHECK(server.hits("/feed.xml") == 1);
    CHECK(server.hits("/post") == 0);

    // Back on: the next changed item has its article read.
    REQUIRE(cli({"settings", "set", "fetch.read_articles", "true"}).exit_code == 0);
    server.route("/feed.xml",
                 reply(200, rss(rss_item("Thin one, changed", server.url("/post"))), "application/rss+xml"));
    REQUIRE(cli({"-q", "fetch", "--all", "--host-interval-ms", "0"}).exit_code == 0);
    CHECK(server.hits("/post") == 1);
}

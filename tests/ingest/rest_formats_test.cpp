// GitHub REST listings and EDGAR submissions JSON, read by the same source kinds as their
// Atom feeds (detected by content), with paging through ingest/pagination and the GitHub token
// kept to api.github.com. Fixtures are the project's own, in the real shapes (tests/data/sources).

#include <chrono>
#include <string>

#include "domain/time.h"
#include "ingest/github_rest.h"
#include "ingest/host_pacer.h"
#include "ingest/pagination.h"
#include "ingest/source_adapter.h"
#include "support/catch.h"
#include "support/loopback_server.h"
#include "support/paths.h"

using namespace fw;
using namespace fw::ingest;
using fw::test::LoopbackServer;
using fw::test::read_file;
using fw::test::reply;
using fw::test::test_data;

namespace {

SourceDocument parse_ok(SourceKind kind, const std::string& file, const std::string& url) {
    auto doc = parse_document(kind, read_file(test_data("sources/" + file)), {"test", url, "application/json"});
    INFO((doc ? std::string() : doc.error().describe()));
    REQUIRE(doc);
    return std::move(*doc);
}

}  // namespace

TEST_CASE("GitHub REST releases: tag, name (else tag), dates, flags and body as text", "[ingest][unit][github]") {
    const auto doc = parse_ok(SourceKind::GithubReleases, "github_releases.json",
                              "https://api.github.com/repos/example-lab/tiny-model/releases");
    const auto& f = doc.feed;
    CHECK(f.format == FeedFormat::GithubJson);
    REQUIRE(f.items.size() == 3);
    const auto& first = f.items[0];
    CHECK(first.id == "v2.0");
    CHECK(first.title == "Tiny Model 2.0");
    CHECK(first.link == "https://github.com/example-lab/tiny-model/releases/tag/v2.0");
    REQUIRE(first.published);
    CHECK(format_rfc3339(*first.published) == "2026-03-02T10:30:00Z");
    CHECK(first.content_text.find("Licence: Apache 2.0") != std::string::npos);
    CHECK(first.extra.at("tag") == "v2.0");
    CHECK(first.extra.at("repo") == "example-lab/tiny-model");
    CHECK(first.extra.at("prerelease") == "false");
    CHECK(first.authors == std::vector<std::string>{"release-bot"});
    CHECK(f.items[1].title == "v2.0-rc1");  // name null: the tag
    CHECK(f.items[1].extra.at("prerelease") == "true");
    const auto& draft = f.items[2];
    CHECK(draft.title == "untagged-0f3c");  // name "": the tag
    CHECK(draft.extra.at("draft") == "true");
    CHECK_FALSE(draft.published);
    REQUIRE(draft.updated);
    CHECK(format_date(*draft.updated) == "2026-02-10");
}

TEST_CASE("GitHub REST commits for a path: sha, author date, message, watched path", "[ingest][unit][github]") {
    const auto doc = parse_ok(SourceKind::GithubCommits, "github_commits_license.json",
                              "https://api.github.com/repos/example-lab/tiny-model/commits?path=LICENSE&per_page=30");
    REQUIRE(doc.feed.items.size() == 2);
    const auto& c = doc.feed.items[0];
    CHECK(c.id == "4f1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d5");
    CHECK(c.title == "Relicense the model weights under Apache 2.0");
    CHECK(c.content_text.find("research licence") != std::string::npos);
    REQUIRE(c.published);
    CHECK(format_rfc3339(*c.published) == "2026-04-05T14:20:00Z");
    CHECK(c.extra.at("commit_sha") == c.id);
    CHECK(c.extra.at("repo") == "example-lab/tiny-model");
    CHECK(c.extra.at("path") == "LICENSE");
}

TEST_CASE("a GitHub API error object or HTML is a clear parse error", "[ingest][unit][github]") {
    auto err = parse_document(SourceKind::GithubReleases, R"({"message": "API rate limit exceeded for 1.2.3.4."})",
                              {"gh", "https://api.github.com/repos/o/r/releases", "application/json"});
    REQUIRE_FALSE(err);
    CHECK(err.error().message.find("GitHub API error: API rate limit exceeded") != std::string::npos);
    CHECK(err.error().context.find("gh") != std::string::npos);
    auto obj = parse_document(SourceKind::GithubCommits, R"({"sha": "x"})", {"gh", "u", ""});
    REQUIRE_FALSE(obj);
    CHECK(obj.error().message.find("array of commits") != std::string::npos);
}

TEST_CASE("EDGAR submissions JSON: one entry per filing with its items and document URL", "[ingest][unit][edgar]") {
    const auto doc =
        parse_ok(SourceKind::Edgar, "edgar_submissions.json", "https://data.sec.gov/submissions/CIK0000999001.json");
    const auto& f = doc.feed;
    CHECK(f.format == FeedFormat::EdgarJson);
    REQUIRE(f.items.size() == 3);
    const auto& e = f.items[1];
    CHECK(e.id == "0000999001-26-000027");
    CHECK(e.title == "8-K");
    CHECK(e.link == "https://www.sec.gov/Archives/edgar/data/999001/000099900126000027/exfl-20260312.htm");
    REQUIRE(e.published);
    CHECK(format_date(*e.published) == "2026-03-16");
    CHECK(e.extra.at("form_type") == "8-K");
    CHECK(e.extra.at("items") == "5.02,9.01");
    CHECK(e.extra.at("accession") == "0000999001-26-000027");
    CHECK(e.extra.at("report_date") == "2026-03-12");
    CHECK(e.extra.at("cik") == "999001");
    CHECK(e.extra.at("company") == "Example Frontier Labs Inc.");
    CHECK(f.items[2].extra.at("items").empty());
}

TEST_CASE("EDGAR submissions JSON with ragged columns is refused, naming the column", "[ingest][unit][edgar]") {
    const std::string body = R"({"cik": "1", "filings": {"recent": {"accessionNumber": ["a", "b"], "form": ["8-K"]}}})";
    auto doc = parse_document(SourceKind::Edgar, body, {"sec", "https://data.sec.gov/submissions/CIK1.json", ""});
    REQUIRE_FALSE(doc);
    CHECK(doc.error().message.find("filings.recent.form has 1 rows") != std::string::npos);
    auto none = parse_document(SourceKind::Edgar, R"({"cik": "1"})", {"sec", "u", ""});
    REQUIRE_FALSE(none);
    CHECK(none.error().message.find("without filings.recent") != std::string::npos);
}

TEST_CASE("the GitHub token goes to https://api.github.com only", "[ingest][unit][github]") {
    CHECK(github_auth_header("https://api.github.com/repos/o/r/releases", "t0k") == "Authorization: Bearer t0k");
    CHECK_FALSE(github_auth_header("https://api.github.com/repos/o/r/releases", ""));
    CHECK_FALSE(github_auth_header("http://api.github.com/repos/o/r/releases", "t0k"));
    CHECK_FALSE(github_auth_header("https://api.github.com.evil.example/repos", "t0k"));
    CHECK_FALSE(github_auth_header("https://github.com/o/r/releases.atom", "t0k"));
    CHECK_FALSE(github_auth_header("http://127.0.0.1:8080/repos/o/r/releases", "t0k"));
    CHECK_FALSE(github_auth_header("https://api.github.com/x", "a\r\nX-Evil: 1"));
}

TEST_CASE("continue_pages follows a listing after its first page, paced per host", "[ingest][unit][pagination]") {
    using namespace std::chrono_literals;
    LoopbackServer server;
    server.route("/p2", reply(200, "[2]", "application/json", {{"Link", "<" + server.url("/p3") + ">; rel=\"next\""}}));
    server.route("/p3", reply(200, "[3]", "application/json"));
    HttpRequest first;
    first.url = server.url("/p1");
    first.user_agent = "FrontierWatch-test";
    first.headers = {"Accept: application/json"};
    HttpResponse page1;
    page1.status = 200;
    page1.body = "[1]";
    page1.link_next = server.url("/p2");
    HostPacer pacer(150ms);
    pacer.mark(first.url);
    const auto started = std::chrono::steady_clock::now();
    auto pages = continue_pages(HttpClient(), first, page1, 20, &pacer);
    REQUIRE(pages);
    REQUIRE(pages->size() == 3);
    CHECK((*pages)[0].body == "[1]");
    CHECK((*pages)[2].body == "[3]");
    CHECK(std::chrono::steady_clock::now() - started >= 280ms);  // two waits of 150 ms
    const auto seen = server.requests("/p2");
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].headers.at("user-agent") == "FrontierWatch-test");
    CHECK(seen[0].headers.at("accept") == "application/json");
}

TEST_CASE("a failed next page fails the listing; an Authorization header never follows to another host",
          "[ingest][unit][pagination]") {
    LoopbackServer a;
    LoopbackServer b("127.0.0.2");
    a.route("/p2", reply(200, "[2]", "application/json", {{"Link", "<" + b.url("/p3") + ">; rel=\"next\""}}));
    b.route("/p3", reply(200, "[3]", "application/json"));
    HttpRequest first;
    first.url = a.url("/p1");
    first.headers = {"Authorization: Bearer secret"};
    HttpResponse page1;
    page1.status = 200;
    page1.link_next = a.url("/p2");
    auto pages = continue_pages(HttpClient(), first, page1);
    REQUIRE(pages);
    CHECK(pages->size() == 3);
    CHECK(a.requests("/p2").at(0).headers.count("authorization") == 1);
    CHECK(b.requests("/p3").at(0).headers.count("authorization") == 0);

    a.route("/broken", reply(500, "oops"));
    page1.link_next = a.url("/broken");
    HttpRequest plain;
    plain.url = a.url("/p1");
    plain.max_redirects = 0;
    auto failed = continue_pages(HttpClient(), plain, page1, 20);
    CHECK_FALSE(failed);
}

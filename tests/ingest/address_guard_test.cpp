// The network policy applied by libcurl's callbacks to real transfers against loopback servers
// (127.0.0.x): refused addresses are never sent a request, allowed networks are, redirect hops
// and reused connections are checked too.

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/fetcher.h"
#include "ingest/http_client.h"
#include "support/catch.h"
#include "support/loopback_server.h"
#include "support/temp_dir.h"

using namespace fw;
using namespace fw::ingest;
using fw::test::LoopbackServer;
using fw::test::reply;
using namespace std::chrono_literals;

namespace {

NetworkPolicy guard_strict(const std::string& allowed = "") {
    NetworkPolicy p;
    p.allow_file_urls = false;
    p.allow_private_networks = false;
    p.refuse_userinfo = true;
    p.allowed_networks = *parse_cidr_list(allowed);
    return p;
}

HttpRequest request(std::string url, NetworkPolicy policy) {
    HttpRequest r;
    r.url = std::move(url);
    r.user_agent = "FrontierWatch-test";
    r.network = std::move(policy);
    return r;
}

FetchJob guard_job(std::int64_t key, std::string url, NetworkPolicy policy) {
    return FetchJob{key, request(std::move(url), std::move(policy))};
}

FetcherOptions quick() {
    FetcherOptions o;
    o.min_host_interval = 0ms;
    o.max_retries = 0;
    o.jitter = 0.0;
    o.seed = 7;
    return o;
}

}  // namespace

TEST_CASE("a strict policy never sends a request to a loopback server", "[ingest][integration][address]") {
    LoopbackServer server;
    server.route("/feed", reply(200, "<rss/>"));
    HttpClient client;

    auto refused = client.get(request(server.url("/feed"), guard_strict()));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Invalid);
    CHECK(refused.error().message == "refused: 127.0.0.1 is a loopback address on a shared store");
    CHECK(server.hits("/feed") == 0);

    auto allowed = client.get(request(server.url("/feed"), NetworkPolicy{}));
    REQUIRE(allowed);
    CHECK(allowed->body == "<rss/>");
    CHECK(server.hits("/feed") == 1);
}

TEST_CASE("a name is checked on the address it resolves to", "[ingest][integration][address]") {
    LoopbackServer server;
    server.route("/feed", reply(200, "x"));
    const std::string by_name = "http://localhost:" + std::to_string(server.port()) + "/feed";
    HttpClient client;
    auto refused = client.get(request(by_name, guard_strict()));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.starts_with("refused: "));
    CHECK(refused.error().message.find("is a loopback address on a shared store") != std::string::npos);
    CHECK(server.hits("/feed") == 0);

    CHECK(client.get(request(by_name, guard_strict("127.0.0.0/8,::1"))));
    CHECK(server.hits("/feed") == 1);
}

TEST_CASE("allowed networks open exactly those addresses", "[ingest][integration][address]") {
    LoopbackServer two("127.0.0.2");
    LoopbackServer three("127.0.0.3");
    two.route("/feed", reply(200, "two"));
    three.route("/feed", reply(200, "three"));
    HttpClient client;
    const NetworkPolicy policy = guard_strict("127.0.0.2/32");

    auto ok = client.get(request(two.url("/feed"), policy));
    REQUIRE(ok);
    CHECK(ok->body == "two");
    auto refused = client.get(request(three.url("/feed"), policy));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message == "refused: 127.0.0.3 is a loopback address on a shared store");
    CHECK(three.hits("/feed") == 0);
}

TEST_CASE("a redirect chain ending on a refused address is refused", "[ingest][integration][address]") {
    LoopbackServer allowed("127.0.0.2");
    LoopbackServer internal("127.0.0.3");
    internal.route("/secret", reply(200, "metadata"));
    allowed.route("/hop2", reply(302, "", "text/plain", {{"Location", internal.url("/secret")}}));
    allowed.route("/hop1", reply(301, "", "text/plain", {{"Location", allowed.url("/hop2")}}));
    HttpClient client;

    auto refused = client.get(request(allowed.url("/hop1"), guard_strict("127.0.0.2")));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message == "refused: 127.0.0.3 is a loopback address on a shared store");
    CHECK(refused.error().context == allowed.url("/hop1"));
    CHECK(allowed.hits("/hop1") == 1);
    CHECK(allowed.hits("/hop2") == 1);
    CHECK(internal.hits("/secret") == 0);

    // The same chain on a store that allows the internal network reaches the end.
    auto followed = client.get(request(allowed.url("/hop1"), guard_strict("127.0.0.2,127.0.0.3")));
    REQUIRE(followed);
    CHECK(followed->body == "metadata");
}

TEST_CASE("a reused connection is checked again (CURLOPT_PREREQFUNCTION)", "[ingest][integration][address]") {
    LoopbackServer server;
    server.route("/a", reply(200, "a"));
    server.route("/b", reply(200, "b"));
    FetcherOptions o = quick();
    o.max_total = 1;  // one after the other: the second reuses the first one's connection
    o.max_per_host = 1;
    Fetcher fetcher(o);
    std::vector<FetchJob> jobs{guard_job(1, server.url("/a"), NetworkPolicy{}),
                               guard_job(2, server.url("/b"), guard_strict())};
    auto results = fetcher.run(jobs);
    REQUIRE(results.size() == 2);
    REQUIRE(results[0].response);
    REQUIRE_FALSE(results[1].response);
    CHECK(results[1].response.error().message == "refused: 127.0.0.1 is a loopback address on a shared store");
    CHECK(server.hits("/b") == 0);
}

TEST_CASE("one refused source does not stop the others", "[ingest][integration][address]") {
    LoopbackServer two("127.0.0.2");
    LoopbackServer three("127.0.0.3");
    two.route("/feed", reply(200, "two"));
    three.route("/feed", reply(200, "three"));
    const NetworkPolicy policy = guard_strict("127.0.0.2");
    Fetcher fetcher(quick());
    std::vector<FetchJob> jobs{
        guard_job(1, three.url("/feed"), policy), guard_job(2, two.url("/feed"), policy),
        guard_job(3, "file:///etc/hostname", policy),
        guard_job(4, "http://user:secret@127.0.0.2:" + std::to_string(two.port()) + "/feed", policy)};
    auto results = fetcher.run(jobs);
    REQUIRE(results.size() == 4);
    REQUIRE_FALSE(results[0].response);
    CHECK(results[0].attempts == 1);  // a refusal is final, not retried
    REQUIRE(results[1].response);
    CHECK(results[1].response->body == "two");
    REQUIRE_FALSE(results[2].response);
    CHECK(
        results[2].response.error().message.starts_with("refused: file:// sources are not fetched on a shared store"));
    REQUIRE_FALSE(results[3].response);
    CHECK(results[3].response.error().message.find("user name or password") != std::string::npos);
    CHECK(results[3].response.error().context.find("secret") == std::string::npos);
    CHECK(two.hits("/feed") == 1);
    CHECK(three.hits("/feed") == 0);
}

TEST_CASE("file:// is read when the policy allows it and refused when not", "[ingest][integration][address]") {
    fw::test::TempDir dir;
    const auto path = dir.path() / "feed.xml";
    std::ofstream(path) << "<rss/>";
    HttpClient client;
    const std::string url = "file://" + path.string();
    auto read = client.get(request(url, NetworkPolicy{}));
    REQUIRE(read);
    CHECK(read->body == "<rss/>");
    NetworkPolicy files_only = guard_strict();  // address checks on, files allowed: a file connects nowhere
    files_only.allow_file_urls = true;
    auto read_strict = client.get(request(url, files_only));
    REQUIRE(read_strict);
    CHECK(read_strict->body == "<rss/>");
    NetworkPolicy no_files;
    no_files.allow_file_urls = false;
    auto refused = client.get(request(url, no_files));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().context == url);
}

TEST_CASE("literal addresses in odd spellings are refused before connecting", "[ingest][integration][address]") {
    LoopbackServer server;
    server.route("/feed", reply(200, "x"));
    HttpClient client;
    const std::string port = std::to_string(server.port());
    for (const std::string host : {"2130706433", "0177.0.0.1", "0x7f.1", "[::ffff:127.0.0.1]"}) {
        CAPTURE(host);
        auto refused = client.get(request("http://" + host + ":" + port + "/feed", guard_strict()));
        REQUIRE_FALSE(refused);
        CHECK(refused.error().message == "refused: 127.0.0.1 is a loopback address on a shared store");
    }
    CHECK(server.hits("/feed") == 0);
}

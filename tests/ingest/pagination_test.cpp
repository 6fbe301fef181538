#include <string>

#include "ingest/pagination.h"
#include "support/catch.h"
#include "support/loopback_server.h"

using namespace fw;
using namespace fw::ingest;
using fw::test::LoopbackServer;
using fw::test::reply;

namespace {

void chain(LoopbackServer& server, int pages) {
    for (int i = 1; i <= pages; ++i) {
        std::vector<std::pair<std::string, std::string>> headers;
        if (i < pages) {
            headers.push_back({"Link", "<" + server.url("/p" + std::to_string(i + 1)) + ">; rel=\"next\""});
        }
        server.route("/p" + std::to_string(i), reply(200, "[" + std::to_string(i) + "]", "application/json", headers));
    }
}

HttpRequest req(const std::string& url) {
    HttpRequest r;
    r.url = url;
    return r;
}

}  // namespace

TEST_CASE("all pages of a Link-chained listing are fetched in order", "[ingest][unit][pagination]") {
    LoopbackServer server;
    chain(server, 3);
    const auto pages = fetch_all_pages(HttpClient(), req(server.url("/p1")));
    REQUIRE(pages);
    REQUIRE(pages->size() == 3);
    CHECK((*pages)[0].body == "[1]");
    CHECK((*pages)[2].body == "[3]");
    CHECK_FALSE(pages->back().link_next);
}

TEST_CASE("the page cap stops the chain and leaves the next link visible", "[ingest][unit][pagination]") {
    LoopbackServer server;
    chain(server, 5);
    const auto pages = fetch_all_pages(HttpClient(), req(server.url("/p1")), 2);
    REQUIRE(pages);
    CHECK(pages->size() == 2);
    CHECK(pages->back().link_next == server.url("/p3"));
    CHECK(server.hits("/p3") == 0);
}

TEST_CASE("a link loop ends the chain", "[ingest][unit][pagination]") {
    LoopbackServer server;
    server.route("/a", reply(200, "a", "application/json", {{"Link", "</b>; rel=\"next\""}}));
    server.route("/b", reply(200, "b", "application/json", {{"Link", "</a>; rel=\"next\""}}));
    const auto pages = fetch_all_pages(HttpClient(), req(server.url("/a")));
    REQUIRE(pages);
    CHECK(pages->size() == 2);
    CHECK(server.hits("/a") == 1);
}

TEST_CASE("a failing page fails the listing and validators go only with page one", "[ingest][unit][pagination]") {
    LoopbackServer server;
    server.route("/a", reply(200, "a", "application/json", {{"Link", "</b>; rel=\"next\""}}));
    server.route("/b", reply(500, "oops"));
    auto first = req(server.url("/a"));
    first.validators.etag = "\"v\"";
    const auto pages = fetch_all_pages(HttpClient(), first);
    REQUIRE_FALSE(pages);
    CHECK(pages.error().context == server.url("/b"));
    CHECK(server.requests("/a").at(0).headers.count("if-none-match") == 1);
    CHECK(server.requests("/b").at(0).headers.count("if-none-match") == 0);
}

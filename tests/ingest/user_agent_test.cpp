#include <string>

#include "ingest/user_agent.h"
#include "support/catch.h"

using namespace fw;
using namespace fw::ingest;

TEST_CASE("every source kind but EDGAR gets the descriptive agent", "[ingest][unit][user_agent]") {
    for (auto kind : {SourceKind::Feed, SourceKind::HfAuthor, SourceKind::GithubReleases, SourceKind::GithubCommits,
                      SourceKind::Arxiv, SourceKind::Prices, SourceKind::Page}) {
        const auto ua = user_agent_for(kind, std::nullopt);
        REQUIRE(ua);
        CHECK(ua->rfind("FrontierWatch/0.1 (+https://", 0) == 0);
    }
}

TEST_CASE("EDGAR is refused until a name and e-mail are set", "[ingest][unit][user_agent]") {
    const auto missing = user_agent_for(SourceKind::Edgar, std::nullopt);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::Config);
    CHECK(missing.error().message.find("FW_EDGAR_CONTACT") != std::string::npos);

    for (const char* bad :
         {"", "Jane Doe", "jane@example.com", "Jane jane@localhost", "Jane jane@example.com\r\nX-Evil: 1"}) {
        CHECK_FALSE(user_agent_for(SourceKind::Edgar, std::string(bad)));
    }
    const auto ua = user_agent_for(SourceKind::Edgar, std::string("  Jane Doe jane@example.com "));
    REQUIRE(ua);
    CHECK(*ua == "FrontierWatch/0.1 Jane Doe jane@example.com");
}

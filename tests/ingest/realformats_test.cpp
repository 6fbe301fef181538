// Every real capture in ../shared/corpus/realformats (see its SOURCES.md) read with the source
// kind a user would give it: the number of entries, the first entry's id and its date. The
// expected figures were read from the files themselves (Python json / xml.etree / csv). The
// captures are third-party files: they stay in ../shared and these tests skip without it.

#include <string>
#include <vector>

#include "domain/time.h"
#include "ingest/source_adapter.h"
#include "support/catch.h"
#include "support/paths.h"

using namespace fw;
using namespace fw::ingest;

namespace {

struct Capture {
    const char* file;
    SourceKind kind;
    const char* url;  ///< the URL it was captured from (paths and repos are read from it)
    FeedFormat format;
    std::size_t entries;
    const char* first_id;    ///< entry id, or for EDGAR Atom the accession number
    const char* first_date;  ///< UTC day of published (else updated)
};

const std::vector<Capture> kCaptures = {
    {"hf-author/hfhub-model-info-google-bert-bert-base-uncased.json", SourceKind::HfAuthor,
     "https://huggingface.co/api/models/google-bert/bert-base-uncased", FeedFormat::HfJson, 1,
     "google-bert/bert-base-uncased", "2022-03-02"},
    {"hf-author/hfhub-model-info-stabilityai-stable-diffusion-2-1.json", SourceKind::HfAuthor,
     "https://huggingface.co/api/models/stabilityai/stable-diffusion-2-1", FeedFormat::HfJson, 1,
     "stabilityai/stable-diffusion-2-1", "2022-12-06"},
    {"hf-author/hfhub-model-info-deepset-roberta-base-squad2.json", SourceKind::HfAuthor,
     "https://huggingface.co/api/models/deepset/roberta-base-squad2", FeedFormat::HfJson, 1,
     "deepset/roberta-base-squad2", "2022-03-02"},
    {"github-releases/hub4j-github-hub-releases.json", SourceKind::GithubReleases,
     "https://api.github.com/repos/github/hub/releases", FeedFormat::GithubJson, 30, "v2.12.8", "2019-10-03"},
    {"github-releases/github3py-releases.json", SourceKind::GithubReleases,
     "https://api.github.com/repos/sigmavirus24/github3.py/releases?per_page=100", FeedFormat::GithubJson, 2, "0.9.3",
     "2014-11-29"},
    // A draft: no published_at, so the day is created_at's.
    {"github-releases/octokitrb-api-playground-releases.json", SourceKind::GithubReleases,
     "https://api.github.com/repos/api-playground/releases", FeedFormat::GithubJson, 4, "untagged-a748ca05216e3dcb4e53",
     "2013-06-25"},
    {"github-commits/hub4j-stapler-commits-path-pom.json", SourceKind::GithubCommits,
     "https://api.github.com/repos/stapler/stapler/commits?path=pom.xml", FeedFormat::GithubJson, 30,
     "950acbd60ed4289520dcd2a395e5d77f181e1cff", "2019-08-19"},
    {"github-commits/hub4j-jenkins-commits-path-pom-2008-01.json", SourceKind::GithubCommits,
     "https://api.github.com/repos/jenkinsci/jenkins/commits?path=pom.xml&per_page=100", FeedFormat::GithubJson, 29,
     "1cccddb22e305397151b2b7b87b4b47d74ca337b", "2008-01-30"},
    {"github-commits/github3py-commits.json", SourceKind::GithubCommits,
     "https://api.github.com/repos/sigmavirus24/github3.py/commits?per_page=25", FeedFormat::GithubJson, 25,
     "977560f205a84449522988b52e196f4bf502f79a", "2017-12-29"},
    {"edgar/edgarwebr-aapl-getcompany-all.atom.xml", SourceKind::Edgar,
     "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=AAPL&output=atom", FeedFormat::Atom10, 40,
     "0001193125-21-054710", "2021-02-24"},
    {"edgar/edgarwebr-aapl-getcompany-10-K.atom.xml", SourceKind::Edgar,
     "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=AAPL&type=10-K&output=atom", FeedFormat::Atom10,
     25, "0001628280-16-020309", "2016-10-26"},
    {"edgar/edgarwebr-ea-getcompany-all.atom.xml", SourceKind::Edgar,
     "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=EA&output=atom", FeedFormat::Atom10, 40,
     "9999999997-21-000981", "2021-03-01"},
    {"edgar/edgartools-tsla-submissions-2022.json", SourceKind::Edgar,
     "https://data.sec.gov/submissions/CIK0001318605.json", FeedFormat::EdgarJson, 1001, "0001790565-22-000015",
     "2022-11-30"},
    {"arxiv/arxivpy-au-del_maestro-2016.xml", SourceKind::Arxiv,
     "http://export.arxiv.org/api/query?search_query=au:del_maestro", FeedFormat::Atom10, 10,
     "http://arxiv.org/abs/1201.4869v1", "2012-01-23"},
    {"arxiv/arxivpy-all-testing-2026.xml", SourceKind::Arxiv, "https://export.arxiv.org/api/query?search_query=testing",
     FeedFormat::Atom10, 10, "http://arxiv.org/abs/2202.12139v1", "2022-02-24"},
    {"arxiv/arxivpy-id_list-0808.05394-1707.08567-2026.xml", SourceKind::Arxiv,
     "https://export.arxiv.org/api/query?id_list=0808.05394,1707.08567", FeedFormat::Atom10, 1,
     "http://arxiv.org/abs/1707.08567v1", "2017-07-27"},
    {"jsonfeed/nnw-daringfireball.json", SourceKind::Feed, "https://daringfireball.net/feeds/json",
     FeedFormat::JsonFeed, 48, "https://daringfireball.net/linked/2017/06/26/the-talk-show-195", "2017-06-27"},
    {"jsonfeed/nnw-3960-v1.1.json", SourceKind::Feed, "https://journal.3960.org/feed.json", FeedFormat::JsonFeed, 20,
     "user/posts/2020-02-21-lecker-lecker/index.md", "2020-02-21"},
    {"jsonfeed/nnw-pxlnv.json", SourceKind::Feed, "https://pxlnv.com/feed/json/", FeedFormat::JsonFeed, 20,
     "https://pxlnv.com/linklog/uber-losses-2017/", "2018-02-13"},
    // 2025-01-05T20:40:00-05:00 is the UTC day 2025-01-06.
    {"jsonfeed/feedjira-lukedorny-v1.1.json", SourceKind::Feed, "https://lukedorny.com/feed", FeedFormat::JsonFeed, 30,
     "https://lukedorny.com/updates/new-font", "2025-01-06"},
};

struct PriceCapture {
    const char* file;
    std::size_t bars;
    const char* first_row_date;  ///< the first data row's Date/timestamp
    double first_row_close;
};

const std::vector<PriceCapture> kPrices = {
    {"prices/pyalgotrade-spy-2011-yahoo-legacy.csv", 252, "2011-12-30", 125.5},
    {"prices/nodeyf2-aapl-yahoo-v7-download.csv", 1, "2020-01-02", 75.087502},
    {"prices/nodeyf2-qqq-yahoo-v7-download.csv", 1, "2020-01-02", 216.160004},
    {"prices/kdbstock-aapl-alphavantage-daily.csv", 100, "2025-06-05", 200.63},
};

std::string day_of(const FeedEntry& e) {
    if (e.published)
        return format_date(*e.published);
    return e.updated ? format_date(*e.updated) : std::string("(none)");
}

}  // namespace

TEST_CASE("every real capture of an API or feed parses with its source kind", "[ingest][realformats]") {
    FW_REQUIRE_SHARED(shared);
    const auto root = *shared_opt / "corpus" / "realformats";
    for (const auto& c : kCaptures) {
        INFO(c.file);
        const std::string body = fw::test::read_file(root / c.file);
        REQUIRE_FALSE(body.empty());
        auto doc = parse_document(c.kind, body, {"capture", c.url, ""});
        INFO((doc ? std::string() : doc.error().describe()));
        REQUIRE(doc);
        CHECK(doc->feed.format == c.format);
        CHECK(doc->feed.items.size() == c.entries);
        REQUIRE_FALSE(doc->feed.items.empty());
        const auto& first = doc->feed.items.front();
        const auto accession = first.extra.find("accession");
        const bool atom_filing = c.kind == SourceKind::Edgar && c.format == FeedFormat::Atom10;
        CHECK((atom_filing ? accession->second : first.id) == c.first_id);
        // EDGAR Atom: the expected day is <updated>'s (as in SOURCES.md); published is the
        // filing date, which differs in the EA capture (updated 03-01, filed 03-29).
        if (atom_filing) {
            REQUIRE(first.updated);
            CHECK(format_date(*first.updated) == c.first_date);
            REQUIRE(first.published);
            CHECK(format_date(*first.published) == first.extra.at("filing_date"));
        } else {
            CHECK(day_of(first) == c.first_date);
        }
        for (const auto& e : doc->feed.items) {
            CHECK_FALSE(e.title.empty());
        }
    }
}

TEST_CASE("the EDGAR submissions capture lists 8-K item numbers", "[ingest][realformats]") {
    FW_REQUIRE_SHARED(shared);
    const auto body =
        fw::test::read_file(*shared_opt / "corpus/realformats/edgar/edgartools-tsla-submissions-2022.json");
    auto doc =
        parse_document(SourceKind::Edgar, body, {"tsla", "https://data.sec.gov/submissions/CIK0001318605.json", ""});
    REQUIRE(doc);
    const auto& e = doc->feed.items.at(12);  // the first 8-K with item 5.02, by Python
    CHECK(e.id == "0001564590-22-032575");
    CHECK(e.extra.at("form_type") == "8-K");
    CHECK(e.extra.at("items") == "5.02,9.01");
    CHECK(e.link.starts_with("https://www.sec.gov/Archives/edgar/data/1318605/000156459022032575/"));
}

TEST_CASE("every real price CSV (legacy Yahoo, Yahoo v7, Alpha Vantage) gives its bars", "[ingest][realformats]") {
    FW_REQUIRE_SHARED(shared);
    for (const auto& p : kPrices) {
        INFO(p.file);
        auto doc = parse_document(SourceKind::Prices, fw::test::read_file(*shared_opt / "corpus/realformats" / p.file),
                                  {"SYM", "file:///capture.csv", ""});
        INFO((doc ? std::string() : doc.error().describe()));
        REQUIRE(doc);
        CHECK(doc->feed.format == FeedFormat::PricesCsv);
        CHECK(doc->prices.size() == p.bars);
        bool found = false;
        for (const auto& bar : doc->prices) {
            if (format_date(bar.date) == p.first_row_date) {
                found = true;
                REQUIRE(bar.close);
                CHECK(*bar.close == Approx(p.first_row_close));
            }
        }
        CHECK(found);
    }
}

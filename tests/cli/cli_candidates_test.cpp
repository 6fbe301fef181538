// The review queue through the program: an 8-K item 5.02 filing names no person, so it waits
// as a candidate; a person confirms it as a typed event, and both the event and the decision
// survive `extract --rebuild`. Reading the queue writes nothing.

#include <fstream>

#include "cli/cli_harness.h"
#include "support/catch.h"

using namespace fw::test;

namespace {

// A filings feed in EDGAR's Atom shape, written for this test: one officer change (5.02), one
// earnings release (2.02).
constexpr const char* kFilings = R"(<?xml version="1.0" encoding="ISO-8859-1" ?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <company-info><cik>0001326801</cik><conformed-name>Meta Platforms, Inc.</conformed-name></company-info>
  <title>Meta Platforms, Inc.  (0001326801)</title>
  <updated>2026-08-15T00:00:00-04:00</updated>
  <id>urn:tag:sec.gov,2008:company=0001326801</id>
  <entry>
    <category label="form type" scheme="https://www.sec.gov/" term="8-K" />
    <content type="text/xml">
      <accession-number>0009999999-26-000502</accession-number>
      <filing-date>2026-08-14</filing-date>
      <filing-href>https://www.sec.gov/Archives/edgar/data/1326801/000999999926000502/0009999999-26-000502-index.htm</filing-href>
      <filing-type>8-K</filing-type>
      <items-desc>items 5.02</items-desc>
    </content>
    <id>urn:tag:sec.gov,2008:accession-number=0009999999-26-000502</id>
    <link href="https://www.sec.gov/Archives/edgar/data/1326801/000999999926000502/0009999999-26-000502-index.htm" rel="alternate" type="text/html" />
    <summary type="html">&lt;b&gt;Filed:&lt;/b&gt; 2026-08-14&lt;br&gt;Item 5.02: Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers</summary>
    <title>8-K  - Current report</title>
    <updated>2026-08-14T16:30:00-04:00</updated>
  </entry>
  <entry>
    <category label="form type" scheme="https://www.sec.gov/" term="8-K" />
    <content type="text/xml">
      <accession-number>0009999999-26-000202</accession-number>
      <filing-date>2026-07-29</filing-date>
      <filing-href>https://www.sec.gov/Archives/edgar/data/1326801/000999999926000202/0009999999-26-000202-index.htm</filing-href>
      <filing-type>8-K</filing-type>
      <items-desc>items 2.02 and 9.01</items-desc>
    </content>
    <id>urn:tag:sec.gov,2008:accession-number=0009999999-26-000202</id>
    <link href="https://www.sec.gov/Archives/edgar/data/1326801/000999999926000202/0009999999-26-000202-index.htm" rel="alternate" type="text/html" />
    <summary type="html">&lt;b&gt;Filed:&lt;/b&gt; 2026-07-29&lt;br&gt;Item 2.02: Results of Operations and Financial Condition</summary>
    <title>8-K  - Current report</title>
    <updated>2026-07-29T16:05:00-04:00</updated>
  </entry>
</feed>
)";

nlohmann::json candidates(const Cli& cli, bool all = false) {
    std::vector<std::string> args{"--json", "events", "candidates"};
    if (all) {
        args.push_back("--all");
    }
    auto r = cli(args);
    REQUIRE(r.exit_code == 0);
    auto j = parse_json(r.out);
    REQUIRE(j.is_array());
    return j;
}

}  // namespace

TEST_CASE("events candidates: an unclassified filing waits for review and its confirmation survives a rebuild",
          "[cli][candidates]") {
    Cli cli;
    const auto feed = cli.dir() / "filings.atom.xml";
    std::ofstream(feed) << kFilings;
    REQUIRE(cli({"sources", "add", Cli::file_url(feed), "--kind", "edgar", "--name", "meta-8k", "--lab", "meta"})
                .exit_code == 0);
    auto fetched = cli.raw({"--db", cli.db(), "fetch"});
    INFO(fetched.err);
    REQUIRE(fetched.exit_code == 0);

    auto queue = candidates(cli);
    REQUIRE(queue.size() == 1);
    const auto& c = queue[0];
    CHECK(c["source"] == "meta-8k");
    CHECK(c["suggested_kind"] == "personnel_move");
    CHECK(c["published"].get<std::string>().starts_with("2026-08-14"));
    CHECK(c["link"].get<std::string>().find("0009999999-26-000502") != std::string::npos);
    CHECK(c["state"] == "open");
    CHECK(c["confidence"].get<double>() < 0.6);
    for (const auto* key : {"id", "title", "entities", "cue", "lab", "model", "reason", "item_id"}) {
        CHECK(c.contains(key));
    }
    CHECK(std::find(c["entities"].begin(), c["entities"].end(), "lab:meta") != c["entities"].end());
    // The text listing names it too.
    CHECK(cli({"events", "candidates"}).out.find("personnel_move") != std::string::npos);

    const auto id = std::to_string(c["id"].get<long long>());
    auto confirmed = cli(
        {"--json", "events", "candidates", "confirm", id, "--set", "move=left", "--set", "role=Chief Legal Officer"});
    INFO(confirmed.err);
    REQUIRE(confirmed.exit_code == 0);
    const long long event_id = parse_json(confirmed.out)["event_id"];
    CHECK(candidates(cli).empty());
    auto twice = cli({"events", "candidates", "confirm", id});
    CHECK(twice.exit_code == 1);
    CHECK(line_count(twice.err) == 1);

    REQUIRE(cli({"extract", "--rebuild"}).exit_code == 0);
    CHECK(candidates(cli).empty());  // the decided candidate is not queued again
    auto all = candidates(cli, true);
    REQUIRE(all.size() == 1);
    CHECK(all[0]["state"] == "confirmed");
    bool kept = false;
    for (const auto& e : parse_json(cli({"--json", "events", "list", "--kind", "personnel_move"}).out)) {
        if (e["id"] == event_id) {
            kept = true;
            CHECK(e["review"] == "confirmed");
            CHECK(e["fields"]["move"] == "left");
            CHECK(e["occurred_at"].get<std::string>().starts_with("2026-08-14"));
        }
    }
    CHECK(kept);
}

TEST_CASE("events candidates dismiss and bad ids", "[cli][candidates]") {
    Cli cli;
    const auto feed = cli.dir() / "filings.atom.xml";
    std::ofstream(feed) << kFilings;
    REQUIRE(cli({"sources", "add", Cli::file_url(feed), "--kind", "edgar", "--name", "meta-8k", "--lab", "meta"})
                .exit_code == 0);
    REQUIRE(cli({"fetch"}).exit_code == 0);
    auto queue = candidates(cli);
    REQUIRE(queue.size() == 1);
    const auto id = std::to_string(queue[0]["id"].get<long long>());
    REQUIRE(cli({"events", "candidates", "dismiss", id}).exit_code == 0);
    CHECK(candidates(cli).empty());
    REQUIRE(cli({"extract", "--rebuild"}).exit_code == 0);
    CHECK(candidates(cli).empty());
    CHECK(candidates(cli, true)[0]["state"] == "dismissed");
    auto missing = cli({"events", "candidates", "dismiss", "987654"});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("987654") != std::string::npos);
}

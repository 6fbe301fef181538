#include "extract/extractor.h"

#include "extract_support.h"
#include "support/catch.h"

using fw::EventKind;
using fw::make_time;
using fw::test::make_extractor;
using fw::test::make_item;
using fw::test::of_kind;

namespace {

fw::Item filing(std::string items, std::string accession) {
    auto item =
        make_item("8-K - Current report", make_time(2026, 4, 29, 20, 18, 55), "Filed: 2026-04-29 AccNo: " + accession);
    item.entry.extra = {{"form_type", "8-K"},
                        {"items", std::move(items)},
                        {"accession", std::move(accession)},
                        {"cik", "0001326801"},
                        {"company", "Meta Platforms, Inc."}};
    return item;
}

const fw::extract::SourceInfo edgar{"meta-8k", fw::SourceKind::Edgar, std::nullopt};
}  // namespace

TEST_CASE("an 8-K with item 2.02 is an earnings release of the lab with that CIK", "[extract][filing]") {
    auto ex = make_extractor();
    auto out = ex.extract(filing("2.02,9.01", "0001628280-26-028364"), nullptr, edgar);
    auto earnings = of_kind(out.events, EventKind::EarningsRelease);
    REQUIRE(earnings.size() == 1);
    CHECK(earnings[0].dedupe_key == "earnings_release|0001628280-26-028364");
    CHECK(earnings[0].lab == "meta");
    CHECK(earnings[0].security == "META");
    CHECK(earnings[0].time_precision == "second");
}

TEST_CASE("item 12.02 is not item 2.02, and 5.02 is a personnel move", "[extract][filing]") {
    auto ex = make_extractor();
    auto out = ex.extract(filing("items 5.02 and 12.02", "0001326801-26-000050"), nullptr, edgar);
    CHECK(of_kind(out.events, EventKind::EarningsRelease).empty());
    // The index names no person: a candidate for review, not an event without a subject.
    CHECK(of_kind(out.events, EventKind::PersonnelMove).empty());
    REQUIRE(out.candidates.size() == 1);
    const auto& c = out.candidates[0];
    CHECK(c.suggested_kind == EventKind::PersonnelMove);
    CHECK(c.cue == "8-K item 5.02");
    CHECK(c.entities == std::vector<std::string>{"lab:meta"});
    CHECK(c.confidence == 0.5);
    CHECK(c.reason == "filing names no person");
}

TEST_CASE("item 5.02 whose filing text was read names the person and the move", "[extract][filing]") {
    auto ex = make_extractor();
    auto item = filing("5.02,9.01", "0001326801-26-000051");
    item.entry.article_text =
        "Item 5.02 Departure of Directors or Certain Officers. On April 27, 2026, Jane Q. Doe informed the "
        "Company that she resigned as Chief Financial Officer, effective May 15, 2026.";
    auto out = ex.extract(item, nullptr, edgar);
    auto moves = of_kind(out.events, EventKind::PersonnelMove);
    REQUIRE(moves.size() == 1);
    CHECK(moves[0].fields.text("move") == "left");
    CHECK(moves[0].fields.text("name") == "Jane Q. Doe");  // the field people.cpp reads for the display name
    CHECK(moves[0].fields.text("role") == "Chief Financial Officer");
    CHECK(moves[0].fields.text("org") == "meta");
    CHECK(out.candidates.empty());
}

TEST_CASE("capex guidance reads the range, the prior range and the direction", "[extract][market]") {
    auto ex = make_extractor();
    auto item = filing("2.02,9.01", "0001628280-26-028364");
    item.entry.content_text =
        "We anticipate 2026 capital expenditures, including principal payments on finance leases, to be in the "
        "range of $125-145 billion, increased from our prior range of $115-135 billion. We expect 2026 total "
        "expenses to be in the range of $162-169 billion.";
    auto out = ex.extract(item, nullptr, edgar);
    auto capex = of_kind(out.events, EventKind::CapexGuidance);
    REQUIRE(capex.size() == 1);
    const auto& f = capex[0].fields;
    CHECK(f.integer("fiscal_year") == 2026);
    CHECK(f.integer("low_usd") == 125'000'000'000LL);
    CHECK(f.integer("high_usd") == 145'000'000'000LL);
    CHECK(f.integer("prior_low_usd") == 115'000'000'000LL);
    CHECK(f.integer("prior_high_usd") == 135'000'000'000LL);
    CHECK(f.text("direction") == "raised");
    CHECK(f.text("company") == "meta");
    CHECK(capex[0].dedupe_key == "capex_guidance|meta|FY2026|2026-04-29");
}

TEST_CASE("capex guidance narrowed from the prior outlook", "[extract][market]") {
    auto ex = make_extractor();
    auto item =
        make_item("Meta Reports Second Quarter 2026 Results", make_time(2026, 7, 29),
                  "We anticipate 2026 capital expenditures, including principal payments on finance leases, "
                  "to be in the range of $130-145 billion, narrowed from our prior outlook of $125-145 billion.");
    auto out = ex.extract(item, nullptr, fw::test::feed_source("meta-investor", std::string("meta")));
    auto capex = of_kind(out.events, EventKind::CapexGuidance);
    REQUIRE(capex.size() == 1);
    CHECK(capex[0].fields.text("direction") == "narrowed");
    CHECK(capex[0].fields.integer("low_usd") == 130'000'000'000LL);
    CHECK(capex[0].fields.integer("prior_low_usd") == 125'000'000'000LL);
}

TEST_CASE("a first capex range without a prior one is initiated", "[extract][market]") {
    auto ex = make_extractor();
    auto item = make_item("Q4 results", make_time(2026, 1, 28),
                          "We expect full year 2027 capital expenditures to be in the range of $150 billion to "
                          "$170 billion.");
    auto out = ex.extract(item, nullptr, fw::test::feed_source("meta-investor", std::string("meta")));
    auto capex = of_kind(out.events, EventKind::CapexGuidance);
    REQUIRE(capex.size() == 1);
    CHECK(capex[0].fields.text("direction") == "initiated");
    CHECK(capex[0].fields.integer("fiscal_year") == 2027);
    CHECK(capex[0].fields.integer("high_usd") == 170'000'000'000LL);
    CHECK(capex[0].fields.find("prior_low_usd") != nullptr);
}

TEST_CASE("a newsroom headline's single capex figure with the direction of its verb", "[extract][market]") {
    auto ex = make_extractor();
    const auto wire = fw::test::feed_source("markets-wire", std::nullopt);
    auto out =
        ex.extract(make_item("Meta lifts 2027 capex guidance to $160 billion", make_time(2026, 10, 30)), nullptr, wire);
    auto capex = of_kind(out.events, EventKind::CapexGuidance);
    REQUIRE(capex.size() == 1);
    CHECK(capex[0].fields.text("company") == "meta");
    CHECK(capex[0].fields.text("direction") == "raised");
    CHECK(capex[0].fields.integer("fiscal_year") == 2027);
    CHECK(capex[0].fields.integer("low_usd") == 160'000'000'000LL);
    CHECK(capex[0].fields.integer("high_usd") == 160'000'000'000LL);

    out = ex.extract(make_item("Meta trims its capex outlook to $110 billion", make_time(2026, 11, 2)), nullptr, wire);
    capex = of_kind(out.events, EventKind::CapexGuidance);
    REQUIRE(capex.size() == 1);
    CHECK(capex[0].fields.text("direction") == "lowered");
    // A figure without its unit is no guidance ("capex up 40% to $95"): nothing.
    out = ex.extract(make_item("Meta capex rises 40% to $95 a share", make_time(2026, 11, 3)), nullptr, wire);
    CHECK(of_kind(out.events, EventKind::CapexGuidance).empty());
}

TEST_CASE("a price-target headline whose firm is named in the lead", "[extract][market]") {
    auto ex = make_extractor();
    const auto wire = fw::test::feed_source("markets-wire", std::nullopt);
    auto out = ex.extract(make_item("Analyst lifts Meta price target to $950", make_time(2026, 10, 30),
                                    "Goldman Sachs cited faster ad growth."),
                          nullptr, wire);
    const auto ratings = of_kind(out.events, EventKind::AnalystRating);
    REQUIRE(ratings.size() == 1);
    CHECK(ratings[0].fields.text("firm") == "goldman-sachs");
    CHECK(ratings[0].fields.text("symbol") == "META");
    CHECK(ratings[0].fields.number("new_target") == 950.0);
    // A company raising its own prices speaks of no rating, whatever its lead names.
    out = ex.extract(make_item("Meta raises Muse Spark API prices to $9", make_time(2026, 10, 31),
                               "Goldman Sachs customers were told by email."),
                     nullptr, wire);
    CHECK(of_kind(out.events, EventKind::AnalystRating).empty());
}

TEST_CASE("an analyst price-target headline gives firm, symbol, action and targets", "[extract][market]") {
    auto ex = make_extractor();
    auto out =
        ex.extract(make_item("Morgan Stanley raises Meta price target to $850 from $800", make_time(2026, 4, 30)),
                   nullptr, fw::test::feed_source("markets-news", std::nullopt));
    auto ratings = of_kind(out.events, EventKind::AnalystRating);
    REQUIRE(ratings.size() == 1);
    const auto& f = ratings[0].fields;
    CHECK(f.text("firm") == "morgan-stanley");
    CHECK(f.text("symbol") == "META");
    CHECK(f.text("action") == "pt_change");
    CHECK(f.number("new_target") == Approx(850));
    CHECK(f.number("old_target") == Approx(800));
    CHECK(ratings[0].dedupe_key == "analyst_rating|morgan-stanley|META|2026-04-30");
}

TEST_CASE("a company raising its own numbers is not an analyst rating", "[extract][market]") {
    auto ex = make_extractor();
    auto out = ex.extract(make_item("Meta raises dividend to $0.55 per share", make_time(2026, 2, 1)), nullptr,
                          fw::test::feed_source("markets-news", std::nullopt));
    CHECK(of_kind(out.events, EventKind::AnalystRating).empty());
}

// Capex guidance, an analyst's target and board seats in wording written for this test (session
// 10, issue 13): a
// figure in "$120B" form, "capital spending", a previous range said "previously", a figure before
// "capex", a headline's "capex" before the lead's "capital expenditures", and a seat on another
// company's board that is no departure from the person's lab.

#include "bundled_extractor.h"
#include "extract_support.h"
#include "support/catch.h"

using fw::EventKind;
using fw::make_time;
using fw::test::bundled_extractor;
using fw::test::feed_source;
using fw::test::make_item;
using fw::test::of_kind;
using fw::test::text_field;

namespace {

double number_field(const fw::Event& e, const char* key) {
    return e.fields.number(key).value_or(-1);
}

}  // namespace

TEST_CASE("capex guidance in newsroom and wire shorthand", "[extract][market][capex]") {
    auto ex = bundled_extractor();
    const auto desk = feed_source("markets-desk", std::nullopt);
    SECTION("'$95B-$105B' in the headline, 'capital expenditures' in the lead") {
        auto out = ex.extract(make_item("Meta raises 2027 capex outlook to $95B-$105B", make_time(2026, 10, 29),
                                        "Capital expenditures will keep growing, the company said."),
                              nullptr, desk);
        const auto capex = of_kind(out.events, EventKind::CapexGuidance);
        REQUIRE(capex.size() == 1);
        CHECK(number_field(capex.front(), "low_usd") == 95e9);
        CHECK(number_field(capex.front(), "high_usd") == 105e9);
        CHECK(text_field(capex.front(), "direction") == "raised");
    }
    SECTION("'capital spending' narrowed, the earlier range said 'previously'") {
        auto out = ex.extract(
            make_item("Meta narrows capital spending forecast to $101 billion to $104 billion", make_time(2026, 10, 30),
                      "Previously the company expected $98 billion to $106 billion."),
            nullptr, desk);
        const auto capex = of_kind(out.events, EventKind::CapexGuidance);
        REQUIRE(capex.size() == 1);
        CHECK(number_field(capex.front(), "prior_low_usd") == 98e9);
        CHECK(text_field(capex.front(), "direction") == "narrowed");
    }
    SECTION("the figure before 'capex': 'reaffirms $70 billion capex plan'") {
        auto out = ex.extract(make_item("Alphabet reaffirms $70 billion capex plan for 2027", make_time(2026, 10, 31)),
                              nullptr, desk);
        const auto capex = of_kind(out.events, EventKind::CapexGuidance);
        REQUIRE(capex.size() == 1);
        CHECK(number_field(capex.front(), "high_usd") == 70e9);
        CHECK(text_field(capex.front(), "direction") == "reaffirmed");
    }
}

TEST_CASE("an initiation's target written before the word 'target'", "[extract][market][analyst]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Jefferies initiates Meta at Buy, $1,010 price target", make_time(2026, 11, 2)),
                          nullptr, feed_source("markets-desk", std::nullopt));
    const auto ratings = of_kind(out.events, EventKind::AnalystRating);
    REQUIRE(ratings.size() == 1);
    CHECK(number_field(ratings.front(), "new_target") == 1010);
}

TEST_CASE("a seat on another company's board left is no departure from the lab", "[extract][people]") {
    auto ex = bundled_extractor();
    auto out =
        ex.extract(make_item("Anthropic CEO Dario Amodei leaves board of a battery startup", make_time(2026, 11, 1)),
                   nullptr, feed_source("wire-desk", std::nullopt));
    CHECK(of_kind(out.events, EventKind::PersonnelMove).empty());
}

// license_change stated in words (issue 13): a headline with a licence-change verb and a licence
// noun names the model, the old and the new licence; without the new licence named it is a
// candidate to review; it is never a release. Every item is written for this test.

#include "extract/extractor.h"

#include "extract_support.h"
#include "support/catch.h"

using fw::EventKind;
using fw::make_time;
using fw::test::feed_source;
using fw::test::make_extractor;
using fw::test::make_item;
using fw::test::of_kind;

TEST_CASE("a stated licence change names the model, the old and the new licence", "[extract][license]") {
    auto ex = make_extractor();
    auto out = ex.extract(make_item("Meta relicenses Llama 3.1 from its community licence to Apache 2.0",
                                    make_time(2026, 10, 2), "The change applies to every size."),
                          nullptr, feed_source("tech-newsroom", std::nullopt));
    const auto changes = of_kind(out.events, EventKind::LicenseChange);
    REQUIRE(changes.size() == 1);
    const auto& ev = changes.front();
    CHECK(ev.model == "llama-3-1");
    CHECK(ev.lab == "meta");
    CHECK(ev.fields.text("new") == "Apache-2.0");
    // "its community licence" names no licence: the taxonomy's licence until now is the old one.
    CHECK(ev.fields.text("old") == "LicenseRef-Llama-3.1-Community");
    CHECK(ev.fields.text("diff").value_or("").find("stated: Meta relicenses") != std::string::npos);
    CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
}

TEST_CASE("a licence change whose new licence is not named is a candidate", "[extract][license]") {
    auto ex = make_extractor();
    auto out = ex.extract(make_item("Meta changes the Llama 3.1 licence for large customers", make_time(2026, 10, 2)),
                          nullptr, feed_source("tech-newsroom", std::nullopt));
    CHECK(of_kind(out.events, EventKind::LicenseChange).empty());
    REQUIRE(out.candidates.size() == 1);
    CHECK(out.candidates.front().suggested_kind == EventKind::LicenseChange);
    CHECK(out.candidates.front().model == "llama-3-1");
}

TEST_CASE("terms changed for no model and licences named in a launch are no licence change", "[extract][license]") {
    auto ex = make_extractor();
    auto out = ex.extract(make_item("Meta updates WhatsApp terms of service", make_time(2026, 10, 2)), nullptr,
                          feed_source("tech-newsroom", std::nullopt));
    CHECK(of_kind(out.events, EventKind::LicenseChange).empty());
    // A launch under a licence states no change, and a licence is never a model's name.
    out = ex.extract(make_item("Introducing Muse Pocket 3", make_time(2026, 10, 3),
                               "The weights are released under CC-BY-NC 4.0 today."),
                     nullptr, feed_source());
    CHECK(of_kind(out.events, EventKind::LicenseChange).empty());
    for (const auto& m : out.discovered_models) {
        CHECK(m.slug != "cc-by-nc-4-0");
    }
}

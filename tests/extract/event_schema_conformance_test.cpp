// Every event the extractors write conforms to its kind's declared fields (domain/event_schema.h):
// no field outside the declaration (a misspelt name reads as null downstream), the declared type,
// allowed values, and every required field present. Run over the labelled items, which cover
// every kind the extractors write (the written items without ../shared, the real ones with it).

#include <set>

#include "domain/event_schema.h"
#include "extract_support.h"
#include "labelled_reader.h"
#include "support/catch.h"

#ifdef FW_HAVE_TAXONOMY_LOADER
#include "app/taxonomy_loader.h"
#endif

TEST_CASE("every extracted event's fields conform to its kind's schema", "[extract][schema]") {
#ifndef FW_HAVE_TAXONOMY_LOADER
    WARN("skipped: app/taxonomy_loader.h is not built; the labels use the bundled taxonomy");
    return;
#else
    auto taxonomy = fw::app::load_taxonomy({fw::test::bundled_data()});
    REQUIRE(taxonomy);
    fw::extract::Extractor ex(*taxonomy, fw::test::bundled_rules());
    const auto cases = fw::test::read_labelled(fw::test::read_file(fw::test::test_data("extract/labelled.jsonl")));
    std::set<fw::EventKind> kinds_seen;
    std::vector<std::string> problems;
    for (const auto& c : cases) {
        if (!c.resolved) {
            continue;
        }
        auto out = ex.extract(c.item, c.previous ? &*c.previous : nullptr, c.source);
        for (const auto& ev : out.events) {
            kinds_seen.insert(ev.kind);
            for (const auto& p : fw::check_fields(ev.kind, ev.fields)) {
                problems.push_back(c.id + ": " + p);
            }
        }
    }
    for (const auto& p : problems) {
        UNSCOPED_INFO(p);
    }
    CHECK(problems.empty());
    // The written items alone reach every kind the extractors write from text.
    for (auto kind : {fw::EventKind::ModelRelease, fw::EventKind::SurfaceRollout, fw::EventKind::WeightsRelease,
                      fw::EventKind::LicenseChange, fw::EventKind::EvalReport, fw::EventKind::ThirdPartyEval,
                      fw::EventKind::PersonnelMove, fw::EventKind::EarningsRelease, fw::EventKind::CapexGuidance,
                      fw::EventKind::AnalystRating}) {
        INFO(fw::to_string(kind));
        CHECK(kinds_seen.count(kind) == 1);
    }
#endif
}

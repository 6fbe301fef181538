// Extraction on real items nobody tuned a phrase for: the DEV split of the labels in
// tests/data/extract/labels (items kept in ../shared), scored by the evaluation the
// fw_extract_accuracy bench runs (bench/extract_accuracy/extract_eval.h). Holds floors so a
// regression fails; the held-out split is measured by the bench only, never asserted here, so
// nobody tunes against it.

#include <iostream>

#include "app/taxonomy_loader.h"
#include "extract_eval.h"
#include "extract_support.h"
#include "support/catch.h"

namespace {

/// Floors per kind: the values measured on 2026-12-02 21:45 after hosts, evaluators and
/// first-party evaluation posts (issue 13; docs/accuracy.md, commit 2779866) minus a margin of
/// about one case. Raise them as the extractor improves. Kinds with fewer than kMinSupport
/// expected events on the dev split are not held.
struct Floor {
    const char* kind;
    double precision, recall;
};
constexpr int kMinSupport = 5;
constexpr Floor kFloors[] = {
    {"model_release", 0.91, 0.76},     // measured 0.930 / 0.781 (137 expected)
    {"surface_rollout", 0.94, 0.77},   // 0.972 / 0.795 (44)
    {"weights_release", 0.70, 0.50},   // 0.824 / 0.636 (22: an open launch states its weights since session 12)
    {"eval_report", 0.75, 0.33},       // 1.000 / 0.500 (6)
    {"third_party_eval", 0.90, 0.57},  // 1.000 / 0.615 (13)
    {"personnel_move", 0.95, 0.89},    // 1.000 / 0.931 (29)
};
// 0.930 / 0.793: a launch wrongly read as open (an interview, a code library) now also costs its
// weights release, so precision over all kinds sits a point lower than before session 12.
constexpr double kAllPrecision = 0.92, kAllRecall = 0.76;
/// Missed events whose item at least became a candidate (measured 31 of 49 since the announcement
/// shapes of extract/candidate_shapes.h and weak repo findings in the queue; 16 before; 37 of 52
/// since session 15's digest stories opened by a possessor or a camel-case coined word), and the
/// queue's size: at most about one item in eight (measured 133 of 1,173; 105 before, the shapes
/// cost 13 labelled negatives a candidate for the 15 misses they brought to review; 136 now).
constexpr int kMissedWithCandidate = 35;
constexpr double kMaxCandidateShare = 0.12;

}  // namespace

TEST_CASE("extraction on the dev split of real labelled items stays above its floors", "[extract][generalisation]") {
    FW_REQUIRE_SHARED(shared);
    const auto labels = fw::eval::read_labels(fw::test::test_data("extract/labels"));
    REQUIRE(labels.size() >= 600);
    auto taxonomy = fw::app::load_taxonomy({fw::test::bundled_data()});
    REQUIRE(taxonomy);
    fw::eval::Options options;
    options.split = "dev";
    const auto report = fw::eval::evaluate(labels, shared, *taxonomy, fw::test::bundled_rules(), options);
    std::cout << "\n" << fw::eval::format_table(report) << std::flush;

    INFO(fw::eval::format_misses(report));
    CHECK(report.problems.empty());  // every label resolves to an item of ../shared
    REQUIRE(report.splits.count("dev") == 1);
    CHECK(report.splits.count("heldout") == 0);
    const auto& dev = report.splits.at("dev");
    CHECK(dev.items >= 250);
    const auto all = dev.total();
    CHECK(all.precision() >= kAllPrecision);
    CHECK(all.recall() >= kAllRecall);
    CHECK(dev.fn_with_candidate >= kMissedWithCandidate);
    CHECK(dev.items_with_candidate <= kMaxCandidateShare * dev.items);
    for (const auto& f : kFloors) {
        const auto& t = dev.by_kind.at(f.kind);
        INFO(f.kind << ": tp " << t.tp << " fp " << t.fp << " fn " << t.fn);
        if (t.tp + t.fn < kMinSupport) {
            continue;
        }
        CHECK(t.precision() >= f.precision);
        CHECK(t.recall() >= f.recall);
    }
}

TEST_CASE("the evaluation matches on kind and subject and scores fields that name the event",
          "[extract][generalisation]") {
    fw::eval::ExpectedEvent want;
    want.kind = "third_party_eval";
    want.model = "claude-3-5-sonnet";
    want.fields = {{"evaluator", "aisi"}};
    fw::Event ev;
    ev.kind = fw::EventKind::ThirdPartyEval;
    ev.model = "claude-3-5-sonnet";
    ev.fields.set("evaluator", std::string("aisi"));
    CHECK(fw::eval::subject_matches(ev, want));
    ev.fields.set("evaluator", std::string("lmarena"));
    CHECK_FALSE(fw::eval::subject_matches(ev, want));  // a wrong evaluator is FP + FN
    ev.fields.set("evaluator", std::string("aisi"));
    ev.model = "claude-3-5-haiku";
    CHECK_FALSE(fw::eval::subject_matches(ev, want));
    ev.kind = fw::EventKind::EvalReport;
    ev.model = "claude-3-5-sonnet";
    CHECK_FALSE(fw::eval::subject_matches(ev, want));

    fw::eval::ExpectedEvent family;
    family.kind = "model_release";
    family.model = "claude-4";
    family.model_alt = {"claude-opus-4", "claude-sonnet-4"};
    fw::Event release;
    release.kind = fw::EventKind::ModelRelease;
    release.model = "claude-sonnet-4";
    CHECK(fw::eval::subject_matches(release, family));
    release.model = "claude-3-7-sonnet";
    CHECK_FALSE(fw::eval::subject_matches(release, family));

    CHECK(fw::eval::openness_class("open_weights_noncommercial") == "open");
    CHECK(fw::eval::openness_class("hosted_product") == "closed");
    CHECK(fw::eval::openness_class("unknown").empty());
}

TEST_CASE("publication order: oldest first, an instant's entries in reverse file order, undated last",
          "[extract][eval]") {
    // Feeds list newest first; the blind feed sets' keys and the labelled streams both count on
    // this order, so an item's number in a key never depends on how the file was written.
    std::vector<fw::FeedEntry> entries(4);
    entries[0].published = fw::make_time(2026, 5, 3);
    entries[1].published = fw::make_time(2026, 5, 1);
    entries[2].published = fw::make_time(2026, 5, 1);
    // entries[3]: undated
    CHECK(fw::eval::publication_order(entries) == std::vector<std::size_t>{2, 1, 0, 3});
}

TEST_CASE("a feed file the probe and the blind feed sets read: parse errors name the file", "[extract][eval]") {
    const auto missing = fw::eval::parse_feed_file("/nonexistent/feed.xml", "sets/feed.xml");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().describe().find("sets/feed.xml") != std::string::npos);
}

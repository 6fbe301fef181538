// Facts stated without a launch verb, and names read as specifically as the text gives them
// (issue 13): openness stated on its own ("is proprietary", "weights stay private", "under Apache
// 2.0"), negation bound to its clause beside a launch, a maker's name before a bare version, a
// document or a board ranking of a model named for the first time, a first-person evaluator
// nobody listed, hires whose object carries descriptors, a name given only in the lead. Every
// item is written for this test.

#include "extract/extractor.h"

#include "extract_support.h"
#include "support/catch.h"

using fw::EventKind;
using fw::make_time;
using fw::test::feed_source;
using fw::test::find_event;
using fw::test::make_extractor;
using fw::test::make_item;
using fw::test::of_kind;

namespace {

fw::extract::SourceInfo wire() {
    return feed_source("world-wire", std::nullopt);
}

}  // namespace

TEST_CASE("openness stated without a launch verb is a release carrying it", "[extract][grammar][openness]") {
    SECTION("a known model called proprietary days after its launch") {
        auto ex = make_extractor();
        auto out = ex.extract(make_item("Muse Spark stays proprietary, company says", make_time(2026, 4, 15)), nullptr,
                              wire());
        const auto* ev = find_event(out.events, EventKind::ModelRelease, "muse-spark");
        REQUIRE(ev != nullptr);
        CHECK(ev->fields.text("openness") == "api");
        CHECK(ev->cue.find("openness statement") != std::string::npos);
    }
    SECTION("weights kept private for a new versioned model") {
        auto ex = make_extractor();
        auto out = ex.extract(make_item("Meta keeps Muse Spark 3 weights private", make_time(2026, 9, 1),
                                        "The model is offered only through the Meta AI API."),
                              nullptr, wire());
        const auto* ev = find_event(out.events, EventKind::ModelRelease, "muse-spark-3");
        REQUIRE(ev != nullptr);
        CHECK(ev->lab == "meta");
        CHECK(ev->fields.text("openness") == "api");
    }
    SECTION("a licence after the name") {
        auto ex = make_extractor();
        auto out =
            ex.extract(make_item("Llama 6 Mini lands under MIT license", make_time(2026, 9, 1)), nullptr, wire());
        const auto* ev = find_event(out.events, EventKind::ModelRelease, "llama-6-mini");
        REQUIRE(ev != nullptr);
        CHECK(ev->fields.text("openness") == "open_weights_permissive");
        CHECK(ev->fields.text("license") == "MIT");
    }
    SECTION("an old model talked about is no release") {
        auto ex = make_extractor();
        auto out = ex.extract(
            make_item("Why open source matters: builders on Llama 3.1", make_time(2026, 9, 1), "Open weights helped."),
            nullptr, wire());
        CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
    }
}

TEST_CASE("a negation beside a launch binds to its own clause", "[extract][grammar][openness]") {
    auto ex = make_extractor();
    // The small model is known from an earlier post; this one withholds the flagship's weights.
    ex.extract(make_item("Introducing Muse Pocket 2", make_time(2026, 9, 1), "Our smallest model yet."), nullptr,
               feed_source());
    auto out = ex.extract(make_item("Muse Spark weights are not coming; Muse Pocket 2 can be downloaded today",
                                    make_time(2026, 9, 3), "Muse Pocket 2 is released under the Apache 2.0 license."),
                          nullptr, feed_source());
    const auto* pocket = find_event(out.events, EventKind::ModelRelease, "muse-pocket-2");
    REQUIRE(pocket != nullptr);
    CHECK(pocket->fields.text("license") == "Apache-2.0");
    CHECK(pocket->fields.text("openness") == "open_weights_permissive");
}

TEST_CASE("a maker's name before a bare version is part of the model's name", "[extract][grammar]") {
    auto ex = make_extractor();
    auto out =
        ex.extract(make_item("Anthropic ships Claude 7 model to all users", make_time(2026, 9, 1)), nullptr, wire());
    REQUIRE(find_event(out.events, EventKind::ModelRelease, "claude-7") != nullptr);
}

TEST_CASE("documents and board rankings name the model as specifically as the headline", "[extract][evals]") {
    SECTION("a model card of a version not seen before") {
        auto ex = make_extractor();
        auto out = ex.extract(make_item("Claude Sonnet 9 model card released", make_time(2026, 9, 1)), nullptr, wire());
        const auto* ev = find_event(out.events, EventKind::EvalReport, "claude-sonnet-9");
        REQUIRE(ev != nullptr);
        CHECK(ev->lab == "anthropic");
        CHECK(find_event(out.events, EventKind::EvalReport, "claude") == nullptr);
    }
    SECTION("the publisher's name before the document is not part of the model's") {
        auto ex = make_extractor();
        auto out = ex.extract(make_item("Anthropic posts Claude Sonnet 9 system card", make_time(2026, 9, 1)), nullptr,
                              wire());
        CHECK(find_event(out.events, EventKind::EvalReport, "claude-sonnet-9") != nullptr);
    }
    SECTION("a board named before a lower-case head word") {
        auto ex = make_extractor();
        auto out = ex.extract(
            make_item("Claude Sonnet 9 climbs to fourth on the WebDev-Bench leaderboard", make_time(2026, 9, 1)),
            nullptr, wire());
        const auto* ev = find_event(out.events, EventKind::ThirdPartyEval, "claude-sonnet-9");
        REQUIRE(ev != nullptr);
        CHECK(ev->fields.text("evaluator") == "webdev_bench");
        CHECK(of_kind(out.events, EventKind::EvalReport).empty());
    }
}

TEST_CASE("an evaluator nobody listed, writing in the first person on its own feed", "[extract][evals]") {
    auto ex = make_extractor();
    auto out = ex.extract(make_item("Long tasks, short memories", make_time(2026, 9, 1),
                                    "We tested Muse Spark on 300 multi-day agent tasks. It finished 41 of them."),
                          nullptr, feed_source("quiet-evals-lab", std::nullopt));
    const auto* ev = find_event(out.events, EventKind::ThirdPartyEval, "muse-spark");
    REQUIRE(ev != nullptr);
    CHECK(ev->fields.text("evaluator") == "quiet-evals-lab");
    // A board's word with a placing verb, no first person: the feed runs the board.
    auto board =
        make_extractor().extract(make_item("Rankings refresh: Muse Spark climbs to third", make_time(2026, 9, 2)),
                                 nullptr, feed_source("tally-board", std::nullopt));
    const auto* ranked = find_event(board.events, EventKind::ThirdPartyEval, "muse-spark");
    REQUIRE(ranked != nullptr);
    CHECK(ranked->fields.text("evaluator") == "tally-board");
    // A digest of several stories reports others' results; it is no evaluator.
    auto digest = make_extractor().extract(
        make_item("Muse Spark Climbs Our Rankings, Chips Get Cheaper, Robots Fold Laundry", make_time(2026, 9, 2)),
        nullptr, feed_source("weekly-digest", std::nullopt));
    CHECK(of_kind(digest.events, EventKind::ThirdPartyEval).empty());
    // The same words on a lab's own feed are its own evaluation, never a third party's.
    auto own = make_extractor().extract(make_item("Long tasks, short memories", make_time(2026, 9, 1),
                                                  "We tested Muse Spark on 300 multi-day agent tasks."),
                                        nullptr, feed_source());
    CHECK(of_kind(own.events, EventKind::ThirdPartyEval).empty());
}

TEST_CASE("personnel headlines: descriptors before the name, the org one joins, a name in the lead",
          "[extract][people]") {
    SECTION("descriptors before the hired person's name") {
        auto out = make_extractor().extract(
            make_item("Meta hires veteran Anthropic engineer Dana Whitfield as head of inference",
                      make_time(2026, 9, 1)),
            nullptr, wire());
        const auto moves = of_kind(out.events, EventKind::PersonnelMove);
        REQUIRE(moves.size() == 1);
        CHECK(moves[0].person == "dana-whitfield");
        CHECK(moves[0].lab == "meta");
        CHECK(moves[0].fields.text("role") == "head of inference");
    }
    SECTION("the org joined follows the verb") {
        auto out = make_extractor().extract(
            make_item("Former OpenAI scientist Priya Raman joins Anthropic", make_time(2026, 9, 1)), nullptr, wire());
        const auto moves = of_kind(out.events, EventKind::PersonnelMove);
        REQUIRE(moves.size() == 1);
        CHECK(moves[0].lab == "anthropic");
        CHECK(moves[0].fields.text("move") == "joined");
    }
    SECTION("a surname that is also a product's name") {
        auto out = make_extractor().extract(make_item("Lee Whatsapp resigns from Meta", make_time(2026, 9, 1)), nullptr,
                                            wire());
        const auto moves = of_kind(out.events, EventKind::PersonnelMove);
        REQUIRE(moves.size() == 1);
        CHECK(moves[0].person == "lee-whatsapp");
    }
    SECTION("the headline gives the role, the lead the name") {
        auto out = make_extractor().extract(make_item("OpenAI's head of safety is stepping down", make_time(2026, 9, 1),
                                                      "Tomas Eklund will leave the company in October."),
                                            nullptr, wire());
        const auto moves = of_kind(out.events, EventKind::PersonnelMove);
        REQUIRE(moves.size() == 1);
        CHECK(moves[0].person == "tomas-eklund");
        CHECK(moves[0].fields.text("move") == "left");
        CHECK(moves[0].cue.find("(lead)") != std::string::npos);
    }
}

TEST_CASE("launch forms around the name: a split verb, an appositive, a verb that opens weights",
          "[extract][grammar]") {
    SECTION("a verb split around its object holds only with its second part") {
        auto out = make_extractor().extract(
            make_item("OpenAI made GPT-9 available to every Plus subscriber", make_time(2026, 9, 1)), nullptr, wire());
        CHECK(find_event(out.events, EventKind::ModelRelease, "gpt-9") != nullptr);
        auto faster = make_extractor().extract(
            make_item("OpenAI made GPT-9 faster for Plus subscribers", make_time(2026, 9, 1)), nullptr, wire());
        CHECK(find_event(faster.events, EventKind::ModelRelease, "gpt-9") == nullptr);
    }
    SECTION("an appositive that calls a new name a model confirms it") {
        auto out = make_extractor().extract(
            make_item("Introducing Muse Loom, our new image-editing model", make_time(2026, 9, 1)), nullptr,
            feed_source());
        const auto* ev = find_event(out.events, EventKind::ModelRelease, "muse-loom");
        REQUIRE(ev != nullptr);
        CHECK(ev->confidence >= 0.6);
        // "Welcoming" is a hiring verb too: a name the headline calls a model is no person.
        auto welcome = make_extractor().extract(
            make_item("Welcoming Muse Loom, our new image-editing model", make_time(2026, 9, 1)), nullptr,
            feed_source());
        CHECK(of_kind(welcome.events, EventKind::PersonnelMove).empty());
    }
    SECTION("a verb that opens the weights gives the openness") {
        auto out = make_extractor().extract(make_item("Meta open-sources Llama 9 70B", make_time(2026, 9, 1)), nullptr,
                                            wire());
        const auto* ev = find_event(out.events, EventKind::ModelRelease, "llama-9-70b");
        REQUIRE(ev != nullptr);
        CHECK(ev->fields.text("openness") != "unknown");
        CHECK(ev->fields.text("openness")->rfind("open_weights", 0) == 0);
    }
}

// Statement forms read in session 8 (issue 13), each in wording written for this test: a licence
// change said by "now" + a licence or only in the lead, a move announced by a noun ("departure",
// "leadership changes") with the person in the lead, a lead opening with "Inc." (an abbreviation,
// not a sentence's end), analyst headlines in the passive with ratings ("cut to Neutral at X"),
// a surface told it will get a model later (stage "announced", bound to its own sentence), a
// "<model>-powered" noun on a surface, and a base model whose openness is not the derived one's.

#include <algorithm>

#include "bundled_extractor.h"
#include "extract/text.h"
#include "extract_support.h"
#include "support/catch.h"

using fw::EventKind;
using fw::make_time;
using fw::test::bundled_extractor;
using fw::test::feed_source;
using fw::test::find_event;
using fw::test::make_item;
using fw::test::of_kind;
using fw::test::text_field;

namespace {

fw::extract::SourceInfo newswire() {
    return feed_source("newswire", std::nullopt);
}

}  // namespace

TEST_CASE("a licence change stated by 'now' + a licence, a change verb + a licence, or only in the lead",
          "[extract][grammar][license]") {
    auto ex = bundled_extractor();
    const auto mistral = feed_source("mistral-news", std::string("mistral"));
    SECTION("'is now' + the licence's name in the headline") {
        auto out = ex.extract(make_item("Mistral Small 3.1 is now MIT", make_time(2026, 10, 1)), nullptr, mistral);
        const auto* ev = find_event(out.events, EventKind::LicenseChange, "mistral-small-3-1");
        REQUIRE(ev != nullptr);
        CHECK(text_field(*ev, "new") == "MIT");
    }
    SECTION("a change verb + a licence's name, no licence noun") {
        auto out = ex.extract(make_item("Mistral Small 3.1 switches to MIT", make_time(2026, 10, 1)), nullptr, mistral);
        CHECK(find_event(out.events, EventKind::LicenseChange, "mistral-small-3-1") != nullptr);
    }
    SECTION("the lead says it, 'from A to B' giving both") {
        auto out = ex.extract(make_item("Good news for builders", make_time(2026, 10, 2),
                                        "Today we relicensed Mistral Small 3.1 from the Mistral Research License "
                                        "to MIT. Nothing else changes."),
                              nullptr, mistral);
        const auto* ev = find_event(out.events, EventKind::LicenseChange, "mistral-small-3-1");
        REQUIRE(ev != nullptr);
        CHECK(text_field(*ev, "new") == "MIT");
        CHECK(text_field(*ev, "old") != "");
    }
    SECTION("a launch with its licence is no change") {
        auto out = ex.extract(
            make_item("Mistral Small 3.1 is now available on Hugging Face under MIT", make_time(2026, 10, 3)), nullptr,
            mistral);
        CHECK(of_kind(out.events, EventKind::LicenseChange).empty());
        out = ex.extract(make_item("A faster Mistral Small 3.1", make_time(2026, 10, 3),
                                   "We updated Mistral Small 3.1, which stays under the Apache 2.0 license."),
                         nullptr, mistral);
        CHECK(of_kind(out.events, EventKind::LicenseChange).empty());
    }
}

TEST_CASE("a move announced by a noun: the lead names who moves", "[extract][grammar][people]") {
    auto ex = bundled_extractor();
    SECTION("'departure' in the headline, the person in the lead after a company's 'Inc.'") {
        auto out = ex.extract(make_item("OpenAI Announces Departure of Its Chief Scientist", make_time(2026, 10, 5),
                                        "OpenAI Inc. said on Monday that Ilya Sutskever, its chief scientist, will "
                                        "leave the company at the end of the month."),
                              nullptr, newswire());
        const auto moves = of_kind(out.events, EventKind::PersonnelMove);
        REQUIRE(moves.size() == 1);
        CHECK(moves.front().person == "ilya-sutskever");
        CHECK(text_field(moves.front(), "move") == "left");
    }
    SECTION("'leadership changes' with no move of its own") {
        auto out = ex.extract(make_item("Leadership changes at Mistral AI", make_time(2026, 10, 6),
                                        "Arthur Mensch will step down as chief executive in January."),
                              nullptr, newswire());
        const auto moves = of_kind(out.events, EventKind::PersonnelMove);
        REQUIRE(moves.size() == 1);
        CHECK(moves.front().person == "arthur-mensch");
    }
    SECTION("a headline with no word of a move does not read the lead for one") {
        auto out = ex.extract(make_item("What we learned this quarter", make_time(2026, 10, 6),
                                        "Arthur Mensch will step down from the stage after the keynote."),
                              nullptr, newswire());
        CHECK(of_kind(out.events, EventKind::PersonnelMove).empty());
    }
}

TEST_CASE("a sentence does not end at an abbreviation's full stop", "[extract][text]") {
    using fw::extract::sentence_stop;
    const std::string text = "Acme Corp. said Dr. Lee and J. Doe met U.S. officials. Then they left.";
    CHECK_FALSE(sentence_stop(text, text.find("Corp.") + 4));  // a lower-case word follows
    CHECK_FALSE(sentence_stop(text, text.find("Dr.") + 2));
    CHECK_FALSE(sentence_stop(text, text.find("J.") + 1));
    CHECK(sentence_stop(text, text.find("officials.") + 9));
    const std::string ends = "The deal closed with Acme Corp. The shares rose.";
    CHECK(sentence_stop(ends, ends.find("Corp.") + 4));  // a capitalised word follows
}

TEST_CASE("analyst headlines in the passive, and ratings deciding up or down", "[extract][market]") {
    auto ex = bundled_extractor();
    SECTION("'cut to <rating> at <firm>' with the targets in the lead") {
        auto out = ex.extract(make_item("Alphabet cut to Hold at Needham", make_time(2026, 10, 7),
                                        "Needham lowered Alphabet to Hold from Buy and cut its price target to "
                                        "$210 from $260."),
                              nullptr, newswire());
        const auto ratings = of_kind(out.events, EventKind::AnalystRating);
        REQUIRE(ratings.size() == 1);
        CHECK(text_field(ratings.front(), "firm") == "needham");
        CHECK(text_field(ratings.front(), "action") == "downgrade");
        CHECK(text_field(ratings.front(), "new_rating") == "Hold");
        CHECK(text_field(ratings.front(), "old_rating") == "Buy");
        CHECK(ratings.front().fields.number("new_target") == 210.0);
    }
    SECTION("'raised to <rating> by <firm>'") {
        auto out = ex.extract(make_item("Microsoft raised to Outperform by Mizuho", make_time(2026, 10, 8)), nullptr,
                              newswire());
        const auto ratings = of_kind(out.events, EventKind::AnalystRating);
        REQUIRE(ratings.size() == 1);
        CHECK(text_field(ratings.front(), "action") == "upgrade");
    }
    SECTION("a company raising its own prices is no rating") {
        auto out = ex.extract(make_item("Microsoft raises prices to $30 a seat at Copilot", make_time(2026, 10, 8)),
                              nullptr, newswire());
        CHECK(of_kind(out.events, EventKind::AnalystRating).empty());
    }
}

TEST_CASE("a surface told it will get a model later is 'announced', in its own sentence only",
          "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Gemini 2.5 Pro in the Gemini app", make_time(2026, 10, 9),
                                    "Gemini 2.5 Pro is available today in the Gemini app. It will come to Google "
                                    "Workspace later this year."),
                          nullptr, feed_source("google-blog", std::string("google")));
    const auto rollouts = of_kind(out.events, EventKind::SurfaceRollout);
    const auto stage_of = [&](const std::string& surface) {
        for (const auto& e : rollouts) {
            if (e.surface == surface) {
                return text_field(e, "stage");
            }
        }
        return std::string("(none)");
    };
    CHECK(stage_of("gemini-app") == "ga");
    CHECK(stage_of("google-workspace") == "announced");
}

TEST_CASE("a '<model>-powered' noun on a surface is a rollout", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Better replies in Messenger", make_time(2026, 10, 10),
                                    "Starting today, Messenger offers Muse Spark-powered reply suggestions."),
                          nullptr, feed_source("meta-newsroom", std::string("meta")));
    const auto* ev = find_event(out.events, EventKind::SurfaceRollout, "muse-spark");
    REQUIRE(ev != nullptr);
    CHECK(ev->surface == "messenger");
}

TEST_CASE("a base model named beside a derived one's weights keeps its own openness", "[extract][openness]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Introducing Gemma 3n Nano", make_time(2026, 10, 11),
                                    "Gemma 3n Nano is a distilled version of Gemini 2.5 Pro. Download the weights "
                                    "on Hugging Face."),
                          nullptr, feed_source("google-blog", std::string("google")));
    for (const auto& e : of_kind(out.events, EventKind::ModelRelease)) {
        CHECK(e.model != "gemini-2-5-pro");
    }
}

TEST_CASE("an announced rollout is kept apart from the arrival; a new model remembers its base",
          "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    const auto meta = feed_source("meta-newsroom", std::string("meta"));
    auto promised =
        ex.extract(make_item("Muse Spark is coming to Oakley Meta glasses", make_time(2026, 10, 12)), nullptr, meta);
    auto arrived = ex.extract(make_item("Muse Spark is now available on Oakley Meta glasses", make_time(2026, 11, 2)),
                              nullptr, meta);
    const auto* a = find_event(promised.events, EventKind::SurfaceRollout, "muse-spark");
    const auto* b = find_event(arrived.events, EventKind::SurfaceRollout, "muse-spark");
    REQUIRE(a != nullptr);
    REQUIRE(b != nullptr);
    CHECK(text_field(*a, "stage") == "announced");
    CHECK(text_field(*b, "stage") == "ga");
    CHECK(a->dedupe_key != b->dedupe_key);  // merged, the promise's day would be the arrival's

    auto out = ex.extract(make_item("Introducing Spark Pocket 4B", make_time(2026, 10, 13),
                                    "Spark Pocket 4B is a distilled version of Muse Spark for phones. Download the "
                                    "weights on Hugging Face."),
                          nullptr, meta);
    const auto it = std::find_if(out.discovered_models.begin(), out.discovered_models.end(),
                                 [](const fw::ModelInfo& m) { return m.slug == "spark-pocket-4b"; });
    REQUIRE(it != out.discovered_models.end());
    CHECK(it->derived_from == std::optional<std::string>("muse-spark"));
}

TEST_CASE("a yes/no question in the headline states nothing; another lab's offering is no launch",
          "[extract][grammar][release]") {
    auto ex = bundled_extractor();
    SECTION("a question is a candidate, a wh-question's finding is not held back") {
        auto out = ex.extract(make_item("Will Google open-source Gemini 3 Pro?", make_time(2026, 10, 14),
                                        "The company has not said whether weights will follow."),
                              nullptr, newswire());
        CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
        CHECK_FALSE(out.candidates.empty());
        out = ex.extract(make_item("Analysis: Is Yann LeCun leaving Meta?", make_time(2026, 10, 14)), nullptr,
                         newswire());
        CHECK(of_kind(out.events, EventKind::PersonnelMove).empty());
    }
    SECTION("'<another lab> brings <model> to <surface>' is the rollout only") {
        auto out =
            ex.extract(make_item("Amazon brings Gemini 3 Pro to Alexa+", make_time(2026, 10, 15)), nullptr, newswire());
        CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
        const auto* ev = find_event(out.events, EventKind::SurfaceRollout, "gemini-3-pro");
        REQUIRE(ev != nullptr);
        CHECK(ev->surface == "alexa-plus");
    }
}

TEST_CASE("a lab's lower-case hyphenated id with a number is a new model's name", "[extract][grammar][release]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Introducing gpt-oss-3", make_time(2026, 10, 16),
                                    "We are releasing gpt-oss-3, open-weight reasoning models under the Apache 2.0 "
                                    "license."),
                          nullptr, feed_source("openai-news", std::string("openai")));
    const auto* ev = find_event(out.events, EventKind::ModelRelease, "gpt-oss-3");
    REQUIRE(ev != nullptr);
    CHECK(text_field(*ev, "openness") == "open_weights_permissive");
    // The same words in a host's notes (an extractor that has not seen the lab's post) are not a
    // name: tags and commands look alike there.
    auto fresh = bundled_extractor();
    out = fresh.extract(make_item("Introducing gpt-oss-3", make_time(2026, 10, 16)), nullptr,
                        feed_source("host-notes", std::nullopt));
    CHECK(find_event(out.events, EventKind::ModelRelease, "gpt-oss-3") == nullptr);
}

TEST_CASE("a dotted surface name is matched with its dot, its words alone stay the lab's", "[extract][entities]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Muse Spark on the web", make_time(2026, 10, 17),
                                    "Muse Spark is now available on meta.ai for everyone."),
                          nullptr, feed_source("meta-newsroom", std::string("meta")));
    bool web = false;
    for (const auto& e : of_kind(out.events, EventKind::SurfaceRollout)) {
        web = web || e.surface == "meta-ai-web";
    }
    CHECK(web);
}

// Constructions the grammar reads beyond single phrases (issue 13): a new model name filling an
// arrival verb's slot, an unknown name arriving at a tracked surface kept for review, a model word
// that names a job rather than calling someone a model, the hiring organisation as a headline's
// subject, money given as "between $X and $Y" with the verb before "capex", access said to be
// exclusive, and an openness statement bound to the models its clause speaks of. Every item is
// written for this test; the taxonomy is the bundled one (data/).

#include <algorithm>

#include "bundled_extractor.h"
#include "extract_support.h"
#include "support/catch.h"

using fw::EventKind;
using fw::make_time;
using fw::test::bundled_extractor;
using fw::test::feed_source;
using fw::test::find_event;
using fw::test::make_item;
using fw::test::of_kind;

namespace {

fw::extract::SourceInfo wire_desk() {
    return feed_source("wire-desk", std::nullopt);
}

bool discovered(const fw::extract::ExtractOutput& out, const std::string& slug) {
    return std::any_of(out.discovered_models.begin(), out.discovered_models.end(),
                       [&](const fw::ModelInfo& m) { return m.slug == slug; });
}

}  // namespace

TEST_CASE("a new versioned name in an arrival verb's slot is the model that arrives", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    SECTION("the name before the verb") {
        auto out = ex.extract(make_item("Pixtral 4 lands in Le Chat", make_time(2026, 9, 3)), nullptr,
                              feed_source("mistral-news", std::string("mistral")));
        const auto* ev = find_event(out.events, EventKind::SurfaceRollout, "pixtral-4");
        REQUIRE(ev != nullptr);
        CHECK(ev->surface == "le-chat");
        CHECK(ev->lab == "mistral");
        CHECK(discovered(out, "pixtral-4"));  // matched by the items after it
    }
    SECTION("the name after the verb, the surface its subject") {
        auto out = ex.extract(make_item("Le Chat gets Voxtral 3", make_time(2026, 9, 4)), nullptr,
                              feed_source("mistral-news", std::string("mistral")));
        const auto* ev = find_event(out.events, EventKind::SurfaceRollout, "voxtral-3");
        REQUIRE(ev != nullptr);
        CHECK(ev->surface == "le-chat");
    }
    SECTION("money and a headline's common noun are no model") {
        auto out = ex.extract(make_item("Claude Code passes $2B in yearly revenue", make_time(2026, 9, 5)), nullptr,
                              wire_desk());
        CHECK(of_kind(out.events, EventKind::SurfaceRollout).empty());
        out = ex.extract(make_item("WhatsApp Adds Stickers, Threads Adds Polls", make_time(2026, 9, 6)), nullptr,
                         wire_desk());
        CHECK(of_kind(out.events, EventKind::SurfaceRollout).empty());
    }
}

TEST_CASE("an unknown unversioned name arriving at a tracked surface is kept for review",
          "[extract][grammar][rollout][candidates]") {
    auto ex = bundled_extractor();
    for (const auto* title : {"Bringing Muse Ember to Meta Ray-Ban Display", "Muse Ember lands on WhatsApp"}) {
        CAPTURE(title);
        auto out = ex.extract(make_item(title, make_time(2026, 9, 7)), nullptr, feed_source());
        CHECK(of_kind(out.events, EventKind::SurfaceRollout).empty());
        REQUIRE(out.candidates.size() == 1);
        CHECK(out.candidates.front().suggested_kind == EventKind::SurfaceRollout);
    }
    // A tracked surface with a plain phrase after the verb is nothing to review.
    auto out = ex.extract(make_item("Instagram Gets New Editing Tools", make_time(2026, 9, 8)), nullptr, wire_desk());
    CHECK(out.candidates.empty());
}

TEST_CASE("people moves: a job's model word, the hiring subject, an unanchored name", "[extract][grammar][people]") {
    auto ex = bundled_extractor();
    SECTION("a model word that names the job is no model") {
        auto out = ex.extract(make_item("Meta hires Priya Raman to run model evaluations", make_time(2026, 9, 9)),
                              nullptr, wire_desk());
        const auto moves = of_kind(out.events, EventKind::PersonnelMove);
        REQUIRE(moves.size() == 1);
        CHECK(moves.front().person == "priya-raman");
        CHECK(moves.front().fields.text("org") == "meta");
        CHECK(moves.front().fields.text("move") == "joined");
        // ... while a name called a model is a model, not a hire.
        out = ex.extract(make_item("Welcoming Muse Loom, our new image model", make_time(2026, 9, 10)), nullptr,
                         feed_source());
        CHECK(of_kind(out.events, EventKind::PersonnelMove).empty());
    }
    SECTION("the organisation naming someone is the headline's subject, tracked or not") {
        auto out =
            ex.extract(make_item("Cerebras Names Dana Whitfield Chief Operating Officer", make_time(2026, 9, 11)),
                       nullptr, wire_desk());
        const auto moves = of_kind(out.events, EventKind::PersonnelMove);
        REQUIRE(moves.size() == 1);
        CHECK(moves.front().fields.text("org") == "cerebras");
    }
    SECTION("a name joining nothing known, from no lab's feed, is not confident") {
        auto out = ex.extract(make_item("Robot Heron Joins Flock, Chips Get Cheaper", make_time(2026, 9, 12)), nullptr,
                              wire_desk());
        CHECK(of_kind(out.events, EventKind::PersonnelMove).empty());
    }
}

TEST_CASE("capex in a lead: the verb before the phrase and a range given with between", "[extract][grammar][market]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Alphabet stock slips as AI spending climbs", make_time(2026, 10, 29),
                                    "Shares fell after Alphabet lifted its 2027 capital expenditure forecast to "
                                    "between $150 billion and $165 billion."),
                          nullptr, feed_source("alphabet-ir", std::string("google")));
    const auto capex = of_kind(out.events, EventKind::CapexGuidance);
    REQUIRE(capex.size() == 1);
    CHECK(capex[0].fields.integer("low_usd") == 150'000'000'000LL);
    CHECK(capex[0].fields.integer("high_usd") == 165'000'000'000LL);
    CHECK(capex[0].fields.integer("fiscal_year") == 2027);
    CHECK(capex[0].fields.text("direction") == "raised");
}

TEST_CASE("openness binds to the models its clause speaks of", "[extract][grammar][openness]") {
    auto ex = bundled_extractor();
    SECTION("exclusive access through a developer channel, smaller models open") {
        auto out = ex.extract(make_item("Alibaba releases Qwen5-Max", make_time(2026, 9, 14),
                                        "Qwen5-Max is available through Alibaba Cloud Model Studio only; smaller "
                                        "Qwen5 models remain downloadable under Apache 2.0."),
                              nullptr, wire_desk());
        const auto* ev = find_event(out.events, EventKind::ModelRelease, "qwen5-max");
        REQUIRE(ev != nullptr);
        CHECK(ev->fields.text("openness") == "api");
    }
    SECTION("a relative clause speaks of the noun before it") {
        auto out = ex.extract(make_item("Mistral Small 6 weights are out", make_time(2026, 9, 15),
                                        "Unlike the large model, which stays API-only, Mistral Small 6 is on Hugging "
                                        "Face under Apache 2.0."),
                              nullptr, feed_source("mistral-news", std::string("mistral")));
        const auto* ev = find_event(out.events, EventKind::ModelRelease, "mistral-small-6");
        REQUIRE(ev != nullptr);
        CHECK(ev->fields.text("openness") == "open_weights_permissive");
        CHECK(ev->fields.text("license") == "Apache-2.0");
    }
}

TEST_CASE("who ships what to where: a verb, its model object, a surface after a preposition",
          "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("OpenAI ships GPT-5.5 nano to all ChatGPT users", make_time(2026, 9, 20)), nullptr,
                          wire_desk());
    const auto* ev = find_event(out.events, EventKind::SurfaceRollout, "gpt-5-5-nano");
    REQUIRE(ev != nullptr);
    CHECK(ev->surface == "chatgpt");
    // The model as specifically as named, not the shorter known name it starts with.
    out = ex.extract(make_item("Google rolls Gemini 3 Flash-Lite into Search AI Mode", make_time(2026, 9, 21)), nullptr,
                     wire_desk());
    ev = find_event(out.events, EventKind::SurfaceRollout, "gemini-3-flash-lite");
    REQUIRE(ev != nullptr);
    CHECK(ev->surface == "google-search-ai-mode");
    // A document about a surface is no rollout.
    out =
        ex.extract(make_item("OpenAI releases a study of ChatGPT usage", make_time(2026, 9, 22)), nullptr, wire_desk());
    CHECK(of_kind(out.events, EventKind::SurfaceRollout).empty());
}

TEST_CASE("an evaluator ranking or testing a name nobody tracks leaves a candidate naming it",
          "[extract][grammar][evals][candidates]") {
    auto ex = bundled_extractor();
    for (const auto* title : {"Nimbus Lark enters the Text Arena leaderboard at #6", "We stress-tested Nimbus Lark"}) {
        CAPTURE(title);
        auto out =
            ex.extract(make_item(title, make_time(2026, 9, 23)), nullptr, feed_source("lmarena-news", std::nullopt));
        CHECK(of_kind(out.events, EventKind::ThirdPartyEval).empty());
        REQUIRE(out.candidates.size() == 1);
        CHECK(out.candidates.front().suggested_kind == EventKind::ThirdPartyEval);
        CHECK(out.candidates.front().model == "nimbus-lark");
    }
    // An evaluator's post about its own methods names no model.
    auto out = ex.extract(make_item("Our Methods For Grading Agent Transcripts", make_time(2026, 9, 24),
                                    "We describe how the leaderboard scores long tasks."),
                          nullptr, feed_source("lmarena-news", std::nullopt));
    CHECK(out.candidates.empty());
}

TEST_CASE("personnel verbs as lemmas: every tense, the passive and the auxiliaries", "[extract][grammar][people]") {
    auto ex = bundled_extractor();
    struct Case {
        const char* title;
        const char* person;
        const char* move;
    };
    for (const auto& c : {Case{"Imani Okafor was appointed CFO of Anthropic", "imani-okafor", "joined"},
                          Case{"OpenAI researcher Lena Park has resigned", "lena-park", "left"},
                          Case{"xAI co-founder Tomas Lind quit last month", "tomas-lind", "left"},
                          Case{"Google DeepMind is set to hire Marco Ruiz", "marco-ruiz", "joined"}}) {
        CAPTURE(c.title);
        auto out = ex.extract(make_item(c.title, make_time(2026, 9, 25)), nullptr, wire_desk());
        const auto moves = of_kind(out.events, EventKind::PersonnelMove);
        REQUIRE(moves.size() == 1);
        CHECK(moves.front().person == c.person);
        CHECK(moves.front().fields.text("move") == c.move);
    }
}

TEST_CASE("an analyst headline's targets may stand in its lead", "[extract][grammar][market]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Goldman upgrades Alphabet to Buy on AI search gains", make_time(2026, 9, 26),
                                    "Goldman Sachs raised its price target on Alphabet to $260 from $215."),
                          nullptr, wire_desk());
    const auto ratings = of_kind(out.events, EventKind::AnalystRating);
    REQUIRE(ratings.size() == 1);
    CHECK(ratings[0].fields.text("firm") == "goldman-sachs");
    CHECK(ratings[0].fields.text("action") == "upgrade");
    CHECK(ratings[0].fields.number("new_target") == 260.0);
    CHECK(ratings[0].fields.number("old_target") == 215.0);
}

TEST_CASE("a model's name used as a product's is the place, not the model", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Say hello to Claude Haiku 6", make_time(2026, 9, 27),
                                    "Our fastest model is available on the Claude apps and the Claude Developer "
                                    "Platform."),
                          nullptr, feed_source("anthropic-news", std::string("anthropic")));
    const auto rollouts = of_kind(out.events, EventKind::SurfaceRollout);
    REQUIRE_FALSE(rollouts.empty());
    for (const auto& r : rollouts) {
        CHECK(r.model == "claude-haiku-6");  // never the bare "Claude" of "the Claude apps"
    }
}

TEST_CASE("a negated launch is no release, a negated weights release is openness", "[extract][grammar][openness]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Llama 6 will not be released, Meta confirms", make_time(2026, 9, 28),
                                    "Meta said it has no plans to publish Llama 6 weights."),
                          nullptr, wire_desk());
    CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
    REQUIRE(out.candidates.size() == 1);
    CHECK(out.candidates.front().suggested_kind == EventKind::ModelRelease);
    out =
        ex.extract(make_item("Meta debuts Muse Spark 2 in WhatsApp, won't release its weights", make_time(2026, 9, 29)),
                   nullptr, wire_desk());
    const auto* ev = find_event(out.events, EventKind::ModelRelease, "muse-spark-2");
    REQUIRE(ev != nullptr);
    // Withheld weights leave the model where the item offers it: WhatsApp, an app (no API named).
    CHECK(ev->fields.text("openness") == "hosted_product");
}

TEST_CASE("a lab's bare headline launches a model others named first", "[extract][grammar][releases]") {
    auto ex = bundled_extractor();
    // An evaluator's report is read first and makes the name known (no release date).
    auto out = ex.extract(make_item("Pre-deployment testing of Grok 7", make_time(2026, 10, 1),
                                    "The UK AI Security Institute tested Grok 7 before its release."),
                          nullptr, feed_source("aisi-blog", std::nullopt));
    REQUIRE(find_event(out.events, EventKind::ThirdPartyEval, "grok-7") != nullptr);
    out = ex.extract(make_item("Grok 7", make_time(2026, 10, 2), "Grok 7 is our most capable model."), nullptr,
                     feed_source("xai-news", std::string("xai")));
    const auto* ev = find_event(out.events, EventKind::ModelRelease, "grok-7");
    REQUIRE(ev != nullptr);
    CHECK(ev->lab == "xai");
}

TEST_CASE("a role-only headline says what the move is, its lead who moves", "[extract][grammar][people]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Anthropic's head of inference joins Google DeepMind", make_time(2026, 10, 3),
                                    "Sofia Brandt is leaving Anthropic to join Google DeepMind's Gemini team."),
                          nullptr, wire_desk());
    const auto moves = of_kind(out.events, EventKind::PersonnelMove);
    REQUIRE(moves.size() == 1);
    CHECK(moves.front().person == "sofia-brandt");
    CHECK(moves.front().fields.text("move") == "joined");
    CHECK(moves.front().fields.text("org") == "google");
}

TEST_CASE("'for' places a model only with the surface's people", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("OpenAI launches GPT-6.5 for ChatGPT Plus users", make_time(2026, 10, 4)), nullptr,
                          wire_desk());
    const auto* ev = find_event(out.events, EventKind::SurfaceRollout, "gpt-6-5");
    REQUIRE(ev != nullptr);
    CHECK(ev->surface == "chatgpt");
    out = ex.extract(make_item("OpenAI launches GPT-6.5 for coding in ChatGPT's rival apps", make_time(2026, 10, 5)),
                     nullptr, wire_desk());
    CHECK(of_kind(out.events, EventKind::SurfaceRollout).empty());
}

TEST_CASE("a surface named in full and then by its last word is the same surface", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Claude Haiku 6 is now available in GitHub Copilot", make_time(2026, 10, 6),
                                    "Copilot Pro and Business users can pick Claude Haiku 6 in the model picker."),
                          nullptr, feed_source("github-changelog", std::nullopt));
    const auto rollouts = of_kind(out.events, EventKind::SurfaceRollout);
    REQUIRE(rollouts.size() == 1);
    CHECK(rollouts.front().surface == "github-copilot");
    // Alone, the short name is still its own surface.
    out = ex.extract(make_item("GPT-6.5 comes to Copilot", make_time(2026, 10, 7)), nullptr, wire_desk());
    const auto* ev = find_event(out.events, EventKind::SurfaceRollout, "gpt-6-5");
    REQUIRE(ev != nullptr);
    CHECK(ev->surface == "microsoft-copilot");
}

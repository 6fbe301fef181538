// Who made a model, read from the language around its name (issue 13): a maker's name before the
// model's is dropped unless the maker names its models after itself, a sentence's opening
// preposition is no part of a name, each story of a digest headline has its own maker, a maker
// nobody tracks launches models only when the text calls them models, a bare version takes its
// maker's name, and an imperative headline puts a model on a surface. Every item is written for
// this test; the taxonomy is the bundled one (data/), whose labs and models these rules read.

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

fw::extract::SourceInfo newsroom() {
    return feed_source("tech-newsroom", std::nullopt);
}

}  // namespace

TEST_CASE("a maker's name before a new model's is the maker's, not the model's", "[extract][grammar][makers]") {
    SECTION("a maker that does not name its models after itself") {
        auto ex = bundled_extractor();
        auto out = ex.extract(make_item("Google DeepMind readies Veo 5 for filmmakers", make_time(2026, 10, 2),
                                        "The video model is rolling out to studios first."),
                              nullptr, newsroom());
        CHECK(find_event(out.events, EventKind::ModelRelease, "google-deepmind-veo-5") == nullptr);
        CHECK(find_event(out.events, EventKind::ModelRelease, "veo-5") == nullptr);  // "readies" is no launch verb
        out = ex.extract(make_item("Google DeepMind debuts Veo 5 for filmmakers", make_time(2026, 10, 3)), nullptr,
                         newsroom());
        const auto* ev = find_event(out.events, EventKind::ModelRelease, "veo-5");
        REQUIRE(ev != nullptr);
        CHECK(ev->lab == "google");
    }
    SECTION("a model id after the maker drops the maker even when a known name spells it") {
        auto ex = bundled_extractor();
        // The taxonomy's o1 is called "OpenAI o1": "OpenAI o1 Ultra" is o1 Ultra.
        auto out = ex.extract(make_item("OpenAI debuts OpenAI o1 Ultra for researchers", make_time(2026, 10, 2)),
                              nullptr, newsroom());
        CHECK(find_event(out.events, EventKind::ModelRelease, "openai-o1-ultra") == nullptr);
        const auto* ev = find_event(out.events, EventKind::ModelRelease, "o1-ultra");
        REQUIRE(ev != nullptr);
        CHECK(ev->lab == "openai");
    }
    SECTION("a maker whose models carry its name keeps it") {
        auto ex = bundled_extractor();
        auto out = ex.extract(make_item("Mistral debuts Mistral Small 5", make_time(2026, 10, 2)), nullptr, newsroom());
        CHECK(find_event(out.events, EventKind::ModelRelease, "mistral-small-5") != nullptr);
    }
}

TEST_CASE("a sentence's opening preposition is no part of a model's name", "[extract][grammar][makers]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Meta to keep Llama 6 closed", make_time(2026, 10, 2),
                                    "Following Llama 5, Llama 6 will not be released as open weights."),
                          nullptr, newsroom());
    for (const auto& e : out.events) {
        CHECK(e.model.value_or("").rfind("following", 0) != 0);
    }
    for (const auto& m : out.discovered_models) {
        CHECK(m.slug.rfind("following", 0) != 0);
    }
}

TEST_CASE("each story of a digest headline has its own maker", "[extract][grammar][makers]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Anthropic Tightens Usage Rules, ProteinNet 4 Folds Faster, Robots Learn to Cook",
                                    make_time(2026, 10, 2)),
                          nullptr, newsroom());
    const auto* ev = find_event(out.events, EventKind::ModelRelease, "proteinnet-4");
    REQUIRE(ev != nullptr);
    CHECK_FALSE(ev->lab.has_value());  // not Anthropic: that lab is another story's subject

    SECTION("a known fresh model as the subject of a copula in a digest") {
        auto ex2 = bundled_extractor();
        auto digest = ex2.extract(
            make_item("Muse Spark is Fast but Closed, Chips Get Cheaper, Agents Learn to Shop", make_time(2026, 4, 10)),
            nullptr, newsroom());
        CHECK(find_event(digest.events, EventKind::ModelRelease, "muse-spark") != nullptr);
        // Outside a digest, "X is ..." says more than a launch: no release from the copula.
        auto single = ex2.extract(make_item("How Muse Spark is changing customer support", make_time(2026, 4, 11)),
                                  nullptr, newsroom());
        CHECK(of_kind(single.events, EventKind::ModelRelease).empty());
    }
}

TEST_CASE("a maker nobody tracks launches a model when the text calls it one", "[extract][grammar][makers]") {
    SECTION("the appositive calls it a model: an event with no lab") {
        auto ex = bundled_extractor();
        auto out = ex.extract(make_item("Zyphra unveils Zamba 4, a hybrid language model", make_time(2026, 10, 2)),
                              nullptr, newsroom());
        const auto* ev = find_event(out.events, EventKind::ModelRelease, "zamba-4");
        REQUIRE(ev != nullptr);
        CHECK_FALSE(ev->lab.has_value());
    }
    SECTION("nothing calls it a model: a candidate for review, not an event") {
        auto ex = bundled_extractor();
        auto out = ex.extract(
            make_item("Nintendo releases Switch 3 Lite", make_time(2026, 10, 2), "The handheld ships in November."),
            nullptr, newsroom());
        CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
        REQUIRE_FALSE(out.candidates.empty());
        CHECK(out.candidates.front().suggested_kind == EventKind::ModelRelease);
    }
    SECTION("a host that makes its own model is a maker too") {
        auto ex = bundled_extractor();
        auto out = ex.extract(make_item("OpenRouter launches Router 2", make_time(2026, 10, 2),
                                        "Router 2 is a small model that picks a model for each request."),
                              nullptr, newsroom());
        CHECK(find_event(out.events, EventKind::ModelRelease, "router-2") != nullptr);
    }
    SECTION("weights of a versioned name no lab is named for") {
        auto ex = bundled_extractor();
        auto out = ex.extract(make_item("Zamba 5 weights released", make_time(2026, 10, 2)), nullptr, newsroom());
        const auto* ev = find_event(out.events, EventKind::ModelRelease, "zamba-5");
        REQUIRE(ev != nullptr);
        CHECK(ev->fields.text("openness") != "api");
    }
}

TEST_CASE("a bare version takes its maker's name when the maker names its models after itself",
          "[extract][grammar][makers]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("DeepSeek ships V6 to its app", make_time(2026, 10, 2)), nullptr, newsroom());
    const auto* ev = find_event(out.events, EventKind::ModelRelease, "deepseek-v6");
    REQUIRE(ev != nullptr);
    CHECK(ev->lab == "deepseek");
    // Google's models are not "Google <version>": a bare version after it names nothing.
    out = ex.extract(make_item("Google ships 2.5 to its app", make_time(2026, 10, 3)), nullptr, newsroom());
    CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
}

TEST_CASE("an imperative headline puts a model on a surface", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Try Muse Spark on WhatsApp today", make_time(2026, 4, 20)), nullptr,
                          feed_source("meta-ai-blog", std::string("meta")));
    const auto rollouts = of_kind(out.events, EventKind::SurfaceRollout);
    REQUIRE(rollouts.size() == 1);
    CHECK(rollouts.front().model == "muse-spark");
    CHECK(rollouts.front().surface == "whatsapp");
    // A feature of a surface is no arrival: "Fine-tune X in Y".
    out = ex.extract(make_item("Fine-tune Muse Spark in the Meta AI app", make_time(2026, 4, 21)), nullptr,
                     feed_source("meta-ai-blog", std::string("meta")));
    CHECK(of_kind(out.events, EventKind::SurfaceRollout).empty());
}

TEST_CASE("weights kept in-house make a launch closed", "[extract][grammar][openness]") {
    auto ex = bundled_extractor();
    auto out =
        ex.extract(make_item("Qwen debuts Qwen 6 Max and will keep its weights in-house", make_time(2026, 10, 2)),
                   nullptr, newsroom());
    const auto* ev = find_event(out.events, EventKind::ModelRelease, "qwen-6-max");
    REQUIRE(ev != nullptr);
    CHECK(ev->fields.text("openness") == "api");
}

TEST_CASE("a name ends where prose starts after its version", "[extract][grammar][makers]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Mistral shares Codestral 4 checkpoints this week", make_time(2026, 10, 2)),
                          nullptr, newsroom());
    const auto* ev = find_event(out.events, EventKind::ModelRelease, "codestral-4");
    REQUIRE(ev != nullptr);
    CHECK(ev->fields.text("openness") != "api");
    for (const auto& m : out.discovered_models) {
        CHECK(m.slug.find("week") == std::string::npos);
    }
}

TEST_CASE("a new name in the lead is read when the headline names its maker", "[extract][grammar][openness]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Qwen joins the closed camp", make_time(2026, 10, 2),
                                    "Qwen 6 Ultra will only be available through Alibaba Cloud."),
                          nullptr, newsroom());
    const auto* ev = find_event(out.events, EventKind::ModelRelease, "qwen-6-ultra");
    REQUIRE(ev != nullptr);
    CHECK(ev->fields.text("openness") == "api");
    // A headline naming no maker of it: the lead's new name is talk, not a release here.
    out = ex.extract(make_item("The closed camp grows", make_time(2026, 10, 3),
                               "Zeta 6 Ultra will only be available through an API."),
                     nullptr, newsroom());
    CHECK(find_event(out.events, EventKind::ModelRelease, "zeta-6-ultra") == nullptr);
}

TEST_CASE("a document named by coordinated words is an evaluation report", "[extract][grammar][eval]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Muse Spark: alignment and preparedness report", make_time(2026, 4, 20)), nullptr,
                          feed_source("meta-ai-blog", std::string("meta")));
    const auto reports = of_kind(out.events, EventKind::EvalReport);
    REQUIRE(reports.size() == 1);
    CHECK(reports.front().model == "muse-spark");
    CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
}

TEST_CASE("a move whose headline names only a role takes the lead's subject", "[extract][grammar][people]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Anthropic's research chief steps aside", make_time(2026, 10, 2),
                                    "Maria Okafor, who built the interpretability team, would leave at year end."),
                          nullptr, newsroom());
    const auto moves = of_kind(out.events, EventKind::PersonnelMove);
    REQUIRE(moves.size() == 1);
    CHECK(moves.front().person == "maria-okafor");
    CHECK(moves.front().fields.text("move") == "left");
    // A digest headline's comma separates stories: no person from the story before it.
    out = ex.extract(make_item("Robot Arms Get Cheaper, OpenAI Exits Video, Chips Shrink", make_time(2026, 10, 3)),
                     nullptr, newsroom());
    CHECK(of_kind(out.events, EventKind::PersonnelMove).empty());
}

TEST_CASE("a model arriving somewhere nobody tracks is a rollout candidate", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    auto out =
        ex.extract(make_item("Quillpad adds Muse Spark for its writers", make_time(2026, 4, 20)), nullptr, newsroom());
    CHECK(of_kind(out.events, EventKind::SurfaceRollout).empty());
    REQUIRE(out.candidates.size() == 1);
    CHECK(out.candidates.front().suggested_kind == EventKind::SurfaceRollout);
    CHECK(out.candidates.front().model == "muse-spark");
    CHECK(out.candidates.front().lab == "meta");
    // The verb must bind the model: a model named elsewhere in the headline is no arrival.
    out = ex.extract(make_item("Quillpad adds dark mode, says Muse Spark is popular", make_time(2026, 4, 21)), nullptr,
                     newsroom());
    for (const auto& c : out.candidates) {
        CHECK(c.suggested_kind != EventKind::SurfaceRollout);
    }
}

TEST_CASE("a model word inside a lab's name does not make a hire a model", "[extract][grammar][people]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(
        make_item("Former Google researcher Ada Park joins Meta Superintelligence Labs", make_time(2026, 10, 2)),
        nullptr, newsroom());
    const auto moves = of_kind(out.events, EventKind::PersonnelMove);
    REQUIRE(moves.size() == 1);
    CHECK(moves.front().person == "ada-park");
    CHECK(moves.front().fields.text("org") == "meta");
}

TEST_CASE("a known family names the maker of a new member in a text naming no lab", "[extract][grammar][makers]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Gemini 4 Flash preview opens to developers", make_time(2026, 10, 2),
                                    "Developers can try it in AI Studio."),
                          nullptr, newsroom());
    const auto* ev = find_event(out.events, EventKind::ModelRelease, "gemini-4-flash");
    REQUIRE(ev != nullptr);  // "preview" is the stage's word, not the name's
    CHECK(ev->lab == "google");
}

TEST_CASE("a verb after a version in headline case is not part of the name", "[extract][grammar][makers]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(
        make_item("Chips Get Cheaper, Gemini 4 Impresses Coders, Robots Learn to Dance", make_time(2026, 10, 2)),
        nullptr, newsroom());
    CHECK(find_event(out.events, EventKind::ModelRelease, "gemini-4-impresses") == nullptr);
    CHECK(find_event(out.events, EventKind::ModelRelease, "gemini-4") != nullptr);
}

TEST_CASE("the lead's subject who will lead is the hire a role headline speaks of", "[extract][grammar][people]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Former Apple engineer joins Mistral as head of inference", make_time(2026, 10, 2),
                                    "Lena Vogt will lead inference at Mistral from January."),
                          nullptr, newsroom());
    const auto moves = of_kind(out.events, EventKind::PersonnelMove);
    REQUIRE(moves.size() == 1);
    CHECK(moves.front().person == "lena-vogt");
    CHECK(moves.front().fields.text("org") == "mistral");
}

TEST_CASE("a publisher nobody tracks launching a model of its own in the first person", "[extract][grammar][makers]") {
    auto ex = bundled_extractor();
    const auto blog = feed_source("nimbus-labs-blog", std::nullopt);
    auto out = ex.extract(
        make_item("Introducing Nimbus Pro", make_time(2026, 10, 2), "Nimbus Pro is our most capable model yet."),
        nullptr, blog);
    const auto* ev = find_event(out.events, EventKind::ModelRelease, "nimbus-pro");
    REQUIRE(ev != nullptr);
    CHECK_FALSE(ev->lab.has_value());
    // A post about models is no model: its name is a phrase with a model word in it.
    out = ex.extract(
        make_item("Our Model Strategy", make_time(2026, 10, 3), "Our model strategy is to offer every frontier model."),
        nullptr, blog);
    CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
    // A coined name the lead does not call a model stays out.
    out = ex.extract(make_item("Introducing Drift", make_time(2026, 10, 4),
                               "Drift is our new way to sync notes; it runs on our own model."),
                     nullptr, blog);
    CHECK(find_event(out.events, EventKind::ModelRelease, "drift") == nullptr);
}

TEST_CASE("an evaluator's subjects are named as specifically as the text names them", "[extract][grammar][eval]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Sandbagging in frontier models", make_time(2026, 10, 2),
                                    "We ran our evaluation suite on Claude Opus 7 and Gemini 5 Ultra."),
                          nullptr, feed_source("apollo-research-blog", std::nullopt));
    const auto evals = of_kind(out.events, EventKind::ThirdPartyEval);
    REQUIRE(evals.size() == 2);
    for (const auto& ev : evals) {
        CHECK((ev.model == "claude-opus-7" || ev.model == "gemini-5-ultra"));
        CHECK(ev.fields.text("evaluator") == "apollo");
    }
}

TEST_CASE("a lab measuring its own new model is an evaluation report", "[extract][grammar][eval]") {
    auto ex = bundled_extractor();
    const auto lab_feed = feed_source("openai-news", std::string("openai"));
    auto out = ex.extract(make_item("Measuring GPT-7's persuasiveness", make_time(2026, 10, 2),
                                    "We evaluated GPT-7 on our persuasion benchmarks."),
                          nullptr, lab_feed);
    const auto reports = of_kind(out.events, EventKind::EvalReport);
    REQUIRE(reports.size() == 1);
    CHECK(reports.front().model == "gpt-7");
    // A benchmark's name before the verb is the post's topic, not a model it measures.
    out = ex.extract(make_item("HonestBench: Measuring how models answer", make_time(2026, 10, 3)), nullptr, lab_feed);
    CHECK(of_kind(out.events, EventKind::EvalReport).empty());
    // Another lab's model measured on this lab's feed is no report of its own.
    out = ex.extract(make_item("Measuring Claude Opus 7's persuasiveness", make_time(2026, 10, 4)), nullptr, lab_feed);
    CHECK(of_kind(out.events, EventKind::EvalReport).empty());
}

TEST_CASE("a maker whose models carry its name keeps it before an id", "[extract][grammar][makers]") {
    auto ex = bundled_extractor();
    auto out =
        ex.extract(make_item("Minimax M3.5 and MiniMax-M4 are now available in Windsurf", make_time(2026, 10, 2)),
                   nullptr, newsroom());
    std::vector<std::string> models;
    for (const auto& ev : of_kind(out.events, EventKind::SurfaceRollout)) {
        models.push_back(ev.model.value_or(""));
    }
    CHECK(std::find(models.begin(), models.end(), "minimax-m3-5") != models.end());
    CHECK(std::find(models.begin(), models.end(), "m3-5") == models.end());
    CHECK(std::find(models.begin(), models.end(), "m4") == models.end());
}

TEST_CASE("a host introducing a tracked lab's model announces its arrival, not a launch",
          "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Introducing Kimi K3-0110 on GroqCloud", make_time(2026, 10, 2),
                                    "Kimi K3-0110 is now available to GroqCloud developers."),
                          nullptr, feed_source("groq-blog", std::nullopt));
    CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
    const auto rollouts = of_kind(out.events, EventKind::SurfaceRollout);
    REQUIRE_FALSE(rollouts.empty());
    CHECK(rollouts.front().surface == "groqcloud");
    CHECK(rollouts.front().lab == "moonshot");
}

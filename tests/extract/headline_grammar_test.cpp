// Headline grammar read in session 9 (issue 13), each in wording written for this test: the maker
// of a new name told by a possessive or as the launch verb's subject, an enumeration inside a
// headline that is no digest, weights offered "for download", a tool's own version on its feed
// (no model) with a model that "is now the default" there, a model offered only on an API
// surface, and an evaluator's "tests found <model>".

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
using fw::test::text_field;

TEST_CASE("the maker of a new name is the headline's possessive or its launch verb's subject",
          "[extract][grammar][release]") {
    auto ex = bundled_extractor();
    const auto press = feed_source("tech-desk", std::nullopt);
    SECTION("a tracked lab's possessive before the name") {
        auto out = ex.extract(make_item("Nvidia's Cosmos Reason 3 lands with open weights", make_time(2026, 11, 3),
                                        "The 14B-parameter model ships under the NVIDIA Open Model License."),
                              nullptr, press);
        const auto* ev = find_event(out.events, EventKind::ModelRelease, "cosmos-reason-3");
        REQUIRE(ev != nullptr);
        CHECK(ev->lab == std::optional<std::string>("nvidia"));
    }
    SECTION("a tracked lab as the subject of the launch verb") {
        auto out = ex.extract(make_item("Cohere debuts Embed Vision 2 for enterprise search", make_time(2026, 11, 4),
                                        "Embed Vision 2 is a multimodal embedding model for retrieval."),
                              nullptr, press);
        const auto* ev = find_event(out.events, EventKind::ModelRelease, "embed-vision-2");
        REQUIRE(ev != nullptr);
        CHECK(ev->lab == std::optional<std::string>("cohere"));
    }
    SECTION("another story's lab, after a comma, is nobody's subject") {
        auto out = ex.extract(make_item("After a quiet month, Cohere watchers note Orion 5 debuts",
                                        make_time(2026, 11, 5), "Orion 5 is a new reasoning model."),
                              nullptr, press);
        for (const auto& ev : of_kind(out.events, EventKind::ModelRelease)) {
            CHECK(ev.lab != std::optional<std::string>("cohere"));
        }
    }
}

TEST_CASE("an enumeration inside a headline is no digest; weights offered for download are open",
          "[extract][grammar][openness]") {
    auto ex = bundled_extractor();
    const auto qwen = feed_source("qwen-blog", std::string("qwen"));
    SECTION("the lead's licence still counts after 'for speech, vision, and code'") {
        auto out = ex.extract(make_item("Qwen4-Omni: one model for speech, vision, and code", make_time(2026, 11, 6),
                                        "Qwen4-Omni is published under Apache 2.0 on Hugging Face."),
                              nullptr, qwen);
        const auto* ev = find_event(out.events, EventKind::ModelRelease, "qwen4-omni");
        REQUIRE(ev != nullptr);
        CHECK(text_field(*ev, "openness") == "open_weights_permissive");
    }
    SECTION("'available for download' with no other word of weights") {
        const auto google = feed_source("google-blog", std::string("google"));
        auto out = ex.extract(make_item("Gemma 5 1B: a tiny model for phones", make_time(2026, 11, 7),
                                        "Gemma 5 1B is available for download from Kaggle."),
                              nullptr, google);
        const auto* ev = find_event(out.events, EventKind::ModelRelease, "gemma-5-1b");
        REQUIRE(ev != nullptr);
        CHECK(fw::is_open(*fw::openness_from_string(text_field(*ev, "openness"))));
    }
    SECTION("a digest's segments stay apart") {
        auto out =
            ex.extract(make_item("Qwen4 Goes Big, Robots Learn Chess, Courts Weigh Fair Use", make_time(2026, 11, 8)),
                       nullptr, feed_source("weekly-digest", std::nullopt));
        CHECK(find_event(out.events, EventKind::ModelRelease, "robots-learn-chess") == nullptr);
    }
}

TEST_CASE("a tool's feed: its own version is no model, a model that is now its default arrives there",
          "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Zed 0.214", make_time(2026, 11, 9),
                                    "GPT-5 is now the default model in the agent panel. Also: faster search."),
                          nullptr, feed_source("zed-releases", std::nullopt));
    CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
    const auto* ev = find_event(out.events, EventKind::SurfaceRollout, "gpt-5");
    REQUIRE(ev != nullptr);
    CHECK(ev->surface == std::optional<std::string>("zed"));
}

TEST_CASE("a model offered only on an API surface is api, not a hosted product", "[extract][grammar][openness]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Devstral 3", make_time(2026, 11, 10),
                                    "Our new agentic coding model, available today on La Plateforme."),
                          nullptr, feed_source("mistral-news", std::string("mistral")));
    const auto* ev = find_event(out.events, EventKind::ModelRelease, "devstral-3");
    REQUIRE(ev != nullptr);
    CHECK(text_field(*ev, "openness") == "api");
}

TEST_CASE("an evaluator's 'tests found <model>' is its evaluation", "[extract][grammar][eval]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Sandbagging is rarer than feared", make_time(2026, 11, 11),
                                    "Our tests found Claude Opus 4.5 underperforming on purpose in 2 of 400 runs."),
                          nullptr, feed_source("Apollo Research", std::nullopt));
    const auto* ev = find_event(out.events, EventKind::ThirdPartyEval, "claude-opus-4-5");
    REQUIRE(ev != nullptr);
    CHECK(text_field(*ev, "evaluator") == "apollo");
}

TEST_CASE("a licence in a launch's headline is no change; a family's change is each member's",
          "[extract][grammar][license]") {
    auto ex = bundled_extractor();
    SECTION("'now under' a licence while the lead releases the model") {
        auto out = ex.extract(make_item("Ministral 5 3B, now under MIT", make_time(2026, 11, 12),
                                        "Today we are launching Ministral 5 3B, an edge model with open weights under "
                                        "the MIT licence."),
                              nullptr, feed_source("mistral-news", std::string("mistral")));
        CHECK(of_kind(out.events, EventKind::LicenseChange).empty());
        const auto* ev = find_event(out.events, EventKind::ModelRelease, "ministral-5-3b");
        REQUIRE(ev != nullptr);
        CHECK(text_field(*ev, "openness") == "open_weights_permissive");
    }
    SECTION("the headline names the family, the lead its members") {
        auto out = ex.extract(make_item("Meta moves Llama 4 to a new community licence", make_time(2026, 11, 13),
                                        "Meta relicensed Llama 4 Scout and Llama 4 Maverick under the Llama 4.1 "
                                        "Community License on Friday."),
                              nullptr, feed_source("tech-desk", std::nullopt));
        CHECK(find_event(out.events, EventKind::LicenseChange, "llama-4-scout") != nullptr);
        CHECK(find_event(out.events, EventKind::LicenseChange, "llama-4-maverick") != nullptr);
        CHECK(find_event(out.events, EventKind::LicenseChange, "llama-4-behemoth") == nullptr);
    }
}

TEST_CASE("open weights named as what a lab leaves behind are not the new model's", "[extract][grammar][openness]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Zhipu goes closed with GLM-6", make_time(2026, 11, 14),
                                    "GLM-6 is served only through the Zhipu API, a departure from the lab's "
                                    "open-weight releases."),
                          nullptr, feed_source("tech-desk", std::nullopt));
    const auto* ev = find_event(out.events, EventKind::ModelRelease, "glm-6");
    REQUIRE(ev != nullptr);
    CHECK(text_field(*ev, "openness") == "api");
}

TEST_CASE("a digest's story naming a model with no event is a candidate of its own", "[extract][candidates]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Muse Spark Comes to WhatsApp, Orbit-4 In Three Sizes, Courts Weigh Fair Use",
                                    make_time(2026, 11, 15)),
                          nullptr, feed_source("weekly-digest", std::nullopt));
    REQUIRE(find_event(out.events, EventKind::SurfaceRollout, "muse-spark") != nullptr);
    const auto story = std::find_if(out.candidates.begin(), out.candidates.end(), [](const fw::Candidate& c) {
        return c.model == std::optional<std::string>("orbit-4");
    });
    REQUIRE(story != out.candidates.end());
    CHECK(story->suggested_kind == std::optional<EventKind>(EventKind::ModelRelease));
    CHECK(story->dedupe_key == "story:orbit-4");
    // The story that gave an event is no candidate as well.
    CHECK(std::none_of(out.candidates.begin(), out.candidates.end(),
                       [](const fw::Candidate& c) { return c.model == std::optional<std::string>("muse-spark"); }));
}

TEST_CASE("availability said negated, as general availability, for a group, or across surfaces",
          "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    SECTION("'has not made X available' launches nothing") {
        auto out = ex.extract(make_item("Orbit-3 is not on our platform", make_time(2026, 11, 16),
                                        "Zhipu has not made GLM-5 available to outside API hosts yet."),
                              nullptr, feed_source("openrouter", std::nullopt));
        CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
    }
    SECTION("'is now GA in' a surface: an arrival, and 'GA' is no part of the name") {
        auto out = ex.extract(make_item("Gemini 2.5 Pro GA", make_time(2026, 11, 17),
                                        "Gemini 2.5 Pro is now GA in Vertex AI for every region."),
                              nullptr, feed_source("google-blog", std::string("google")));
        const auto* ev = find_event(out.events, EventKind::SurfaceRollout, "gemini-2-5-pro");
        REQUIRE(ev != nullptr);
        CHECK(ev->surface == std::optional<std::string>("vertex-ai"));
        CHECK(find_event(out.events, EventKind::ModelRelease, "gemini-2-5-pro-ga") == nullptr);
    }
    SECTION("'now live for' a group of users, the surface later in the sentence") {
        auto out = ex.extract(make_item("Grok 4.1 for Premium+", make_time(2026, 11, 18),
                                        "Grok 4.1 is now live for every Premium+ member in the Grok app."),
                              nullptr, feed_source("xai-news", std::string("xai")));
        const auto* ev = find_event(out.events, EventKind::SurfaceRollout, "grok-4-1");
        REQUIRE(ev != nullptr);
        CHECK(ev->surface == std::optional<std::string>("grok-app"));
    }
    SECTION("a launch verb + 'across' the surfaces") {
        auto out =
            ex.extract(make_item("A faster Sonnet", make_time(2026, 11, 19),
                                 "Claude Sonnet 4.5 rolls out across Amazon Bedrock and Vertex AI this morning."),
                       nullptr, feed_source("anthropic-news", std::string("anthropic")));
        CHECK(find_event(out.events, EventKind::SurfaceRollout, "claude-sonnet-4-5") != nullptr);
        CHECK(of_kind(out.events, EventKind::SurfaceRollout).size() == 2);
    }
}

TEST_CASE("a preview entered, a country that is no writer, a benchmark reported by others",
          "[extract][grammar][release][eval]") {
    auto ex = bundled_extractor();
    const auto press = feed_source("tech-desk", std::nullopt);
    SECTION("'<model> enters research preview' launches it at that stage") {
        auto out = ex.extract(make_item("Google's Veo 5 enters research preview", make_time(2026, 11, 20),
                                        "Veo 5 can be tried by a few hundred filmmakers in the US and the UK."),
                              nullptr, press);
        const auto* ev = find_event(out.events, EventKind::ModelRelease, "veo-5");
        REQUIRE(ev != nullptr);
        CHECK(ev->lab == std::optional<std::string>("google"));
        // "in the US" is a country: the desk evaluated nothing.
        CHECK(of_kind(out.events, EventKind::ThirdPartyEval).empty());
    }
    SECTION("a SWE-bench result on a press feed is no first-party report") {
        auto out = ex.extract(make_item("Kimi K2 tops SWE-bench Verified in Vals AI's runs", make_time(2026, 11, 21),
                                        "Vals AI ranked Kimi K2 first among open models."),
                              nullptr, press);
        CHECK(of_kind(out.events, EventKind::EvalReport).empty());
        CHECK(find_event(out.events, EventKind::ThirdPartyEval, "kimi-k2") != nullptr);
    }
}

TEST_CASE("a move said with a plural subject; a licence headline whose lead says the change",
          "[extract][grammar][people][license]") {
    auto ex = bundled_extractor();
    const auto press = feed_source("tech-desk", std::nullopt);
    SECTION("'X and its chief scientist part ways', the person in the lead") {
        auto out = ex.extract(make_item("Mistral and its chief scientist part ways", make_time(2026, 11, 22),
                                        "Guillaume Lample has left Mistral to start a robotics lab."),
                              nullptr, press);
        const auto moves = of_kind(out.events, EventKind::PersonnelMove);
        REQUIRE(moves.size() == 1);
        CHECK(moves[0].person == std::optional<std::string>("guillaume-lample"));
        CHECK(text_field(moves[0], "move") == "left");
    }
    SECTION("'<family> licence now ...' with the lead's 'updated the ... License'") {
        auto out = ex.extract(make_item("Gemma 3 licence now allows military use", make_time(2026, 11, 23),
                                        "Google revised the Gemma Terms of Use on Tuesday."),
                              nullptr, press);
        CHECK(!of_kind(out.events, EventKind::LicenseChange).empty());
    }
}

TEST_CASE("a person named family name first is the tracked person", "[extract][people]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Qwen lead Lin Junyang steps down", make_time(2026, 11, 24)), nullptr,
                          feed_source("tech-desk", std::nullopt));
    const auto moves = of_kind(out.events, EventKind::PersonnelMove);
    REQUIRE(moves.size() == 1);
    CHECK(moves[0].person == std::optional<std::string>("junyang-lin"));
}

TEST_CASE("a model launched before the item that arrives somewhere untracked is queued as an arrival",
          "[extract][candidates][rollout]") {
    auto ex = bundled_extractor();
    const auto qwen = feed_source("qwen-blog", std::string("qwen"));
    auto first = ex.extract(
        make_item("Qwen4-Plus", make_time(2026, 10, 1), "Qwen4-Plus is our new model, available today in Qwen Chat."),
        nullptr, qwen);
    REQUIRE(find_event(first.events, EventKind::ModelRelease, "qwen4-plus") != nullptr);
    auto later = ex.extract(
        make_item("Qwen4-Plus lands in Taobao", make_time(2026, 10, 20), "Shoppers can ask Qwen4-Plus about products."),
        nullptr, qwen);
    CHECK(of_kind(later.events, EventKind::ModelRelease).empty());
    REQUIRE(!later.candidates.empty());
    CHECK(later.candidates.front().suggested_kind == std::optional<EventKind>(EventKind::SurfaceRollout));
}

TEST_CASE("access that goes on, or a sentence that withdraws, is no arrival", "[extract][rollout]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Saying goodbye to GPT-4.5 in ChatGPT", make_time(2026, 11, 25),
                                    "We are removing GPT-4.5 from ChatGPT next month; it stays available in the API."),
                          nullptr, feed_source("openai-news", std::string("openai")));
    CHECK(of_kind(out.events, EventKind::SurfaceRollout).empty());
    auto still = ex.extract(make_item("o3 pricing update", make_time(2026, 11, 26),
                                      "o3 is still available in the API at the old price until June."),
                            nullptr, feed_source("openai-news", std::string("openai")));
    CHECK(of_kind(still.events, EventKind::SurfaceRollout).empty());
}

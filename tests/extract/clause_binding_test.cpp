// Statements bound to their own clause, read in session 10 (issue 13), each in wording written for
// this test: a surface's stage from its own clause, a release's stage when another surface has the
// model without one, rollout subjects from the verb's clause, weights promised for later, withheld
// weights of an app-only model, an API-only channel named by its surface, "the API" on a lab's own
// feed, a licence replaced "instead of" another, a launch that "drops with" its licence, and a
// move of somebody nobody tracks as a candidate.

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

using fw::test::rollout_to;

TEST_CASE("a surface's stage is its own clause's; the release is out when one surface has it plainly",
          "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    SECTION("', and developers can try it in beta through the API' stages the API only") {
        auto out = ex.extract(make_item("Claude Haiku 6 is out", make_time(2026, 11, 10),
                                        "Claude Haiku 6 reaches every user of the Claude app today, and developers "
                                        "can try it in beta through the Anthropic API."),
                              nullptr, feed_source("anthropic-news", std::string("anthropic")));
        const auto* app = rollout_to(out.events, "claude-app");
        const auto* api = rollout_to(out.events, "anthropic-api");
        REQUIRE(app != nullptr);
        REQUIRE(api != nullptr);
        CHECK(text_field(*app, "stage") == "ga");
        CHECK(text_field(*api, "stage") == "preview");
        const auto* release = find_event(out.events, EventKind::ModelRelease, "claude-haiku-6");
        REQUIRE(release != nullptr);
        CHECK(text_field(*release, "stage") != "preview");
    }
    SECTION("'generally available' outranks the preview it leaves behind") {
        auto out = ex.extract(make_item("Grok 4.1 is now generally available", make_time(2026, 11, 12),
                                        "After two weeks in beta, Grok 4.1 is generally available in the xAI API."),
                              nullptr, feed_source("xai-news", std::string("xai")));
        const auto* api = rollout_to(out.events, "xai-api");
        REQUIRE(api != nullptr);
        CHECK(text_field(*api, "stage") == "ga");
    }
    SECTION("', with X coming later this month' is X's promise, not its neighbours'") {
        auto out = ex.extract(make_item("Grok 4.1 now powers the Grok app and Grok Business, with the xAI API "
                                        "coming later this month",
                                        make_time(2026, 11, 11)),
                              nullptr, feed_source("xai-news", std::string("xai")));
        const auto* business = rollout_to(out.events, "grok-business");
        const auto* api = rollout_to(out.events, "xai-api");
        REQUIRE(business != nullptr);
        REQUIRE(api != nullptr);
        CHECK(text_field(*business, "stage") == "ga");
        CHECK(text_field(*api, "stage") == "announced");
    }
}

TEST_CASE("rollouts take the models of the verb's clause; withheld or promised weights are not open",
          "[extract][grammar][openness]") {
    auto ex = bundled_extractor();
    const auto mistral = feed_source("mistral-news", std::string("mistral"));
    SECTION("';' ends the clause whose models reach La Plateforme") {
        auto out = ex.extract(make_item("Codestral 3 and Ministral 5", make_time(2026, 11, 12),
                                        "Codestral 3 is offered through La Plateforme only; Ministral 5 comes with "
                                        "open weights under Apache 2.0."),
                              nullptr, mistral);
        const auto* closed = find_event(out.events, EventKind::ModelRelease, "codestral-3");
        const auto* open = find_event(out.events, EventKind::ModelRelease, "ministral-5");
        REQUIRE(closed != nullptr);
        REQUIRE(open != nullptr);
        CHECK(text_field(*closed, "openness") == "api");  // La Plateforme is Mistral's API
        CHECK(text_field(*open, "openness") == "open_weights_permissive");
        for (const auto& ev : of_kind(out.events, EventKind::SurfaceRollout)) {
            CHECK(ev.model == std::optional<std::string>("codestral-3"));
        }
        CHECK(rollout_to(out.events, "mistral-api") != nullptr);
    }
    SECTION("weights that 'will be published next quarter' leave the model on its API for now") {
        auto out = ex.extract(make_item("DeepSeek-V5 is available", make_time(2026, 11, 13),
                                        "You can use DeepSeek-V5 in the DeepSeek app and the API starting today. "
                                        "We will publish the weights at a later date."),
                              nullptr, feed_source("deepseek-news", std::string("deepseek")));
        const auto* release = find_event(out.events, EventKind::ModelRelease, "deepseek-v5");
        REQUIRE(release != nullptr);
        CHECK(text_field(*release, "openness") == "api");
        CHECK(text_field(*release, "stage") != "announced");
        CHECK(rollout_to(out.events, "deepseek-api") != nullptr);  // "the API" on DeepSeek's own feed
    }
    SECTION("weights withheld from a model offered in apps only: a hosted product") {
        auto out = ex.extract(make_item("Muse Ember", make_time(2026, 11, 14),
                                        "Muse Ember, our newest model, is rolling out in the Meta AI app and on "
                                        "meta.ai. Its weights won't be shared."),
                              nullptr, feed_source("meta-newsroom", std::string("meta")));
        const auto* release = find_event(out.events, EventKind::ModelRelease, "muse-ember");
        REQUIRE(release != nullptr);
        CHECK(text_field(*release, "openness") == "hosted_product");
    }
}

TEST_CASE("licences replaced 'instead of' another; a launch that 'drops with' its licence",
          "[extract][grammar][license]") {
    auto ex = bundled_extractor();
    SECTION("the lead's 'X in place of Y' outranks the licence a headline names") {
        auto out = ex.extract(make_item("A simpler Llama license", make_time(2026, 11, 15),
                                        "From now on Llama 4 Scout is distributed under the MIT license in place "
                                        "of the Llama 4 Community License."),
                              nullptr, feed_source("meta-newsroom", std::string("meta")));
        const auto changes = of_kind(out.events, EventKind::LicenseChange);
        REQUIRE(changes.size() == 1);
        CHECK(changes.front().model == std::optional<std::string>("llama-4-scout"));
        CHECK(text_field(changes.front(), "old") == "LicenseRef-Llama-4-Community");
        CHECK(text_field(changes.front(), "new") == "MIT");
    }
    SECTION("'drops with MIT-licensed weights' launches a model, changes nothing") {
        auto out = ex.extract(make_item("GLM-6 drops with MIT-licensed weights", make_time(2026, 11, 16),
                                        "The new flagship can be downloaded today."),
                              nullptr, feed_source("zhipu-news", std::string("zhipu")));
        CHECK(of_kind(out.events, EventKind::LicenseChange).empty());
        const auto* release = find_event(out.events, EventKind::ModelRelease, "glm-6");
        REQUIRE(release != nullptr);
        CHECK(text_field(*release, "license") == "MIT");
    }
}

TEST_CASE("a move of somebody nobody tracks at a tracked lab is a candidate", "[extract][candidates][people]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Anthropic's head of inference quits to found a startup", make_time(2026, 11, 17)),
                          nullptr, feed_source("tech-desk", std::nullopt));
    CHECK(out.events.empty());
    REQUIRE(out.candidates.size() == 1);
    CHECK(out.candidates.front().suggested_kind == EventKind::PersonnelMove);
    CHECK(out.candidates.front().lab == std::optional<std::string>("anthropic"));
}

TEST_CASE("a lead that calls the name 'our newest' model launches it; 'now in beta' launches at that stage",
          "[extract][grammar][release]") {
    auto ex = bundled_extractor();
    SECTION("'X is our newest coding model, available today on La Plateforme'") {
        auto out = ex.extract(make_item("Raising the ceiling for code", make_time(2026, 11, 18),
                                        "Codestral 4 is our newest coding model, available today on La Plateforme "
                                        "and Google Cloud Vertex AI."),
                              nullptr, feed_source("mistral-news", std::string("mistral")));
        const auto* release = find_event(out.events, EventKind::ModelRelease, "codestral-4");
        REQUIRE(release != nullptr);
        CHECK(text_field(*release, "openness") == "api");  // an API surface beside a cloud's
    }
    SECTION("'X now in beta' in a headline") {
        auto out = ex.extract(make_item("Gemini 3.5 Ultra now in beta", make_time(2026, 11, 19),
                                        "Trusted developers can start building with it in AI Studio."),
                              nullptr, feed_source("google-blog", std::string("google")));
        const auto* release = find_event(out.events, EventKind::ModelRelease, "gemini-3-5-ultra");
        REQUIRE(release != nullptr);
        CHECK(text_field(*release, "stage") == "preview");
    }
}

TEST_CASE("placed objects through a channel or after a maker's possessive; a plural noun is no arrival verb",
          "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    const auto desk = feed_source("tech-desk", std::nullopt);
    SECTION("'adds OpenAI's GPT-6 to Amazon Bedrock'") {
        auto out = ex.extract(make_item("Amazon adds OpenAI's GPT-6 to Amazon Bedrock", make_time(2026, 11, 20)),
                              nullptr, desk);
        const auto* ev = rollout_to(out.events, "aws-bedrock");
        REQUIRE(ev != nullptr);
        CHECK(ev->model == std::optional<std::string>("gpt-6"));
    }
    SECTION("'can access X via the xAI API'") {
        auto out = ex.extract(make_item("Grok 6 for developers", make_time(2026, 11, 21),
                                        "Developers can access Grok 6 via the xAI API from today."),
                              nullptr, feed_source("xai-news", std::string("xai")));
        CHECK(rollout_to(out.events, "xai-api") != nullptr);
    }
    SECTION("'<surface> now features <model>'") {
        auto out = ex.extract(make_item("Oakley Meta glasses now feature Muse Spark 1.1", make_time(2026, 11, 29)),
                              nullptr, feed_source("meta-newsroom", std::string("meta")));
        CHECK(rollout_to(out.events, "oakley-meta-glasses") != nullptr);
    }
    SECTION("'usage gains on Instagram' in an analyst's note") {
        auto out = ex.extract(make_item("Jefferies raises Meta target to $900", make_time(2026, 11, 22),
                                        "The note credits Muse Spark usage gains on Instagram for the change."),
                              nullptr, desk);
        CHECK(of_kind(out.events, EventKind::SurfaceRollout).empty());
    }
}

TEST_CASE("a brand's possessive names its product; 'It' after the headline is the headline's model",
          "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    const auto meta = feed_source("meta-newsroom", std::string("meta"));
    SECTION("'Facebook's Feed' is Facebook Feed, not Facebook") {
        auto out = ex.extract(make_item("Muse Spark answers questions in Facebook's Feed", make_time(2026, 11, 23),
                                        "The feature is rolling out to people in Canada."),
                              nullptr, meta);
        CHECK(rollout_to(out.events, "facebook-feed") != nullptr);
        CHECK(rollout_to(out.events, "facebook") == nullptr);
    }
    SECTION("'It now runs ...' in the lead") {
        auto out = ex.extract(make_item("Say hello to Muse Flare", make_time(2026, 11, 24),
                                        "Muse Flare is our fastest model so far. It now runs Meta AI on Ray-Ban Meta "
                                        "glasses."),
                              nullptr, meta);
        const auto* ev = rollout_to(out.events, "ray-ban-meta-glasses");
        REQUIRE(ev != nullptr);
        CHECK(ev->model == std::optional<std::string>("muse-flare"));
    }
    SECTION("'It' opening an item without a model in its headline is nobody") {
        auto out = ex.extract(make_item("What we shipped this week", make_time(2026, 11, 25),
                                        "A quieter week. It runs on Ray-Ban Meta glasses too."),
                              nullptr, meta);
        CHECK(of_kind(out.events, EventKind::SurfaceRollout).empty());
    }
    SECTION("'put X to work in Y'") {
        auto out =
            ex.extract(make_item("Advertisers can put Muse Spark to work in Meta Advantage+", make_time(2026, 11, 26)),
                       nullptr, meta);
        CHECK(rollout_to(out.events, "meta-advantage-plus") != nullptr);
    }
}

TEST_CASE("a lab's launch headline whose lead calls the name a model launches it; unconfirmed, it is queued",
          "[extract][grammar][candidates]") {
    auto ex = bundled_extractor();
    const auto meta = feed_source("meta-newsroom", std::string("meta"));
    SECTION("'Meet Muse Glow | Muse Glow is our most efficient model. ... glasses.'") {
        auto out = ex.extract(make_item("Meet Muse Glow", make_time(2026, 11, 27),
                                        "Muse Glow is our most efficient model. It also answers on Oakley Meta "
                                        "glasses."),
                              nullptr, meta);
        CHECK(find_event(out.events, EventKind::ModelRelease, "muse-glow") != nullptr);
    }
    SECTION("'Meet Muse Glow | Muse Glow on Oakley Meta glasses' is a candidate, never nothing") {
        auto out = ex.extract(make_item("Meet Muse Glow", make_time(2026, 11, 28),
                                        "Muse Glow brings hands-free help to Oakley Meta glasses."),
                              nullptr, meta);
        if (find_event(out.events, EventKind::ModelRelease, "muse-glow") == nullptr) {
            REQUIRE(out.candidates.size() == 1);
            CHECK(out.candidates.front().suggested_kind == EventKind::ModelRelease);
        }
    }
}

TEST_CASE("makers by family in the press, evaluators by name, promised launches, fragments that describe",
          "[extract][grammar][release]") {
    auto ex = bundled_extractor();
    const auto desk = feed_source("tech-desk", std::nullopt);
    SECTION("a new name of a known family is its family's lab's, whatever lab the headline names first") {
        auto out = ex.extract(make_item("Anthropic hires again, Gemini 4 Flash arrives, Meta's glasses sell out",
                                        make_time(2026, 11, 30)),
                              nullptr, desk);
        const auto* ev = find_event(out.events, EventKind::ModelRelease, "gemini-4-flash");
        if (ev != nullptr) {
            CHECK(ev->lab == std::optional<std::string>("google"));
        }
        for (const auto& c : out.candidates) {
            if (c.model == std::optional<std::string>("gemini-4-flash")) {
                CHECK(c.lab != std::optional<std::string>("anthropic"));
            }
        }
        CHECK((ev != nullptr || !out.candidates.empty()));
    }
    SECTION("'..., Scale AI says' names the evaluator") {
        auto out = ex.extract(
            make_item("Claude Opus 5 tops Humanity's Last Exam at 51%, Scale AI says", make_time(2026, 12, 1)), nullptr,
            desk);
        const auto evals = of_kind(out.events, EventKind::ThirdPartyEval);
        REQUIRE(evals.size() == 1);
        CHECK(text_field(evals.front(), "evaluator") == "scale_seal");
    }
    SECTION("'We will release X ... in the coming months' announces X") {
        auto out = ex.extract(make_item("Mistral Large 5 is on its way", make_time(2026, 12, 2),
                                        "We will release Mistral Large 5 with open weights in the coming months."),
                              nullptr, feed_source("mistral-news", std::string("mistral")));
        const auto* ev = find_event(out.events, EventKind::ModelRelease, "mistral-large-5");
        REQUIRE(ev != nullptr);
        CHECK(text_field(*ev, "stage") == "announced");
        CHECK(text_field(*ev, "openness").rfind("open", 0) != 0);  // promised, not out
    }
    SECTION("'Introducing X | A benchmark of ...' launches no model") {
        auto out = ex.extract(make_item("Introducing AgentArena 2", make_time(2026, 12, 3),
                                        "A benchmark of long-horizon agent tasks, with 400 new problems."),
                              nullptr, feed_source("openai-news", std::string("openai")));
        CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
    }
}

TEST_CASE("wire idioms of launch, 'under MIT', a card 'for' its model, a known model live somewhere new",
          "[extract][grammar][release]") {
    auto ex = bundled_extractor();
    const auto desk = feed_source("tech-desk", std::nullopt);
    SECTION("'takes the wraps off'") {
        auto out = ex.extract(make_item("Zhipu takes the wraps off GLM-6", make_time(2026, 12, 4)), nullptr, desk);
        CHECK(find_event(out.events, EventKind::ModelRelease, "glm-6") != nullptr);
    }
    SECTION("'pushes out ... with open weights under MIT'") {
        auto out =
            ex.extract(make_item("Moonshot pushes out Kimi K4 with open weights under MIT", make_time(2026, 12, 5)),
                       nullptr, desk);
        const auto* ev = find_event(out.events, EventKind::ModelRelease, "kimi-k4");
        REQUIRE(ev != nullptr);
        CHECK(text_field(*ev, "license") == "MIT");
    }
    SECTION("'posts system card for X' documents X") {
        auto out = ex.extract(make_item("Anthropic posts system card for Claude Haiku 6", make_time(2026, 12, 6)),
                              nullptr, desk);
        const auto docs = of_kind(out.events, EventKind::EvalReport);
        REQUIRE(docs.size() == 1);
        CHECK(docs.front().model == std::optional<std::string>("claude-haiku-6"));
    }
    SECTION("a known model 'is now live on' a tracked surface arrives there, no second launch") {
        auto out = ex.extract(make_item("Muse Spark is now live on Messenger in Brazil", make_time(2026, 12, 7)),
                              nullptr, desk);
        CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
        CHECK(rollout_to(out.events, "messenger") != nullptr);
    }
}

TEST_CASE("a launch post that opens an earlier model's weights gives that model's weights release",
          "[extract][grammar][openness]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Muse Spark 2", make_time(2026, 8, 20),
                                    "Muse Spark 2 is our newest model, available in the Meta AI app. We are not "
                                    "releasing its weights. Muse Spark 1.1 weights are now on Hugging Face under a "
                                    "research licence."),
                          nullptr, feed_source("meta-newsroom", std::string("meta")));
    const auto* launch = find_event(out.events, EventKind::ModelRelease, "muse-spark-2");
    REQUIRE(launch != nullptr);
    CHECK(text_field(*launch, "openness").rfind("open", 0) != 0);
    const auto* weights = find_event(out.events, EventKind::WeightsRelease, "muse-spark-1-1");
    REQUIRE(weights != nullptr);
    CHECK(text_field(*weights, "openness").rfind("open", 0) == 0);
    CHECK(find_event(out.events, EventKind::ModelRelease, "muse-spark-1-1") == nullptr);  // no second launch
}

TEST_CASE("a predecessor named in the lead does not arrive; a product's version is no model",
          "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    const auto anthropic = feed_source("anthropic-news", std::string("anthropic"));
    SECTION("'An upgrade to X, available today in the API' rolls out the headline's model") {
        auto out = ex.extract(make_item("Claude Sonnet 5.2", make_time(2026, 12, 8),
                                        "An upgrade to Claude Sonnet 4.5 with stronger tool use, available today in "
                                        "the Anthropic API."),
                              nullptr, anthropic);
        const auto* ev = rollout_to(out.events, "anthropic-api");
        REQUIRE(ev != nullptr);
        CHECK(ev->model == std::optional<std::string>("claude-sonnet-5-2"));
    }
    SECTION("'Claude Code 4.1' on the lab's feed is the tool's release") {
        auto out = ex.extract(make_item("Claude Code 4.1", make_time(2026, 12, 9),
                                        "Background tasks and a new terminal UI for our coding tool."),
                              nullptr, anthropic);
        CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
    }
}

TEST_CASE("'we won't share weights for the large model, but the small one is on Hugging Face' under a known family",
          "[extract][grammar][openness]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Introducing Magistral 3 Large and Magistral 3 Small", make_time(2026, 12, 10),
                                    "We won't share weights for the large model, but the small one is on Hugging Face "
                                    "under Apache 2.0."),
                          nullptr, feed_source("mistral-news", std::string("mistral")));
    const auto* large = find_event(out.events, EventKind::ModelRelease, "magistral-3-large");
    const auto* small = find_event(out.events, EventKind::ModelRelease, "magistral-3-small");
    REQUIRE(large != nullptr);
    REQUIRE(small != nullptr);  // a bare-headline reading of the same name no longer replaces the launch cue's
    CHECK(text_field(*large, "openness").rfind("open", 0) != 0);
    CHECK(text_field(*small, "openness") == "open_weights_permissive");
}

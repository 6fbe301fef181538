// Constructions read in session 12 (issue 13), found with items written blind to the rules by
// another author and tried here in wording of ours: weights said to "stay closed" in one clause
// while a sibling is open in the next, a lab's products named by their common nouns in a list
// ("our web chat, app and API"), a launch whose own words put its weights out (a weights release
// beside the launch), a licence in the text before the taxonomy's openness, a status page's
// incident that is no evaluation, and a job advert's title that is no person.

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

namespace {

/// Whether any model rolled out to `surface`.
bool rolled_out_to(const std::vector<fw::Event>& events, const std::string& surface) {
    return fw::test::rollout_to(events, surface) != nullptr;
}

}  // namespace

TEST_CASE("weights that 'stay closed' bind to their clause; the sibling after 'but' is open",
          "[extract][grammar][openness]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(
        make_item("Orchid 3 and Orchid 3 Lite", make_time(2026, 10, 2),
                  "The weights of the full Orchid 3 remain closed and it runs only in our cloud, but Orchid 3 Lite "
                  "can be downloaded under the Apache 2.0 licence."),
        nullptr, feed_source("mistral-news", std::string("mistral")));
    const auto* full = find_event(out.events, EventKind::ModelRelease, "orchid-3");
    const auto* lite = find_event(out.events, EventKind::ModelRelease, "orchid-3-lite");
    REQUIRE(full != nullptr);
    REQUIRE(lite != nullptr);
    CHECK(text_field(*full, "openness") == "api");
    CHECK(text_field(*lite, "openness") == "open_weights_permissive");
    CHECK(text_field(*lite, "license") == "Apache-2.0");
    // Only the open sibling's weights are out.
    CHECK(find_event(out.events, EventKind::WeightsRelease, "orchid-3-lite") != nullptr);
    CHECK(find_event(out.events, EventKind::WeightsRelease, "orchid-3") == nullptr);
}

TEST_CASE("a lab's products said by their common nouns in a list are its surfaces", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    SECTION("'our website, mobile app and API' on the lab's own feed") {
        auto out = ex.extract(make_item("DeepSeek-V9 is out", make_time(2026, 9, 1),
                                        "DeepSeek-V9 is available today on our website, mobile app and API."),
                              nullptr, feed_source("deepseek-news", std::string("deepseek")));
        CHECK(rolled_out_to(out.events, "deepseek-app"));
        CHECK(rolled_out_to(out.events, "deepseek-api"));
    }
    SECTION("'the apps you already use' are anyone's, and 'api' in lower case is no product") {
        auto out = ex.extract(make_item("Plug-ins for Grok", make_time(2026, 9, 2),
                                        "Grok now reaches into the apps you already use, with an api for each."),
                              nullptr, feed_source("xai-news", std::string("xai")));
        CHECK_FALSE(rolled_out_to(out.events, "grok-app"));
        CHECK_FALSE(rolled_out_to(out.events, "xai-api"));
    }
}

TEST_CASE("a launch whose own words put its weights out is also a weights release", "[extract][grammar][openness]") {
    auto ex = bundled_extractor();
    SECTION("open weights with a licence: both events, the weights with the licence and no repository") {
        auto out = ex.extract(make_item("Meet Quokka 2, our open model for edge devices", make_time(2026, 8, 3),
                                        "Quokka 2 is a 4B model whose weights you can download today under the MIT "
                                        "licence."),
                              nullptr, feed_source("qwen-blog", std::string("qwen")));
        const auto* launch = find_event(out.events, EventKind::ModelRelease, "quokka-2");
        const auto* weights = find_event(out.events, EventKind::WeightsRelease, "quokka-2");
        REQUIRE(launch != nullptr);
        REQUIRE(weights != nullptr);
        CHECK(text_field(*weights, "license") == "MIT");
        CHECK(text_field(*weights, "openness") == "open_weights_permissive");
        REQUIRE(weights->fields.find("repo") != nullptr);
        CHECK(std::holds_alternative<std::monostate>(*weights->fields.find("repo")));
    }
    SECTION("a closed launch has no weights release") {
        auto out = ex.extract(make_item("Meet Quokka Max", make_time(2026, 8, 4),
                                        "Quokka Max, our largest model, is proprietary and served through our API."),
                              nullptr, feed_source("qwen-blog", std::string("qwen")));
        REQUIRE(find_event(out.events, EventKind::ModelRelease, "quokka-max") != nullptr);
        CHECK(of_kind(out.events, EventKind::WeightsRelease).empty());
    }
    SECTION("weights promised for later are not out yet") {
        auto out = ex.extract(make_item("Meet Quokka 3", make_time(2026, 8, 5),
                                        "Quokka 3 is our new reasoning model, live in the API today. Open weights "
                                        "will follow in the coming weeks."),
                              nullptr, feed_source("qwen-blog", std::string("qwen")));
        REQUIRE(find_event(out.events, EventKind::ModelRelease, "quokka-3") != nullptr);
        CHECK(of_kind(out.events, EventKind::WeightsRelease).empty());
    }
}

TEST_CASE("a licence the item names comes before the taxonomy's openness of a known model",
          "[extract][grammar][openness]") {
    auto ex = bundled_extractor();
    // Llama 4 Scout is in the bundled taxonomy; this item's own words give the licence.
    auto out = ex.extract(make_item("Llama 4 Scout, now under Apache 2.0", make_time(2025, 4, 5),
                                    "Introducing Llama 4 Scout, released today under the Apache 2.0 licence."),
                          nullptr, feed_source("meta-ai-blog", std::string("meta")));
    const auto* launch = find_event(out.events, EventKind::ModelRelease, "llama-4-scout");
    REQUIRE(launch != nullptr);
    CHECK(text_field(*launch, "license") == "Apache-2.0");
    CHECK(text_field(*launch, "openness") == "open_weights_permissive");
}

TEST_CASE("a status page's incident on a model is no evaluation of it", "[extract][precision]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Degraded performance for Claude Opus 4.1", make_time(2026, 7, 1),
                                    "We are investigating elevated error rates for some requests; we will post an "
                                    "update within the hour."),
                          nullptr, feed_source("claude-status", std::nullopt));
    CHECK(of_kind(out.events, EventKind::ThirdPartyEval).empty());
    // The same first-person words about testing the model are still an evaluator's.
    auto eval = ex.extract(make_item("How Claude Opus 4.1 fares on our agent benchmark", make_time(2026, 7, 2),
                                     "We evaluated Claude Opus 4.1 on 300 long-horizon tasks; it scored 41%."),
                           nullptr, feed_source("agent-evals-blog", std::nullopt));
    CHECK_FALSE(of_kind(eval.events, EventKind::ThirdPartyEval).empty());
}

TEST_CASE("a job advert's title is no person joining", "[extract][precision][people]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Now hiring: Staff Engineer, inference runtime (Paris)", make_time(2026, 6, 1),
                                    "Join Mistral AI to build the serving stack behind Le Chat."),
                          nullptr, feed_source("mistral-jobs", std::string("mistral")));
    CHECK(of_kind(out.events, EventKind::PersonnelMove).empty());
}

TEST_CASE("a surface its own clause says the model is not on gets no rollout", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Gemini 4 Ultra in preview for Gemini app subscribers", make_time(2026, 11, 3),
                                    "Subscribers can try Gemini 4 Ultra in the Gemini app from today. It isn't "
                                    "available in Vertex AI yet."),
                          nullptr, feed_source("google-blog", std::string("google")));
    CHECK(rolled_out_to(out.events, "gemini-app"));
    CHECK_FALSE(rolled_out_to(out.events, "vertex-ai"));
}

TEST_CASE("a channel promised for later is not the model's access today", "[extract][grammar][openness]") {
    auto ex = bundled_extractor();
    SECTION("', with API access to follow': a hosted product now") {
        auto out = ex.extract(make_item("Grok 7 Mini", make_time(2026, 10, 20),
                                        "Grok 7 Mini, our new small model, is rolling out in the Grok app today, with "
                                        "API access to follow next month."),
                              nullptr, feed_source("xai-news", std::string("xai")));
        const auto* launch = find_event(out.events, EventKind::ModelRelease, "grok-7-mini");
        REQUIRE(launch != nullptr);
        CHECK(text_field(*launch, "openness") == "hosted_product");
    }
    SECTION("'proprietary' with a waitlist for the API: a hosted product, the API's rollout limited") {
        auto out = ex.extract(make_item("Meet Muse Lumen, our new reasoning model", make_time(2026, 10, 21),
                                        "Muse Lumen powers the Meta AI app starting today. It is a proprietary model; "
                                        "developers can sign up for a waitlist for the Meta Model API."),
                              nullptr, feed_source("meta-newsroom", std::string("meta")));
        const auto* launch = find_event(out.events, EventKind::ModelRelease, "muse-lumen");
        REQUIRE(launch != nullptr);
        CHECK(text_field(*launch, "openness") == "hosted_product");
        for (const auto& ev : of_kind(out.events, EventKind::SurfaceRollout)) {
            if (ev.surface == std::optional<std::string>("meta-model-api")) {
                CHECK(text_field(ev, "stage") == "limited");
            }
        }
    }
}

TEST_CASE("rollouts said with a pronoun or the one lab's 'API' in the press", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    SECTION("'try it on La Plateforme' after the model was named") {
        auto out = ex.extract(make_item("Ministral 5: small and sharp", make_time(2026, 9, 10),
                                        "Ministral 5 is our new edge model. Grab the weights, or try it on La "
                                        "Plateforme."),
                              nullptr, feed_source("mistral-news", std::string("mistral")));
        CHECK(rolled_out_to(out.events, "mistral-api"));
    }
    SECTION("a press headline naming one lab: 'the API' is that lab's") {
        auto out =
            ex.extract(make_item("OpenAI's GPT-6 Mini slips into the API without fanfare", make_time(2026, 9, 11),
                                 "OpenAI has launched GPT-6 Mini to developers in the API."),
                       nullptr, feed_source("tech-press", std::nullopt));
        CHECK(rolled_out_to(out.events, "openai-api"));
    }
}

TEST_CASE("a headline without its copula still launches a model: '{model} now live'", "[extract][grammar]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Qwen4-Turbo now live in Qwen Chat", make_time(2026, 9, 12),
                                    "Our fastest model yet, Qwen4-Turbo, can be used in Qwen Chat from today."),
                          nullptr, feed_source("qwen-blog", std::string("qwen")));
    CHECK(find_event(out.events, EventKind::ModelRelease, "qwen4-turbo") != nullptr);
    CHECK(rolled_out_to(out.events, "qwen-chat"));
}

TEST_CASE("moves said with other verbs and in the first person's own phrases", "[extract][people]") {
    auto ex = bundled_extractor();
    SECTION("'elevates' a person to a new role") {
        auto out =
            ex.extract(make_item("Google elevates Jeff Dean to lead all of Gemini research", make_time(2026, 8, 1),
                                 "The memo names him chief scientist of the combined group."),
                       nullptr, feed_source("wire", std::nullopt));
        const auto moves = of_kind(out.events, EventKind::PersonnelMove);
        REQUIRE(moves.size() == 1);
        CHECK(moves[0].person == std::optional<std::string>("jeff-dean"));
        CHECK(text_field(moves[0], "move") == "role_change");
    }
    SECTION("'my final day' on a personal blog is a move for review") {
        auto out =
            ex.extract(make_item("Moving on", make_time(2026, 8, 2),
                                 "Friday was my final day on the Gemini team; I'll share where I'm headed soon."),
                       nullptr, feed_source("someone-blog", std::nullopt));
        CHECK(of_kind(out.events, EventKind::PersonnelMove).empty());
        REQUIRE(out.candidates.size() == 1);
        CHECK(out.candidates[0].suggested_kind == EventKind::PersonnelMove);
    }
}

TEST_CASE("an evaluator's feed named by its first word, and 'we ran X on' a benchmark", "[extract][eval]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Claude Opus 4.1 on our hardest maths set: 28%", make_time(2026, 8, 3),
                                    "We ran Claude Opus 4.1 on the full problem set through the public API."),
                          nullptr, feed_source("epoch-newsletter", std::nullopt));
    const auto evals = of_kind(out.events, EventKind::ThirdPartyEval);
    REQUIRE(evals.size() == 1);
    CHECK(text_field(evals[0], "evaluator") == "epoch");
    CHECK(evals[0].model == std::optional<std::string>("claude-opus-4-1"));
}

TEST_CASE("blind set B's constructions, in wording of ours", "[extract][grammar]") {
    auto ex = bundled_extractor();
    SECTION("a fronted 'Unlike ...,' is not the subject of a withheld release") {
        auto out = ex.extract(make_item("Qwen4-Coder-Max: long-horizon coding", make_time(2026, 7, 1),
                                        "Qwen4-Coder-Max is live on Alibaba Cloud Model Studio. Unlike our earlier "
                                        "Qwen3.5 models, Qwen4-Coder-Max will not be open-sourced."),
                              nullptr, feed_source("qwen-blog", std::string("qwen")));
        const auto* launch = find_event(out.events, EventKind::ModelRelease, "qwen4-coder-max");
        REQUIRE(launch != nullptr);
        CHECK(text_field(*launch, "openness") == "api");
        CHECK(find_event(out.events, EventKind::ModelRelease, "qwen3-5") == nullptr);
    }
    SECTION("a clause about 'X Small' is not about X; the sibling is released open") {
        auto out = ex.extract(make_item("Codestral 4 arrives in Le Chat", make_time(2026, 7, 2),
                                        "Codestral 4 is our new coding model. Codestral 4 Small can be downloaded "
                                        "under Apache 2.0, while Codestral 4 is offered only through our API."),
                              nullptr, feed_source("mistral-news", std::string("mistral")));
        const auto* big = find_event(out.events, EventKind::ModelRelease, "codestral-4");
        const auto* small = find_event(out.events, EventKind::ModelRelease, "codestral-4-small");
        REQUIRE(big != nullptr);
        REQUIRE(small != nullptr);
        CHECK(text_field(*big, "openness") == "api");
        CHECK(text_field(*small, "openness") == "open_weights_permissive");
        CHECK(find_event(out.events, EventKind::WeightsRelease, "codestral-4-small") != nullptr);
    }
    SECTION("'X and Y are generally available in Amazon Bedrock': two launches on an API channel") {
        auto out = ex.extract(make_item("Nova 5 Micro and Nova 5 Max are generally available in Amazon Bedrock",
                                        make_time(2026, 7, 3), "Both can be used from today in US regions."),
                              nullptr, feed_source("aws-news", std::string("amazon")));
        for (const char* slug : {"nova-5-micro", "nova-5-max"}) {
            INFO(slug);
            const auto* launch = find_event(out.events, EventKind::ModelRelease, slug);
            REQUIRE(launch != nullptr);
            CHECK(text_field(*launch, "openness") == "api");
        }
        CHECK(rolled_out_to(out.events, "aws-bedrock"));
    }
    SECTION("'debuts across' a list of surfaces, and 'you can download' weights") {
        auto out = ex.extract(make_item("Muse Spark 3 debuts across WhatsApp and Ray-Ban Meta glasses",
                                        make_time(2026, 7, 4), "Our new model starts answering today."),
                              nullptr, feed_source("meta-newsroom", std::string("meta")));
        CHECK(rolled_out_to(out.events, "whatsapp"));
        CHECK(rolled_out_to(out.events, "ray-ban-meta-glasses"));
        auto open = ex.extract(make_item("Llama 5 Nano: a 1B model for watches", make_time(2026, 7, 5),
                                         "We've released Llama 5 Nano, a 1B model you can download and run on "
                                         "a watch."),
                               nullptr, feed_source("meta-ai-blog", std::string("meta")));
        const auto* launch = find_event(open.events, EventKind::ModelRelease, "llama-5-nano");
        REQUIRE(launch != nullptr);
        CHECK(text_field(*launch, "openness").rfind("open_weights", 0) == 0);
    }
    SECTION("'build with X in Y' and a tool's 'can be selected in'") {
        auto out = ex.extract(make_item("Build with Gemini 4 Flash in Vertex AI", make_time(2026, 7, 6),
                                        "Enterprises can start building with Gemini 4 Flash today."),
                              nullptr, feed_source("google-developers", std::string("google")));
        CHECK(rolled_out_to(out.events, "vertex-ai"));
        auto tool = ex.extract(make_item("Release 3.2: Grok 5 support", make_time(2026, 7, 7),
                                         "Grok 5 can be selected in the agent panel on every plan."),
                               nullptr, feed_source("zed-changelog", std::nullopt));
        CHECK(rolled_out_to(tool.events, "zed"));
    }
}

TEST_CASE("blind set C's constructions, in wording of ours", "[extract][grammar]") {
    auto ex = bundled_extractor();
    SECTION("a lower-case word hyphen-joined to a name is part of it: 'Grok-6-heavy'") {
        auto out = ex.extract(
            make_item("Say hello to Grok-6-heavy", make_time(2026, 6, 10), "Our new model for long agentic tasks."),
            nullptr, feed_source("xai-news", std::string("xai")));
        CHECK(find_event(out.events, EventKind::ModelRelease, "grok-6-heavy") != nullptr);
        CHECK(find_event(out.events, EventKind::ModelRelease, "grok-6") == nullptr);
    }
    SECTION("an adjective made with a hyphen is not part of the name: 'GPT-5-powered'") {
        auto out = ex.extract(make_item("Our GPT-5-powered support agent", make_time(2026, 6, 11),
                                        "A case study of a GPT-5-powered help desk."),
                              nullptr, feed_source("openai-news", std::string("openai")));
        for (const auto& ev : out.events) {
            CHECK(ev.model.value_or("").find("powered") == std::string::npos);
        }
    }
    SECTION("a dated release headline names no model after the date") {
        auto out = ex.extract(make_item("DeepSeek-V5 Release 2026/11/30", make_time(2026, 11, 30),
                                        "DeepSeek-V5 is live on the web and in the app; open weights under the MIT "
                                        "License are on Hugging Face."),
                              nullptr, feed_source("deepseek-news", std::string("deepseek")));
        for (const auto& ev : out.events) {
            CHECK(ev.model.value_or("").find("2026") == std::string::npos);
        }
        CHECK(find_event(out.events, EventKind::ModelRelease, "deepseek-v5") != nullptr);
    }
    SECTION("'Open-Sourced Under MIT License' names no model 'Under MIT License'") {
        auto out = ex.extract(make_item("Zhipu Ships GLM-6 and GLM-6-Air, Open-Sourced Under MIT License",
                                        make_time(2026, 6, 12), "Both are on Hugging Face today."),
                              nullptr, feed_source("zai-news", std::string("zhipu")));
        for (const auto& ev : out.events) {
            CHECK(ev.model.value_or("").find("under") == std::string::npos);
        }
    }
    SECTION("'Licensed users' are customers, not a licence: no launch of a partner's model") {
        auto out = ex.extract(make_item("Claude Opus 5 comes to Microsoft 365 Copilot", make_time(2026, 6, 13),
                                        "Licensed users will see Claude Opus 5 in Researcher from this week."),
                              nullptr, feed_source("microsoft-ai-blog", std::string("microsoft")));
        CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
        CHECK(rolled_out_to(out.events, "microsoft-365-copilot"));
    }
    SECTION("a host's feed named by its first word: 'fireworks-changelog'") {
        auto out = ex.extract(make_item("Claude Opus 4.1 on Fireworks", make_time(2026, 6, 14),
                                        "Claude Opus 4.1 is live on our serverless platform."),
                              nullptr, feed_source("fireworks-changelog", std::nullopt));
        CHECK(rolled_out_to(out.events, "fireworks-ai"));
    }
    SECTION("a hyphenated title is no name, and 'steps away' is a departure") {
        auto title = ex.extract(make_item("xAI Co-Founder Smith Exits", make_time(2026, 6, 15), "He left on Friday."),
                                nullptr, feed_source("wire", std::nullopt));
        for (const auto& ev : of_kind(title.events, EventKind::PersonnelMove)) {
            CHECK(ev.person.value_or("").find("founder") == std::string::npos);
        }
        auto away = ex.extract(make_item("Mark Chen steps away from OpenAI", make_time(2026, 6, 16),
                                         "The research chief said he would take time off."),
                               nullptr, feed_source("wire", std::nullopt));
        const auto moves = of_kind(away.events, EventKind::PersonnelMove);
        REQUIRE(moves.size() == 1);
        CHECK(text_field(moves[0], "move") == "left");
    }
}

TEST_CASE("blind set D's constructions, in wording of ours", "[extract][grammar]") {
    auto ex = bundled_extractor();
    SECTION("an id in lower case in a changelog's lead: 'Released gpt-6.1-mini and gpt-6.1-nano'") {
        auto out = ex.extract(make_item("API changelog, week 23", make_time(2026, 6, 20),
                                        "Released gpt-6.1-mini and gpt-6.1-nano in the API."),
                              nullptr, feed_source("openai-changelog", std::string("openai")));
        CHECK(find_event(out.events, EventKind::ModelRelease, "gpt-6-1-mini") != nullptr);
        CHECK(find_event(out.events, EventKind::ModelRelease, "gpt-6-1-nano") != nullptr);
    }
    SECTION("another tracked lab's model on a lab's own platform is a rollout, and keeps its maker") {
        auto out = ex.extract(make_item("DeepSeek-V6 available in Vertex AI Model Garden", make_time(2026, 6, 21),
                                        "DeepSeek-V6 is available as a managed API in Model Garden."),
                              nullptr, feed_source("vertex-release-notes", std::string("google")));
        CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
        for (const auto& m : out.discovered_models) {
            CHECK(m.lab == "deepseek");  // the name starts with its maker's
        }
        CHECK(rolled_out_to(out.events, "vertex-ai"));
    }
    SECTION("a sentence's imperative starts no name: 'Download Gemma 5 from Hugging Face'") {
        auto out = ex.extract(make_item("Gemma 5: small open models", make_time(2026, 6, 22),
                                        "Download Gemma 5 in 1B and 4B sizes from Hugging Face."),
                              nullptr, feed_source("google-blog", std::string("google")));
        for (const auto& ev : out.events) {
            CHECK(ev.model.value_or("").find("download") == std::string::npos);
        }
        CHECK(find_event(out.events, EventKind::ModelRelease, "gemma-5") != nullptr);
    }
    SECTION("'whereas the larger X' is another model's clause: the open one stays open") {
        auto out = ex.extract(make_item("GLM-6V-Flash: open visual reasoning", make_time(2026, 6, 23),
                                        "GLM-6V-Flash weights are released under the MIT license, whereas the larger "
                                        "GLM-6V is offered via the API only."),
                              nullptr, feed_source("zai-news", std::string("zhipu")));
        const auto* launch = find_event(out.events, EventKind::ModelRelease, "glm-6v-flash");
        REQUIRE(launch != nullptr);
        CHECK(text_field(*launch, "openness") == "open_weights_permissive");
    }
    SECTION("a yardstick after 'at the same price as' is not what rolls out") {
        auto out =
            ex.extract(make_item("Claude Haiku 6", make_time(2026, 6, 24),
                                 "Claude Haiku 6 is available today in the Claude apps and on Amazon Bedrock, at "
                                 "the same price as Claude Haiku 4.5."),
                       nullptr, feed_source("anthropic-news", std::string("anthropic")));
        for (const auto& ev : of_kind(out.events, EventKind::SurfaceRollout)) {
            CHECK(ev.model == std::optional<std::string>("claude-haiku-6"));
        }
        CHECK(rolled_out_to(out.events, "aws-bedrock"));
    }
}

TEST_CASE("a model weeks old in a headline with no cue is a candidate, an old one is not", "[extract][candidates]") {
    auto ex = bundled_extractor();
    // Llama 3.1 is in the bundled taxonomy, released 2024-07-23.
    const auto headline = "Why Llama 3.1 Changes the Economics of Open Models";
    const auto lead = "A column on what the largest open model means for start-ups.";
    auto fresh =
        ex.extract(make_item(headline, make_time(2024, 8, 1), lead), nullptr, feed_source("newsletter", std::nullopt));
    CHECK(fresh.events.empty());
    REQUIRE(fresh.candidates.size() == 1);
    CHECK(fresh.candidates[0].model == std::optional<std::string>("llama-3-1"));
    auto old =
        ex.extract(make_item(headline, make_time(2025, 8, 1), lead), nullptr, feed_source("newsletter", std::nullopt));
    CHECK(old.candidates.empty());
}

TEST_CASE("a new model's tier from how the item describes it", "[extract][grammar]") {
    auto ex = bundled_extractor();
    auto big = ex.extract(make_item("DeepSeek-V9", make_time(2026, 5, 1),
                                    "DeepSeek-V9, our most capable model yet, "
                                    "is offered through our API only."),
                          nullptr, feed_source("deepseek-news", std::string("deepseek")));
    const auto* flagship = find_event(big.events, EventKind::ModelRelease, "deepseek-v9");
    REQUIRE(flagship != nullptr);
    CHECK(text_field(*flagship, "tier") == "flagship");
    auto small =
        ex.extract(make_item("Qwen9-Edge", make_time(2026, 5, 2),
                             "Qwen9-Edge is a lightweight model for phones, with open weights under Apache 2.0."),
                   nullptr, feed_source("qwen-blog", std::string("qwen")));
    const auto* edge = find_event(small.events, EventKind::ModelRelease, "qwen9-edge");
    REQUIRE(edge != nullptr);
    CHECK(text_field(*edge, "tier") == "small");
}

TEST_CASE("a modified licence is not the licence it modifies", "[extract][license]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Moonshot releases Kimi K9 as an open model", make_time(2026, 4, 22),
                                    "Moonshot AI released Kimi K9, whose weights are free to download under a "
                                    "modified MIT licence."),
                          nullptr, feed_source("wire", std::nullopt));
    const auto* launch = find_event(out.events, EventKind::ModelRelease, "kimi-k9");
    REQUIRE(launch != nullptr);
    CHECK(text_field(*launch, "license") == "LicenseRef-Modified-MIT");
    CHECK(text_field(*launch, "openness") == "open_weights_restricted");
}

TEST_CASE("blind set E's constructions, in wording of ours", "[extract][grammar]") {
    auto ex = bundled_extractor();
    SECTION("a pricing post on a host's feed is no rollout") {
        auto out = ex.extract(make_item("Qwen3 235B now half price on Together", make_time(2026, 5, 10),
                                        "We've cut serverless pricing for Qwen3 235B to $0.20 per million tokens."),
                              nullptr, feed_source("together-blog", std::nullopt));
        CHECK(of_kind(out.events, EventKind::SurfaceRollout).empty());
    }
    SECTION("a cloud region is no model: 'in us-east5 and europe-west9'") {
        auto out = ex.extract(make_item("Codestral 4 available in Model Garden", make_time(2026, 5, 11),
                                        "Codestral 4 is available as a managed model in us-east5 and europe-west9."),
                              nullptr, feed_source("vertex-release-notes", std::string("google")));
        for (const auto& ev : out.events) {
            CHECK(ev.model.value_or("").find("europe") == std::string::npos);
        }
    }
    SECTION("'today's launch' is a noun: what follows is not launched") {
        auto out = ex.extract(make_item("Testing before release", make_time(2026, 5, 12),
                                        "With today's launch we publish our ASL-5 evaluations in full."),
                              nullptr, feed_source("anthropic-news", std::string("anthropic")));
        CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
    }
    SECTION("a model 'outperformed' is a yardstick, not released by the statement") {
        auto out = ex.extract(make_item("Zhipu unveils GLM-6-Max", make_time(2026, 5, 14),
                                        "Zhipu launched GLM-6-Max, a proprietary model, and said it outperformed "
                                        "Claude Opus 4.1 on coding tests."),
                              nullptr, feed_source("wire", std::nullopt));
        CHECK(find_event(out.events, EventKind::ModelRelease, "glm-6-max") != nullptr);
        CHECK(find_event(out.events, EventKind::ModelRelease, "claude-opus-4-1") == nullptr);
    }
    SECTION("a leadership update's lead names who moves") {
        auto out = ex.extract(make_item("An update on our safety leadership", make_time(2026, 5, 15),
                                        "Tom Baker, who has run red-teaming since 2024, will become head of safety."),
                              nullptr, feed_source("openai-news", std::string("openai")));
        const auto moves = of_kind(out.events, EventKind::PersonnelMove);
        REQUIRE(moves.size() == 1);
        CHECK(moves[0].person == std::optional<std::string>("tom-baker"));
    }
}

TEST_CASE("blind set G's constructions: release notes and hosts, in wording of ours", "[extract][rollout]") {
    auto ex = bundled_extractor();
    SECTION("on GitHub Copilot's own changelog a bare 'Copilot' is GitHub Copilot") {
        auto out = ex.extract(make_item("Changelog 2026-08-02", make_time(2026, 8, 2),
                                        "Claude Opus 4.1 is now generally available in Copilot Chat for Business."),
                              nullptr, feed_source("github-copilot-changelog", std::nullopt));
        CHECK(rolled_out_to(out.events, "github-copilot"));
        CHECK_FALSE(rolled_out_to(out.events, "microsoft-copilot"));
    }
    SECTION("a release note's lead naming the model that became available is a rollout, not a review") {
        auto out = ex.extract(make_item("This week on Perplexity", make_time(2026, 8, 3),
                                        "Max subscribers can now pick Claude Opus 4.1 in the model selector."),
                              nullptr, feed_source("perplexity-changelog", std::nullopt));
        CHECK(rolled_out_to(out.events, "perplexity"));
        // Under a headline that is neither a release note nor a model, the lead's cue binding the
        // name is as good (session 13: "can now pick" is an availability cue); the same cue far
        // below the lead stays a review candidate.
        auto plain = ex.extract(make_item("Faster answers for everyone", make_time(2026, 8, 4),
                                          "Max subscribers can now pick Claude Opus 4.1 in the model selector."),
                                nullptr, feed_source("perplexity-changelog", std::nullopt));
        CHECK(rolled_out_to(plain.events, "perplexity"));
        const std::string filler(420, 'x');
        auto far = ex.extract(make_item("Faster answers for everyone", make_time(2026, 8, 5),
                                        "Answers now cite more sources. " + filler +
                                            ". Max subscribers can now pick Claude Opus 4.1 in the model selector."),
                              nullptr, feed_source("perplexity-changelog", std::nullopt));
        CHECK_FALSE(rolled_out_to(far.events, "perplexity"));
        CHECK_FALSE(far.candidates.empty());
    }
}

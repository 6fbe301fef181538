// Constructions read in session 15 (issue 13): terse changelog and host wording, where the
// source's own name says what a short name means.

#include <algorithm>

#include "bundled_extractor.h"
#include "extract_support.h"
#include "support/catch.h"

using fw::make_time;
using fw::test::bundled_extractor;
using fw::test::feed_source;
using fw::test::make_item;
using fw::test::rollout_on;

TEST_CASE("a surface's short name is the fuller one whose other words the source's name says", "[extract][rollout]") {
    auto ex = bundled_extractor();
    const auto item = [](std::string link) {
        return make_item("Gemini 2.5 Pro is rolling out in Copilot Chat", make_time(2026, 10, 2),
                         "Pro and Enterprise plans can pick it from the model menu.", std::move(link));
    };
    SECTION("a GitHub changelog's 'Copilot Chat' is GitHub Copilot") {
        auto out = ex.extract(item("https://example.com/changelog/1"), nullptr, feed_source("GitHub Changelog", {}));
        CHECK(rollout_on(out.events, "gemini-2-5-pro", "github-copilot") != nullptr);
        CHECK(rollout_on(out.events, "gemini-2-5-pro", "microsoft-copilot") == nullptr);
    }
    SECTION("the link's host says it as well") {
        auto out =
            ex.extract(item("https://github.blog/changelog/2026-10-02-gemini"), nullptr, feed_source("changelog", {}));
        CHECK(rollout_on(out.events, "gemini-2-5-pro", "github-copilot") != nullptr);
    }
    SECTION("elsewhere the short name is what the taxonomy says it is") {
        auto out = ex.extract(item("https://example.com/news/1"), nullptr, feed_source("Tech Daily", {}));
        CHECK(rollout_on(out.events, "gemini-2-5-pro", "microsoft-copilot") != nullptr);
        CHECK(rollout_on(out.events, "gemini-2-5-pro", "github-copilot") == nullptr);
    }
}

namespace {

bool has_event(const std::vector<fw::Event>& events, fw::EventKind kind, const std::string& model) {
    return std::any_of(events.begin(), events.end(),
                       [&](const fw::Event& e) { return e.kind == kind && e.model == model; });
}

}  // namespace

TEST_CASE("an evaluator's own feed gives evaluations, not the launches it mentions", "[extract][evals]") {
    auto ex = bundled_extractor();
    const auto item = make_item("Gemini 4 Pro: our first scores on three math benchmarks", make_time(2026, 10, 5),
                                "Google released Gemini 4 Pro on Monday. We ran it through the Gemini API and "
                                "scored it on our math suite; it ranks second on the leaderboard.");
    SECTION("on an evaluator's feed the launch and the API it ran on are background") {
        auto out = ex.extract(item, nullptr, feed_source("Epoch AI", {}));
        CHECK(has_event(out.events, fw::EventKind::ThirdPartyEval, "gemini-4-pro"));
        CHECK_FALSE(has_event(out.events, fw::EventKind::ModelRelease, "gemini-4-pro"));
        CHECK_FALSE(has_event(out.events, fw::EventKind::SurfaceRollout, "gemini-4-pro"));
    }
    SECTION("the same words on a press feed still tell the launch") {
        auto out = ex.extract(item, nullptr, feed_source("Tech Daily", {}));
        CHECK(has_event(out.events, fw::EventKind::ModelRelease, "gemini-4-pro"));
    }
}

TEST_CASE("a host's openness words about a model it serves release nothing unless the launch is now",
          "[extract][releases]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("Cloud What's New", {});
    const auto notice = [](const std::string& model, const std::string& when) {
        return model + " from Mistral AI is now available" + when +
               " as a fully managed model in Amazon Bedrock, expanding the choice of open-weight models customers "
               "can use.";
    };
    SECTION("a served model described as open-weight is no launch of it") {
        auto out = ex.extract(make_item("Mistral Medium 4 now available in Amazon Bedrock", make_time(2026, 10, 6),
                                        notice("Mistral Medium 4", "")),
                              nullptr, source);
        CHECK(rollout_on(out.events, "mistral-medium-4", "aws-bedrock") != nullptr);
        CHECK_FALSE(has_event(out.events, fw::EventKind::ModelRelease, "mistral-medium-4"));
        CHECK_FALSE(has_event(out.events, fw::EventKind::WeightsRelease, "mistral-medium-4"));
    }
    SECTION("on launch day the same notice tells the release") {
        auto out = ex.extract(make_item("Mistral Medium 5 now available in Amazon Bedrock", make_time(2026, 10, 7),
                                        notice("Mistral Medium 5", " on launch day")),
                              nullptr, source);
        CHECK(rollout_on(out.events, "mistral-medium-5", "aws-bedrock") != nullptr);
        CHECK(has_event(out.events, fw::EventKind::WeightsRelease, "mistral-medium-5"));
    }
}

TEST_CASE("a board's own headline with a rank is its evaluation", "[extract][evals]") {
    auto ex = bundled_extractor();
    const auto board = feed_source("LMArena Changelog", {});
    SECTION("'#N' in the headline of the board's feed") {
        auto out = ex.extract(make_item("Gemini 2.5 Pro: #3 in Vision after 5K votes", make_time(2026, 10, 8)), nullptr,
                              board);
        CHECK(has_event(out.events, fw::EventKind::ThirdPartyEval, "gemini-2-5-pro"));
    }
    SECTION("without a rank the same feed's mention is for review") {
        auto out =
            ex.extract(make_item("Gemini 2.5 Pro: what voters asked it most", make_time(2026, 10, 8)), nullptr, board);
        CHECK_FALSE(has_event(out.events, fw::EventKind::ThirdPartyEval, "gemini-2-5-pro"));
    }
    SECTION("on a feed of no evaluator '#N' numbers an issue") {
        auto out = ex.extract(make_item("Weekly notes #3: Gemini 2.5 Pro", make_time(2026, 10, 8)), nullptr,
                              feed_source("Tech Daily", {}));
        CHECK_FALSE(has_event(out.events, fw::EventKind::ThirdPartyEval, "gemini-2-5-pro"));
    }
}

namespace {

const fw::Event* move_of(const std::vector<fw::Event>& events, const std::string& person) {
    const auto it = std::find_if(events.begin(), events.end(), [&](const fw::Event& e) {
        return e.kind == fw::EventKind::PersonnelMove && e.person == person;
    });
    return it == events.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("a roundup's line that opens with a tracked person is a story of its own", "[extract][people]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("Model Hub Blog", {});
    SECTION("a move told in one line among other news") {
        auto out = ex.extract(make_item("Community roundup #12", make_time(2026, 10, 9),
                                        "Spaces: dark mode is live for everyone\n"
                                        "Junyang Lin has left Alibaba to start a new lab\n"
                                        "Datasets: streaming is twice as fast"),
                              nullptr, source);
        const auto* move = move_of(out.events, "junyang-lin");
        REQUIRE(move != nullptr);
        CHECK(fw::test::text_field(*move, "move") == "left");
    }
    SECTION("a line naming the person later is no story of theirs") {
        auto out = ex.extract(make_item("Community roundup #13", make_time(2026, 10, 16),
                                        "Spaces: dark mode is live for everyone\n"
                                        "A new interview where the host asks whether Junyang Lin has left Alibaba\n"
                                        "Datasets: streaming is twice as fast"),
                              nullptr, source);
        CHECK(move_of(out.events, "junyang-lin") == nullptr);
    }
}

TEST_CASE("wire headlines of moves: a return, a chair, a successor, an exit", "[extract][people]") {
    auto ex = bundled_extractor();
    const auto wire = feed_source("Newswire", {});
    const auto move_in = [&](const std::string& headline) {
        auto out = ex.extract(make_item(headline, make_time(2026, 10, 10)), nullptr, wire);
        const auto* move = move_of(out.events, "jan-leike");
        return move == nullptr ? std::string("none") : fw::test::text_field(*move, "move");
    };
    CHECK(move_in("Jan Leike returns to OpenAI after two years") == "joined");
    CHECK(move_in("Jan Leike rejoins OpenAI") == "joined");
    CHECK(move_in("Jan Leike to chair new Anthropic safety board") == "role_change");
    CHECK(move_in("Jan Leike takes over Anthropic's alignment team") == "role_change");
    CHECK(move_in("Jan Leike out at Anthropic") == "left");
    // A return that is no move: a model's answers, a person's remarks.
    CHECK(move_in("Jan Leike's essay returns to the question of scalable oversight") == "none");
}

TEST_CASE("a release note's removed models arrive nowhere, a new name and a coordinated subject too",
          "[extract][rollout]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Windsurf 2.0.1: GPT-7.2 is here", make_time(2026, 10, 12),
                                    "New\nGPT-7.2 is now in the model picker.\nRemoved\n"
                                    "GPT-7.1 and o9 have been removed from the model picker."),
                          nullptr, feed_source("Windsurf Changelog", {}));
    CHECK(rollout_on(out.events, "gpt-7-2", "windsurf") != nullptr);
    CHECK(rollout_on(out.events, "gpt-7-1", "windsurf") == nullptr);
}

TEST_CASE("the links a related-posts heading opens are other posts, not this one's news", "[extract][text]") {
    auto ex = bundled_extractor();
    const auto post = [](const std::string& heading) {
        return make_item("Gemini 2.5 Pro gets a cheaper batch tier", make_time(2026, 10, 13),
                         "Batch requests now cost half as much.\n" + heading +
                             "\nClaude Sonnet 4.5 is now available in Amazon Bedrock\nOur summit recap");
    };
    auto with_heading = ex.extract(post("Related posts"), nullptr, feed_source("Tech Daily", {}));
    CHECK(rollout_on(with_heading.events, "claude-sonnet-4-5", "aws-bedrock") == nullptr);
    // Without the heading the line is the post's own.
    auto without = ex.extract(post("Also this week"), nullptr, feed_source("Tech Daily", {}));
    CHECK(rollout_on(without.events, "claude-sonnet-4-5", "aws-bedrock") != nullptr);
}

TEST_CASE("a host's short model posts: the tag under its maker's words, the host's own command", "[extract][rollout]") {
    auto ex = bundled_extractor();
    const auto host = feed_source("Ollama Blog", {});
    SECTION("a tag headline over a lead that names the maker and calls it a model") {
        auto out = ex.extract(make_item("magistral-4:24b", make_time(2026, 10, 14),
                                        "Mistral's new reasoning model. 128K context, Apache 2.0."),
                              nullptr, host);
        CHECK(rollout_on(out.events, "magistral-4", "ollama") != nullptr);
    }
    SECTION("a tag headline over a lead with no maker stays out") {
        auto out = ex.extract(make_item("magistral-4:24b", make_time(2026, 10, 14), "Fast and small. 128K context."),
                              nullptr, host);
        CHECK(rollout_on(out.events, "magistral-4", "ollama") == nullptr);
    }
    const auto command_post = [&](const std::string& command) {
        return ex.extract(make_item("Gemini 2.5 Pro, locally", make_time(2026, 10, 15),
                                    "Quantized builds for laptops.\n" + command + " pull gemini-2.5-pro"),
                          nullptr, host);
    };
    // The host's command fetching the model; a command of another tool is no arrival on the host.
    CHECK(rollout_on(command_post("ollama").events, "gemini-2-5-pro", "ollama") != nullptr);
    CHECK(rollout_on(command_post("docker").events, "gemini-2-5-pro", "ollama") == nullptr);
}

TEST_CASE("a Hub link is the repo's only when it links a model repo", "[extract][releases]") {
    auto ex = bundled_extractor();
    const auto hub = feed_source("Model Hub Blog", {});
    SECTION("an organisation's page leaves the weights to the launch's own words") {
        auto out = ex.extract(make_item("Qwen4 weights are on the Hub", make_time(2026, 10, 16),
                                        "Qwen4 dropped today: 6 checkpoints, all Apache-2.0, at huggingface.co/Qwen."),
                              nullptr, hub);
        CHECK(has_event(out.events, fw::EventKind::WeightsRelease, "qwen4"));
    }
    SECTION("a collection page is no repo of a model called 'google'") {
        auto item = make_item("Gemma 9 is here", make_time(2026, 10, 17), "Download the weights on Hugging Face.");
        item.entry.content =
            "<p>Download the weights on <a href=\"https://huggingface.co/collections/google/gemma-9\">"
            "Hugging Face</a>.</p>";
        auto out = ex.extract(item, nullptr, feed_source("Google DeepMind Blog", std::string("google")));
        for (const auto& e : out.events) {
            CHECK(fw::test::text_field(e, "repo") != "collections/google");
        }
    }
}

TEST_CASE("a lab's new name that its lead makes a tracked model's relative is a model", "[extract][releases]") {
    auto ex = bundled_extractor();
    const auto meta = feed_source();
    SECTION("'a lighter sibling to Muse Spark': a release, its name without the headline's emoji") {
        auto out = ex.extract(make_item("Introducing Muse Blaze ⚡", make_time(2026, 10, 18),
                                        "A faster, lighter sibling to Muse Spark, in the Meta AI app today."),
                              nullptr, meta);
        CHECK(has_event(out.events, fw::EventKind::ModelRelease, "muse-blaze"));
        REQUIRE(out.discovered_models.size() >= 1);
        CHECK(out.discovered_models.front().name == "Muse Blaze");
    }
    SECTION("a yardstick is no relative: 'faster than Muse Spark' names a product, not a model") {
        auto out = ex.extract(make_item("Introducing Muse Lens", make_time(2026, 10, 18),
                                        "Photo search that is faster than Muse Spark at finding your pictures."),
                              nullptr, meta);
        CHECK_FALSE(has_event(out.events, fw::EventKind::ModelRelease, "muse-lens"));
    }
}

namespace {

bool candidate_of_model(const fw::extract::ExtractOutput& out, const std::string& model) {
    return std::any_of(out.candidates.begin(), out.candidates.end(),
                       [&](const fw::Candidate& c) { return c.model == model; });
}

}  // namespace

TEST_CASE("a digest's story opened by a new model's possessive or a coined camel-case word goes to review",
          "[extract][candidates]") {
    auto ex = bundled_extractor();
    const auto digest = feed_source("Weekly Digest", {});
    const auto issue = [&](const std::string& headline) {
        return ex.extract(make_item(headline, make_time(2026, 10, 20), "This week in AI."), nullptr, digest);
    };
    CHECK(candidate_of_model(issue("Vega.2 Pro’s Sharper Sketches, Chip Tariffs Bite, Robots Fold Laundry"),
                             "vega-2-pro"));
    CHECK(
        candidate_of_model(issue("StoryForge Narrows The Gap, Chip Tariffs Bite, Robots Fold Laundry"), "storyforge"));
    // A plain capitalised word is anyone's name: no candidate.
    CHECK_FALSE(
        candidate_of_model(issue("Storyforge Narrows The Gap, Chip Tariffs Bite, Robots Fold Laundry"), "storyforge"));
}

TEST_CASE("the Hub's own item titled by a tracked lab's repo id is weights of that model", "[extract][repo]") {
    auto ex = bundled_extractor();
    const auto hub = feed_source("Hugging Face", {});
    const auto weights_of = [](const fw::extract::ExtractOutput& out) {
        std::vector<std::string> models;
        for (const auto& e : out.events) {
            if (e.kind == fw::EventKind::WeightsRelease && e.model) {
                models.push_back(*e.model);
            }
        }
        return models;
    };
    SECTION("a checkpoint's size and date stamp name no other model") {
        auto out =
            ex.extract(make_item("mistralai/Devstral-4-24B-2611 trending", make_time(2026, 11, 2),
                                 "Apache-2.0 · 24B params", "https://huggingface.co/mistralai/Devstral-4-24B-2611"),
                       nullptr, hub);
        CHECK(weights_of(out) == std::vector<std::string>{"devstral-4"});
    }
    SECTION("a dataset's id reads the same; its link says it is no model") {
        auto out = ex.extract(make_item("mistralai/Devstral-4-evals trending", make_time(2026, 11, 2), "",
                                        "https://huggingface.co/datasets/mistralai/Devstral-4-evals"),
                              nullptr, hub);
        CHECK(weights_of(out).empty());
    }
    SECTION("a repo id titling an item elsewhere is no weights") {
        auto out = ex.extract(make_item("mistralai/Devstral-4-24B-2611 trending", make_time(2026, 11, 2),
                                        "Apache-2.0 · 24B params", "https://example.com/trending/1"),
                              nullptr, feed_source("Tech Daily", {}));
        CHECK(weights_of(out).empty());
    }
}

TEST_CASE("a model 'now callable through' a host arrives there", "[extract][rollout]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Gemini 2.5 Pro for everyone", make_time(2026, 11, 3),
                                    "Gemini 2.5 Pro is now callable through Together with the same endpoint."),
                          nullptr, feed_source("Together AI Changelog", {}));
    CHECK(rollout_on(out.events, "gemini-2-5-pro", "together-ai") != nullptr);
}

TEST_CASE("a wire service's headline tag is no part of the story", "[extract][text]") {
    auto ex = bundled_extractor();
    const auto wire = feed_source("Newswire", {});
    auto out =
        ex.extract(make_item("UPDATE 2-Mistral unveils Mistral Medium 5, puts it in Le Chat", make_time(2026, 11, 4)),
                   nullptr, wire);
    CHECK(has_event(out.events, fw::EventKind::ModelRelease, "mistral-medium-5"));
    for (const auto& e : out.events) {
        CHECK(e.model != std::optional<std::string>("update-2-mistral"));
    }
    // A model whose name is written in capitals keeps it.
    auto caps = ex.extract(make_item("GLM-5 arrives on Amazon Bedrock", make_time(2026, 11, 5)), nullptr, wire);
    CHECK(rollout_on(caps.events, "glm-5", "aws-bedrock") != nullptr);
}

TEST_CASE("a move someone is weighing goes to review, not to the events", "[extract][people]") {
    auto ex = bundled_extractor();
    const auto wire = feed_source("Newswire", {});
    auto weighing = ex.extract(
        make_item("Sources: Jan Leike is weighing an exit from Anthropic", make_time(2026, 11, 6)), nullptr, wire);
    CHECK(move_of(weighing.events, "jan-leike") == nullptr);
    CHECK(std::any_of(weighing.candidates.begin(), weighing.candidates.end(), [](const fw::Candidate& c) {
        return c.suggested_kind == std::optional<fw::EventKind>(fw::EventKind::PersonnelMove);
    }));
    auto made = ex.extract(make_item("Sources: Jan Leike exits Anthropic", make_time(2026, 11, 6)), nullptr, wire);
    CHECK(move_of(made.events, "jan-leike") != nullptr);
}

TEST_CASE("a known model's sizes are its checkpoints unless the taxonomy names sizes apart", "[extract][names]") {
    auto ex = bundled_extractor();
    const auto host = feed_source("Together AI Changelog", {});
    ex.extract(make_item("Gemma 9 is live", make_time(2026, 11, 7), "Gemma 9 from Google is now available."), nullptr,
               host);
    auto sized = ex.extract(make_item("Added: Gemma 9 27B to the free tier", make_time(2026, 11, 8)), nullptr, host);
    CHECK(rollout_on(sized.events, "gemma-9", "together-ai") != nullptr);
    CHECK(rollout_on(sized.events, "gemma-9-27b", "together-ai") == nullptr);
    // gpt-oss's sizes are models of their own in the taxonomy (gpt-oss-120b, gpt-oss-20b).
    auto apart = ex.extract(make_item("Added: gpt-oss-120b to the free tier", make_time(2026, 11, 9)), nullptr, host);
    CHECK(rollout_on(apart.events, "gpt-oss-120b", "together-ai") != nullptr);
}

TEST_CASE("'supported models including X' qualifies models; it tells no arrival", "[extract][rollout]") {
    auto ex = bundled_extractor();
    const auto cloud = feed_source("Cloud What's New", {});
    auto out = ex.extract(make_item("Amazon Bedrock cuts batch prices", make_time(2026, 11, 10),
                                    "Amazon Bedrock now offers batch inference at half price for supported models "
                                    "including Claude Sonnet 4.5 and Gemini 2.5 Pro."),
                          nullptr, cloud);
    CHECK(rollout_on(out.events, "claude-sonnet-4-5", "aws-bedrock") == nullptr);
    auto verb = ex.extract(make_item("Amazon Bedrock adds Claude Sonnet 4.5", make_time(2026, 11, 11),
                                     "Amazon Bedrock supported Claude Sonnet 4.5 from its first day."),
                           nullptr, cloud);
    CHECK(rollout_on(verb.events, "claude-sonnet-4-5", "aws-bedrock") != nullptr);
}

TEST_CASE("a lab's new name told only as arriving on its own feed is launched there", "[extract][releases]") {
    auto ex = bundled_extractor();
    const auto mistral = feed_source("Mistral AI News", std::string("mistral"));
    auto out =
        ex.extract(make_item("Mistral Medium 7 now in the API", make_time(2026, 11, 12), "Priced at $0.40 per 1M."),
                   nullptr, mistral);
    CHECK(rollout_on(out.events, "mistral-medium-7", "mistral-api") != nullptr);
    CHECK(has_event(out.events, fw::EventKind::ModelRelease, "mistral-medium-7"));
    // A checkpoint's API id is no new model; a host's feed launches nothing of a lab's.
    auto id = ex.extract(make_item("mistral-medium-2611 now in the API", make_time(2026, 11, 13)), nullptr, mistral);
    CHECK_FALSE(has_event(id.events, fw::EventKind::ModelRelease, "mistral-medium-2611"));
    auto host = ex.extract(make_item("Mistral Medium 8 now on Together AI", make_time(2026, 11, 14)), nullptr,
                           feed_source("Together AI Changelog", {}));
    CHECK(rollout_on(host.events, "mistral-medium-8", "together-ai") != nullptr);
    CHECK_FALSE(has_event(host.events, fw::EventKind::ModelRelease, "mistral-medium-8"));
}

TEST_CASE("an evaluator's 'evals' of tracked models are evaluations; a new name of no maker is for review",
          "[extract][evals]") {
    auto ex = bundled_extractor();
    const auto aisi = feed_source("AI Security Institute", {});
    auto evals = ex.extract(make_item("Autonomy evals: Gemini 2.5 Pro and Claude Sonnet 4.5", make_time(2026, 11, 15)),
                            nullptr, aisi);
    CHECK(has_event(evals.events, fw::EventKind::ThirdPartyEval, "gemini-2-5-pro"));
    CHECK(has_event(evals.events, fw::EventKind::ThirdPartyEval, "claude-sonnet-4-5"));
    auto tool = ex.extract(
        make_item("Toolkit 2.1 released", make_time(2026, 11, 16), "Our evals framework gets faster."), nullptr, aisi);
    CHECK_FALSE(has_event(tool.events, fw::EventKind::ThirdPartyEval, "toolkit-2-1"));
}

TEST_CASE("a coding tool's 'in the X provider' puts a model in the tool", "[extract][rollout]") {
    auto ex = bundled_extractor();
    const auto tool = feed_source("OpenCode Releases", {});
    auto added = ex.extract(make_item("v2.4.0", make_time(2026, 11, 17),
                                      "Gemini 2.5 Pro under the Google provider. Faster session loading."),
                            nullptr, tool);
    CHECK(rollout_on(added.events, "gemini-2-5-pro", "opencode") != nullptr);
    auto outage = ex.extract(make_item("v2.4.1", make_time(2026, 11, 18),
                                       "Gemini 2.5 Pro requests failed because of an upstream provider issue."),
                             nullptr, tool);
    CHECK(rollout_on(outage.events, "gemini-2-5-pro", "opencode") == nullptr);
}

TEST_CASE("a host's headline labelled 'New:' over a model is its arrival", "[extract][rollout]") {
    auto ex = bundled_extractor();
    const auto host = feed_source("Together AI Changelog", {});
    auto labelled = ex.extract(make_item("New: Gemini 2.5 Pro (serverless)", make_time(2026, 11, 19)), nullptr, host);
    CHECK(rollout_on(labelled.events, "gemini-2-5-pro", "together-ai") != nullptr);
    auto feature =
        ex.extract(make_item("Fine-tuning: Gemini 2.5 Pro adapters", make_time(2026, 11, 20)), nullptr, host);
    CHECK(rollout_on(feature.events, "gemini-2-5-pro", "together-ai") == nullptr);
}

TEST_CASE("a checkpoint's repo id under a model released in the same item is no model of its own",
          "[extract][releases]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Mistral Small 4.2", make_time(2026, 11, 21),
                                    "24B, Apache 2.0. Weights: mistralai/Mistral-Small-4.2-24B-Instruct-2608"),
                          nullptr, feed_source("Mistral AI News", std::string("mistral")));
    CHECK(has_event(out.events, fw::EventKind::ModelRelease, "mistral-small-4-2"));
    for (const auto& e : out.events) {
        CHECK(e.model != std::optional<std::string>("mistral-small-4-2-24b-instruct-2608"));
    }
}

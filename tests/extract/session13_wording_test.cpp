// Constructions read in session 13 (issue 13), from sets written blind to the rules by other
// authors (coding tools' release notes, hosts' model pages, evaluators' posts on several models)
// and tried here in wording of ours: a fix or a withdrawal binds to its own clause, a statement
// after a semicolon has its own subject, a release note's entry that adds a model, a host's model
// page, a model as the subject of a board's verb, a study as the subject of an evaluation verb,
// and a number with its unit after a name.

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
using fw::test::rollout_to;
using fw::test::text_field;

namespace {

/// Whether `model` rolled out to `surface`.
bool rolled_out(const std::vector<fw::Event>& events, const std::string& model, const std::string& surface) {
    return fw::test::rollout_on(events, model, surface) != nullptr;
}

}  // namespace

TEST_CASE("a fix binds to its own clause, not to the arrival beside it", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("claude-code-changelog", std::string("anthropic"));
    SECTION("'now available in X; fixed a hang' is an arrival") {
        auto out = ex.extract(make_item("4.2.0", make_time(2026, 9, 1),
                                        "Claude Haiku 5 is now available in Claude Code; fixed a hang when resuming "
                                        "sessions."),
                              nullptr, source);
        CHECK(rolled_out(out.events, "claude-haiku-5", "claude-code"));
    }
    SECTION("a fix whose own clause names the model is none") {
        auto out = ex.extract(make_item("4.2.1", make_time(2026, 9, 2),
                                        "Fixed an issue where Claude Haiku 5 was not available in Claude Code."),
                              nullptr, source);
        CHECK(rollout_to(out.events, "claude-code") == nullptr);
    }
}

TEST_CASE("a tool's release note: what replaces, joins or is added arrives; what it replaces does not",
          "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("zed-changelog", std::nullopt);
    SECTION("'X replaces Y as the default'") {
        auto out = ex.extract(make_item("v0.300.0", make_time(2026, 9, 1),
                                        "Mistral Large 4 replaces Codestral 2 as the default completion model."),
                              nullptr, source);
        CHECK(rolled_out(out.events, "mistral-large-4", "zed"));
        CHECK_FALSE(rolled_out(out.events, "codestral-2", "zed"));
    }
    SECTION("'X joins the list; local models served through Y' puts nothing on Y") {
        auto out = ex.extract(make_item("v0.300.1", make_time(2026, 9, 2),
                                        "Qwen4-Max joins the list of hosted models; local models served through LM "
                                        "Studio now stream faster."),
                              nullptr, source);
        CHECK(rolled_out(out.events, "qwen4-max", "zed"));
        CHECK(rollout_to(out.events, "lm-studio") == nullptr);
    }
    SECTION("an entry that adds the model, with its variant word") {
        auto out = ex.extract(make_item("v0.300.2", make_time(2026, 9, 3),
                                        "Inline assist: added Kimi K3 Thinking to the Moonshot provider. Improved "
                                        "startup time."),
                              nullptr, source);
        const auto* e = rollout_to(out.events, "zed");
        REQUIRE(e != nullptr);
        CHECK(e->model == std::optional<std::string>("kimi-k3-thinking"));
        CHECK(e->confidence >= 0.6);
    }
    SECTION("an entry that adds something else to the model's options stays for review") {
        auto out = ex.extract(make_item("v0.300.3", make_time(2026, 9, 4),
                                        "Added a toggle for word wrap; added icons to the Claude Haiku 5 entries."),
                              nullptr, source);
        CHECK(rollout_to(out.events, "zed") == nullptr);
    }
    SECTION("'can now be used' and 'now includes'") {
        auto used =
            ex.extract(make_item("v0.300.4", make_time(2026, 9, 5), "Grok 5 can now be used in the agent panel."),
                       nullptr, source);
        CHECK(rolled_out(used.events, "grok-5", "zed"));
        auto includes =
            ex.extract(make_item("v0.300.5", make_time(2026, 9, 6), "Zed Pro now includes Ernie 6 as a hosted model."),
                       nullptr, source);
        CHECK(rolled_out(includes.events, "ernie-6", "zed"));
    }
}

TEST_CASE("a host's model page puts the model on the host", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("ollama-library", std::nullopt);
    SECTION("the tag in the headline, the maker's name in the lead") {
        auto out = ex.extract(make_item("orca4", make_time(2026, 9, 1),
                                        "Orca 4 models from Microsoft in 7B and 14B sizes, tuned for step-by-step "
                                        "reasoning."),
                              nullptr, source);
        const auto* e = rollout_to(out.events, "ollama");
        REQUIRE(e != nullptr);
        CHECK(e->model == std::optional<std::string>("orca-4"));
        CHECK(e->lab == std::optional<std::string>("microsoft"));
    }
    SECTION("a tag with its size after a colon") {
        auto out = ex.extract(make_item("orca4:14b", make_time(2026, 9, 2),
                                        "Orca 4 from Microsoft, the 14B size, for laptops with 16 GB of memory."),
                              nullptr, source);
        CHECK(rollout_to(out.events, "ollama") != nullptr);
    }
    SECTION("the host's own release is no model page") {
        auto out = ex.extract(make_item("Ollama 0.13 is out", make_time(2026, 9, 3),
                                        "Faster model downloads and a new engine for vision models."),
                              nullptr, source);
        CHECK(out.events.empty());
    }
    SECTION("a tag the lead names otherwise is not read as the lead's model") {
        auto out = ex.extract(
            make_item("orca4", make_time(2026, 9, 4), "Phi-6 from Microsoft, a small model for phones and laptops."),
            nullptr, source);
        CHECK_FALSE(rolled_out(out.events, "phi-6", "ollama"));
    }
}

TEST_CASE("evaluators: a model as the subject of a board's verb, a study as the subject of a test",
          "[extract][grammar][eval]") {
    auto ex = bundled_extractor();
    SECTION("'X enters the arena at #5'") {
        auto out = ex.extract(
            make_item("Arena update", make_time(2026, 9, 1), "After 9,000 votes, Ernie 6 enters the Text Arena at #5."),
            nullptr, feed_source("lmarena-blog", std::nullopt));
        const auto* e = find_event(out.events, EventKind::ThirdPartyEval, "ernie-6");
        REQUIRE(e != nullptr);
        CHECK(text_field(*e, "evaluator") == "lmarena");
    }
    SECTION("'our study tests X and Y'") {
        auto out = ex.extract(make_item("Covert actions under pressure", make_time(2026, 9, 2),
                                        "Our new study tests Claude Haiku 5 and Grok 5 in settings where lying "
                                        "would pay."),
                              nullptr, feed_source("apollo-research-blog", std::nullopt));
        CHECK(of_kind(out.events, EventKind::ThirdPartyEval).size() == 2);
        CHECK(find_event(out.events, EventKind::ThirdPartyEval, "claude-haiku-5") != nullptr);
        CHECK(find_event(out.events, EventKind::ThirdPartyEval, "grok-5") != nullptr);
    }
}

TEST_CASE("a number with its unit after a name is a quantity, not the name's", "[extract][grammar][names]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Grok 5 40% cheaper on the API from today", make_time(2026, 9, 3),
                                    "Prices for Grok 5 fall today for every developer."),
                          nullptr, feed_source("xai-news", std::string("xai")));
    REQUIRE_FALSE(out.candidates.empty());
    CHECK(out.candidates.front().model == std::optional<std::string>("grok-5"));
}

TEST_CASE("a document's type before a colon names the model after it", "[extract][grammar][eval]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Risk report: Claude Opus 6", make_time(2026, 9, 1),
                                    "Our risk report for Claude Opus 6 sets out why the model stays below the "
                                    "thresholds."),
                          nullptr, feed_source("frontier-safety-blog", std::string("anthropic")));
    const auto* e = find_event(out.events, EventKind::EvalReport, "claude-opus-6");
    REQUIRE(e != nullptr);
    CHECK(e->lab == std::optional<std::string>("anthropic"));
}

TEST_CASE("a wire headline's infinitive is a move, and yields to a finite verb", "[extract][grammar][people]") {
    auto ex = bundled_extractor();
    SECTION("'X to lead a new team'") {
        auto out = ex.extract(make_item("Jan Leike to lead new oversight team at Anthropic", make_time(2026, 9, 1),
                                        "The team will stress-test safety cases."),
                              nullptr, feed_source("wire", std::nullopt));
        const auto moves = of_kind(out.events, EventKind::PersonnelMove);
        REQUIRE(moves.size() == 1);
        CHECK(moves.front().person == std::optional<std::string>("jan-leike"));
    }
    SECTION("'Microsoft hires X to run ...' is a hire, not a role change") {
        auto out = ex.extract(make_item("Microsoft hires Jan Leike to run a new safety lab", make_time(2026, 9, 2),
                                        "He starts in October."),
                              nullptr, feed_source("wire", std::nullopt));
        const auto moves = of_kind(out.events, EventKind::PersonnelMove);
        REQUIRE(moves.size() == 1);
        CHECK(text_field(moves.front(), "move") == "joined");
    }
}

TEST_CASE("a model the release note withdraws is no subject of its arrivals", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("windsurf-changelog", std::nullopt);
    auto removed = ex.extract(make_item("2.0.1", make_time(2026, 9, 1),
                                        "New review mode for diffs. Added support for Ernie 6 (beta) for Pro users. "
                                        "Grok 3 has been removed from the model picker."),
                              nullptr, source);
    CHECK_FALSE(rolled_out(removed.events, "grok-3", "windsurf"));
    auto leaving = ex.extract(make_item("2.0.2", make_time(2026, 9, 2),
                                        "Grok 3 will leave the model picker on May 1. Grok 5 is now available to "
                                        "all users."),
                              nullptr, source);
    CHECK_FALSE(rolled_out(leaving.events, "grok-3", "windsurf"));
    CHECK(rolled_out(leaving.events, "grok-5", "windsurf"));
}

TEST_CASE("a licence named after a model is not the model", "[extract][grammar][names]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(
        make_item("Open-sourcing our wearable model", make_time(2026, 9, 1),
                  "Today we are publishing the weights of Muse Spark Lite, a 4B-parameter model that runs on Ray-Ban "
                  "Meta glasses, on Hugging Face under the Llama 4 Community License."),
        nullptr, feed_source("engineering-at-meta", std::string("meta")));
    for (const auto& e : out.events) {
        CHECK(e.model != std::optional<std::string>("llama-4-maverick"));
    }
    // The headline's "our ... model" is the one the lead names: its launch, with its weights.
    const auto* release = find_event(out.events, EventKind::ModelRelease, "muse-spark-lite");
    REQUIRE(release != nullptr);
    CHECK(text_field(*release, "license") == "LicenseRef-Llama-4-Community");
    CHECK(find_event(out.events, EventKind::WeightsRelease, "muse-spark-lite") != nullptr);
    CHECK(rolled_out(out.events, "muse-spark-lite", "ray-ban-meta-glasses"));
}

TEST_CASE("a host's or a tool's feed tells arrivals, not launches", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    SECTION("'X now live on <host>' is a rollout there and no release") {
        auto out = ex.extract(make_item("Grok 5 now live on Fireworks", make_time(2026, 9, 1),
                                        "Grok 5 is now available on Fireworks serverless."),
                              nullptr, feed_source("fireworks-blog", std::nullopt));
        CHECK(rolled_out(out.events, "grok-5", "fireworks-ai"));
        CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
    }
    SECTION("a licence in parentheses describes what is served: no weights release, no name") {
        auto out = ex.extract(make_item("This week on Together: two new open models", make_time(2026, 9, 2),
                                        "Mistral Small 5 (Apache 2.0) and Grok 3 are now available on serverless "
                                        "inference."),
                              nullptr, feed_source("together-blog", std::nullopt));
        CHECK(rolled_out(out.events, "mistral-small-5", "together-ai"));
        CHECK(rolled_out(out.events, "grok-3", "together-ai"));
        CHECK(of_kind(out.events, EventKind::WeightsRelease).empty());
        CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
    }
    SECTION("a router's page titled with the maker's account and the model's id") {
        auto out = ex.extract(make_item("x-ai/grok-5-fast", make_time(2026, 9, 3),
                                        "xAI's Grok 5 Fast, a tool-calling model, is now routable on OpenRouter."),
                              nullptr, feed_source("openrouter-announcements", std::nullopt));
        const auto rollouts = of_kind(out.events, EventKind::SurfaceRollout);
        REQUIRE(rollouts.size() == 1);
        CHECK(rollouts.front().model == std::optional<std::string>("grok-5-fast"));
    }
    SECTION("'What we shipped in July' is a release note, not the host's own work") {
        auto out = ex.extract(make_item("What we shipped in July", make_time(2026, 9, 4),
                                        "Grok 5 is now in the model selector for Pro users; Labs renders charts "
                                        "faster."),
                              nullptr, feed_source("perplexity-hub", std::nullopt));
        CHECK(rolled_out(out.events, "grok-5", "perplexity"));
    }
    SECTION("a negation in parentheses binds to the parenthesis") {
        auto out = ex.extract(make_item("Windsurf 2.1.1", make_time(2026, 9, 5),
                                        "Added: Grok 5 in the model picker for Pro users (not on the Free plan). "
                                        "Fixed: a crash on Linux."),
                              nullptr, feed_source("windsurf-changelog", std::nullopt));
        CHECK(rolled_out(out.events, "grok-5", "windsurf"));
    }
    SECTION("'you can choose X and Y in <tool>'") {
        auto out = ex.extract(make_item("Two new models in AI Assistant", make_time(2026, 9, 6),
                                        "Starting today you can choose Grok 5 and Claude Haiku 5 in AI Assistant "
                                        "chat."),
                              nullptr, feed_source("jetbrains-ai-blog", std::nullopt));
        CHECK(rolled_out(out.events, "grok-5", "jetbrains-ai"));
        CHECK(rolled_out(out.events, "claude-haiku-5", "jetbrains-ai"));
    }
}

TEST_CASE("general availability in a surface, and a stage in parentheses after it", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    auto ga = ex.extract(make_item("Now stable: our fastest model for production", make_time(2026, 9, 1),
                                   "Gemini 3.5 Flash moves from preview to general availability in the Gemini API "
                                   "and Vertex AI today."),
                         nullptr, feed_source("google-developers", std::string("google")));
    CHECK(rolled_out(ga.events, "gemini-3-5-flash", "gemini-api"));
    CHECK(rolled_out(ga.events, "gemini-3-5-flash", "vertex-ai"));
    auto beta = ex.extract(make_item("Devstral 4 lands in Mistral Vibe (beta)", make_time(2026, 9, 2),
                                     "Devstral 4 powers Vibe CLI starting today."),
                           nullptr, feed_source("mistral-news", std::string("mistral")));
    const auto* e = rollout_to(beta.events, "mistral-vibe");
    REQUIRE(e != nullptr);
    CHECK(text_field(*e, "stage") == "preview");
}

TEST_CASE("'we ran our suite on X and Y' evaluates both", "[extract][grammar][eval]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Scheming evaluations: autumn update", make_time(2026, 9, 1),
                                    "We ran our covert-action suite on Grok 5 and Claude Haiku 5; rates were low."),
                          nullptr, feed_source("apollo-research", std::nullopt));
    CHECK(find_event(out.events, EventKind::ThirdPartyEval, "grok-5") != nullptr);
    CHECK(find_event(out.events, EventKind::ThirdPartyEval, "claude-haiku-5") != nullptr);
}

TEST_CASE("a host's 'our ... yet, now on <host>' headline is an arrival, its lead names the model",
          "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Our fastest long-context model yet, now on GroqCloud", make_time(2026, 9, 1),
                                    "Meta's Llama 4 Maverick is available to every GroqCloud developer today."),
                          nullptr, feed_source("groq-blog", std::nullopt));
    CHECK(rolled_out(out.events, "llama-4-maverick", "groqcloud"));
    // The host's own work stays its own.
    auto own = ex.extract(make_item("Our new compiler for faster inference", make_time(2026, 9, 2),
                                    "Llama 4 Maverick is available with lower latency thanks to it."),
                          nullptr, feed_source("groq-blog", std::nullopt));
    CHECK_FALSE(rolled_out(own.events, "llama-4-maverick", "groqcloud"));
}

TEST_CASE("evaluators: a job advert evaluates nothing; a family's word means the lead's model",
          "[extract][grammar][eval]") {
    auto ex = bundled_extractor();
    auto job = ex.extract(make_item("We're hiring research engineers", make_time(2026, 9, 1),
                                    "METR is hiring engineers to build long evaluation tasks; experience with GPT-5 "
                                    "is a plus."),
                          nullptr, feed_source("metr-blog", std::nullopt));
    CHECK(of_kind(job.events, EventKind::ThirdPartyEval).empty());
    auto family = ex.extract(make_item("Pre-deployment testing of a new Gemini model", make_time(2026, 9, 2),
                                       "Google DeepMind gave the institute early access to Gemini 4 Pro. Our cyber "
                                       "evaluations found capabilities comparable to other frontier systems."),
                             nullptr, feed_source("aisi-blog", std::nullopt));
    CHECK(find_event(family.events, EventKind::ThirdPartyEval, "gemini-4-pro") != nullptr);
    CHECK(find_event(family.events, EventKind::ThirdPartyEval, "gemini-1-0") == nullptr);
}

TEST_CASE("the headline names the model, the lead its one checkpoint", "[extract][grammar][release]") {
    auto ex = bundled_extractor();
    auto one = ex.extract(make_item("Qwen4-Coder-Flash: Small, Fast, Open", make_time(2026, 9, 1),
                                    "Today we open-source Qwen4-Coder-Flash-30B-A3B, a mixture-of-experts coding "
                                    "model, released under Apache 2.0 on Hugging Face."),
                          nullptr, feed_source("qwen-blog", std::string("qwen")));
    CHECK(find_event(one.events, EventKind::ModelRelease, "qwen4-coder-flash") != nullptr);
    CHECK(find_event(one.events, EventKind::WeightsRelease, "qwen4-coder-flash") != nullptr);
    CHECK(find_event(one.events, EventKind::ModelRelease, "qwen4-coder-flash-30b-a3b") == nullptr);
    // Two sizes released are two models.
    auto two = ex.extract(make_item("Introducing orca-7", make_time(2026, 9, 2),
                                    "We're releasing orca-7-120b and orca-7-20b, two open-weight reasoning models "
                                    "under the Apache 2.0 license."),
                          nullptr, feed_source("microsoft-ai-blog", std::string("microsoft")));
    CHECK(find_event(two.events, EventKind::ModelRelease, "orca-7-120b") != nullptr);
    CHECK(find_event(two.events, EventKind::ModelRelease, "orca-7-20b") != nullptr);
}

TEST_CASE("a lab's headline defining the name it gives is the launch", "[extract][grammar][release]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Command C: a compact model for enterprise agents", make_time(2026, 9, 1),
                                    "Command C is available through the Cohere API, and its weights are on Hugging "
                                    "Face under CC-BY-NC 4.0 for research use."),
                          nullptr, feed_source("cohere-blog", std::string("cohere")));
    const auto* e = find_event(out.events, EventKind::ModelRelease, "command-c");
    REQUIRE(e != nullptr);
    CHECK(e->confidence >= 0.6);
}

TEST_CASE("people: a move told by its writer, and a tracked person by the last name", "[extract][grammar][people]") {
    auto ex = bundled_extractor();
    SECTION("the source names the writer; a last day is a departure from the person's lab") {
        auto out = ex.extract(make_item("Some personal news", make_time(2026, 9, 1),
                                        "After four years at Anthropic, today is my last day. Something new soon."),
                              nullptr, feed_source("Jan Leike (X)", std::nullopt));
        const auto moves = of_kind(out.events, EventKind::PersonnelMove);
        REQUIRE(moves.size() == 1);
        CHECK(moves.front().person == std::optional<std::string>("jan-leike"));
        CHECK(text_field(moves.front(), "move") == "left");
        CHECK(moves.front().lab == std::optional<std::string>("anthropic"));
    }
    SECTION("the post opens with the writer's name; 'I've joined' names where") {
        auto out = ex.extract(make_item("New chapter", make_time(2026, 9, 2),
                                        "Jan Leike: I've joined Meta to work on oversight of superhuman systems."),
                              nullptr, feed_source("linkedin-posts", std::nullopt));
        const auto moves = of_kind(out.events, EventKind::PersonnelMove);
        REQUIRE(moves.size() == 1);
        CHECK(text_field(moves.front(), "move") == "joined");
        CHECK(moves.front().lab == std::optional<std::string>("meta"));
    }
    SECTION("personal news that is no move stays without an event") {
        auto out = ex.extract(make_item("Some personal news", make_time(2026, 9, 3),
                                        "Excited to share a new paper on scalable oversight."),
                              nullptr, feed_source("Jan Leike (X)", std::nullopt));
        CHECK(of_kind(out.events, EventKind::PersonnelMove).empty());
    }
    SECTION("a headline's last name, the lead's full name") {
        auto out = ex.extract(make_item("Leike departs Anthropic for a start-up", make_time(2026, 9, 4),
                                        "Jan Leike, who led alignment science, said Friday was his last day."),
                              nullptr, feed_source("wire", std::nullopt));
        const auto moves = of_kind(out.events, EventKind::PersonnelMove);
        REQUIRE(moves.size() == 1);
        CHECK(moves.front().person == std::optional<std::string>("jan-leike"));
        // Without the full name anywhere, a last name alone is nobody's.
        auto bare = ex.extract(make_item("Leike departs Anthropic for a start-up", make_time(2026, 9, 5),
                                         "The safety researcher said he would share more soon."),
                               nullptr, feed_source("wire", std::nullopt));
        CHECK(of_kind(bare.events, EventKind::PersonnelMove).empty());
    }
}

TEST_CASE("a model page's lead may open on a verb; a family's bare word is no rollout's subject",
          "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    auto page = ex.extract(make_item("gemma5", make_time(2026, 9, 1),
                                     "Run Gemma 5 locally with `ollama run gemma5:12b`. All sizes are in the library."),
                           nullptr, feed_source("ollama-blog", std::nullopt));
    const auto* e = rollout_to(page.events, "ollama");
    REQUIRE(e != nullptr);
    CHECK(e->model == std::optional<std::string>("gemma-5"));
    CHECK(e->confidence >= 0.6);
    auto feature = ex.extract(make_item("Scheduled actions now available in the Gemini app", make_time(2026, 9, 2),
                                        "Ask Gemini to send you a daily summary of your calendar."),
                              nullptr, feed_source("gemini-app-updates", std::string("google")));
    CHECK(rollout_to(feature.events, "gemini-app") == nullptr);
}

TEST_CASE("a digest's move told in a later sentence of its own", "[extract][grammar][people]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(
        make_item("Kimi K4 goes open; xAI ships Grok 6; Anthropic reshuffles safety leadership", make_time(2026, 9, 1),
                  "Moonshot open-sourced Kimi K4 under MIT. xAI pushed Grok 6 out to SuperGrok "
                  "subscribers. And Jan Leike has been named head of alignment science at "
                  "Anthropic."),
        nullptr, feed_source("import-ai-newsletter", std::nullopt));
    const auto moves = of_kind(out.events, EventKind::PersonnelMove);
    REQUIRE(moves.size() == 1);
    CHECK(moves.front().person == std::optional<std::string>("jan-leike"));
    CHECK(find_event(out.events, EventKind::ModelRelease, "kimi-k4") != nullptr);
}

TEST_CASE("a board's leader is ranked beside the models it measured", "[extract][grammar][eval]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Leaderboard update: a new leader in Text Arena", make_time(2026, 9, 1),
                                    "After 9,000 votes, Ernie 6 takes first place in the Text Arena with 1502, ahead "
                                    "of Claude Opus 4.5 at 1489."),
                          nullptr, feed_source("lmarena-news", std::nullopt));
    CHECK(find_event(out.events, EventKind::ThirdPartyEval, "ernie-6") != nullptr);
    CHECK(find_event(out.events, EventKind::ThirdPartyEval, "claude-opus-4-5") != nullptr);
}

TEST_CASE("a lab's lead that tests its own model is a first-party evaluation", "[extract][grammar][eval]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("frontier-red-team", std::string("anthropic"));
    auto plain = ex.extract(make_item("How Claude Opus 6 does on hacking challenges", make_time(2026, 9, 1),
                                      "We ran Claude Opus 6 on Cybench and our internal CTF set: it solves 70% of "
                                      "challenges."),
                            nullptr, source);
    const auto* e = find_event(plain.events, EventKind::EvalReport, "claude-opus-6");
    REQUIRE(e != nullptr);
    CHECK(text_field(*e, "doc_type") == "blog_eval");
    auto titled = ex.extract(make_item("Cyber capabilities of our newest model: a red-team note", make_time(2026, 9, 2),
                                       "Ahead of wider release we tested Claude Haiku 5 on Cybench."),
                             nullptr, source);
    CHECK(find_event(titled.events, EventKind::EvalReport, "claude-haiku-5") != nullptr);
    // Another lab's model tested on a lab's feed is no first-party report of it.
    auto other = ex.extract(make_item("A better way to write code", make_time(2026, 9, 3),
                                      "We tested Grok 5 against our tools before choosing a default."),
                            nullptr, source);
    CHECK(of_kind(other.events, EventKind::EvalReport).empty());
}

TEST_CASE("model pages and ids: a variant after the tag's colon, a checkpoint's words, a command line",
          "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    SECTION("'llama5:scout' with 'Meta's Llama 5 Scout: ...' and 'ollama run ...' in its text") {
        auto out = ex.extract(make_item("llama5:scout", make_time(2026, 9, 1),
                                        "Meta's Llama 5 Scout: a 109B-parameter mixture-of-experts model with image "
                                        "input. ollama run llama5:scout"),
                              nullptr, feed_source("ollama-library", std::nullopt));
        const auto rollouts = of_kind(out.events, EventKind::SurfaceRollout);
        REQUIRE(rollouts.size() == 1);
        CHECK(rollouts.front().model == std::optional<std::string>("llama-5-scout"));
    }
    SECTION("a host's id with a checkpoint's words is the model the lead names") {
        auto out = ex.extract(make_item("llama-5-scout-instruct-basic", make_time(2026, 9, 2),
                                        "Meta's Llama 5 Scout now runs on Fireworks with FP8 quantisation."),
                              nullptr, feed_source("fireworks-ai-blog", std::nullopt));
        const auto rollouts = of_kind(out.events, EventKind::SurfaceRollout);
        REQUIRE(rollouts.size() == 1);
        CHECK(rollouts.front().model == std::optional<std::string>("llama-5-scout"));
    }
    SECTION("lower-case ids of known families on a host's feed, runner tags after a colon") {
        auto out = ex.extract(make_item("New cloud models", make_time(2026, 9, 3),
                                        "Ollama Cloud now hosts kimi-k3.5:cloud next to the existing models."),
                              nullptr, feed_source("ollama-blog", std::nullopt));
        CHECK(rolled_out(out.events, "kimi-k3-5", "ollama"));
        // A lower-case word of no known family stays a command or a file name.
        auto other = ex.extract(make_item("New cloud models", make_time(2026, 9, 4),
                                          "Ollama Cloud now hosts setup-v2 next to the existing models."),
                                nullptr, feed_source("ollama-blog", std::nullopt));
        CHECK(rollout_to(other.events, "ollama") == nullptr);
    }
}

TEST_CASE("a phrase that binds its model counts for that model alone", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("zed-changelog", std::nullopt);
    auto object = ex.extract(make_item("v0.400.0", make_time(2026, 9, 1),
                                       "The default model for new users is now Grok 5. Faster project search."),
                             nullptr, source);
    CHECK(rolled_out(object.events, "grok-5", "zed"));
    // "is now" whose object is no model says nothing of the model the headline names.
    auto price =
        ex.extract(make_item("Grok 5 is now 40% cheaper", make_time(2026, 9, 2), "The new rate applies from today."),
                   nullptr, feed_source("fireworks-blog", std::nullopt));
    CHECK(rollout_to(price.events, "fireworks-ai") == nullptr);
    // A release note's passive entry: the model it adds, not the one whose price drops after it.
    auto poe = ex.extract(make_item("This week on Poe", make_time(2026, 9, 3),
                                    "Gemini-3-Pro bot added for all subscribers at 300 points per message; Grok-4 "
                                    "drops to 600 points."),
                          nullptr, feed_source("poe-blog", std::nullopt));
    CHECK(rolled_out(poe.events, "gemini-3-pro", "poe"));
    CHECK(of_kind(poe.events, EventKind::SurfaceRollout).size() == 1);
}

TEST_CASE("'starting to roll out X to ... in <surface>' is a rollout", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("June 2, 2026", make_time(2026, 9, 1),
                                    "We're starting to roll out Grok 5 to Plus and Pro users in ChatGPT; it replaces "
                                    "GPT-5 as the default."),
                          nullptr, feed_source("chatgpt-release-notes", std::string("openai")));
    CHECK(rolled_out(out.events, "grok-5", "chatgpt"));
    CHECK_FALSE(rolled_out(out.events, "gpt-5", "chatgpt"));
}

TEST_CASE("a question headline answered by the lead's 'we tested X, Y and Z'", "[extract][grammar][eval]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Do open models sandbag?", make_time(2026, 9, 1),
                                    "We tested Grok 3 and DeepSeek-R1 for strategic underperformance on "
                                    "dangerous-capability evaluations."),
                          nullptr, feed_source("apollo-research-blog", std::nullopt));
    CHECK(find_event(out.events, EventKind::ThirdPartyEval, "grok-3") != nullptr);
    CHECK(find_event(out.events, EventKind::ThirdPartyEval, "deepseek-r1") != nullptr);
    // The question alone states nothing.
    auto asked = ex.extract(
        make_item("Does Grok 3 sandbag?", make_time(2026, 9, 2), "A reading list on strategic underperformance."),
        nullptr, feed_source("apollo-research-blog", std::nullopt));
    CHECK(of_kind(asked.events, EventKind::ThirdPartyEval).empty());
}

TEST_CASE("a host's command tag and the headline's name are one model; 'pushing X to <surface>'",
          "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    auto host = ex.extract(make_item("Gemma 5 now available in Ollama", make_time(2026, 9, 1),
                                     "Run it with: ollama run gemma5. All sizes are in the library."),
                           nullptr, feed_source("ollama-blog", std::nullopt));
    const auto rollouts = of_kind(host.events, EventKind::SurfaceRollout);
    REQUIRE(rollouts.size() == 1);
    CHECK(rollouts.front().model == std::optional<std::string>("gemma-5"));
    auto press = ex.extract(make_item("Gemini 4 Pro just dropped", make_time(2026, 9, 2),
                                      "Google is pushing Gemini 4 Pro to paying Gemini app subscribers starting "
                                      "today."),
                            nullptr, feed_source("the-verge-ai", std::nullopt));
    CHECK(rolled_out(press.events, "gemini-4-pro", "gemini-app"));
}

TEST_CASE("'available now in/on/to' as 'now available' is", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    auto out = ex.extract(make_item("Grok 6", make_time(2026, 9, 1),
                                    "Grok 6 is available now to SuperGrok subscribers on grok.com, as well as through "
                                    "the xAI API."),
                          nullptr, feed_source("xai-news", std::string("xai")));
    CHECK(rolled_out(out.events, "grok-6", "grok-app"));
    CHECK(rolled_out(out.events, "grok-6", "xai-api"));
}

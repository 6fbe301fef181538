// Constructions read in session 14 (issue 13): what a press digest's headline says in its own
// words. A story that names a tracked person and a lab is a move the reviewer reads, whatever its
// verb; a story that names neither stays out of the queue.

#include <algorithm>

#include "bundled_extractor.h"
#include "extract_support.h"
#include "support/catch.h"

using fw::EventKind;
using fw::make_time;
using fw::test::bundled_extractor;
using fw::test::feed_source;
using fw::test::make_item;

namespace {

/// The candidate of `out` that names `person`, if any.
const fw::Candidate* candidate_naming(const fw::extract::ExtractOutput& out, const std::string& person) {
    const auto it = std::find_if(out.candidates.begin(), out.candidates.end(), [&](const fw::Candidate& c) {
        return std::find(c.entities.begin(), c.entities.end(), "person:" + person) != c.entities.end();
    });
    return it == out.candidates.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("a digest's story naming a tracked person and a lab goes to review as a move", "[extract][candidates]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("weekly-digest", std::nullopt);
    SECTION("a verb no list holds ('courts') still reaches the queue, beside the other stories' events") {
        auto out = ex.extract(make_item("Chip Tariffs Bite, Mistral Courts Junyang Lin, Robots Fold Laundry",
                                        make_time(2026, 9, 4), "This week in AI."),
                              nullptr, source);
        const auto* c = candidate_naming(out, "junyang-lin");
        REQUIRE(c != nullptr);
        CHECK(c->suggested_kind == std::optional<EventKind>(EventKind::PersonnelMove));
        CHECK(c->lab == std::optional<std::string>("mistral"));
    }
    SECTION("a person with no lab in the story is not a move") {
        auto out = ex.extract(make_item("Chip Tariffs Bite, Junyang Lin On Scaling, Robots Fold Laundry",
                                        make_time(2026, 9, 11), "This week in AI."),
                              nullptr, source);
        CHECK(candidate_naming(out, "junyang-lin") == nullptr);
    }
    SECTION("a single headline is no digest: a profile stays out of the queue") {
        auto out =
            ex.extract(make_item("What Junyang Lin Thinks Mistral Gets Right", make_time(2026, 9, 18), "An interview."),
                       nullptr, source);
        CHECK(candidate_naming(out, "junyang-lin") == nullptr);
    }
}

namespace {

bool arrives_on(const std::vector<fw::Event>& events, const std::string& model, const std::string& surface) {
    return fw::test::rollout_on(events, model, surface) != nullptr;
}

/// A full post as a CMS delivers it (paragraphs and list items as lines): an opening that sets
/// the scene, the news, a list of where it runs, a customer's quote and the share links.
const char* kFullPost =
    "Our biggest upgrade this year, for everyone who builds.\n"
    "By Jane Roe, Product Lead\n"
    "Teams have asked us for a faster model that still reasons well. We listened.\n"
    "Today we are introducing Mistral Large 9, our most capable model to date.\n"
    "Benchmark\n"
    "Mistral Large 9\n"
    "81.2\n"
    "Mistral Large 9 is available starting today:\n"
    "in Le Chat, for every plan;\n"
    "on Amazon Bedrock and Vertex AI.\n"
    "\"Our analysts moved their whole workflow to Microsoft 365 Copilot last year,\" says a customer.\n"
    "Share on WhatsApp · Share on Threads\n";

}  // namespace

TEST_CASE("a long post's surfaces arrive where a statement says so, with that statement's models",
          "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("mistral-news", std::string("mistral"));
    auto out = ex.extract(make_item("Introducing Mistral Large 9", make_time(2026, 9, 1), kFullPost), nullptr, source);
    SECTION("the surfaces a list's opening line makes available arrive") {
        CHECK(arrives_on(out.events, "mistral-large-9", "le-chat"));
        CHECK(arrives_on(out.events, "mistral-large-9", "aws-bedrock"));
        CHECK(arrives_on(out.events, "mistral-large-9", "vertex-ai"));
    }
    SECTION("a customer's product and the share links past the lead get nothing") {
        CHECK(fw::test::rollout_to(out.events, "microsoft-365-copilot") == nullptr);
        CHECK(fw::test::rollout_to(out.events, "whatsapp") == nullptr);
        CHECK(fw::test::rollout_to(out.events, "threads") == nullptr);
    }
}

TEST_CASE("a post's surface past the lead takes the models its own statement names", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("mistral-news", std::string("mistral"));
    auto out = ex.extract(make_item("Introducing Mistral Large 9", make_time(2026, 9, 1),
                                    "A new flagship.\nBy Jane Roe\nWe listened to teams.\nIt reasons well.\n"
                                    "Mistral Large 9 is rolling out in Le Chat today.\n"
                                    "Unlike Mistral Large 3, it is offered through our API only, and Mistral Small 4 "
                                    "stays available on Amazon Bedrock."),
                          nullptr, source);
    CHECK(arrives_on(out.events, "mistral-large-9", "le-chat"));
    CHECK(arrives_on(out.events, "mistral-small-4", "aws-bedrock"));
    CHECK_FALSE(arrives_on(out.events, "mistral-large-9", "aws-bedrock"));
}

TEST_CASE("a launch the lead tells as the past is the post's background, not its news", "[extract][grammar]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("meta-newsroom", std::string("meta"));
    auto out = ex.extract(make_item("Introducing Muse Spark 7", make_time(2026, 9, 1),
                                    "Six weeks ago we shipped Muse Spark, and people told us what they want next. "
                                    "Today we're introducing Muse Spark 7, our most capable model yet."),
                          nullptr, source);
    CHECK(fw::test::find_event(out.events, EventKind::ModelRelease, "muse-spark-7") != nullptr);
    CHECK(fw::test::find_event(out.events, EventKind::ModelRelease, "muse-spark") == nullptr);
}

/// A long post's opening (headline, subtitle and three sentences): its lead names no surface.
const std::string kCodestralLead =
    "Our new coding model, built for agents.\n"
    "Agents write more of the code teams ship. They need a model that plans. "
    "That is why we built Codestral 9, a 70B coding model.\n";

TEST_CASE("a long post that says where its model runs only past the lead", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("mistral-news", std::string("mistral"));
    auto out =
        ex.extract(make_item("Codestral 9", make_time(2026, 9, 1),
                             kCodestralLead + "Availability\n"
                                              "Your editor: available from day one in Zed and JetBrains AI Assistant.\n"
                                              "Questions? Reach out to support@zed.dev.\n"
                                              "The post Codestral 9 appeared first on Le Chat."),
                   nullptr, source);
    CHECK(arrives_on(out.events, "codestral-9", "zed"));
    CHECK(arrives_on(out.events, "codestral-9", "jetbrains-ai"));
    SECTION("a blogging platform's footer names its site, which is no arrival") {
        CHECK(fw::test::rollout_to(out.events, "le-chat") == nullptr);
    }
}

TEST_CASE("a long post's surface named only in an aside gets no arrival", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("mistral-news", std::string("mistral"));
    auto out =
        ex.extract(make_item("Codestral 9", make_time(2026, 9, 1),
                             kCodestralLead + "Questions? Our support team answers in Zed's community channel.\n"),
                   nullptr, source);
    CHECK(fw::test::rollout_to(out.events, "zed") == nullptr);
}

TEST_CASE("a how-to's body teaches the use of what already runs somewhere", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("circuit-board", std::nullopt);
    auto out = ex.extract(make_item("How to run Mistral Small 4 on your laptop with Ollama", make_time(2026, 9, 1),
                                    "A weekend project.\nYou need 24 GB of memory. Install the app first. "
                                    "Then pull the weights.\n"
                                    "Step 2: Mistral Small 4 is available in Ollama's library as mistral-small4.\n"),
                          nullptr, source);
    CHECK(fw::test::rollout_to(out.events, "ollama") == nullptr);
}

TEST_CASE("a roundup's paragraphs that open with a model are stories of their own", "[extract][grammar]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("frontier-weekly", std::nullopt);
    const char* body =
        "Two launches and a quiet Friday.\n"
        "Hello again, readers. It was a week of launches. Here is what mattered.\n"
        "Launches\n"
        "Gemma 9 (Google, Tuesday) launched with open weights on Hugging Face under the Gemma Terms of Use.\n"
        "Grok 9 (xAI, Thursday) is rolling out to paying subscribers. There is no API yet.\n"
        "Thanks for reading! Subscribe for free.";
    auto out = ex.extract(make_item("Issue #9: a busy week", make_time(2026, 9, 12), body), nullptr, source);
    CHECK(fw::test::find_event(out.events, EventKind::WeightsRelease, "gemma-9") != nullptr);
    CHECK(fw::test::find_event(out.events, EventKind::ModelRelease, "grok-9") != nullptr);
    SECTION("a lab's own post is one story, whatever its paragraphs open with") {
        auto ex2 = bundled_extractor();
        auto own = ex2.extract(make_item("Issue #9: a busy week", make_time(2026, 9, 12), body), nullptr,
                               feed_source("google-blog", std::string("google")));
        CHECK(fw::test::find_event(own.events, EventKind::ModelRelease, "grok-9") == nullptr);
    }
}

TEST_CASE("a parenthesis ends a name, and a licence's adjective is none", "[extract][grammar]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("frontier-wire", std::nullopt);
    auto out = ex.extract(make_item("Phi-9 (Microsoft, Tuesday) launched with open weights on Hugging Face",
                                    make_time(2026, 9, 1), "Microsoft's new small model is MIT-licensed."),
                          nullptr, source);
    CHECK(fw::test::find_event(out.events, EventKind::ModelRelease, "phi-9") != nullptr);
    for (const auto& e : out.events) {
        CHECK(e.model != std::optional<std::string>("phi-9-microsoft"));
        CHECK(e.model != std::optional<std::string>("tuesday"));
        CHECK(e.model != std::optional<std::string>("mit-licensed"));
    }
}

TEST_CASE("a launch in a clause of time before or since the news is no launch of the item", "[extract][grammar]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("anthropic-news", std::string("anthropic"));
    SECTION("'Before we released X, ...'") {
        auto out = ex.extract(make_item("External testing of Claude Opus 8", make_time(2026, 9, 1),
                                        "Before we released Claude Opus 8, we gave two institutes early access."),
                              nullptr, source);
        CHECK(fw::test::find_event(out.events, EventKind::ModelRelease, "claude-opus-8") == nullptr);
    }
    SECTION("'Since launch, X has been available in ...'") {
        auto out = ex.extract(make_item("Claude Opus 8 comes to more places", make_time(2026, 9, 2),
                                        "Since we launched Claude Opus 8, it has been in the Claude app."),
                              nullptr, source);
        CHECK(fw::test::find_event(out.events, EventKind::ModelRelease, "claude-opus-8") == nullptr);
    }
}

TEST_CASE("a model's API id given after 'as' is the same model, not another arriving", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("mistral-news", std::string("mistral"));
    auto out = ex.extract(make_item("Magistral Medium 9: think deeper", make_time(2026, 9, 1),
                                    "Magistral Medium 9 is available today in Le Chat, and via API on la Plateforme "
                                    "as magistral-medium-2609."),
                          nullptr, source);
    CHECK(arrives_on(out.events, "magistral-medium-9", "le-chat"));
    CHECK_FALSE(arrives_on(out.events, "magistral-medium-2609", "le-chat"));
    CHECK_FALSE(arrives_on(out.events, "magistral-medium-2609", "mistral-api"));
}

TEST_CASE("a release note's line labelled as a fix arrives nowhere", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("zed-changelog", std::nullopt);
    auto out = ex.extract(make_item("v0.401.2", make_time(2026, 9, 1),
                                    "Fixes\nfix(anthropic): caching headers were dropped for Claude Opus 4.5 on "
                                    "Bedrock (#4283)\nfix(tui): Ctrl+C exits while a tool runs (#4286)"),
                          nullptr, source);
    CHECK(fw::test::rollout_to(out.events, "aws-bedrock") == nullptr);
}

TEST_CASE("a surface's short name is the product the same text names in full", "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("dev-platform-changelog", std::nullopt);
    auto out = ex.extract(make_item("Gemini 3.5 Flash is rolling out in Copilot Chat", make_time(2026, 9, 1),
                                    "Gemini 3.5 Flash is now available in GitHub Copilot for Pro+ users."),
                          nullptr, source);
    CHECK(arrives_on(out.events, "gemini-3-5-flash", "github-copilot"));
    CHECK_FALSE(arrives_on(out.events, "gemini-3-5-flash", "microsoft-copilot"));
}

TEST_CASE("a long post under a headline of moves tells each move wherever it is in the body",
          "[extract][grammar][people]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("meta-newsroom", std::string("meta"));
    auto out = ex.extract(
        make_item("An update on our research leadership", make_time(2026, 9, 1),
                  "Mark Zuckerberg shared the following note with employees today.\n"
                  "A year ago we formed a new lab. In that time we shipped two models. We grew the team.\n"
                  "I want to share a couple of leadership changes. Nat Friedman has decided to step down at the end "
                  "of July to spend more time on his investing work.\n"
                  "Going forward, Shengjia Zhao will take on an expanded role as Chief Scientist. Alexandr Wang "
                  "continues to lead the lab as Chief AI Officer."),
        nullptr, source);
    const auto move_of = [&](const std::string& person) -> std::optional<std::string> {
        for (const auto& e : out.events) {
            if (e.kind == EventKind::PersonnelMove && e.person == person) {
                return e.fields.text("move");
            }
        }
        return std::nullopt;
    };
    CHECK(move_of("nat-friedman") == std::optional<std::string>("left"));
    CHECK(move_of("shengjia-zhao").has_value());
    CHECK_FALSE(move_of("alexandr-wang").has_value());  // continuing is no move
}

TEST_CASE("'both models' arrive where the statement says, each model the item released",
          "[extract][grammar][rollout]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("mistral-news", std::string("mistral"));
    auto out = ex.extract(make_item("Introducing Devstral 9 and Devstral Small 9", make_time(2026, 9, 1),
                                    "Today we release Devstral 9 and Devstral Small 9, two new coding models. "
                                    "Both models are available today in Le Chat."),
                          nullptr, source);
    CHECK(arrives_on(out.events, "devstral-9", "le-chat"));
    CHECK(arrives_on(out.events, "devstral-small-9", "le-chat"));
}

// The grammar of announcements (issue 13): verb classes and their inflections, headline forms,
// subject and object slots, names met for the first time, negation bound to its clause, openness
// and stage, third-party evaluators, wire-style personnel moves, confidence, cue and candidates.
// Every item here is written for the test, in the styles of a newsroom, a product blog, a wire
// service and an evaluator.

#include "extract/extractor.h"
#include "extract/grammar.h"

#include <algorithm>

#include "extract_support.h"
#include "support/catch.h"

using fw::EventKind;
using fw::make_time;
using fw::test::feed_source;
using fw::test::make_extractor;
using fw::test::make_item;
using fw::test::of_kind;
using fw::test::rollout_on;

namespace {

fw::extract::SourceInfo news(std::string name = "tech-wire") {
    return feed_source(std::move(name), std::nullopt);
}

const fw::Event* release_of(const std::vector<fw::Event>& events, const std::string& model) {
    for (const auto& e : events) {
        if (e.kind == EventKind::ModelRelease && e.model == model) {
            return &e;
        }
    }
    return nullptr;
}

}  // namespace

TEST_CASE("a verb lemma expands to its inflections", "[extract][grammar]") {
    using fw::extract::Cue;
    using fw::extract::verb_forms;
    auto has = [](const std::vector<std::string>& v, const std::string& s) {
        return std::find(v.begin(), v.end(), s) != v.end();
    };
    auto ship = verb_forms(Cue{"ship", "", 0.8, false});
    CHECK(has(ship, "ships"));
    CHECK(has(ship, "shipped"));
    CHECK(has(ship, "shipping"));
    auto intro = verb_forms(Cue{"introduce", "", 0.9, false});
    CHECK(has(intro, "introduces"));
    CHECK(has(intro, "introduced"));
    CHECK(has(intro, "introducing"));
    CHECK(has(verb_forms(Cue{"roll out", "", 0.8, false}), "rolled out"));
    CHECK(has(verb_forms(Cue{"open-source", "", 0.8, false}), "open-sourced"));
    CHECK(has(verb_forms(Cue{"bring", "brought", 0.7, false}), "brought"));
}

TEST_CASE("launch verbs in active, past and passive headline forms yield releases", "[extract][grammar]") {
    SECTION("newsroom, past tense, lab as subject") {
        auto ex = make_extractor();
        auto out =
            ex.extract(make_item("Meta unveiled Muse Spark 2 on Tuesday", make_time(2026, 9, 1)), nullptr, news());
        const auto* ev = release_of(out.events, "muse-spark-2");
        REQUIRE(ev != nullptr);
        CHECK(ev->lab == "meta");
        CHECK(ev->fields.text("family") == "muse-spark");
        CHECK(ev->cue.find("unveil") != std::string::npos);
    }
    SECTION("wire, the name first and the verb after it") {
        auto ex = make_extractor();
        auto out = ex.extract(make_item("Muse Spark 2 released to developers worldwide", make_time(2026, 9, 1),
                                        "Meta said the update is faster."),
                              nullptr, news());
        REQUIRE(release_of(out.events, "muse-spark-2") != nullptr);
    }
    SECTION("a colon after the verb") {
        auto ex = make_extractor();
        auto out = ex.extract(make_item("Now shipping: Muse Spark 2", make_time(2026, 9, 1)), nullptr, feed_source());
        REQUIRE(release_of(out.events, "muse-spark-2") != nullptr);
    }
    SECTION("an and-list names two models") {
        auto ex = make_extractor();
        auto out =
            ex.extract(make_item("Meta drops Muse Lumen 2 and Muse Echo 2", make_time(2026, 9, 1)), nullptr, news());
        CHECK(release_of(out.events, "muse-lumen-2") != nullptr);
        CHECK(release_of(out.events, "muse-echo-2") != nullptr);
    }
}

TEST_CASE("a lab's bare-name headline is a release when the text confirms it, else a candidate",
          "[extract][grammar][candidates]") {
    SECTION("the lead calls it a model") {
        auto ex = make_extractor();
        auto out =
            ex.extract(make_item("Orchestral", make_time(2026, 9, 2), "Our first speech model, tuned for live agents."),
                       nullptr, feed_source());
        const auto* ev = release_of(out.events, "orchestral");
        REQUIRE(ev != nullptr);
        CHECK(ev->confidence >= 0.6);
        CHECK(ev->cue.find("bare-title") != std::string::npos);
        CHECK(out.candidates.empty());
        REQUIRE(out.discovered_models.size() == 1);
        CHECK(out.discovered_models[0].family == "orchestral");
    }
    SECTION("a colon headline whose rest speaks of weights") {
        auto ex = make_extractor();
        auto out = ex.extract(make_item("Cadenza 3: open weights for everyone", make_time(2026, 9, 2),
                                        "Available under Apache 2.0 from today."),
                              nullptr, feed_source());
        const auto* ev = release_of(out.events, "cadenza-3");
        REQUIRE(ev != nullptr);
        CHECK(ev->fields.text("family") == "cadenza");
        CHECK(ev->fields.text("openness") == "open_weights_permissive");
        CHECK(ev->fields.text("license") == "Apache-2.0");
    }
    SECTION("nothing confirms it: one candidate, no event, no model remembered") {
        auto ex = make_extractor();
        auto out = ex.extract(make_item("Cantabile", make_time(2026, 9, 3), "Sings on key."), nullptr, feed_source());
        CHECK(out.events.empty());
        CHECK(out.discovered_models.empty());
        REQUIRE(out.candidates.size() == 1);
        const auto& c = out.candidates[0];
        CHECK(c.suggested_kind == EventKind::ModelRelease);
        CHECK(c.confidence < 0.6);
        CHECK(c.confidence > 0.0);
        CHECK(c.model == "cantabile");
        CHECK(c.lab == "meta");
        CHECK(std::find(c.entities.begin(), c.entities.end(), "lab:meta") != c.entities.end());
        CHECK_FALSE(c.reason.empty());
        CHECK_FALSE(c.cue.empty());
    }
}

TEST_CASE("a discovered model is matched later and the most specific name wins", "[extract][grammar][discovery]") {
    fw::Taxonomy t = fw::test::small_taxonomy();
    fw::extract::Extractor ex(t, fw::test::bundled_rules());
    auto anthropic = feed_source("anthropic-news", std::string("anthropic"));
    auto first = ex.extract(
        make_item("Introducing Claude Opus 5", make_time(2026, 10, 1), "Our most capable model, available in the API."),
        nullptr, anthropic);
    REQUIRE(release_of(first.events, "claude-opus-5") != nullptr);
    CHECK(release_of(first.events, "claude-opus-5")->fields.text("family") == "claude");
    auto card =
        ex.extract(make_item("Claude Opus 5 system card", make_time(2026, 10, 1), "", "https://example.com/c", 2),
                   nullptr, anthropic);
    auto reports = of_kind(card.events, EventKind::EvalReport);
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].model == "claude-opus-5");
    auto wire =
        ex.extract(make_item("WhatsApp gets Claude Opus 5? No, but Claude Opus 5 now powers Claude for Education",
                             make_time(2026, 10, 5), "", "https://example.com/w", 3),
                   nullptr, news());
    for (const auto& ev : wire.events) {
        CHECK(ev.model != "claude");
    }
}

TEST_CASE("a system card of a model not seen before names that model, not an older one",
          "[extract][grammar][discovery]") {
    auto ex = make_extractor();
    auto out = ex.extract(make_item("Claude Opus 6 System Card", make_time(2026, 11, 1)), nullptr,
                          feed_source("anthropic-news", std::string("anthropic")));
    auto reports = of_kind(out.events, EventKind::EvalReport);
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].model == "claude-opus-6");
    CHECK(reports[0].fields.text("doc_type") == "system_card");
}

TEST_CASE("a model card is an eval report", "[extract][grammar]") {
    auto ex = make_extractor();
    auto out = ex.extract(make_item("Muse Spark model card", make_time(2026, 4, 9)), nullptr, feed_source());
    auto reports = of_kind(out.events, EventKind::EvalReport);
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].model == "muse-spark");
    CHECK(reports[0].fields.text("doc_type") == "model_card");
}

TEST_CASE("negation binds to its clause: one closed and one open release", "[extract][grammar][openness]") {
    auto ex = make_extractor();
    auto out = ex.extract(make_item("Introducing Muse Forge Large and Muse Forge Small", make_time(2026, 9, 10),
                                    "We won't share weights for the large model, but the small one is on Hugging Face "
                                    "under Apache 2.0."),
                          nullptr, feed_source());
    const auto* large = release_of(out.events, "muse-forge-large");
    const auto* small = release_of(out.events, "muse-forge-small");
    REQUIRE(large != nullptr);
    REQUIRE(small != nullptr);
    CHECK(large->fields.text("openness") == "api");
    CHECK(small->fields.text("openness") == "open_weights_permissive");
    CHECK(small->fields.text("license") == "Apache-2.0");
    CHECK(large->cue.find("not") != std::string::npos);
}

TEST_CASE("withheld or proprietary weights are closed; an app-only launch is a hosted product",
          "[extract][grammar][openness]") {
    SECTION("passive negation") {
        auto ex = make_extractor();
        auto out = ex.extract(make_item("Anthropic unveils Claude Opus 7", make_time(2026, 9, 12),
                                        "The weights will not be published. Developers reach it through the API."),
                              nullptr, news());
        const auto* ev = release_of(out.events, "claude-opus-7");
        REQUIRE(ev != nullptr);
        CHECK(ev->fields.text("openness") == "api");
    }
    SECTION("proprietary, wire style") {
        auto ex = make_extractor();
        auto out =
            ex.extract(make_item("OpenAI launches GPT-9, a proprietary model for enterprises", make_time(2026, 9, 12)),
                       nullptr, news());
        const auto* ev = release_of(out.events, "gpt-9");
        REQUIRE(ev != nullptr);
        CHECK(ev->fields.text("openness") == "api");
    }
    SECTION("an app and no word of weights or API") {
        auto ex = make_extractor();
        auto out = ex.extract(make_item("Meta debuts Muse Spark 3", make_time(2026, 9, 12),
                                        "People can try it today in the Meta AI app."),
                              nullptr, news());
        const auto* ev = release_of(out.events, "muse-spark-3");
        REQUIRE(ev != nullptr);
        CHECK(ev->fields.text("openness") == "hosted_product");
    }
    SECTION("an open weights release under a community licence") {
        auto ex = make_extractor();
        auto out = ex.extract(make_item("Meta open-sources Llama 6", make_time(2026, 9, 12),
                                        "Download the weights today; the Llama 4 Community License applies."),
                              nullptr, news());
        const auto* ev = release_of(out.events, "llama-6");
        REQUIRE(ev != nullptr);
        CHECK(ev->fields.text("openness") == "open_weights_restricted");
    }
}

TEST_CASE("a waitlist or a later date is a stage, not general availability", "[extract][grammar][openness]") {
    auto ex = make_extractor();
    auto out = ex.extract(make_item("Say hello to Muse Spark 4", make_time(2026, 9, 20),
                                    "Join the waitlist now; wider access comes later this year."),
                          nullptr, feed_source());
    const auto* ev = release_of(out.events, "muse-spark-4");
    REQUIRE(ev != nullptr);
    REQUIRE(ev->fields.text("stage"));
    CHECK(ev->fields.text("stage") != "ga");
    CHECK(ev->fields.text("openness") == "limited_preview");
}

TEST_CASE("arrival verbs fill a surface slot and a model slot", "[extract][grammar][rollout]") {
    SECTION("the surface is the subject") {
        auto ex = make_extractor();
        auto out = ex.extract(make_item("WhatsApp gets Muse Spark", make_time(2026, 5, 2)), nullptr, news());
        auto rollouts = of_kind(out.events, EventKind::SurfaceRollout);
        REQUIRE(rollouts.size() == 1);
        CHECK(rollouts[0].model == "muse-spark");
        CHECK(rollouts[0].surface == "whatsapp");
        CHECK(rollouts[0].cue.find("{surface} gets {model}") != std::string::npos);
    }
    SECTION("the model is the subject") {
        auto ex = make_extractor();
        auto out =
            ex.extract(make_item("Muse Spark lands on Ray-Ban Meta glasses", make_time(2026, 5, 2)), nullptr, news());
        auto rollouts = of_kind(out.events, EventKind::SurfaceRollout);
        REQUIRE(rollouts.size() == 1);
        CHECK(rollouts[0].surface == "ray-ban-meta-glasses");
    }
    SECTION("no model in the sentence: no rollout") {
        auto ex = make_extractor();
        auto out = ex.extract(make_item("WhatsApp gets new stickers", make_time(2026, 5, 2)), nullptr, news());
        CHECK(of_kind(out.events, EventKind::SurfaceRollout).empty());
    }
}

TEST_CASE("a leaderboard or an independent evaluator ranking a model is a third-party eval",
          "[extract][grammar][eval]") {
    SECTION("a board not in the list, named by its head word") {
        auto ex = make_extractor();
        auto out = ex.extract(
            make_item("Muse Spark enters the Quillmark Reasoning Leaderboard at third place", make_time(2026, 5, 3)),
            nullptr, news("ranking-news"));
        auto evals = of_kind(out.events, EventKind::ThirdPartyEval);
        REQUIRE(evals.size() == 1);
        CHECK(evals[0].model == "muse-spark");
        CHECK(evals[0].fields.text("evaluator") == "quillmark_reasoning");
    }
    SECTION("an evaluator's own feed") {
        auto ex = make_extractor();
        auto out =
            ex.extract(make_item("What we found when we evaluated Claude on long cyber tasks", make_time(2026, 5, 3)),
                       nullptr, news("aisi-blog"));
        auto evals = of_kind(out.events, EventKind::ThirdPartyEval);
        REQUIRE(evals.size() == 1);
        CHECK(evals[0].fields.text("evaluator") == "aisi");
    }
}

TEST_CASE("personnel moves in wire-headline form", "[extract][grammar][people]") {
    auto ex = make_extractor();
    auto hire = ex.extract(make_item("Meta poaches Lena Okonkwo from OpenAI", make_time(2026, 6, 1)), nullptr, news());
    auto moves = of_kind(hire.events, EventKind::PersonnelMove);
    REQUIRE(moves.size() == 1);
    CHECK(moves[0].fields.text("name") == "Lena Okonkwo");
    CHECK(moves[0].fields.text("move") == "joined");
    auto exit = ex.extract(
        make_item("Dario Pell exits Anthropic after four years", make_time(2026, 6, 2), "", "https://e.com/x", 2),
        nullptr, news());
    moves = of_kind(exit.events, EventKind::PersonnelMove);
    REQUIRE(moves.size() == 1);
    CHECK(moves[0].fields.text("move") == "left");
}

TEST_CASE("every event carries a confidence and a cue; a passing mention is no candidate",
          "[extract][grammar][candidates]") {
    auto ex = make_extractor();
    std::vector<fw::Item> items = {
        make_item("Meta introduces Muse Spark 5", make_time(2026, 12, 1), "", "https://e.com/1", 1),
        make_item("WhatsApp gets Muse Spark", make_time(2026, 12, 1), "", "https://e.com/2", 2),
        make_item("How a school district teaches with Claude", make_time(2026, 12, 1),
                  "Teachers use Claude to plan lessons.", "https://e.com/3", 3),
    };
    std::size_t candidates = 0, events = 0;
    for (const auto& item : items) {
        auto out = ex.extract(item, nullptr, news());
        CHECK(out.candidates.size() <= 1);
        candidates += out.candidates.size();
        events += out.events.size();
        for (const auto& ev : out.events) {
            CHECK(ev.confidence >= 0.6);
            CHECK(ev.confidence <= 1.0);
            CHECK_FALSE(ev.cue.empty());
        }
    }
    CHECK(candidates == 0);
    CHECK(events >= 2);
}

TEST_CASE("a newsroom digest headline names new models as subjects of its segments", "[extract][grammar]") {
    auto ex = make_extractor();
    auto out = ex.extract(make_item("Muse Spark 7 Outpaces Rivals, Chip Exports Tighten, Llama 9 Learns to Plan",
                                    make_time(2026, 10, 20)),
                          nullptr, news("weekly-digest"));
    CHECK(release_of(out.events, "muse-spark-7") != nullptr);
    CHECK(release_of(out.events, "llama-9") != nullptr);
    CHECK(of_kind(out.events, EventKind::PersonnelMove).empty());
}

TEST_CASE("a short name spelled without its family word is the family's model", "[extract][grammar][rollout]") {
    fw::Taxonomy t = fw::test::small_taxonomy();
    fw::ModelInfo opus;
    opus.slug = "claude-opus-4";
    opus.name = "Claude Opus 4";
    opus.lab = "anthropic";
    opus.family = "claude";
    t.models.push_back(opus);
    t.surfaces.push_back(fw::Surface{"editor-x", "Editor X", "", fw::SurfaceCategory::Developer, {}});
    fw::extract::Extractor ex(t, fw::test::bundled_rules());
    auto out = ex.extract(make_item("Opus 4.9 is now available in Editor X", make_time(2026, 11, 2)), nullptr,
                          news("editor-blog"));
    auto rollouts = of_kind(out.events, EventKind::SurfaceRollout);
    REQUIRE(rollouts.size() == 1);
    CHECK(rollouts[0].model == "claude-opus-4-9");
    CHECK(rollouts[0].surface == "editor-x");
    CHECK(of_kind(out.events, EventKind::ModelRelease).empty());  // another's surface: an arrival
}

TEST_CASE("a headline '<model> on <surface>' is a rollout; a product of the model is not the model",
          "[extract][grammar][rollout]") {
    auto ex = make_extractor();
    auto on = ex.extract(make_item("Muse Spark on WhatsApp Business", make_time(2026, 5, 1)), nullptr, news());
    auto rollouts = of_kind(on.events, EventKind::SurfaceRollout);
    REQUIRE(rollouts.size() == 1);
    CHECK(rollouts[0].surface == "whatsapp-business");
    auto sdk = ex.extract(
        make_item("WhatsApp now supports the Muse Spark SDK", make_time(2026, 5, 1), "", "https://e.com/s", 2), nullptr,
        news());
    CHECK(of_kind(sdk.events, EventKind::SurfaceRollout).empty());
}

TEST_CASE("weights published months after a model's launch are a weights release", "[extract][grammar][openness]") {
    auto ex = make_extractor();
    auto out = ex.extract(make_item("Open release of Muse Spark", make_time(2026, 9, 30),
                                    "Today we are publishing the weights of Muse Spark under Apache 2.0."),
                          nullptr, feed_source());
    auto weights = of_kind(out.events, EventKind::WeightsRelease);
    REQUIRE(weights.size() == 1);
    CHECK(weights[0].model == "muse-spark");
    CHECK(weights[0].fields.text("openness") == "open_weights_permissive");
    CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
}

// --- Hosts, tools, evaluators and first-party evaluation posts (session 4) -----------------------
// A host's, tool's or evaluator's own feed speaks for its surface or evaluator, as a lab's feed
// speaks for its lab; every text below is written for the test.

namespace {

/// small_taxonomy() with a host (Quillmark, a model host) and an IDE (Tidewater) of no tracked lab.
fw::Taxonomy host_taxonomy() {
    auto t = fw::test::small_taxonomy();
    t.surfaces.push_back(fw::Surface{"quillmark", "Quillmark", "", fw::SurfaceCategory::Developer, {}});
    t.surfaces.push_back(fw::Surface{"tidewater", "Tidewater", "", fw::SurfaceCategory::Developer, {"Tidewater IDE"}});
    return t;
}

/// The bundled rules with one more evaluator, as a user would add it to data/rules.
fw::extract::Rules rules_with_evaluator() {
    auto rules = fw::test::bundled_rules();
    rules.mutable_list("evaluators").push_back(fw::extract::Cue{"sentinel evals", "sentinel", 0.85, false});
    return rules;
}

}  // namespace

TEST_CASE("a host's own feed announcing a model's availability is a rollout on the host", "[extract][grammar][host]") {
    fw::extract::Extractor ex(host_taxonomy(), fw::test::bundled_rules());
    const auto host = feed_source("quillmark-blog", std::nullopt);
    SECTION("product blog: the host is not named, the model is the subject of 'is now available'") {
        auto out = ex.extract(make_item("Muse Spark is now available", make_time(2026, 6, 2),
                                        "Pull it with one command and chat with it locally."),
                              nullptr, host);
        const auto* ev = rollout_on(out.events, "muse-spark", "quillmark");
        REQUIRE(ev != nullptr);
        CHECK(ev->lab == "meta");  // the model's maker, not the host
        CHECK(ev->confidence >= 0.6);
        CHECK(ev->cue.find("host feed") != std::string::npos);
    }
    SECTION("wire: the host as subject of 'adds support for'") {
        auto out = ex.extract(make_item("Quillmark adds support for Llama 3.1", make_time(2026, 6, 2)), nullptr, host);
        CHECK(rollout_on(out.events, "llama-3-1", "quillmark") != nullptr);
    }
    SECTION("release notes: a versioned model of a maker nobody tracks, named with a model word") {
        auto out =
            ex.extract(make_item("v0.9.4", make_time(2026, 6, 2),
                                 "New model: Orbis 2, a compact reasoning model by Northwind, is now available."),
                       nullptr, host);
        const auto rollouts = of_kind(out.events, EventKind::SurfaceRollout);
        REQUIRE(rollouts.size() == 1);
        CHECK(rollouts[0].model == "orbis-2");
        CHECK(rollouts[0].surface == "quillmark");
    }
    SECTION("newsroom style in a tool's feed: two models in one 'and' list, the tool named after them") {
        auto out = ex.extract(make_item("Kestrel 4 and Muse Spark now available in Tidewater", make_time(2026, 6, 2)),
                              nullptr, feed_source("tidewater-changelog", std::nullopt));
        CHECK(rollout_on(out.events, "kestrel-4", "tidewater") != nullptr);
        CHECK(rollout_on(out.events, "muse-spark", "tidewater") != nullptr);
    }
}

TEST_CASE("a host's feed: fixes, its own product line and its own models are not arrivals",
          "[extract][grammar][host]") {
    fw::extract::Extractor ex(host_taxonomy(), fw::test::bundled_rules());
    const auto host = feed_source("tidewater-changelog", std::nullopt);
    auto fix = ex.extract(make_item("Patch notes", make_time(2026, 6, 3),
                                    "Fixed an issue where Muse Spark is now available only after a restart."),
                          nullptr, host);
    CHECK(of_kind(fix.events, EventKind::SurfaceRollout).empty());
    auto wave = ex.extract(make_item("Tidewater Wave 4", make_time(2026, 6, 4),
                                     "Wave 4 is here with a new model picker and faster agents."),
                           nullptr, host);
    CHECK(of_kind(wave.events, EventKind::SurfaceRollout).empty());
    auto own = ex.extract(
        make_item("Our first in-house model is here", make_time(2026, 6, 5), "Tide 1 is now available to every user."),
        nullptr, host);
    CHECK(of_kind(own.events, EventKind::SurfaceRollout).empty());
    // A newsroom that is no host still needs the surface in the text.
    auto press = ex.extract(make_item("Muse Spark is now available", make_time(2026, 6, 6)), nullptr, news());
    CHECK(of_kind(press.events, EventKind::SurfaceRollout).empty());
}

TEST_CASE("an evaluator's own feed evaluating a model is a third-party evaluation by it",
          "[extract][grammar][evaluator]") {
    fw::extract::Extractor ex(host_taxonomy(), rules_with_evaluator());
    const auto feed = feed_source("sentinel-evals-blog", std::nullopt);
    SECTION("evaluator: 'we red-teamed X'") {
        auto out = ex.extract(make_item("What broke when we red-teamed Muse Spark for a month", make_time(2026, 7, 1),
                                        "We red-teamed Muse Spark with forty attack scripts."),
                              nullptr, feed);
        const auto evals = of_kind(out.events, EventKind::ThirdPartyEval);
        REQUIRE(evals.size() == 1);
        CHECK(evals[0].model == "muse-spark");
        CHECK(evals[0].fields.text("evaluator") == "sentinel");
    }
    SECTION("evaluator: an untracked maker's versioned model 'scores N on'") {
        auto out = ex.extract(make_item("Orbis 3 scores 61% on our long-horizon agent suite", make_time(2026, 7, 2),
                                        "The new model from Northwind leads the open models we tested."),
                              nullptr, feed);
        const auto evals = of_kind(out.events, EventKind::ThirdPartyEval);
        REQUIRE(evals.size() == 1);
        CHECK(evals[0].model == "orbis-3");
    }
    SECTION("newsroom: a named evaluator's 'assessment of' a maker's model") {
        auto out = ex.extract(make_item("AI Security Institute publishes its assessment of Meta's Muse Spark",
                                        make_time(2026, 7, 3), "The institute tested the model before deployment."),
                              nullptr, news());
        const auto evals = of_kind(out.events, EventKind::ThirdPartyEval);
        REQUIRE(evals.size() == 1);
        CHECK(evals[0].model == "muse-spark");
        CHECK(evals[0].fields.text("evaluator") == "aisi");
    }
    SECTION("a research post that names a model only deep in the body is no evaluation of it") {
        std::string body = "A note on how we write our internal reports and review each other's drafts.";
        for (int i = 0; i < 8; ++i) {
            body += " We keep the drafts short and the figures few, and we argue about every word.";
        }
        body += " We used Muse Spark to check spelling; we evaluated nothing here.";
        auto out = ex.extract(make_item("How we write", make_time(2026, 7, 4), body), nullptr, feed);
        CHECK(of_kind(out.events, EventKind::ThirdPartyEval).empty());
    }
}

TEST_CASE("a lab's evaluation post beyond a system card is an eval report", "[extract][grammar][evaluator]") {
    auto ex = make_extractor();
    SECTION("product blog: 'Evaluating X's ...' on the lab's own feed") {
        auto out = ex.extract(make_item("Evaluating Muse Spark's cyber capabilities", make_time(2026, 8, 1),
                                        "We ran capture-the-flag tasks against the model."),
                              nullptr, feed_source());
        const auto docs = of_kind(out.events, EventKind::EvalReport);
        REQUIRE(docs.size() == 1);
        CHECK(docs[0].model == "muse-spark");
        CHECK(docs[0].fields.text("doc_type") == "blog_eval");
        CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
    }
    SECTION("a technical paper and a safety report name their doc type") {
        auto paper = ex.extract(make_item("Llama 3.1 technical paper", make_time(2026, 8, 2)), nullptr, feed_source());
        auto docs = of_kind(paper.events, EventKind::EvalReport);
        REQUIRE(docs.size() == 1);
        CHECK(docs[0].fields.text("doc_type") == "tech_report");
        auto safety =
            ex.extract(make_item("Muse Spark safety report", make_time(2026, 8, 3), "", "https://e.com/sr", 2), nullptr,
                       feed_source());
        docs = of_kind(safety.events, EventKind::EvalReport);
        REQUIRE(docs.size() == 1);
        CHECK(docs[0].fields.text("doc_type") == "blog_eval");
    }
    SECTION("wire: the same words in a newsroom are no first-party document") {
        auto out =
            ex.extract(make_item("Evaluating Muse Spark's cyber capabilities", make_time(2026, 8, 4)), nullptr, news());
        CHECK(of_kind(out.events, EventKind::EvalReport).empty());
    }
}

TEST_CASE("a digest headline segment led by a new versioned name is a release, of no tracked lab",
          "[extract][grammar]") {
    auto ex = make_extractor();
    auto out = ex.extract(
        make_item("Orbis 3 Tops Open Models, Chip Prices Slide, Robots Learn to Fold Laundry", make_time(2026, 9, 1)),
        nullptr, news("weekly-digest"));
    const auto releases = of_kind(out.events, EventKind::ModelRelease);
    REQUIRE(releases.size() == 1);
    CHECK(releases[0].model == "orbis-3");
    CHECK_FALSE(releases[0].lab.has_value());
    // "Open" belongs to this segment; a digest's other stories say nothing of a model's openness.
    auto mixed = ex.extract(make_item("Muse Spark 7 Raises the Bar, Open Source Gap Narrows, Robots Fold Laundry",
                                      make_time(2026, 9, 1), "", "https://e.com/mixed", 3),
                            nullptr, news("weekly-digest"));
    const auto muse = of_kind(mixed.events, EventKind::ModelRelease);
    REQUIRE(muse.size() == 1);
    CHECK(muse[0].fields.text("openness")->rfind("open_weights", 0) != 0);
    // A headline with no versioned name leading a segment stays out of the queue.
    auto none = ex.extract(make_item("Chip Prices Slide, Robots Learn to Fold Laundry", make_time(2026, 9, 1), "",
                                     "https://e.com/none", 2),
                           nullptr, news("weekly-digest"));
    CHECK(none.candidates.empty());
}

TEST_CASE("the words that announce weights of an older model are data", "[extract][grammar][openness]") {
    auto rules = fw::test::bundled_rules();
    auto& words = rules.mutable_list("weights_release_words");
    std::erase_if(words, [](const fw::extract::Cue& c) { return c.pattern == "weights"; });
    const auto item = make_item("Muse Spark weights for everyone", make_time(2026, 9, 30),
                                "The weights of Muse Spark are on Hugging Face under Apache 2.0.");
    fw::extract::Extractor without(fw::test::small_taxonomy(), rules);
    CHECK(of_kind(without.extract(item, nullptr, feed_source()).events, EventKind::WeightsRelease).empty());
    auto ex = make_extractor();
    CHECK(of_kind(ex.extract(item, nullptr, feed_source()).events, EventKind::WeightsRelease).size() == 1);
}

TEST_CASE("a tool's own model in the first person is a release, not an arrival", "[extract][grammar][host]") {
    fw::extract::Extractor ex(host_taxonomy(), fw::test::bundled_rules());
    auto out = ex.extract(make_item("Introducing Tide 2: our fastest agent model yet", make_time(2026, 6, 9),
                                    "Tide 2 is now available to every user."),
                          nullptr, feed_source("tidewater-blog", std::nullopt));
    REQUIRE(release_of(out.events, "tide-2") != nullptr);
    CHECK(of_kind(out.events, EventKind::SurfaceRollout).empty());
    // Without the first person, a tool's "Introducing <Tool> Wave 5" names no model of its own.
    auto wave = ex.extract(make_item("Introducing Tidewater Wave 5", make_time(2026, 6, 10), "Our biggest update yet.",
                                     "https://e.com/w5", 2),
                           nullptr, feed_source("tidewater-blog", std::nullopt));
    CHECK(of_kind(wave.events, EventKind::ModelRelease).empty());
}

TEST_CASE("a lab's headline that is only a new name, whose lead calls it a model, is a release", "[extract][grammar]") {
    auto ex = make_extractor();
    auto out =
        ex.extract(make_item("Corvid", make_time(2026, 10, 1), "A compact model that translates speech on phones."),
                   nullptr, feed_source());
    const auto* ev = release_of(out.events, "corvid");
    REQUIRE(ev != nullptr);
    CHECK(ev->lab == "meta");
    // The same headline whose lead calls it something else stays a candidate.
    auto tool = ex.extract(
        make_item("Heron", make_time(2026, 10, 2), "A toolkit for labelling speech data.", "https://e.com/heron", 2),
        nullptr, feed_source());
    CHECK(of_kind(tool.events, EventKind::ModelRelease).empty());
}

TEST_CASE("a feed of no lab whose items link to a host's site speaks for the host", "[extract][grammar][host]") {
    fw::extract::Extractor ex(host_taxonomy(), fw::test::bundled_rules());
    auto out = ex.extract(make_item("Llama 3.1 is now available", make_time(2026, 6, 11), "Run it with one command.",
                                    "https://www.quillmark.dev/blog/llama-3-1"),
                          nullptr, feed_source("feed-17", std::nullopt));
    CHECK(rollout_on(out.events, "llama-3-1", "quillmark") != nullptr);
    // The same link on a lab's feed: the lab speaks, not the host.
    auto lab = ex.extract(make_item("Llama 3.1 is now available", make_time(2026, 6, 11), "Run it with one command.",
                                    "https://www.quillmark.dev/blog/llama-3-1", 2),
                          nullptr, feed_source("meta-ai-blog", std::string("meta")));
    CHECK(rollout_on(lab.events, "llama-3-1", "quillmark") == nullptr);
}

#include "extract/extractor.h"

#include "extract_support.h"
#include "support/catch.h"

using fw::EventKind;
using fw::make_time;
using fw::test::feed_source;
using fw::test::make_extractor;
using fw::test::make_item;
using fw::test::of_kind;

TEST_CASE("an Introducing headline yields a model release with evidence", "[extract][release]") {
    auto ex = make_extractor();
    auto item = make_item("Introducing Muse Spark: Scaling Towards Personal Superintelligence", make_time(2026, 4, 8),
                          "", "https://ai.meta.com/blog/introducing-muse-spark-msl/", 42);
    auto out = ex.extract(item, nullptr, feed_source());
    auto releases = of_kind(out.events, EventKind::ModelRelease);
    REQUIRE(releases.size() == 1);
    const auto& ev = releases[0];
    CHECK(ev.model == "muse-spark");
    CHECK(ev.lab == "meta");
    CHECK(ev.dedupe_key == "model_release|muse-spark");
    CHECK(fw::format_date(ev.occurred_at) == "2026-04-08");
    CHECK(ev.detected_at == item.fetched_at);
    CHECK(ev.fields.text("openness") == "hosted_product");  // from the taxonomy: no cue in the text
    CHECK(ev.fields.text("tier") == "flagship");
    CHECK(ev.confidence > 0.0);
    CHECK(ev.confidence <= 1.0);
    REQUIRE(ev.evidence.size() == 1);
    CHECK(ev.evidence[0].item_id == 42);
    CHECK(ev.evidence[0].url == item.entry.link);
    CHECK(ev.evidence[0].source == "meta-ai-blog");
    CHECK(ev.evidence[0].snippet.find("Muse Spark") != std::string::npos);
    CHECK(out.discovered_models.empty());
}

TEST_CASE("a new model is discovered with a slug and a family and is known afterwards", "[extract][discovery]") {
    auto ex = make_extractor();
    auto item = make_item("Introducing Muse Spark 1.1", make_time(2026, 7, 9), "",
                          "https://ai.meta.com/blog/introducing-muse-spark-meta-model-api/");
    auto out = ex.extract(item, nullptr, feed_source());
    REQUIRE(out.discovered_models.size() == 1);
    const auto& m = out.discovered_models[0];
    CHECK(m.slug == "muse-spark-1-1");
    CHECK(m.family == "muse-spark");
    CHECK(m.lab == "meta");
    auto releases = of_kind(out.events, EventKind::ModelRelease);
    REQUIRE(releases.size() == 1);
    CHECK(releases[0].fields.text("openness") == "api");  // "meta model api" in the link

    auto later = make_item("Muse Spark 1.1 now available in WhatsApp Business", make_time(2026, 7, 20));
    auto out2 = ex.extract(later, nullptr, feed_source());
    CHECK(out2.discovered_models.empty());
    auto rollouts = of_kind(out2.events, EventKind::SurfaceRollout);
    REQUIRE(rollouts.size() == 1);
    CHECK(rollouts[0].model == "muse-spark-1-1");
}

TEST_CASE("a versionless unknown name needs model words in the text", "[extract][discovery]") {
    auto ex = make_extractor();
    auto plain = ex.extract(make_item("Introducing Contextual Retrieval", make_time(2024, 9, 19)), nullptr,
                            feed_source("anthropic-news", std::string("anthropic")));
    CHECK(of_kind(plain.events, EventKind::ModelRelease).empty());
    auto modelish = ex.extract(
        make_item("Introducing Aurora", make_time(2026, 1, 5), "Aurora is our new multimodal foundation model."),
        nullptr, feed_source("anthropic-news", std::string("anthropic")));
    auto releases = of_kind(modelish.events, EventKind::ModelRelease);
    REQUIRE(releases.size() == 1);
    CHECK(releases[0].model == "aurora");
    CHECK(releases[0].confidence < 0.9);
}

TEST_CASE("programs, benchmarks and old models named again are not releases", "[extract][release]") {
    auto ex = make_extractor();
    auto src = feed_source("anthropic-news", std::string("anthropic"));
    for (const auto* title : {"Introducing the Anthropic Economic Futures Program", "Introducing GeneBench-Pro",
                              "Introducing Claude for Education", "Introducing the Model Context Protocol"}) {
        INFO(title);
        auto out = ex.extract(make_item(title, make_time(2025, 6, 27)), nullptr, src);
        CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
    }
}

TEST_CASE("open-weight cues and a named licence set the openness", "[extract][release]") {
    auto ex = make_extractor();
    auto out = ex.extract(make_item("Introducing Quill 2", make_time(2026, 2, 1),
                                    "Quill 2 is an open-weight model released under the Apache 2.0 license, "
                                    "with weights on Hugging Face."),
                          nullptr, feed_source("openai-news", std::string("openai")));
    auto releases = of_kind(out.events, EventKind::ModelRelease);
    REQUIRE(releases.size() == 1);
    CHECK(releases[0].fields.text("openness") == "open_weights_permissive");
    CHECK(releases[0].fields.text("license") == "Apache-2.0");
    auto closed = ex.extract(make_item("Introducing Quill 3", make_time(2026, 5, 1),
                                       "Quill 3 is available via API. We are not releasing the weights."),
                             nullptr, feed_source("openai-news", std::string("openai")));
    auto r2 = of_kind(closed.events, EventKind::ModelRelease);
    REQUIRE(r2.size() == 1);
    CHECK(r2[0].fields.text("openness") == "api");
}

TEST_CASE("a rollout names the model, the surface, the stage and the region", "[extract][rollout]") {
    auto ex = make_extractor();
    auto out = ex.extract(
        make_item("Muse Spark is rolling out in preview to WhatsApp Business in the US", make_time(2026, 4, 21)),
        nullptr, feed_source("meta-newsroom"));
    auto rollouts = of_kind(out.events, EventKind::SurfaceRollout);
    REQUIRE(rollouts.size() == 1);
    CHECK(rollouts[0].surface == "whatsapp-business");
    CHECK(rollouts[0].dedupe_key == "surface_rollout|muse-spark|whatsapp-business");
    CHECK(rollouts[0].fields.text("stage") == "preview");
    CHECK(rollouts[0].fields.text("region") == "US");
}

TEST_CASE("two sources reporting one fact produce the same dedupe key", "[extract][dedupe]") {
    auto ex = make_extractor();
    auto blog = ex.extract(make_item("Introducing Muse Spark", make_time(2026, 4, 8), "", "https://ai.meta.com/a", 1),
                           nullptr, feed_source("meta-ai-blog"));
    auto news =
        ex.extract(make_item("Meta's Muse Spark is here", make_time(2026, 4, 8), "", "https://about.fb.com/b", 2),
                   nullptr, feed_source("meta-newsroom"));
    auto a = of_kind(blog.events, EventKind::ModelRelease);
    auto b = of_kind(news.events, EventKind::ModelRelease);
    REQUIRE(a.size() == 1);
    REQUIRE(b.size() == 1);
    CHECK(a[0].dedupe_key == b[0].dedupe_key);
    CHECK(a[0].evidence[0].url != b[0].evidence[0].url);
}

TEST_CASE("a system card is a first-party eval report of its model", "[extract][eval]") {
    auto ex = make_extractor();
    auto out = ex.extract(make_item("Muse Spark System Card", make_time(2026, 4, 20)), nullptr, feed_source());
    auto evals = of_kind(out.events, EventKind::EvalReport);
    REQUIRE(evals.size() == 1);
    CHECK(evals[0].model == "muse-spark");
    CHECK(evals[0].fields.text("doc_type") == "system_card");
    CHECK(evals[0].dedupe_key == "eval_report|muse-spark|system_card");
}

TEST_CASE("an arXiv paper about a model is an eval report of type paper", "[extract][eval]") {
    auto ex = make_extractor();
    auto item = make_item("Probing the reasoning of Llama 4 Scout", make_time(2026, 3, 1),
                          "We evaluate Llama 4 Scout on twelve benchmarks.");
    item.entry.extra["arxiv_id"] = "2603.01234";
    auto out = ex.extract(item, nullptr, fw::extract::SourceInfo{"arxiv-llama", fw::SourceKind::Arxiv, std::nullopt});
    auto evals = of_kind(out.events, EventKind::EvalReport);
    REQUIRE(evals.size() == 1);
    CHECK(evals[0].fields.text("doc_type") == "paper");
    CHECK(evals[0].fields.text("arxiv_id") == "2603.01234");
    CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
}

TEST_CASE("a third-party leaderboard result names the evaluator", "[extract][eval]") {
    auto ex = make_extractor();
    auto out = ex.extract(make_item("Muse Spark ranks first on the LMArena text leaderboard", make_time(2026, 4, 15)),
                          nullptr, feed_source("ai-news", std::nullopt));
    auto evals = of_kind(out.events, EventKind::ThirdPartyEval);
    REQUIRE(evals.size() == 1);
    CHECK(evals[0].fields.text("evaluator") == "lmarena");
    CHECK(evals[0].dedupe_key == "third_party_eval|lmarena|muse-spark");
}

TEST_CASE("personnel headlines give the person, the move, the org and the role", "[extract][people]") {
    auto ex = make_extractor();
    auto src = feed_source("anthropic-news", std::string("anthropic"));
    auto joined = ex.extract(
        make_item("Krishna Rao joins Anthropic as Chief Financial Officer", make_time(2024, 5, 21)), nullptr, src);
    auto moves = of_kind(joined.events, EventKind::PersonnelMove);
    REQUIRE(moves.size() == 1);
    CHECK(moves[0].person == "krishna-rao");
    CHECK(moves[0].fields.text("move") == "joined");
    CHECK(moves[0].fields.text("org") == "anthropic");
    CHECK(moves[0].fields.text("role") == "Chief Financial Officer");
    CHECK(moves[0].dedupe_key == "personnel_move|krishna-rao|joined|2024-05");

    auto appointed =
        ex.extract(make_item("Anthropic appoints Guillaume Princen as Head of EMEA and announces 100+ new roles",
                             make_time(2025, 4, 8)),
                   nullptr, src);
    auto a = of_kind(appointed.events, EventKind::PersonnelMove);
    REQUIRE(a.size() == 1);
    CHECK(a[0].person == "guillaume-princen");
    CHECK(a[0].fields.text("role") == "Head of EMEA");

    auto left = ex.extract(make_item("Alexandr Wang steps down as Chief AI Officer", make_time(2026, 9, 1)), nullptr,
                           feed_source());
    auto l = of_kind(left.events, EventKind::PersonnelMove);
    REQUIRE(l.size() == 1);
    CHECK(l[0].person == "alexandr-wang");
    CHECK(l[0].fields.text("move") == "left");
}

TEST_CASE("an item without dates uses the fetch time with lower confidence", "[extract][evidence]") {
    auto ex = make_extractor();
    auto dated = make_item("Introducing Muse Spark", make_time(2026, 4, 8));
    auto undated = dated;
    undated.entry.published.reset();
    auto a = of_kind(ex.extract(dated, nullptr, feed_source()).events, EventKind::ModelRelease);
    auto b = of_kind(ex.extract(undated, nullptr, feed_source()).events, EventKind::ModelRelease);
    REQUIRE(a.size() == 1);
    REQUIRE(b.size() == 1);
    CHECK(b[0].occurred_at == undated.fetched_at);
    CHECK(b[0].confidence < a[0].confidence);
}

// Regression tests for false positives seen in the demo and in real feeds: release tags,
// appositives that say "not a model", descriptors and group nouns around names, expanded aliases,
// person names with titles, brackets and accents, and a reaffirmed capex range.

#include "extract/extractor.h"

#include "extract_support.h"
#include "support/catch.h"

using fw::EventKind;
using fw::make_time;
using fw::extract::Extractor;
using fw::test::feed_source;
using fw::test::make_extractor;
using fw::test::make_item;
using fw::test::of_kind;

namespace {

fw::Item release_item(const std::string& tag, const std::string& title, const std::string& text) {
    auto item = make_item(title, make_time(2026, 10, 6), text,
                          "https://github.com/facebookresearch/muse-spark-mini/releases/tag/" + tag);
    item.entry.extra["repo"] = "facebookresearch/muse-spark-mini";
    item.entry.extra["tag"] = tag;
    return item;
}

const fw::extract::SourceInfo github_source{"gh-muse-spark-mini", fw::SourceKind::GithubReleases, "meta"};

}  // namespace

TEST_CASE("a GitHub release tag is a weights release of the repository's model, not a model named v1-0",
          "[extract][unit]") {
    auto ex = make_extractor();
    auto out = ex.extract(release_item("v1.0", "v1.0: Muse Spark Mini",
                                       "First release of Muse Spark Mini, an 8B model. Weights: "
                                       "https://huggingface.co/meta-llama/Muse-Spark-Mini (CC BY-NC 4.0)."),
                          nullptr, github_source);
    CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
    auto weights = of_kind(out.events, EventKind::WeightsRelease);
    REQUIRE(weights.size() == 1);
    CHECK(weights[0].model == "muse-spark-mini");
    CHECK(weights[0].fields.text("repo") == "meta-llama/Muse-Spark-Mini");
    for (const auto& m : out.discovered_models) {
        CHECK(m.slug.rfind("v1", 0) != 0);
    }
}

TEST_CASE("a patch release tag without new weights yields no event", "[extract][unit]") {
    auto ex = make_extractor();
    auto out = ex.extract(release_item("v1.0.1", "v1.0.1: Muse Community License",
                                       "Muse Spark Mini weights are now distributed under the Muse Community License."),
                          nullptr, github_source);
    CHECK(of_kind(out.events, EventKind::ModelRelease).empty());
    CHECK(of_kind(out.events, EventKind::WeightsRelease).empty());
}

TEST_CASE("a name described as a system, a language or datasets is not a model", "[extract][unit]") {
    auto ex = make_extractor();
    const auto lab = feed_source("mistral-news", std::string("meta"));
    auto forge = ex.extract(make_item("Introducing Forge", make_time(2026, 3, 17),
                                      "Today, we're introducing Forge, a system that allows enterprises to build "
                                      "frontier-grade AI models grounded in their proprietary knowledge."),
                            nullptr, lab);
    CHECK(of_kind(forge.events, EventKind::ModelRelease).empty());
    auto triton = ex.extract(make_item("Introducing Triton: GPU programming", make_time(2021, 7, 28),
                                       "We're releasing Triton 1.0, an open-source Python-like programming language."),
                             nullptr, lab);
    CHECK(of_kind(triton.events, EventKind::ModelRelease).empty());
    auto datasets = ex.extract(make_item("Open sourcing sEMG datasets", make_time(2024, 12, 5),
                                         "We're releasing emg2qwerty and emg2pose\xE2\x80\x94two large datasets and "
                                         "benchmarks for sEMG-based typing."),
                               nullptr, lab);
    CHECK(of_kind(datasets.events, EventKind::ModelRelease).empty());
    // The same shape with a model as the appositive's head is a release.
    auto quill = ex.extract(make_item("Introducing Quill", make_time(2026, 3, 17),
                                      "Today, we're introducing Quill, a reasoning model for long documents."),
                            nullptr, lab);
    auto releases = of_kind(quill.events, EventKind::ModelRelease);
    REQUIRE(releases.size() == 1);
    CHECK(releases[0].model == "quill");
}

TEST_CASE("a headline that is only an unknown name needs some sign of a model", "[extract][unit]") {
    auto ex = make_extractor();
    const auto openai = feed_source("openai-research", std::string("meta"));
    auto dota = ex.extract(make_item("Dota 2", make_time(2017, 8, 11),
                                     "We've created a bot which beats the world's top professionals at 1v1 matches."),
                           nullptr, openai);
    CHECK(of_kind(dota.events, EventKind::ModelRelease).empty());
    auto vision = ex.extract(make_item("DINOv3: Self-supervised learning for vision", make_time(2025, 8, 14),
                                       "DINOv3 scales self-supervised learning for images.",
                                       "https://ai.meta.com/blog/dinov3-self-supervised-vision-model/"),
                             nullptr, openai);
    auto releases = of_kind(vision.events, EventKind::ModelRelease);
    REQUIRE(releases.size() == 1);
    CHECK(releases[0].model == "dinov3");
}

TEST_CASE("descriptors before 'model' and group nouns are not part of a model's name", "[extract][unit]") {
    auto ex = make_extractor();
    auto jepa = ex.extract(make_item("Introducing the V-JEPA 2 world model and new benchmarks", make_time(2025, 6, 11)),
                           nullptr, feed_source());
    auto releases = of_kind(jepa.events, EventKind::ModelRelease);
    REQUIRE(releases.size() == 1);
    CHECK(releases[0].model == "v-jepa-2");
    auto herd = ex.extract(make_item("The Llama 4 herd: The beginning of a new era", make_time(2025, 4, 5),
                                     "We're introducing Llama 4 Scout and Llama 4 Maverick, the first open-weight "
                                     "natively multimodal models."),
                           nullptr, feed_source());
    std::vector<std::string> models;
    for (const auto& ev : of_kind(herd.events, EventKind::ModelRelease)) {
        models.push_back(ev.model.value_or(""));
    }
    CHECK(std::find(models.begin(), models.end(), "llama-4-herd") == models.end());
    CHECK(std::find(models.begin(), models.end(), "llama-4-scout") != models.end());
}

TEST_CASE("a spelled-out name of a known model is that model", "[extract][unit]") {
    auto taxonomy = fw::test::small_taxonomy();
    fw::ModelInfo gpt4o;
    gpt4o.slug = "gpt-4o";
    gpt4o.name = "GPT-4o";
    gpt4o.lab = "openai";
    gpt4o.family = "gpt";
    taxonomy.models.push_back(gpt4o);
    Extractor ex(taxonomy, fw::test::bundled_rules());
    auto out = ex.extract(make_item("Hello GPT-4o", make_time(2024, 5, 13),
                                    "We're announcing GPT-4 Omni, our new flagship model which can reason across "
                                    "audio, vision, and text."),
                          nullptr, feed_source("openai-research", std::string("openai")));
    auto releases = of_kind(out.events, EventKind::ModelRelease);
    REQUIRE(releases.size() == 1);
    CHECK(releases[0].model == "gpt-4o");
    CHECK(out.discovered_models.empty());
}

TEST_CASE("a new person carries a display name and a clean slug", "[extract][unit]") {
    auto ex = make_extractor();
    const auto news = feed_source("anthropic-news", std::string("anthropic"));
    auto theo = ex.extract(make_item("Anthropic names Theo Hourmouzis General Manager of Australia & New Zealand and "
                                     "officially opens Sydney office",
                                     make_time(2026, 4, 27)),
                           nullptr, news);
    auto moves = of_kind(theo.events, EventKind::PersonnelMove);
    REQUIRE(moves.size() == 1);
    CHECK(moves[0].person == "theo-hourmouzis");
    CHECK(moves[0].fields.text("name") == "Theo Hourmouzis");
    CHECK(moves[0].fields.text("role") == "General Manager of Australia & New Zealand");

    auto tino = ex.extract(make_item("Mariano-Florentino (Tino) Cu\xC3\xA9llar to join Anthropic as Chief Global "
                                     "Affairs Officer",
                                     make_time(2026, 8, 4)),
                           nullptr, news);
    moves = of_kind(tino.events, EventKind::PersonnelMove);
    REQUIRE(moves.size() == 1);
    CHECK(moves[0].person == "mariano-florentino-cuellar");
    CHECK(moves[0].fields.text("name") == "Mariano-Florentino Cu\xC3\xA9llar");
    CHECK(moves[0].fields.text("role") == "Chief Global Affairs Officer");
}

TEST_CASE("capex guidance unchanged from the prior outlook is reaffirmed with that prior range", "[extract][unit]") {
    auto ex = make_extractor();
    auto out = ex.extract(make_item("Meta Reports Third Quarter 2026 Results", make_time(2026, 10, 28),
                                    "We continue to expect 2026 capital expenditures, including principal payments on "
                                    "finance leases, to be in the range of $130-145 billion, unchanged from our prior "
                                    "outlook."),
                          nullptr, feed_source("meta-investor"));
    auto capex = of_kind(out.events, EventKind::CapexGuidance);
    REQUIRE(capex.size() == 1);
    CHECK(capex[0].fields.text("direction") == "reaffirmed");
    CHECK(capex[0].fields.number("low_usd") == 130e9);
    CHECK(capex[0].fields.number("high_usd") == 145e9);
    CHECK(capex[0].fields.number("prior_low_usd") == 130e9);
    CHECK(capex[0].fields.number("prior_high_usd") == 145e9);
}

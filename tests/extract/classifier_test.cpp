// The kind classifier beside the grammar (extract/classifier.h): the shipped model loads and reads
// the language of announcements, a missing or damaged model file is an error and never an abort,
// and the Extractor turns an item the grammar cannot read into a candidate when the classifier
// suggests a kind. Needs only data/classifier/kinds.ftz (committed), never ../shared.

#include "extract/classifier.h"

#include <filesystem>
#include <fstream>

#include "extract_support.h"
#include "support/catch.h"

namespace {

using fw::extract::KindClassifier;

std::filesystem::path shipped_model() {
    return fw::test::bundled_data() / "classifier" / "kinds.ftz";
}

std::shared_ptr<const KindClassifier> load_shipped(KindClassifier::Thresholds th = {}) {
    auto c = KindClassifier::load(fw::test::read_file(shipped_model()), shipped_model().string(), th);
    REQUIRE(c);
    return *c;
}

/// The scores of a title and summary read as the Extractor reads them.
std::vector<fw::extract::KindScore> scores_of(const KindClassifier& c, const std::string& title,
                                              const std::string& summary) {
    fw::FeedEntry e;
    e.title = title;
    e.summary_text = summary;
    const fw::extract::EntityMatcher matcher(fw::test::small_taxonomy());
    auto scores = c.classify(fw::extract::classifier_input(e, matcher));
    REQUIRE_FALSE(scores.empty());
    return scores;
}

std::string top_kind(const KindClassifier& c, const std::string& title, const std::string& summary) {
    return scores_of(c, title, summary).front().kind;
}

std::filesystem::path temp_file(const std::string& name, const std::string& bytes) {
    const auto p = std::filesystem::temp_directory_path() / ("fw_classifier_test_" + name);
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
}

}  // namespace

TEST_CASE("classifier: the shipped model loads and knows the six kinds and none", "[classifier]") {
    const auto c = load_shipped();
    const auto scores = c->classify("introducing MODEL our new model");
    for (const auto* kind :
         {"none", "model_release", "surface_rollout", "eval_report", "third_party_eval", "personnel_move"}) {
        CHECK(KindClassifier::probability_of(scores, kind) > 0.0);
    }
    for (const auto& s : scores) {
        CHECK(s.probability >= 0.0);
        CHECK(s.probability <= 1.0);
    }
}

TEST_CASE("classifier: the input replaces names by their kind and numbers by NUM", "[classifier]") {
    fw::FeedEntry e;
    e.title = "Meta ships Llama 4 Scout to WhatsApp";
    e.summary_text = "First sentence here. Second one, 2025! A third that is cut off.";
    const fw::extract::EntityMatcher matcher(fw::test::small_taxonomy());
    const auto input = fw::extract::classifier_input(e, matcher);
    CHECK(input.rfind("LAB ships MODEL to SURFACE", 0) == 0);
    CHECK(input.find("NUM") != std::string::npos);
    CHECK(input.find("third") == std::string::npos);  // two sentences of the body only
    CHECK(input.find("llama") == std::string::npos);
}

TEST_CASE("classifier: sentences in new wording read as a launch or as nothing", "[classifier]") {
    const auto c = load_shipped();
    // A small model trained on ~1,200 items: a launch in new words is far likelier a release than
    // an office note is, though not always above "none".
    const auto launch =
        scores_of(*c, "Say hello to Quillon 2, our fastest model yet",
                  "Today we are releasing Quillon 2, a new family of models with a longer context window.");
    const auto office = scores_of(*c, "Our office in Lisbon is hiring",
                                  "We are looking for engineers who enjoy building developer tools with us.");
    CHECK(KindClassifier::probability_of(launch, "model_release") >
          2 * KindClassifier::probability_of(office, "model_release"));
    CHECK(KindClassifier::probability_of(launch, "none") < KindClassifier::probability_of(office, "none"));
    CHECK(top_kind(*c, "Our office in Lisbon is hiring",
                   "We are looking for engineers who enjoy building developer tools with us.") == "none");
    CHECK(top_kind(*c, "Quarterly results and what comes next for our customers",
                   "Revenue grew and we thank our partners for a strong year.") == "none");
}

TEST_CASE("classifier: a corrupt or truncated model file is a clear error, not a crash", "[classifier]") {
    SECTION("not a fastText file") {
        const auto p = temp_file("garbage.ftz", "this is not a model, only some text\n");
        auto c = KindClassifier::load(fw::test::read_file(p), p.string());
        REQUIRE_FALSE(c);
        CHECK(c.error().code == fw::ErrorCode::Parse);
        CHECK(c.error().describe().find("not a fastText model") != std::string::npos);
        std::filesystem::remove(p);
    }
    SECTION("an empty file") {
        const auto p = temp_file("empty.ftz", "");
        CHECK_FALSE(KindClassifier::load(fw::test::read_file(p), p.string()));
        std::filesystem::remove(p);
    }
    SECTION("the shipped model cut short") {
        std::ifstream in(shipped_model(), std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        REQUIRE(bytes.size() > 1000);
        for (const std::size_t keep : {std::size_t{12}, std::size_t{200}, bytes.size() / 2, bytes.size() - 10}) {
            const auto p = temp_file("truncated.ftz", bytes.substr(0, keep));
            auto c = KindClassifier::load(fw::test::read_file(p), p.string());
            CHECK_FALSE(c);
            std::filesystem::remove(p);
        }
    }
}

TEST_CASE("classifier: the Extractor makes a candidate of the classifier's kind where the grammar finds nothing",
          "[classifier]") {
    // A host's note on a tool nobody tracks: no lab, model or surface the grammar knows, and no
    // versioned name (a versioned one under a launch word is a grammar candidate of its own).
    const auto item = fw::test::make_item("Zorblax is here", fw::make_time(2026, 5, 4),
                                          "You can try Zorblax from the command line in the latest version.");
    const fw::extract::SourceInfo host{"some-host", fw::SourceKind::Feed, std::nullopt};

    fw::extract::Extractor grammar_only(fw::test::small_taxonomy(), fw::test::bundled_rules());
    const auto before = grammar_only.extract(item, nullptr, host);
    CHECK(before.events.empty());
    CHECK(before.candidates.empty());

    // Every suggestion taken (threshold 0): the candidate carries the classifier's kind and cue.
    fw::extract::Extractor with(fw::test::small_taxonomy(), fw::test::bundled_rules(), load_shipped({0.0, 2.0}));
    const auto out = with.extract(item, nullptr, host);
    CHECK(out.events.empty());
    REQUIRE(out.candidates.size() == 1);
    const auto& c = out.candidates.front();
    REQUIRE(c.suggested_kind);
    CHECK(c.cue.rfind("classifier:" + std::string(fw::to_string(*c.suggested_kind)) + " p=", 0) == 0);
    CHECK(c.confidence > 0.0);
    CHECK(c.confidence < 1.0);

    // No suggestion is sure enough (threshold above 1): as before, nothing.
    fw::extract::Extractor strict(fw::test::small_taxonomy(), fw::test::bundled_rules(), load_shipped({1.5, 2.0}));
    CHECK(strict.extract(item, nullptr, host).candidates.empty());
}

TEST_CASE("classifier: a confident grammar event is left as it is", "[classifier]") {
    const auto item = fw::test::make_item("Introducing Llama 4 Scout", fw::make_time(2025, 4, 5),
                                          "Meta releases Llama 4 Scout with open weights.");
    auto plain = fw::test::make_extractor();
    fw::extract::Extractor with(fw::test::small_taxonomy(), fw::test::bundled_rules(), load_shipped({0.0, 2.0}));
    const auto a = plain.extract(item, nullptr, fw::test::feed_source());
    const auto b = with.extract(item, nullptr, fw::test::feed_source());
    REQUIRE(a.events.size() == b.events.size());
    for (std::size_t i = 0; i < a.events.size(); ++i) {
        CHECK(a.events[i].kind == b.events[i].kind);
        CHECK(a.events[i].confidence == b.events[i].confidence);
    }
    CHECK(b.candidates.empty());
}

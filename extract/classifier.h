#pragma once
// A small fastText classifier beside the grammar: the text of an item in, each event kind (and
// "none") with a probability out. It never makes an event on its own; the Extractor uses it to
// turn an item the grammar could not classify into a candidate for review, and to weigh the
// grammar's weak findings (extract/extractor.cpp). The model is data: data/classifier/kinds.ftz,
// trained on the dev split of tests/data/extract/labels by scripts/train-classifier.sh.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/feed.h"
#include "domain/result.h"
#include "extract/entity_matcher.h"

namespace fasttext {
class FastText;
}

namespace fw::extract {

/// One label of the model: an event kind name ("model_release", ...) or "none".
struct KindScore {
    std::string kind;
    double probability = 0;
};

/// What the classifier reads of an item: the title and the first sentences of the summary (or of
/// the content when there is no summary), lowercased, split into words, with every entity the
/// matcher finds replaced by its kind in capitals (MODEL, LAB, SURFACE, PERSON, TICKER) and every
/// word with a digit by NUM, so that the model learns the language of announcements and not the
/// names it was trained on. Training (bench/extract_accuracy) and inference use this one function.
std::string classifier_input(const FeedEntry& entry, const EntityMatcher& matcher);

/// The same with the placeholders off (entity names kept as words): measured, not shipped.
std::string classifier_input_raw(const FeedEntry& entry);

/// Probabilities at or above which the Extractor acts on the classifier (tuned on the dev split
/// only; see data/classifier/README.md). The tool that tunes them may set others.
struct ClassifierThresholds {
    double candidate = 0.7;  ///< an item with no confident event becomes a candidate of this kind
    /// A weak grammar event the classifier agrees with becomes an event. Off (above 1): on the
    /// dev split's cross-validation, lifting at 0.9 added a false positive and no hit.
    double agree = 1.01;
};

class KindClassifier {
public:
    using Thresholds = ClassifierThresholds;

    /// Reads a fastText model (.ftz or .bin) from its bytes; `origin` (the file's path) names it in
    /// errors. A foreign, truncated or corrupt model is an error, never an abort: the header is
    /// checked before fastText reads it, and fastText's exceptions are caught. extract/ stays pure:
    /// the caller reads the file (app::load_classifier_file).
    static Result<std::shared_ptr<const KindClassifier>> load(std::string_view bytes, const std::string& origin,
                                                              Thresholds thresholds = {});

    ~KindClassifier();
    KindClassifier(const KindClassifier&) = delete;
    KindClassifier& operator=(const KindClassifier&) = delete;

    /// Every label of the model with its probability, highest first. `input` is classifier_input.
    std::vector<KindScore> classify(std::string_view input) const;
    /// The probability of one label ("none" included), 0 when the model has no such label.
    static double probability_of(const std::vector<KindScore>& scores, std::string_view kind);

    const Thresholds& thresholds() const { return thresholds_; }

private:
    explicit KindClassifier(std::unique_ptr<fasttext::FastText> model, Thresholds thresholds);
    std::unique_ptr<fasttext::FastText> model_;
    Thresholds thresholds_;
};

}  // namespace fw::extract

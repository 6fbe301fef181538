#pragma once
// The generalisation evaluation of the extractor (tests/data/extract/labels): reads the labels,
// parses each labelled file of ../shared with the project's own parsers, runs the Extractor over
// each publisher's items in publication order and scores what it produced against the labels.
// Shared by bench/extract_accuracy (the report) and tests/extract/generalisation_test.cpp (the
// floors on the dev split), so both count the same way.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/event.h"
#include "domain/feed.h"
#include "domain/result.h"
#include "domain/taxonomy.h"
#include "extract/classifier.h"
#include "extract/extractor.h"
#include "extract/rules.h"

namespace fw::eval {

/// The six kinds the labels cover; events of other kinds are counted apart, never scored.
const std::vector<std::string>& scored_kinds();

struct ExpectedEvent {
    std::string kind;
    std::optional<std::string> model, surface, person, lab;
    std::vector<std::string> model_alt;  ///< other slugs naming the same model (a family name)
    nlohmann::json fields = nlohmann::json::object();
};

struct LabelledItem {
    std::string file;    ///< relative to the shared directory
    std::string guid;    ///< the entry id the project's parser gives the item, else its link
    int occurrence = 1;  ///< the n-th entry with this guid in file order (a feed may repeat one)
    std::string publisher;
    std::string split;  ///< "dev" | "heldout"
    std::vector<ExpectedEvent> expect;
    std::set<std::string> unscored;  ///< kinds not counted on this item
    std::string note;
    std::string origin;  ///< "<labels file>:<line>", for messages
};

/// Every *.jsonl of `dir`, in name order. Throws std::runtime_error naming the file and line of
/// a malformed label (bad JSON, a missing key, an unknown kind or split).
std::vector<LabelledItem> read_labels(const std::filesystem::path& dir);

/// true/false: an event's subject and checked fields agree with the expectation.
bool subject_matches(const Event& produced, const ExpectedEvent& expected);

/// "open", "closed" or "" (unknown) for an openness code or an openness_class value.
std::string openness_class(const std::string& code);

struct Tally {
    int tp = 0, fp = 0, fn = 0;
    double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / (tp + fp); }
    double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / (tp + fn); }
    void add(const Tally& o) { tp += o.tp, fp += o.fp, fn += o.fn; }
};

/// model_release events matched to an expectation that gives an openness.
struct OpennessTally {
    int with_code = 0, code_right = 0;    ///< expected an exact code
    int with_class = 0, class_right = 0;  ///< expected a code or only a class
};

struct Miss {
    std::string kind;  ///< "FN", "FP", or "NC" (a labelled negative that became a candidate)
    std::string split, publisher, file, guid, title;
    std::string wanted;     ///< the expectation (FN) or "" (FP)
    std::string produced;   ///< the event (FP) or what the item produced (FN)
    std::string candidate;  ///< FN: the item's candidate for review ("kind: cue"), "" when none
};

struct SplitReport {
    int items = 0;
    std::map<std::string, Tally> by_kind;       ///< scored kinds only
    std::map<std::string, Tally> by_publisher;  ///< all scored kinds together
    std::map<std::string, int> other_kinds;     ///< produced events of kinds not scored
    OpennessTally openness;
    int candidates = 0;  ///< ExtractOutput::candidates over the labelled items
    int items_with_candidate = 0;
    int fn_with_candidate = 0;          ///< expected events not produced whose item became a candidate
    int fn_with_candidate_of_kind = 0;  ///< ... a candidate suggesting the missed event's kind
    /// Expected events neither produced nor under review (their item has no candidate), per kind:
    /// what the "nothing that names a launch is dropped silently" counts.
    std::map<std::string, int> fn_silent;
    /// Events whose dedupe key an earlier item of the same stream already produced: the store
    /// merges them into that event as more evidence, so they are not scored (Options::merge_repeats).
    int merged_repeats = 0;
    int negative_items = 0;  ///< labelled negatives (expect: [], nothing unscored)
    int negative_items_with_candidate = 0;
    Tally total() const;
};

struct Report {
    std::map<std::string, SplitReport> splits;  ///< "dev", "heldout"
    std::vector<Miss> misses;
    /// Labels whose guid was not found in their parsed file, and files that could not be read
    /// or parsed (one line each): the evaluation goes on without them.
    std::vector<std::string> problems;
};

struct Options {
    std::optional<std::string> split;       ///< only this split
    std::set<std::string> publishers;       ///< only these publishers (empty: all)
    std::set<std::string> skip_publishers;  ///< not these
    /// Score as the store keeps events: an event whose dedupe key an earlier item of the same
    /// feed produced is evidence on that event, neither a hit nor a false positive (unless the
    /// label expects it there). False: every produced event counts.
    bool merge_repeats = true;
    /// The kind classifier beside the grammar (null: the grammar alone).
    std::shared_ptr<const extract::KindClassifier> classifier;
    /// Called for each scored labelled item once the extractor has read it (the classifier's
    /// training lines are written from here, with the extractor's matcher of that moment).
    std::function<void(const LabelledItem&, const FeedEntry&, const extract::Extractor&)> on_item;
};

/// Indices of `entries` in publication order, oldest first, as a first fetch stores them. Feeds
/// list newest first, so entries of the same instant keep the reverse of the file's order;
/// undated entries come last.
std::vector<std::size_t> publication_order(const std::vector<FeedEntry>& entries);

/// The entries of an RSS, Atom or JSON Feed file, parsed as the app parses a feed source
/// (`name` names the file in errors).
Result<std::vector<FeedEntry>> parse_feed_file(const std::filesystem::path& path, const std::string& name);

/// Runs the evaluation. `shared` is the shared directory (holding corpus/).
Report evaluate(const std::vector<LabelledItem>& labels, const std::filesystem::path& shared, const Taxonomy& taxonomy,
                const extract::Rules& rules, const Options& options = {});

/// The report as the plain table the bench prints (per split: kinds, totals, openness,
/// candidates; then per publisher).
std::string format_table(const Report& report);
nlohmann::json to_json(const Report& report);
std::string format_misses(const Report& report);

}  // namespace fw::eval

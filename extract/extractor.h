#pragma once
// Turns stored items into typed, evidenced events (the contract's event kinds). Pure: no clock,
// no I/O; detected_at is the item's fetched_at. Models met for the first time are remembered and
// matched in later items.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/candidate.h"
#include "domain/event.h"
#include "domain/item.h"
#include "domain/source.h"
#include "domain/taxonomy.h"
#include "extract/classifier.h"
#include "extract/entity_matcher.h"
#include "extract/rules.h"

namespace fw::extract {

/// What the extractor needs to know about an item's source.
struct SourceInfo {
    std::string name;
    SourceKind kind = SourceKind::Feed;
    std::optional<std::string> lab;  ///< lab slug the source speaks for
};

struct ExtractOutput {
    std::vector<Event> events;
    /// Models seen for the first time in this item (slug, name, lab, family, tier).
    std::vector<ModelInfo> discovered_models;
    /// At most one per item: the item names a tracked entity but yielded no confident event.
    /// Only the extraction fields are set (entities, cue, suggested_kind, confidence, lab,
    /// model, reason); the caller fills in the item's identity and the dedupe key.
    std::vector<Candidate> candidates;
};

struct ContextMemo;
struct Context;

class Extractor {
public:
    /// `classifier` (optional): the kind classifier beside the grammar. Without it (no model
    /// shipped or found) extraction is the grammar's alone.
    Extractor(const Taxonomy& taxonomy, Rules rules, std::shared_ptr<const KindClassifier> classifier = nullptr);
    /// A copy remembers nothing of the original's answers (ContextMemo): each extractor keeps its
    /// own, so copies may run on different threads.
    Extractor(const Extractor& other);
    Extractor& operator=(const Extractor& other);
    Extractor(Extractor&&) noexcept = default;
    Extractor& operator=(Extractor&&) noexcept = default;
    ~Extractor();

    /// Events of one item. `previous_version` is the item's prior stored version (for HF
    /// licence/gating diffs and page text diffs), or null for a new item.
    ExtractOutput extract(const Item& item, const Item* previous_version, const SourceInfo& source);

    /// Known models: the taxonomy's plus those discovered so far.
    const std::vector<ModelInfo>& models() const { return taxonomy_.models; }
    /// The entity matcher, with the models discovered so far (what the classifier's input uses).
    const EntityMatcher& matcher() const { return matcher_; }

private:
    /// The stories of a roundup read one by one (story_paragraphs): their events join `out`'s.
    void read_stories(const Context& ctx, ExtractOutput& out);

    Taxonomy taxonomy_;  // own copy: discovered models are appended to it
    Rules rules_;
    EntityMatcher matcher_;
    std::shared_ptr<const KindClassifier> classifier_;
    std::shared_ptr<ContextMemo> memo_;  // family_head answers across items (see context.h)
    bool reading_story_ = false;         // extracting one story of a roundup (story_paragraphs)
};

}  // namespace fw::extract

#pragma once
// Internal to extract/: what every extractor reads about the item at hand, and the common event
// builder (evidence, dates, dedupe key).

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/event.h"
#include "domain/item.h"
#include "domain/taxonomy.h"
#include "extract/entity_matcher.h"
#include "extract/extractor.h"
#include "extract/rules.h"
#include "extract/text.h"

namespace fw::extract {

/// Answers that depend only on the taxonomy and a word: the extractors ask them for every
/// capitalised word of every item, and each answer scans every model. An Extractor keeps one
/// across its items; they hold for one taxonomy with a given number of models (an Extractor's
/// taxonomy only grows), and are dropped when either differs.
struct ContextMemo {
    const Taxonomy* taxonomy = nullptr;
    std::size_t models = 0;  ///< taxonomy->models.size() the answers hold for
    std::map<std::string, std::pair<std::string, std::string>, std::less<>> family_heads;
};

struct Context {
    const Item& item;
    const Item* previous;
    const SourceInfo& source;
    const Taxonomy& taxonomy;
    const Rules& rules;
    const EntityMatcher& matcher;
    std::string text;                   ///< title, summary and content as plain text (or a page's added lines)
    std::vector<Token> tokens;          ///< of `text`
    std::vector<EntityMatch> entities;  ///< of `text`
    std::optional<std::string> lab;     ///< the source's lab, else the first lab named in the text
    /// The surface the source speaks for: a host's, tool's or product's own feed (see
    /// source_surface()). Its items need not name it: "Foo 3 is now available" there is a rollout.
    std::optional<std::string> source_surface;
    /// The evaluator the source speaks for (an evaluator's own feed, named in the "evaluators"
    /// rule list): "we evaluated Foo 3" there is a third_party_eval by it.
    std::optional<std::string> source_evaluator;
    /// Lets resolve_model_name remember a versioned name with no lab: a host or an evaluator
    /// speaks of models by makers the taxonomy does not track.
    bool unowned_models = false;
    /// The publisher speaks of a model of its own in the first person (own_model_said): a coined
    /// name with no version is remembered too, with no lab when the publisher is not tracked.
    bool own_models = false;
    /// Answers that depend only on the taxonomy and a word (see ContextMemo).
    using Memo = ContextMemo;
    std::shared_ptr<Memo> memo = std::make_shared<Memo>();
};

/// The surface a source speaks for: the longest surface name, slug or alias whose words begin
/// the source's name ("windsurf-changelog" -> windsurf, "chatgpt-release-notes" -> chatgpt), else,
/// for a source that speaks for no lab, the item's link host ("https://ollama.com/blog/..." ->
/// ollama). Only feeds and pages; a lab's newsroom ("meta-ai-blog") names no surface this way.
std::optional<std::string> source_surface(const SourceInfo& source, const Taxonomy& taxonomy,
                                          std::string_view link = {});

/// The evaluator a source speaks for: an "evaluators" rule whose words begin the source's name
/// ("aisi-blog" -> aisi) or, for a feed of no lab, its item's link host ("far.ai" -> far-ai).
std::optional<std::string> source_evaluator(const SourceInfo& source, const Rules& rules, std::string_view link = {});

/// Builds the context; `text_override` replaces the item text (a page's added lines).
Context make_context(const Item& item, const Item* previous, const SourceInfo& source, const Taxonomy& taxonomy,
                     const Rules& rules, const EntityMatcher& matcher,
                     const std::optional<std::string>& text_override = std::nullopt,
                     std::shared_ptr<ContextMemo> memo = nullptr);

/// The same item's context after the matcher learnt new models: its text, tokens and source
/// surface stay (they do not depend on models), its entities and lab are found again.
Context rematch_context(Context&& ctx);

/// When the item says it happened: published, else updated, else the fetch time (an upper bound).
TimePoint item_time(const Context& ctx);
/// An event with evidence (snippet = the sentence around byte `snippet_pos` of ctx.text),
/// occurred_at from the item's dates, detected_at = fetched_at. A missing published/updated date
/// lowers the confidence: the fetch time is only an upper bound.
Event make_event(const Context& ctx, EventKind kind, std::string dedupe_key, double confidence,
                 std::size_t snippet_pos = 0);

/// Confidence of the strongest cue of `list` found in ctx.tokens (0 when none); `pos` gets the
/// byte offset of that cue and `value` its value.
double strongest_cue(const Context& ctx, std::string_view list, std::size_t* pos = nullptr,
                     std::string* value = nullptr);

/// The first entity of `kind` in ctx.entities, or null.
const EntityMatch* first_entity(const Context& ctx, EntityKind kind);

/// A surface slug that names a developer API ("mistral-api" for La Plateforme, "anthropic-api").
bool api_slug(std::string_view slug);

/// "yyyy-mm" of a time.
std::string year_month(TimePoint t);

}  // namespace fw::extract

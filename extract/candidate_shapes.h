#pragma once
// Internal to extract/: shapes of a headline or a lead that announce something the grammar could
// not confirm (no model name it can resolve, no surface, no person it knows). Each shape is only
// the nearest cue of a review candidate, never an event: it says which kind of fact to look for
// and why, so that an item of this kind is never dropped silently.

#include <optional>
#include <string>

#include "domain/event.h"
#include "extract/context.h"

namespace fw::extract {

struct ShapeCue {
    std::string cue;     ///< what was read, quoted for the reviewer
    EventKind kind;      ///< the kind the shape suggests
    std::string reason;  ///< why it is no event
    std::optional<std::string> model;
};

/// "Grok Image Generation Release", "Foo 2 Launch": a headline that ends in a launch noun
/// (releases.json launch_nouns) after a capitalised name. A model_release candidate.
std::optional<ShapeCue> launch_noun_headline(const Context& ctx);

/// "Claude Gov models for public agencies": a lab's own headline that opens with a capitalised name
/// (starting with a tracked model's or lab's) followed by a model word (releases.json model_context_words). A model_release candidate.
std::optional<ShapeCue> model_word_headline(const Context& ctx);

/// "Claude and Alexa+", "Foo 3 on WhatsApp": a headline that names a tracked model and a tracked
/// surface but no verb the grammar reads. A surface_rollout candidate of that model.
std::optional<ShapeCue> model_and_surface_headline(const Context& ctx);

/// "Grok Voice Agent API": a lab's own headline that is only a capitalised name followed by "API".
/// A surface_rollout candidate (to the lab's API).
std::optional<ShapeCue> api_headline(const Context& ctx);

/// "We've trained a large-scale language model which ...": a lab's own headline or lead (the
/// body's first two sentences) where the lab, in the first person, made or launched a model
/// (releases.json creation_verbs, launch_verbs) that it does not name. A model_release candidate.
std::optional<ShapeCue> first_person_model_lead(const Context& ctx);

/// "How two settings tripled our scores on the X benchmark": a headline of a tracked lab or model
/// with a score word (evals.json score_words) and a benchmark's word (benchmark_words) or a
/// figure. An eval_report candidate on a lab's own feed, a
/// third_party_eval candidate elsewhere.
std::optional<ShapeCue> score_headline(const Context& ctx);

/// "Why I joined AISI", "I'm leaving Foo Labs": a headline in the first person with a personnel
/// verb (people.json personnel_lemmas). A personnel_move candidate; the reviewer names the person.
std::optional<ShapeCue> first_person_move_headline(const Context& ctx);

/// The first of the shapes above that the item has, in that order.
std::optional<ShapeCue> announcement_shape(const Context& ctx);

}  // namespace fw::extract

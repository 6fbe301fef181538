#pragma once
// Internal to extract/: shapes of a headline or a lead that announce something the grammar could
// not confirm (no model name it can resolve, no surface, no person it knows). Each shape is only
// the nearest cue of a review candidate, never an event: it says which kind of fact to look for
// and why, so that an item of this kind is never dropped silently.

#include <optional>
#include <string>
#include <vector>

#include "domain/event.h"
#include "extract/context.h"

namespace fw::extract {

struct ShapeCue {
    std::string cue;     ///< what was read, quoted for the reviewer
    EventKind kind;      ///< the kind the shape suggests
    std::string reason;  ///< why it is no event
    std::optional<std::string> model;
};

/// The first announcement shape the item has (candidate_shapes.cpp, each with its example): a
/// launch noun after a name, a tracked name and a model word, a model and a surface in one
/// headline, a lab's "X API", a score with a benchmark word or a figure, a move in the first
/// person, a lab that made or launched a model it does not name.
std::optional<ShapeCue> announcement_shape(const Context& ctx);

/// Whether `words` hold a phrase of a non-model list (releases.json non_model_words, _heads,
/// _context: "Startup Program", "Press", "Notes"): a launch of something that is not a model.
bool names_non_model(const Context& ctx, const std::vector<Token>& words);

}  // namespace fw::extract

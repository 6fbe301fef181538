#pragma once
// Internal to extract/: how open a released model is, read clause by clause. A cue binds to the
// clause it is in: "we won't share weights for Foo Large, but Foo Small is on Hugging Face" gives
// Foo Large closed and Foo Small open. A negation in the clause turns a weights cue into closed
// (api); a licence name gives the openness of weights; availability through an API or an app only
// gives that access level; a waitlist or "coming soon" gives the stage.

#include <optional>
#include <string>
#include <vector>

#include "domain/taxonomy.h"
#include "extract/context.h"

namespace fw::extract {

struct OpennessGuess {
    Openness openness = Openness::Unknown;
    std::optional<std::string> license;
    double confidence = 0;
    std::string cue;                   ///< the words that decided ("not ... weights", "apache 2.0")
    std::optional<std::string> stage;  ///< announced | preview | limited | ga, when the text says
};

/// Openness of `name` (a model released by this item) given the other models it releases.
OpennessGuess classify_openness(const Context& ctx, const ModelInfo* known, const std::string& name,
                                const std::vector<std::string>& other_names);

}  // namespace fw::extract

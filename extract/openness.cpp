#include "extract/openness.h"

#include <algorithm>

#include "extract/grammar.h"
#include "extract/license_class.h"

namespace fw::extract {
namespace {

enum class Scope { Own, Other, General };

constexpr std::size_t kNegationReach = 6;  // tokens either side of a weights cue

/// Tokens of `name` that no other released name has ("large" in "Foo Large" beside "Foo Small"):
/// a clause that says "the large model" speaks of Foo Large.
std::vector<std::string> distinguishing(const std::string& name, const std::vector<std::string>& others) {
    std::vector<std::string> out;
    for (const auto& t : phrase_tokens(name)) {
        bool shared = false;
        for (const auto& o : others) {
            const auto ot = phrase_tokens(o);
            shared = shared || std::find(ot.begin(), ot.end(), t) != ot.end();
        }
        if (!shared) {
            out.push_back(t);
        }
    }
    return out;
}

bool mentions(const std::vector<Token>& tokens, const std::string& name, const std::vector<std::string>& marks) {
    if (find_phrase(tokens, phrase_tokens(name))) {
        return true;
    }
    return std::any_of(marks.begin(), marks.end(),
                       [&](const std::string& m) { return find_phrase(tokens, {m}).has_value(); });
}

bool licence_word(const std::vector<Token>& tokens) {
    return has_phrase(tokens, "license") || has_phrase(tokens, "licence") || has_phrase(tokens, "licensed") ||
           has_phrase(tokens, "licenses");
}

/// A licence named without the word "license": only names that cannot be anything else ("Apache
/// 2.0", "CC-BY-NC"), never "MIT" (a university) or "Llama 3" (a model).
std::optional<std::string> bare_licence(const Context& ctx, const std::vector<Token>& tokens) {
    const Cue* best = nullptr;
    std::size_t best_len = 0;
    for (const auto& cue : ctx.rules.list("license_aliases")) {
        const auto phrase = phrase_tokens(cue.pattern);
        if (phrase.size() < 2 || cue.value.rfind("LicenseRef-", 0) == 0 || phrase.size() <= best_len) {
            continue;
        }
        if (find_phrase(tokens, phrase)) {
            best = &cue;
            best_len = phrase.size();
        }
    }
    if (best == nullptr) {
        return std::nullopt;
    }
    const auto* lic = ctx.taxonomy.find_license(best->value);
    return lic ? lic->id : best->value;
}

struct Found {
    std::string value;
    double confidence = 0;
    std::string cue;
};

}  // namespace

OpennessGuess classify_openness(const Context& ctx, const ModelInfo* known, const std::string& name,
                                const std::vector<std::string>& other_names) {
    const std::string text = ctx.text + "\n" + url_path_words(ctx.item.entry.link);
    const auto own_marks = distinguishing(name, other_names);
    std::vector<std::vector<std::string>> other_marks;
    for (const auto& o : other_names) {
        auto rest = other_names;
        std::erase(rest, o);
        rest.push_back(name);
        other_marks.push_back(distinguishing(o, rest));
    }
    Found own, general, stage_own, stage_general;
    std::string scope_text;  // own and general clauses: where a licence or access words count
    for (const auto& c : split_clauses(text)) {
        const std::string_view clause = std::string_view(text).substr(c.begin, c.end - c.begin);
        const auto tokens = tokenize(clause);
        const bool is_own = mentions(tokens, name, own_marks);
        bool is_other = false;
        for (std::size_t i = 0; i < other_names.size(); ++i) {
            is_other = is_other || mentions(tokens, other_names[i], other_marks[i]);
        }
        const Scope scope = is_own && !is_other ? Scope::Own : (!is_own && is_other ? Scope::Other : Scope::General);
        if (scope == Scope::Other) {
            continue;
        }
        scope_text += std::string(clause) + "\n";
        auto& best = scope == Scope::Own ? own : general;
        for (const auto& cue : ctx.rules.list("openness_cues")) {
            const auto phrase = phrase_tokens(cue.pattern);
            const auto at = cue.remove ? std::nullopt : find_phrase(tokens, phrase);
            if (!at) {
                continue;
            }
            Found f{cue.value, cue.confidence, cue.pattern};
            // The negation stays near its cue: "we won't share weights", "weights will not be
            // published", not a "no" at the other end of a long sentence.
            const auto from = *at > kNegationReach ? *at - kNegationReach : 0;
            const auto to = std::min(tokens.size(), *at + phrase.size() + kNegationReach);
            if (cue.value.rfind("open", 0) == 0 && negated(ctx.rules, tokens, from, to)) {
                f = Found{"api", std::max(cue.confidence, 0.85), "negated: not ... " + cue.pattern};
            }
            if (f.confidence > best.confidence) {
                best = f;
            }
        }
        auto& stage = scope == Scope::Own ? stage_own : stage_general;
        for (const auto& cue : ctx.rules.list("release_stages")) {
            if (!cue.remove && cue.confidence > stage.confidence && find_phrase(tokens, phrase_tokens(cue.pattern)) &&
                !negated(ctx.rules, tokens, 0, tokens.size())) {
                stage = Found{cue.value, cue.confidence, cue.pattern};
            }
        }
    }
    const Found& cue = own.confidence > 0 ? own : general;
    const Found& stage = stage_own.confidence > 0 ? stage_own : stage_general;
    OpennessGuess result;
    result.confidence = cue.confidence;
    result.cue = cue.cue;
    if (stage.confidence > 0) {
        result.stage = stage.value;
    }
    const auto scope_tokens = tokenize(scope_text);
    if (licence_word(scope_tokens)) {
        result.license = license_id_from_text(scope_text, ctx.taxonomy, ctx.rules);
    }
    if (!result.license) {
        result.license = bare_licence(ctx, scope_tokens);
    }
    const License* lic = result.license ? ctx.taxonomy.find_license(*result.license) : nullptr;
    if (cue.value == "open_weights") {
        // Weights are out; the licence decides how open. Unnamed licence: assume use limits.
        auto from_license = openness_from_license(lic);
        result.openness = is_open(from_license) ? from_license : Openness::OpenWeightsRestricted;
    } else if (auto o = openness_from_string(cue.value)) {
        result.openness = *o;
        if (!is_open(*o) && lic != nullptr && is_open(openness_from_license(lic))) {
            result.license.reset();  // a closed model does not carry an open licence named nearby
        }
    } else if (known != nullptr && known->openness != Openness::Unknown) {
        result.openness = known->openness;
        result.cue = "taxonomy";
    } else if (lic != nullptr && is_open(openness_from_license(lic))) {
        result.openness = openness_from_license(lic);
        result.cue = "licence " + *result.license;
        result.confidence = 0.8;
    } else if (has_phrase(scope_tokens, "api") || has_phrase(scope_tokens, "apis")) {
        result.openness = Openness::Api;  // offered to developers, no word of weights
        result.cue = "api, no weights";
        result.confidence = 0.6;
    } else if (std::any_of(ctx.entities.begin(), ctx.entities.end(),
                           [](const EntityMatch& m) { return m.kind == EntityKind::Surface; })) {
        result.openness = Openness::HostedProduct;  // in an app or product only
        result.cue = "surface, no api or weights";
        result.confidence = 0.55;
    }
    if (!result.license && known != nullptr && !known->license.empty() &&
        (is_open(result.openness) == is_open(known->openness))) {
        result.license = known->license;
    }
    return result;
}

}  // namespace fw::extract

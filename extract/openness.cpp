#include "extract/openness.h"

#include <algorithm>
#include <cctype>

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

/// Every mention of `name` in the clause runs on into a variant word: "Devstral 3 Small" is
/// another model than the Devstral 3 of the headline.
bool only_as_variant(const Context& ctx, std::string_view clause, const std::vector<Token>& tokens,
                     const std::string& name) {
    const auto phrase = phrase_tokens(name);
    bool any = false;
    for (auto at = find_phrase(tokens, phrase); at; at = find_phrase(tokens, phrase, *at + 1)) {
        const auto next = *at + phrase.size();
        if (next >= tokens.size() || !ctx.rules.contains("variant_words", tokens[next].norm) ||
            std::isupper(static_cast<unsigned char>(clause[tokens[next].begin])) == 0) {
            return false;
        }
        any = true;
    }
    return any;
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
/// 2.0", "CC-BY-NC"), never "MIT" (a university) or "Llama 3" (a model) unless right after
/// "under".
std::optional<std::string> bare_licence(const Context& ctx, const std::vector<Token>& tokens) {
    const Cue* best = nullptr;
    std::size_t best_len = 0;
    // Right after "under" any licence's name counts: "open weights under MIT".
    const auto under = [&](const std::vector<std::string>& phrase) {
        for (auto at = find_phrase(tokens, phrase); at; at = find_phrase(tokens, phrase, *at + 1)) {
            if (*at > 0 && tokens[*at - 1].norm == "under") {
                return true;
            }
        }
        return false;
    };
    for (const auto& cue : ctx.rules.list("license_aliases")) {
        const auto phrase = phrase_tokens(cue.pattern);
        if (phrase.size() <= best_len || cue.value.rfind("LicenseRef-", 0) == 0) {
            continue;
        }
        if (phrase.size() < 2 ? under(phrase) : find_phrase(tokens, phrase).has_value()) {
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

/// A clause about other models than the one named: "smaller Qwen4 models remain downloadable",
/// "the older versions stay open", "the small one is on Hugging Face". A word of the rules'
/// other_model_words right before (up to two words) a model noun, the name's own words excepted
/// ("Foo Small" is not "the small one").
bool speaks_of_other_models(const Context& ctx, const std::vector<Token>& tokens, const std::string& name) {
    static const std::vector<std::string> nouns = {"model", "models", "version", "versions", "variant",     "variants",
                                                   "one",   "ones",   "sibling", "siblings", "checkpoints", "sizes"};
    const auto own = phrase_tokens(name);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!ctx.rules.contains("other_model_words", tokens[i].norm) ||
            std::find(own.begin(), own.end(), tokens[i].norm) != own.end()) {
            continue;
        }
        for (std::size_t j = i + 1; j < std::min(tokens.size(), i + 4); ++j) {
            if (std::find(nouns.begin(), nouns.end(), tokens[j].norm) != nouns.end()) {
                return true;
            }
        }
    }
    return false;
}

/// A developer's channel: a surface with "api" in its slug, or a cloud or host that serves models
/// by API (rollout.json api_channels: Amazon Bedrock, Vertex AI, Together AI, ...).
bool api_surface(const Context& ctx, const EntityMatch& m) {
    return m.kind == EntityKind::Surface && (api_slug(m.slug) || ctx.rules.contains("api_channels", m.slug));
}

/// A tracked surface named in bytes [begin, end) of the item that satisfies `pred`.
template <typename Pred>
bool surface_within(const Context& ctx, std::size_t begin, std::size_t end, Pred pred) {
    return std::any_of(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& m) {
        return m.kind == EntityKind::Surface && begin <= m.begin && m.begin < end && pred(m);
    });
}

/// Where a model without weights is offered, by the words `tokens` and the surfaces named in the
/// byte ranges `where`: api when a developer's channel is named (an API surface such as La
/// Plateforme, or api, cloud, platform, console, studio, developers, enterprise), else
/// hosted_product when a product is, else `otherwise`.
std::string access_in(const Context& ctx, const std::vector<Token>& tokens, const std::vector<Clause>& where,
                      const std::string& otherwise) {
    const auto surface_in = [&](auto pred) {
        return std::any_of(where.begin(), where.end(),
                           [&](const Clause& c) { return surface_within(ctx, c.begin, c.end, pred); });
    };
    if (surface_in([&](const EntityMatch& m) { return api_surface(ctx, m); })) {
        return "api";
    }
    for (const char* developer :
         {"api", "apis", "cloud", "platform", "console", "studio", "developers", "enterprise"}) {
        if (has_phrase(tokens, developer)) {
            return "api";
        }
    }
    return surface_in([](const EntityMatch&) { return true; }) ? "hosted_product" : otherwise;
}

/// access_in over bytes [begin, end) of the item, whose words are `tokens`.
std::string closed_access(const Context& ctx, const std::vector<Token>& tokens, std::size_t begin, std::size_t end,
                          const std::string& otherwise) {
    return access_in(ctx, tokens, {Clause{begin, end}}, otherwise);
}

/// A clause that promises a channel rather than offering it: "with API access to follow in the
/// coming weeks", "developers can join a waitlist for the Meta Model API" (future_words, or a
/// release_stages cue of the limited or announced stage).
bool promises(const Context& ctx, const std::vector<Token>& tokens) {
    if (said_within(ctx.rules, "future_words", tokens, 0, tokens.size())) {
        return true;
    }
    return std::any_of(ctx.rules.list("release_stages").begin(), ctx.rules.list("release_stages").end(),
                       [&](const Cue& cue) {
                           return !cue.remove && (cue.value == "limited" || cue.value == "announced") &&
                                  find_phrase(tokens, phrase_tokens(cue.pattern));
                       });
}

/// access_in over what the item offers now: its clauses less those that promise a channel.
/// "Rolling out in the Grok app, with API access to follow" is a hosted product today; "" when
/// it names no channel at all.
std::string closed_access_now(const Context& ctx) {
    std::string offered;
    std::vector<Clause> kept;
    for (const auto& whole : split_clauses(ctx.text)) {
        // ", with API access to follow": the absolute phrase is a clause of its own here.
        std::vector<Clause> parts;
        const auto text = std::string_view(ctx.text).substr(whole.begin, whole.end - whole.begin);
        const auto with = text.find(", with ");
        if (with != std::string_view::npos) {
            parts = {Clause{whole.begin, whole.begin + with}, Clause{whole.begin + with, whole.end}};
        } else {
            parts = {whole};
        }
        for (const auto& c : parts) {
            const auto clause = std::string_view(ctx.text).substr(c.begin, c.end - c.begin);
            if (!promises(ctx, tokenize(clause))) {
                offered += std::string(clause) + "\n";
                kept.push_back(c);
            }
        }
    }
    return access_in(ctx, tokenize(offered), kept, "");
}

/// Access given as exclusive without weights: "available through Model Studio only", "offered
/// solely via its API", "only in the Meta AI app". An exclusive_access_words word and a channel
/// preposition (through, via) or "available in" in one clause: api when the channel is a
/// developer's (closed_access), else hosted_product.
std::optional<Found> exclusive_access(const Context& ctx, const std::vector<Token>& tokens, Clause clause) {
    const bool exclusive = std::any_of(tokens.begin(), tokens.end(), [&](const Token& t) {
        return ctx.rules.contains("exclusive_access_words", t.norm);
    });
    if (!exclusive || !(has_phrase(tokens, "through") || has_phrase(tokens, "via") ||
                        has_phrase(tokens, "available in") || has_phrase(tokens, "available on"))) {
        return std::nullopt;
    }
    if (closed_access(ctx, tokens, clause.begin, clause.end, "hosted_product") == "api") {
        return Found{"api", 0.7, "exclusive access through a developer channel"};
    }
    return Found{"hosted_product", 0.65, "exclusive access in a product"};
}

/// Some tracked surfaces named in a clause that says a stage (split_coordinated; release_stages)
/// and others in one that says none.
bool stage_of_some_surfaces(const Context& ctx) {
    const auto clauses = split_coordinated(ctx.text);
    bool staged = false;
    bool plain = false;
    for (const auto& m : ctx.entities) {
        const auto c = clause_at(clauses, m.begin);
        if (m.kind != EntityKind::Surface || !c) {
            continue;
        }
        const auto tokens = tokenize(std::string_view(ctx.text).substr(c->begin, c->end - c->begin));
        const bool says =
            std::any_of(ctx.rules.list("release_stages").begin(), ctx.rules.list("release_stages").end(),
                        [&](const Cue& cue) { return !cue.remove && find_phrase(tokens, phrase_tokens(cue.pattern)); });
        (says ? staged : plain) = true;
    }
    return staged && plain;
}

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
    bool promised_channel = false;
    // What the item offers now, read once (each withheld or closed cue asks for it).
    std::optional<std::string> offered_now;
    const auto access_now = [&](const std::string& otherwise) {
        if (!offered_now) {
            offered_now = closed_access_now(ctx);
        }
        return offered_now->empty() ? otherwise : *offered_now;
    };
    for (const auto& c : split_clauses(text)) {
        const std::string_view clause = std::string_view(text).substr(c.begin, c.end - c.begin);
        const auto tokens = tokenize(clause);
        bool is_own = mentions(tokens, name, own_marks);
        bool is_other = false;
        for (std::size_t i = 0; i < other_names.size(); ++i) {
            is_other = is_other || mentions(tokens, other_names[i], other_marks[i]);
        }
        // "smaller Qwen5 models remain downloadable" beside Qwen5-Max: a family word is no mention
        // of the model when the clause speaks of others of the family.
        if ((!find_phrase(tokens, phrase_tokens(name)) && speaks_of_other_models(ctx, tokens, name)) ||
            only_as_variant(ctx, clause, tokens, name)) {
            is_own = false;
            is_other = true;
        }
        const Scope scope = is_own && !is_other ? Scope::Own : (!is_own && is_other ? Scope::Other : Scope::General);
        if (scope == Scope::Other) {
            continue;
        }
        scope_text += std::string(clause) + "\n";
        auto& best = scope == Scope::Own ? own : general;
        bool promised_weights = false;
        bool promised_api = false;
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
                // Weights withheld: the model is where the item offers it ("available in the Meta
                // AI app ... not releasing its weights" is a hosted product).
                f = Found{access_now("api"), std::max(cue.confidence, 0.85), "negated: not ... " + cue.pattern};
            } else if ((cue.value == "api" || (cue.value == "limited_preview" && has_phrase(tokens, "api"))) &&
                       promises(ctx, tokens)) {
                // "API access to follow", "a waitlist for the API": a channel promised, not open.
                promised_api = true;
                continue;
            } else if (cue.value == "closed") {
                // "proprietary", "closed-source": closed, offered where the item offers it now.
                f = Found{access_now("api"), cue.confidence, cue.pattern};
            } else if (cue.value.rfind("open", 0) == 0 && said_within(ctx.rules, "future_words", tokens, from, to)) {
                // "Weights will follow in the coming weeks": promised, not out; the model is what
                // the item offers now, and the clause's stage is the weights', not the model's.
                promised_weights = true;
                continue;
            } else if (cue.value.rfind("open", 0) == 0 && said_within(ctx.rules, "contrast_words", tokens, from, *at)) {
                // "a break from the company's open-weights releases", "after years of open Llama
                // weights": the openness left behind, not this model's.
                f = Found{"api", cue.confidence, "contrasted: " + cue.pattern};
            }
            if (f.confidence > best.confidence) {
                best = f;
            }
        }
        if (const auto access = exclusive_access(ctx, tokens, c); access && access->confidence > best.confidence) {
            best = *access;
        }
        if (promised_api) {
            promised_channel = true;
            continue;  // the promise's stage is the channel's, not the model's
        }
        if (promised_weights && scope != Scope::Own) {
            continue;  // "Weights will follow in the coming weeks": the weights' stage, not the model's
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
    Found stage = stage_own.confidence > 0 ? stage_own : stage_general;
    // "rolls out to everyone in the Gemini app ... developers can try it in preview through the
    // Gemini API": a stage said of some surfaces while another gets the model without one is the
    // stage of those surfaces (their rollouts carry it), and the model itself is out.
    if (stage.confidence > 0 && stage_of_some_surfaces(ctx)) {
        stage = Found{};
    }
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
    } else if (lic != nullptr && is_open(openness_from_license(lic))) {
        // The item's own words before the taxonomy's: "Mistral Small 3, under Apache 2.0".
        result.openness = openness_from_license(lic);
        result.cue = "licence " + *result.license;
        result.confidence = 0.8;
    } else if (known != nullptr && known->openness != Openness::Unknown) {
        result.openness = known->openness;
        result.cue = "taxonomy";
    } else if (promised_channel && !access_now("").empty()) {
        result.openness = *openness_from_string(access_now(""));
        result.cue = "offered now: " + std::string(to_string(result.openness)) + "; a channel promised";
        result.confidence = 0.6;
    } else if (has_phrase(scope_tokens, "api") || has_phrase(scope_tokens, "apis")) {
        result.openness = Openness::Api;  // offered to developers, no word of weights
        result.cue = "api, no weights";
        result.confidence = 0.6;
    } else if (closed_access(ctx, {}, 0, ctx.text.size(), "") == "api") {
        // On an API surface, with or beside products ("available today on La Plateforme and Amazon
        // Bedrock"): developers can call it, so api rather than a hosted product.
        result.openness = Openness::Api;
        result.cue = "api surface, no weights";
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

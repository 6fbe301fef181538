// Surface rollouts: a model arriving on a product surface ("WhatsApp gets Muse Spark", "Claude
// Opus 5 is now available in Microsoft 365 Copilot"), from arrival verbs with their model and
// surface slots filled, rollout phrases, and hosts' own feeds announcing a model is available there.
#include "extract/extractors.h"

#include <algorithm>
#include <cctype>

#include "domain/event_schema.h"
#include "domain/slug.h"
#include "extract/confidence.h"
#include "extract/grammar.h"
#include "extract/model_names.h"

namespace fw::extract {
namespace {

/// A model's name used as a product's ("the Claude apps", "the Gemini API", "Grok Imagine
/// tools"): the word after it is a non-model noun or head (rules non_model_words,
/// non_model_heads), singular or plural.
bool product_of_model(const Context& ctx, std::size_t name_end) {
    if (ctx.text.substr(name_end, 1) != " ") {
        return false;
    }
    const auto next = tokenize(std::string_view(ctx.text).substr(name_end, 24));
    if (next.empty()) {
        return false;
    }
    const auto listed = [&](std::string_view w) {
        return ctx.rules.contains("non_model_words", w) || ctx.rules.contains("non_model_heads", w);
    };
    const std::string_view word = next.front().norm;
    return listed(word) || (word.size() > 3 && word.back() == 's' && listed(word.substr(0, word.size() - 1)));
}

/// The strongest stage word (rules stage_words) among the tokens in bytes [begin, end) of the
/// item; with `future` false, the future stage ("announced": "coming soon", "next month") is
/// skipped. Empty when none is said.
std::string stage_between(const Context& ctx, std::size_t begin, std::size_t end, bool future,
                          const std::vector<Clause>& skipped = {}) {
    std::vector<Token> said;
    for (const auto& t : ctx.tokens) {
        const bool skip = std::any_of(skipped.begin(), skipped.end(),
                                      [&](const Clause& c) { return t.begin >= c.begin && t.end <= c.end; });
        if (t.begin >= begin && t.end <= end && !skip) {
            said.push_back(t);
        }
    }
    std::string stage;
    double best = 0;
    for (const auto& cue : ctx.rules.list("stage_words")) {
        if (cue.remove || cue.confidence <= best || (!future && cue.value == "announced")) {
            continue;
        }
        if (find_phrase(said, phrase_tokens(cue.pattern))) {
            best = cue.confidence;
            stage = cue.value;
        }
    }
    return stage;
}

/// A surface's stage: its own clause's ("in preview through the Gemini API", "coming next month"),
/// else the item's outside the clauses that give other surfaces theirs, else `fallback`.
std::string surface_stage(const Context& ctx, const std::vector<Clause>& clauses,
                          const std::vector<EntityMatch>& surfaces, const EntityMatch& surface,
                          const std::string& fallback) {
    const auto clause_of = [&](std::size_t pos) { return clause_at(clauses, pos).value_or(Clause{pos, pos}); };
    Clause own = clause_of(surface.begin);
    if (own.end < ctx.text.size() && ctx.text[own.end] == '(') {
        own.end = clause_of(own.end + 1).end;  // "lands in Mistral Vibe (beta)": the parenthesis is the surface's
    }
    if (auto stage = stage_between(ctx, own.begin, own.end, /*future=*/true); !stage.empty()) {
        return stage;
    }
    std::vector<Clause> others;
    for (const auto& m : surfaces) {
        const Clause c = clause_of(m.begin);
        if (m.slug != surface.slug && !(c.begin <= surface.begin && surface.begin < c.end)) {
            others.push_back(c);
        }
    }
    auto stage = stage_between(ctx, 0, ctx.text.size(), /*future=*/false, others);
    return stage.empty() ? fallback : stage;
}

/// A model named for the first time in an arrival verb's model slot, beside a tracked surface
/// ("Codestral 3 lands in Le Chat", "Le Chat gets Codestral 3"): the name right before the verb
/// at the sentence's start, or right after it. Resolved as a launch's name is: versioned, of a
/// known family, or called a model in the text; a bare coined word is no model here.
std::optional<ModelRef> arrival_new_name(const Context& ctx, std::size_t sentence_begin, std::size_t vb, std::size_t ve,
                                         bool before) {
    const auto from = before ? sentence_begin : ve;
    const auto slot = std::string_view(ctx.text).substr(
        from, before ? vb - sentence_begin : std::min<std::size_t>(80, ctx.text.size() - ve));
    std::size_t at = 0;
    auto ref = resolve_leading(slot, ctx, &at);
    if (!ref || (from + at > 0 && std::string_view("$€£").find(ctx.text[from + at - 1]) != std::string_view::npos)) {
        return std::nullopt;  // "$1B" is money
    }
    const auto name = leading_name(slot, ctx);
    // The name fills the slot ("Codestral 3 lands in", not "Users of Codestral 3 say") or is the
    // verb's object, right after it.
    if (before ? (at != 0 || trim(slot).size() != name.size()) : !trim(slot.substr(0, at)).empty()) {
        return std::nullopt;
    }
    // A new name needs a version beside a word of its own ("Codestral 3"): a headline's capitalised
    // common noun ("ChatGPT Adds Ads") or a size alone is no model. Unversioned new names become
    // candidates (extractor.cpp, untracked_model_arrival).
    if (ref->discovered) {
        const auto words = tokenize(name);
        const bool version = std::any_of(words.begin(), words.end(), [](const Token& t) {
            return std::any_of(t.norm.begin(), t.norm.end(),
                               [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
        });
        const bool word = std::any_of(words.begin(), words.end(), [](const Token& t) {
            return t.norm.size() >= 2 && std::all_of(t.norm.begin(), t.norm.end(), [](char c) {
                       return std::isalpha(static_cast<unsigned char>(c)) != 0;
                   });
        });
        if (!version || !word) {
            return std::nullopt;
        }
    }
    return ref;
}

/// Who ships what to where, in that order: a launch or arrival verb, its object a model, then a
/// surface after a preposition ("OpenAI releases GPT-5.5 mini to free ChatGPT users", "Google
/// rolls Gemini 3 Ultra into Search AI Mode", "Meta launches Muse Spark in WhatsApp Business").
/// Between the verb and the model at most two lower-case words ("its new"); between the model and
/// the surface a place preposition and at most three lower-case words ("to all paid").
double placed_object_cue(const Context& ctx, std::size_t* pos, std::string* cue_text) {
    static const std::vector<std::string> places = {"to",     "in",     "into",       "on",      "onto", "across",
                                                    "inside", "within", "throughout", "through", "via"};
    const std::string_view text(ctx.text);
    const auto lower_words = [&](std::size_t a, std::size_t b, std::size_t most, bool place) {
        const auto words = tokenize(text.substr(a, b - a));
        if (words.size() > most + (place ? 1 : 0) ||
            (place && (words.empty() || std::find(places.begin(), places.end(), words[0].norm) == places.end()))) {
            return false;
        }
        return std::all_of(words.begin(), words.end(), [&](const Token& t) {
            return std::islower(static_cast<unsigned char>(text[a + t.begin])) != 0;
        });
    };
    double best = 0;
    for (const auto* list : {"launch_verbs", "arrival_verbs"}) {
        for (const auto& cue : verb_phrases(ctx.rules, list)) {
            const auto phrase = phrase_tokens(cue.pattern);
            if (cue.value.rfind("title-", 0) == 0 || cue.confidence <= best) {
                continue;
            }
            for (auto at = find_phrase(ctx.tokens, phrase); at; at = find_phrase(ctx.tokens, phrase, *at + 1)) {
                const auto ve = ctx.tokens[*at + phrase.size() - 1].end;
                const auto sentence_end = sentence_around(ctx.text, ve).end;
                // "Download it, or call it on La Plateforme": "it" stands for the model the item
                // named before; the surface placed after it is where the model is.
                if (const auto next = *at + phrase.size();
                    next < ctx.tokens.size() && (ctx.tokens[next].norm == "it" || ctx.tokens[next].norm == "them") &&
                    std::islower(static_cast<unsigned char>(text[ctx.tokens[next].begin])) != 0) {
                    const auto pronoun_end = ctx.tokens[next].end;
                    const bool model_before =
                        std::any_of(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& m) {
                            return m.kind == EntityKind::Model && m.end <= ctx.tokens[*at].begin;
                        });
                    for (const auto& m : ctx.entities) {
                        if (model_before && m.kind == EntityKind::Surface && m.begin >= pronoun_end &&
                            m.end <= sentence_end && lower_words(pronoun_end, m.begin, 3, true) &&
                            !negated(ctx.rules, ctx.tokens, *at > 4 ? *at - 4 : 0, *at)) {
                            best = cue.confidence;
                            *pos = ctx.tokens[*at].begin;
                            *cue_text = "placed-object " + cue.pattern + " it to/in/on {surface}";
                            break;
                        }
                    }
                    continue;
                }
                // The model as specifically as named: "Gemini 3 Ultra", not the "Gemini 3" it starts with.
                const auto named = specific_models(ctx, ve, sentence_end);
                const auto model = std::min_element(named.begin(), named.end(),
                                                    [](const auto& a, const auto& b) { return a.begin < b.begin; });
                // "adds Anthropic's Claude Opus 5 to ...": a tracked lab's possessive may name the maker.
                const auto maker_possessive = [&] {
                    return std::any_of(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& m) {
                        const auto gap =
                            text.substr(std::min(m.end, text.size()), model->begin > m.end ? model->begin - m.end : 0);
                        return m.kind == EntityKind::Lab && m.begin >= ve &&
                               trim(text.substr(ve, m.begin - ve)).empty() &&
                               (trim(gap) == "'s" || trim(gap) == "\xE2\x80\x99s");
                    });
                };
                if (model == named.end() || !(lower_words(ve, model->begin, 2, false) || maker_possessive())) {
                    continue;
                }
                // "for" places only the surface's people: "for ChatGPT Plus users", "for WhatsApp
                // Business customers", never "for coding" or "for Android developers' tools".
                const auto for_its_people = [&](const EntityMatch& m) {
                    static const std::vector<std::string> people = {"users",   "customers", "subscribers",
                                                                    "members", "owners",    "creators"};
                    const auto before = tokenize(text.substr(model->end, m.begin - model->end));
                    const auto after = tokenize(text.substr(m.end, std::min<std::size_t>(40, text.size() - m.end)));
                    std::size_t k = 0;  // "ChatGPT Plus users": a plan's capitalised name may follow
                    while (k < after.size() && k < 2 &&
                           std::isupper(static_cast<unsigned char>(text[m.end + after[k].begin])) != 0) {
                        ++k;
                    }
                    return !before.empty() && before.front().norm == "for" && before.size() <= 3 && k < after.size() &&
                           std::find(people.begin(), people.end(), after[k].norm) != people.end();
                };
                for (const auto& m : ctx.entities) {
                    if (m.kind == EntityKind::Surface && m.begin >= model->end && m.end <= sentence_end &&
                        (lower_words(model->end, m.begin, 3, true) || for_its_people(m))) {
                        best = cue.confidence;
                        *pos = ctx.tokens[*at].begin;
                        *cue_text = "placed-object " + cue.pattern + " {model} to/in/on {surface}";
                        break;
                    }
                }
            }
        }
    }
    return best;
}

/// The words from a sentence's start to its verb (bytes [begin, verb)) are a pronoun or a noun
/// phrase for the model the headline names: "It", "The model", "This new model" (never the first
/// sentence of an item, which has no antecedent, nor a headline without a model).
bool model_pronoun_subject(const Context& ctx, std::size_t begin, std::size_t verb) {
    const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
    const bool headline_model = std::any_of(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& m) {
        return m.kind == EntityKind::Model && m.end <= title_end;
    });
    if (!headline_model || begin <= title_end || verb <= begin) {
        return false;
    }
    auto words = tokenize(std::string_view(ctx.text).substr(begin, verb - begin));
    std::erase_if(words, [](const Token& t) { return t.norm == "now" || t.norm == "also" || t.norm == "today"; });
    if (words.size() == 1) {
        return words[0].norm == "it";
    }
    static const std::vector<std::string> determiners = {"the", "this", "our"};
    return words.size() >= 2 && words.size() <= 3 &&
           std::find(determiners.begin(), determiners.end(), words.front().norm) != determiners.end() &&
           (words.back().norm == "model" || words.back().norm == "release");
}

/// The verb form at token `at` ending in -s reads as a plural noun: a lower-case common word right
/// before it ("engagement gains", "price hits", "user gets") that is no adverb, auxiliary, pronoun
/// or model word ("now runs", "it gets", "the model gains").
bool plural_noun_use(const Context& ctx, std::size_t at) {
    static const std::vector<std::string> before_verb = {
        "now", "also",  "today",  "finally", "officially", "just", "soon", "quickly", "it",      "that",  "which",
        "who", "model", "models", "family",  "version",    "and",  "or",   "then",    "already", "still", "again"};
    const auto& verb = ctx.tokens[at];
    if (at == 0 || !verb.norm.ends_with('s') || verb.norm.ends_with("ss")) {
        return false;
    }
    const auto& prev = ctx.tokens[at - 1];
    const char first = ctx.text[prev.begin];
    const bool adjacent = ctx.text.substr(prev.end, verb.begin - prev.end) == " ";
    return adjacent && std::islower(static_cast<unsigned char>(first)) != 0 &&
           std::none_of(prev.norm.begin(), prev.norm.end(), [](char c) { return std::isdigit(c) != 0; }) &&
           std::find(before_verb.begin(), before_verb.end(), prev.norm) == before_verb.end();
}

/// A command line in the text: a surface written in lower case right before the verb at byte `vb`
/// ("ollama run gemma4"), where prose capitalises the product ("Ollama runs ...").
bool shell_command_at(const Context& ctx, std::size_t vb) {
    return std::any_of(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& m) {
        const auto said = std::string_view(ctx.text).substr(m.begin, m.end - m.begin);
        return m.kind == EntityKind::Surface && m.end + 1 == vb && std::none_of(said.begin(), said.end(), [](char c) {
                   return std::isupper(static_cast<unsigned char>(c)) != 0;
               });
    });
}

/// A participle used as an adjective before the nouns it qualifies ("supported models", "added
/// regions"; rollout.json participle_heads): no arrival is told.
bool attributive_participle(const Context& ctx, std::size_t at) {
    const auto& word = ctx.tokens[at].norm;
    return word.size() > 3 && word.ends_with("ed") && at + 1 < ctx.tokens.size() &&
           ctx.rules.contains("participle_heads", ctx.tokens[at + 1].norm);
}

/// An arrival verb with its slots filled in one sentence: a model on one side and a surface on
/// the other ("WhatsApp gets Muse Spark", "Muse Spark lands on Ray-Ban Meta glasses"). `named`
/// receives a model the slot names that no entity matched yet (a new name, see arrival_new_name).
double arrival_cue(const Context& ctx, std::size_t* pos, std::string* cue_text, std::optional<ModelRef>* named) {
    double best = 0;
    for (const auto& cue : verb_phrases(ctx.rules, "arrival_verbs")) {
        const auto phrase = phrase_tokens(cue.pattern);
        const bool title_only = cue.value.rfind("title-", 0) == 0;
        const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
        for (auto at = find_phrase(ctx.tokens, phrase); at; at = find_phrase(ctx.tokens, phrase, *at + 1)) {
            const auto vb = ctx.tokens[*at].begin;
            if (title_only && vb >= title_end) {
                break;
            }
            const auto ve = ctx.tokens[*at + phrase.size() - 1].end;
            if (plural_noun_use(ctx, *at)) {
                continue;  // "cited Muse Spark engagement gains in WhatsApp": a noun, not a verb
            }
            if (attributive_participle(ctx, *at + phrase.size() - 1)) {
                continue;  // "for supported models including Claude Opus 5": an adjective, not a verb
            }
            if (vb > 0 && ctx.text[vb - 1] == '-') {
                continue;  // "a tool-calling model": part of a compound word, not a verb
            }
            if (shell_command_at(ctx, vb)) {
                continue;  // "ollama run llama4:scout": a command line, not a sentence
            }
            const auto sentence = sentence_around(ctx.text, vb);
            const auto sentence_begin = sentence.begin;
            const auto sentence_end = std::max(sentence.end, ve);
            bool model_before = false, model_after = false, surface_before = false, surface_after = false;
            // An imperative headline has both slots after its verb: "Use Grok 4 in OpenCode",
            // "Get Muse Spark on WhatsApp" (the model first, then the surface).
            const bool imperative = !title_only && *at == 0 && vb < title_end;
            std::size_t first_model_after = std::string::npos, surface_after_model = 0;
            auto only_space = [&](std::size_t a, std::size_t b) {
                if (a > b) {
                    return false;
                }
                // "Claude 3 models on Vertex AI": a model word may stand between the name and "on".
                for (const auto& t : tokenize(std::string_view(ctx.text).substr(a, b - a))) {
                    if (t.norm != "model" && t.norm != "models" && t.norm != "family") {
                        return false;
                    }
                }
                return true;
            };
            for (const auto& m : ctx.entities) {
                if (m.begin < sentence_begin || m.end > sentence_end) {
                    continue;
                }
                if (m.kind == EntityKind::Model) {
                    if (product_of_model(ctx, m.end)) {
                        continue;  // "the Claude Agent SDK" names a product of the model, not the model
                    }
                }
                // A bare "on" of a headline binds its neighbours only: "Claude 2 on Amazon Bedrock".
                const bool before = m.end <= vb && (!title_only || only_space(m.end, vb));
                const bool after = m.begin >= ve && (!title_only || only_space(ve, m.begin));
                if (m.kind == EntityKind::Model) {
                    model_before = model_before || before;
                    model_after = model_after || after;
                    if (after && m.end <= title_end) {
                        first_model_after = std::min(first_model_after, m.end);
                    }
                } else if (m.kind == EntityKind::Surface) {
                    surface_before = surface_before || before;
                    surface_after = surface_after || after;
                    if (after && m.end <= title_end && m.begin > first_model_after) {
                        surface_after_model = m.begin;
                    }
                }
            }
            const bool both_after = imperative && surface_after_model > 0;
            model_before = model_before || both_after;
            if (!title_only && surface_after && !model_before && !model_after &&
                model_pronoun_subject(ctx, sentence_begin, vb)) {
                model_before = true;  // "It powers Meta AI in the Meta AI app": the headline's model
            }
            std::optional<ModelRef> new_name;
            if (!title_only && surface_after && !model_before && !model_after) {
                new_name = arrival_new_name(ctx, sentence_begin, vb, ve, true);
                model_before = new_name.has_value();
            } else if (!title_only && surface_before && !model_after && !model_before) {
                new_name = arrival_new_name(ctx, sentence_begin, vb, ve, false);
                model_after = new_name.has_value();
            }
            const bool slots = title_only ? (model_before && surface_after)
                                          : ((model_before && surface_after) || (surface_before && model_after));
            if (slots && cue.confidence > best) {
                best = cue.confidence;
                *named = std::move(new_name);
                *pos = vb;
                *cue_text = "arrival-verb " + (both_after     ? cue.pattern + " {model} in/on {surface}"
                                               : model_before ? "{model} " + cue.pattern + " {surface}"
                                                              : "{surface} " + cue.pattern + " {model}");
            }
        }
    }
    return best;
}

}  // namespace

namespace {

bool in_sentence_list(const Context& ctx, std::string_view list, const std::vector<Token>& tokens) {
    for (const auto& cue : ctx.rules.list(list)) {
        if (!cue.remove && find_phrase(tokens, phrase_tokens(cue.pattern))) {
            return true;
        }
    }
    return false;
}

/// The strongest "availability_cues" phrase of [from, to) whose clause is neither negated nor
/// a withdrawal or a fix ("no longer available", "fixed an issue with X"); 0 when none.
double availability_cue(const Context& ctx, std::size_t from, std::size_t to, std::size_t* pos, std::string* text) {
    double best = 0;
    for (const auto& cue : ctx.rules.list("availability_cues")) {
        if (cue.remove || cue.confidence <= best || !cue.value.empty()) {
            continue;  // a phrase that binds its model counts only with it (host_subjects)
        }
        const auto phrase = phrase_tokens(cue.pattern);
        for (auto at = find_phrase(ctx.tokens, phrase); at; at = find_phrase(ctx.tokens, phrase, *at + 1)) {
            const auto b = ctx.tokens[*at].begin;
            if (b < from) {
                continue;
            }
            if (b >= to) {
                break;
            }
            const auto clause = clause_around(ctx.text, b);
            const auto words = tokenize(std::string_view(ctx.text).substr(clause.begin, clause.end - clause.begin));
            if (negated(ctx.rules, words, 0, words.size()) || in_sentence_list(ctx, "withdrawal_words", words)) {
                continue;
            }
            best = cue.confidence;
            *pos = b;
            *text = cue.pattern;
            break;
        }
    }
    return best;
}

/// A release note's line labelled as a fix or a removal by its first word ("fix(anthropic): headers
/// were dropped for X on Bedrock", "Removed: X"): the label covers the whole line,
/// past the colon that ends the clause it is in.
bool labelled_withdrawal_line(const Context& ctx, std::size_t pos) {
    const std::string_view text = ctx.text;
    const auto nl = text.rfind('\n', pos);
    const auto line_begin = nl == std::string_view::npos ? 0 : nl + 1;
    const auto line = text.substr(line_begin, std::min(text.size(), text.find('\n', pos)) - line_begin);
    const auto word_end = line.find_first_of("(: -");
    if (word_end == std::string_view::npos || word_end == 0 || line[word_end] == ' ') {
        return false;
    }
    return in_sentence_list(ctx, "withdrawal_words", tokenize(line.substr(0, word_end)));
}

/// The rollout phrase at byte `pos` speaks of no arrival: its clause withdraws or fixes something
/// ("we will retire X from ChatGPT", but not "X is now in Claude Code; fixed a crash") or the
/// phrase says that
/// access goes on ("remains available in", "is still available on": rollout.json
/// continuation_words right before it).
bool continued_or_withdrawn(const Context& ctx, std::size_t pos) {
    const auto clause = clause_around(ctx.text, pos);
    const auto words = tokenize(std::string_view(ctx.text).substr(clause.begin, clause.end - clause.begin));
    if (in_sentence_list(ctx, "withdrawal_words", words) || labelled_withdrawal_line(ctx, pos)) {
        return true;
    }
    const auto sentence = sentence_around(ctx.text, pos);
    const auto before = tokenize(std::string_view(ctx.text).substr(sentence.begin, pos - sentence.begin));
    const auto from = before.size() > 2 ? before.size() - 2 : 0;
    return said_within(ctx.rules, "continuation_words", before, from, before.size());
}

/// "Introducing Foo 2", "Try Bar 3": a verb, not the first word of a name.
bool starts_with_verb(const Context& ctx, std::string_view name) {
    const auto words = tokenize(name);
    if (words.empty()) {
        return true;
    }
    for (const auto* list : {"launch_verbs", "arrival_verbs"}) {
        for (const auto& v : verb_phrases(ctx.rules, list)) {
            if (phrase_tokens(v.pattern) == std::vector<std::string>{words.front().norm}) {
                return true;
            }
        }
    }
    return std::isdigit(static_cast<unsigned char>(words.front().norm.front())) != 0;  // "2 new levels"
}

/// Words that may stand between a cue and the name it introduces: articles, "new", a maker's
/// name or possessive ("now supports the new Foo 3", "introducing Acme's Foo 3").
bool only_articles(const Context& ctx, std::string_view words) {
    static const std::vector<std::string> fillers = {"the", "a", "an", "new", "latest", "all", "both"};
    for (const auto& w : tokenize(words)) {
        const auto word = words.substr(w.begin, w.end - w.begin);
        const bool filler = std::find(fillers.begin(), fillers.end(), w.norm) != fillers.end();
        const bool maker = !ctx.matcher.find(word, EntityKind::Lab).empty() ||
                           std::isupper(static_cast<unsigned char>(word.front())) != 0 || w.norm == "s";
        if (!filler && !maker) {
            return false;
        }
    }
    return true;
}

/// "Canopy Labs' " -> "Canopy Labs": the capitalised words before a possessive mark that ends
/// `prefix`; empty when it does not end in one.
std::string makers_possessive(std::string_view prefix) {
    auto p = std::string(trim(prefix));
    bool owned = false;
    for (const std::string_view s : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
        if (p.size() > s.size() && p.ends_with(s)) {
            p.erase(p.size() - s.size());
            owned = true;
            break;
        }
    }
    if (!owned) {
        return {};
    }
    const auto words = tokenize(p);
    std::size_t first = words.size();
    while (first > 0 && std::isupper(static_cast<unsigned char>(p[words[first - 1].begin])) != 0) {
        --first;
    }
    return first == words.size() ? std::string() : p.substr(words[first].begin);
}

/// Letters and digits of `s`, lower-cased: "Qwen3.6-Coder" and "qwen3.6-coder" read the same.
std::string squashed(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
            out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        }
    }
    return out;
}

struct HostSubject {
    std::string slug;
    std::size_t begin = 0;
    std::optional<ModelInfo> discovered;
    /// Found in the slot of a phrase that binds its model ("replaces", "is now": rollout.json
    /// value "subject" or "object"): that phrase and its confidence, which hold for this model
    /// alone. Empty for the item's other cues.
    std::string bound_cue{};
    double bound = 0;
};

/// The models a host's item is about: names in the slots of availability phrases of the headline
/// and the lead ("Foo 3 is now available", "now supports Bar 2", "Baz-1.5 and Qux 2 are live"),
/// else the models the headline names. A new name needs a version and a model word around it
/// ("Wave 3" of a changelog is a release of the tool, not a model).
std::vector<HostSubject> host_subjects(const Context& ctx, std::size_t lead_end) {
    std::vector<HostSubject> out;
    const Cue* current = nullptr;  // the template being read
    auto add = [&](HostSubject s) {
        if (current != nullptr && !current->value.empty()) {
            s.bound_cue = current->value;
            s.bound = current->confidence;
        }
        // "gemma4" of a command and "Gemma 4" of the headline are one model.
        const auto same = std::find_if(out.begin(), out.end(),
                                       [&](const HostSubject& o) { return squashed(o.slug) == squashed(s.slug); });
        if (same == out.end()) {
            out.push_back(std::move(s));
        } else if (s.bound > same->bound) {
            same->bound = s.bound;
            same->bound_cue = s.bound_cue;
        }
    };
    const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
    Context named = ctx;
    named.unowned_models = true;  // a host's feed: the maker, when named, is the text's first lab
    const std::string_view head = std::string_view(ctx.text).substr(0, lead_end);
    const auto head_tokens = tokenize(head);
    std::vector<Cue> templates;
    for (const auto& cue : ctx.rules.list("availability_cues")) {
        if (!cue.remove) {
            // A cue whose object is another model ("Foo 3 replaces Foo 2", "Foo 3 joins the
            // list"): only its subject arrives; one whose subject is no model ("The default model
            // is now Foo 3"): only its object.
            // A bound template carries its phrase as its value.
            const std::string bound = cue.value.empty() ? std::string() : cue.pattern;
            if (cue.value != "object") {
                templates.push_back(Cue{"{model} " + cue.pattern, bound, cue.confidence, false});
            }
            if (cue.value != "subject") {
                templates.push_back(Cue{cue.pattern + " {model}", bound, cue.confidence, false});
            }
        }
    }
    templates.push_back(Cue{"{model}", {}, 0.6, false});  // a headline that is the model's name
    for (const auto& t : templates) {
        current = &t;
        for (const auto& slot : template_slots(head, head_tokens, t)) {
            if (slot.whole && slot.begin >= title_end) {
                continue;
            }
            const bool after_cue = t.pattern.rfind("{model}", 0) != 0;
            for (const auto& name : split_names(slot, named)) {
                std::size_t lead_at = 0;
                const auto text = leading_name(name.text, named, &lead_at);
                if (text.empty() || !name_shaped(ctx, text) || starts_with_verb(ctx, text)) {
                    continue;
                }
                // After the cue, the name comes first ("now supports the new Foo 3"); "now
                // available, replacing Foo 2" speaks of another model.
                if (after_cue && name.begin == slot.begin && !only_articles(named, name.text.substr(0, lead_at))) {
                    continue;
                }
                const auto span_end = name.begin + name.text.size();
                // A surface's name inside the name ("<Host> Wave 3", "<Host> Tab v2"): the tool's
                // own release, not a model arriving on it.
                if (std::any_of(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& m) {
                        return m.kind == EntityKind::Surface && m.begin >= name.begin && m.end <= span_end;
                    })) {
                    continue;
                }
                // "<Host> Wave 3" elsewhere in the text: the same product line.
                const bool host_line = std::any_of(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& m) {
                    return m.kind == EntityKind::Surface && m.end + 1 + text.size() <= ctx.text.size() &&
                           ctx.text.compare(m.end + 1, text.size(), text) == 0;
                });
                if (host_line) {
                    continue;
                }
                // A known name, as specifically as the text gives it ("Opus 4.6" -> Claude Opus 4.6,
                // "DeepSeek R1" with its maker's name).
                const auto specific = specific_models(ctx, with_maker(ctx, name.begin), span_end);
                if (!specific.empty()) {
                    add(HostSubject{specific.front().slug, specific.front().begin, specific.front().discovered});
                    continue;
                }
                std::size_t at = 0;
                auto ref = resolve_leading(name.text, named, &at);
                if (!ref) {
                    // "<Maker>'s <Name> is live": a maker nobody tracks, named by its possessive,
                    // vouches for an unversioned name.
                    // split_names leaves the maker's possessive before the name: read it in the slot.
                    const auto maker = makers_possessive(
                        std::string_view(ctx.text).substr(slot.begin, name.begin + lead_at - slot.begin));
                    if (!maker.empty()) {
                        Context by_maker = named;
                        by_maker.lab = slugify(maker);
                        ref = resolve_model_name(text, by_maker, /*coined=*/true);
                        at = lead_at;
                        if (ref) {
                            ref->confidence = 0.85;  // the maker's name stands in for the version
                        }
                    }
                }
                if (!ref) {
                    continue;
                }
                if (!ref->known) {
                    // A new name needs a version and, around it, a model word, or the host named
                    // after it as the place ("<name> is now available in <host>").
                    const auto sentence = sentence_around(ctx.text, name.begin);
                    Context around = ctx;
                    around.tokens =
                        tokenize(std::string_view(ctx.text).substr(sentence.begin, sentence.end - sentence.begin));
                    const bool names_host =
                        std::any_of(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& m) {
                            return m.kind == EntityKind::Surface && m.slug == *ctx.source_surface &&
                                   m.begin >= span_end && m.end <= sentence.end;
                        });
                    if (ref->confidence < 0.85 || strongest_cue(around, "non_model_context") > 0 ||
                        (!names_host && strongest_cue(around, "model_context_words") <= 0)) {
                        continue;
                    }
                }
                add(HostSubject{ref->slug, name.begin + at, ref->discovered});
            }
        }
    }
    current = nullptr;
    if (out.empty()) {
        for (const auto& sm : specific_models(ctx, 0, title_end)) {
            add(HostSubject{sm.slug, sm.begin, sm.discovered});
        }
    }
    return out;
}

/// A release note's headline: a version ("v1.0.0", "2.1.0", "Wave 14"), a date, or the words of
/// a changelog ("Release notes", "What's new", "This week on ..."). Its lead lists what changed,
/// so a model the lead says is available is the note's subject though the headline names none.
/// `strict` asks for a version, a date or a changelog's word ("shipped", "update"): "new" and
/// "week" alone are anyone's.
bool release_note_headline(std::string_view title, bool strict = false) {
    static const std::vector<std::string_view> words = {
        "changelog", "release", "notes",     "new",      "week",     "update",   "updates", "wave",
        "patch",     "version", "january",   "february", "march",    "april",    "may",     "june",
        "july",      "august",  "september", "october",  "november", "december", "shipped"};
    const auto tokens = tokenize(title);
    return std::any_of(tokens.begin(), tokens.end(), [&](const Token& t) {
        if (strict && (t.norm == "new" || t.norm == "week")) {
            return false;  // "Our new compiler", "Model of the week": no note without a date or version
        }
        const bool version =
            !t.norm.empty() &&
            (std::isdigit(static_cast<unsigned char>(t.norm.front())) != 0 ||
             (t.norm.size() > 1 && t.norm.front() == 'v' && std::isdigit(static_cast<unsigned char>(t.norm[1])) != 0));
        return version || std::find(words.begin(), words.end(), t.norm) != words.end();
    });
}

/// Whether `clause` holds nothing but models' names and the words that join them ("GPT-4.1", "Foo
/// 2, Foo 3"): a subject split from its verb.
bool names_only(const Context& ctx, Clause clause) {
    std::string rest(std::string_view(ctx.text).substr(clause.begin, clause.end - clause.begin));
    for (const auto& m : ctx.entities) {
        if (m.kind == EntityKind::Model && m.begin >= clause.begin && m.end <= clause.end) {
            std::fill(rest.begin() + static_cast<std::ptrdiff_t>(m.begin - clause.begin),
                      rest.begin() + static_cast<std::ptrdiff_t>(m.end - clause.begin), ' ');
        }
    }
    const auto words = tokenize(rest);
    return std::all_of(words.begin(), words.end(),
                       [](const Token& t) { return t.norm == "and" || t.norm == "or" || t.norm == "both"; });
}

/// Every clause that names `model` withdraws it ("Foo 2 has been removed from the model picker",
/// "Foo 2 will leave the picker"): the item's model is then no subject of an arrival elsewhere in it.
/// A name met for the first time in this item is no entity yet: `first_said` is where it is said.
bool withdrawn_wherever_named(const Context& ctx, const std::string& model, std::size_t first_said) {
    std::vector<std::size_t> said;
    for (const auto& m : ctx.entities) {
        if (m.kind == EntityKind::Model && m.slug == model) {
            said.push_back(m.begin);
        }
    }
    if (said.empty()) {
        said.push_back(first_said);
    }
    for (const auto at : said) {
        auto clause = clause_around(ctx.text, at);
        if (names_only(ctx, clause)) {
            // "GPT-4.1 and o3 have been removed": a coordinated subject's verb is in the next clause.
            clause.end = sentence_around(ctx.text, at).end;
        }
        if (!in_sentence_list(ctx, "withdrawal_words",
                              tokenize(std::string_view(ctx.text).substr(clause.begin, clause.end - clause.begin)))) {
            return false;
        }
    }
    return true;
}

/// A host's model page: the headline is the model's tag as the host writes it ("qwen3.6-coder",
/// "granite4.1", "llama4:scout") and the lead opens with the same name as its maker writes it
/// ("Qwen3.6-Coder is ...", "Granite 4.1 models from IBM ..."), or the tag is a known model's
/// name. The page puts the model on the host. `conf` is 0.8 for a known model or a new name
/// resolved as confidently as a launch's, else 0.5 (for review).
/// Whether the text gives the source host's command line for a model: the host's name as a command
/// followed by run, pull or serve ("ollama run qwen3.5", "ollama pull glm-5").
bool host_command(const Context& ctx) {
    const auto* host = ctx.taxonomy.find_surface(*ctx.source_surface);
    if (host == nullptr) {
        return false;
    }
    const auto command = to_lower_ascii(host->name);
    for (std::size_t i = 0; i + 1 < ctx.tokens.size(); ++i) {
        const auto& next = ctx.tokens[i + 1].norm;
        if (ctx.tokens[i].norm == command && ctx.text.compare(ctx.tokens[i].begin, command.size(), command) == 0 &&
            (next == "run" || next == "pull" || next == "serve")) {
            return true;
        }
    }
    return false;
}

/// A release note's headline labelled as an addition ("New: Phi-5 Edge Vision (serverless)", "Now
/// live: X"; rollout.json entry_labels, before a colon at the headline's start).
bool labelled_entry_headline(const Context& ctx) {
    const auto title = std::string_view(ctx.text).substr(0, std::min(ctx.text.size(), ctx.text.find('\n')));
    const auto colon = title.find(':');
    if (colon == std::string_view::npos || colon > 24) {
        return false;
    }
    auto label = tokenize(title.substr(0, colon));
    if (label.empty()) {
        return false;
    }
    std::string words;
    for (const auto& t : label) {
        words += (words.empty() ? "" : " ") + t.norm;
    }
    return ctx.rules.contains("entry_labels", words);
}

/// A coding tool's release note putting a model "in the Mistral provider", "under the OpenAI
/// provider", "to the Alibaba Cloud provider": the tool's list of a maker's models gained it. One
/// or two words name the provider; "an upstream provider issue" names none. The byte of
/// "provider", or nullopt.
std::optional<std::size_t> tool_provider_named(const Context& ctx) {
    for (std::size_t i = 3; i < ctx.tokens.size(); ++i) {
        if (ctx.tokens[i].norm != "provider") {
            continue;
        }
        for (std::size_t words = 1; words <= 2 && i >= words + 2; ++words) {
            const auto& the = ctx.tokens[i - words - 1].norm;
            const auto& prep = ctx.tokens[i - words - 2].norm;
            if (the == "the" && (prep == "in" || prep == "under" || prep == "to" || prep == "via")) {
                return ctx.tokens[i].begin;
            }
        }
    }
    return std::nullopt;
}

/// The first lab `clause` of ctx.text names, or null.
const EntityMatch* lab_in(const Context& ctx, Clause clause) {
    for (const auto& m : ctx.entities) {
        if (m.kind == EntityKind::Lab && m.begin >= clause.begin && m.end <= clause.end) {
            return &m;
        }
    }
    return nullptr;
}

std::optional<HostSubject> model_page_subject(const Context& ctx, std::size_t title_end, double* conf) {
    auto full = trim(std::string_view(ctx.text).substr(0, title_end));
    if (const auto slash = full.find('/'); slash != std::string_view::npos) {
        full = full.substr(slash + 1);  // "openai/gpt-5.5-codex": the maker's account, then the model
    }
    // "llama4:scout", "qwen3:14b": the model, then a variant or a size; the lead may name either.
    const auto tag = full.substr(0, full.find(':'));
    // "llama-4-maverick-instruct-basic": a checkpoint's words after the model's name.
    auto bare = tag;
    const auto& variants = ctx.rules.list("variant_words");
    for (auto dash = bare.rfind('-'); dash != std::string_view::npos; dash = bare.rfind('-')) {
        const auto part = bare.substr(dash + 1);
        const bool checkpoint = part == "basic" || std::any_of(variants.begin(), variants.end(), [&](const Cue& c) {
                                    return c.value == "checkpoint" && c.pattern == part;
                                });
        if (!checkpoint) {
            break;
        }
        bare = bare.substr(0, dash);
    }
    const auto spelled_as_tag = [&](std::string_view name) {
        const auto n = squashed(name);
        return n == squashed(tag) || n == squashed(full) || n == squashed(bare);
    };
    const bool tag_shaped =
        !tag.empty() && tag.find(' ') == std::string_view::npos &&
        std::islower(static_cast<unsigned char>(tag.front())) != 0 &&
        std::none_of(tag.begin(), tag.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; });
    if (!tag_shaped) {
        return std::nullopt;
    }
    Context named = ctx;
    named.unowned_models = true;  // a host's page: the maker, when named, is the text's first lab
    const auto lead = lead_sentence(ctx.text);
    const auto lead_text = std::string_view(ctx.text).substr(lead.begin, lead.end - lead.begin);
    std::size_t at = 0;
    const auto name = leading_name(lead_text, named, &at);
    std::optional<ModelRef> ref;
    std::size_t begin = 0;
    // The lead's model spelled as the tag is ("Run Gemma 4 locally with ..." on "gemma4").
    const bool name_is_full_tag = !name.empty() && squashed(name) == squashed(full) && full != tag;
    for (const auto& sm :
         name_is_full_tag ? std::vector<SpecificModel>{} : specific_models(ctx, lead.begin, lead.end)) {
        if (spelled_as_tag(std::string_view(ctx.text).substr(sm.begin, sm.end - sm.begin))) {
            *conf = 0.8;
            return HostSubject{sm.slug, sm.begin, sm.discovered};
        }
    }
    if (!name.empty() && spelled_as_tag(name)) {
        ref = resolve_leading(lead_text, named);
        if (!ref) {
            ref = resolve_for_review(name, named);
        }
        begin = lead.begin + at;
    } else if (const auto named_in_tag = specific_models(ctx, 0, title_end);
               named_in_tag.size() == 1 && !named_in_tag.front().discovered) {
        ref = ModelRef{named_in_tag.front().slug, true, std::nullopt, 0.9};
    } else if (const auto* maker = lab_in(ctx, lead);
               maker != nullptr && in_sentence_list(ctx, "model_context_words", tokenize(lead_text))) {
        // "devstral-3:24b" over "Mistral's new agentic coding model": the tag is the name, the
        // lead gives its maker and calls it a model.
        Context of_maker = named;
        of_maker.lab = maker->slug;
        ref = resolve_model_name(bare, of_maker, /*coined=*/true);
        if (ref) {
            ref->confidence = std::max(ref->confidence, 0.85);
        }
    }
    if (!ref) {
        return std::nullopt;
    }
    *conf = ref->known || ref->confidence >= 0.85 ? 0.8 : 0.5;
    return HostSubject{ref->slug, begin, ref->discovered};
}

/// A release note's entry that adds the model: "Added Foo 3 to the model list", "Agent: added the
/// new Foo 3", "Foo 3 bot added for all subscribers". The entry starts with the verb (after a full stop, a colon, a semicolon or a bullet)
/// and the model is its object; "added tooltips to the Foo 3 options" adds something else.
bool entry_adds(const Context& ctx, std::size_t name_begin) {
    static const std::vector<std::string_view> fillers = {"the", "a", "new", "model", "models"};
    const auto entry_starts_at = [&](std::size_t at) {
        const auto start = std::string_view(ctx.text).substr(0, at).find_last_not_of(' ');
        return start == std::string_view::npos ||
               std::string_view(".:;*-\n").find(ctx.text[start]) != std::string_view::npos;
    };
    auto before = tokenize(std::string_view(ctx.text).substr(0, name_begin));
    while (!before.empty() && std::find(fillers.begin(), fillers.end(), before.back().norm) != fillers.end()) {
        before.pop_back();
    }
    if (!before.empty() && (before.back().norm == "added" || before.back().norm == "adds")) {
        return entry_starts_at(before.back().begin);
    }
    // The passive, the model opening its entry: "Claude-Opus-4.5 bot added for all subscribers".
    const auto named = specific_models(ctx, name_begin, std::min(ctx.text.size(), name_begin + 80));
    if (named.empty() || named.front().begin != name_begin || !entry_starts_at(name_begin)) {
        return false;
    }
    static const std::vector<std::string_view> between = {"bot", "model", "is", "was", "has", "been", "now"};
    const auto after = tokenize(std::string_view(ctx.text).substr(named.front().end, 40));
    for (const auto& t : after) {
        if (t.norm == "added") {
            return true;
        }
        if (std::find(between.begin(), between.end(), t.norm) == between.end()) {
            return false;
        }
    }
    return false;
}

/// A host's, tool's or product's own feed (ctx.source_surface) announcing that a model is
/// available there: the surface is the source's, the text need not name it. A cue in the
/// headline or the lead gives an event; one further down only a candidate.
void host_rollouts(const Context& ctx, const std::vector<std::string>& item_models, ExtractOutput& out) {
    if (!ctx.source_surface) {
        return;
    }
    const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
    const auto lead_end = std::min(ctx.text.size(), title_end + 400);
    std::size_t pos = 0;
    std::string cue;
    double conf = availability_cue(ctx, 0, lead_end, &pos, &cue);
    if (conf <= 0) {
        conf = availability_cue(ctx, lead_end, ctx.text.size(), &pos, &cue) * 0.6;
    }
    // The host's own wording says the model is there: its command fetching it ("ollama pull
    // phi-5-edge-vision"), a headline labelled as an addition ("New: X"), a tool's provider
    // ("under the OpenAI provider"). Each raises a weaker cue of the item to its own confidence.
    const auto raise = [&](double c, const char* said, std::optional<std::size_t> at) {
        if (conf < c && at) {
            conf = c;
            cue = said;
            pos = *at;
        }
    };
    raise(0.75, "the host's command", host_command(ctx) ? std::optional<std::size_t>(0) : std::nullopt);
    raise(0.75, "a labelled entry", labelled_entry_headline(ctx) ? std::optional<std::size_t>(0) : std::nullopt);
    raise(0.7, "in the tool's provider", tool_provider_named(ctx));
    // A model page names its model as specifically as the host does, whatever cue its lead has.
    double page_conf = 0;
    auto page = model_page_subject(ctx, title_end, &page_conf);
    if (page && page_conf < kConfidentEvent && conf >= kConfidentEvent) {
        page.reset();  // a name to review is no better than the lead's
    }
    if (page && page_conf > conf) {
        conf = page_conf;
        cue = "model page";
        pos = 0;
    }
    // No phrase of the item's own: the models a bound phrase names ("Foo 3 replaces Foo 2 as the
    // default", "The default model is now Foo 3"), each with that phrase's confidence.
    std::vector<HostSubject> bound;
    if (conf <= 0 && !page) {
        bound = host_subjects(ctx, lead_end);
        std::erase_if(bound, [](const HostSubject& h) { return h.bound <= 0; });
        for (const auto& h : bound) {
            if (h.bound > conf) {
                conf = h.bound;
                cue = h.bound_cue;
                pos = h.begin;
            }
        }
    }
    if (conf <= 0) {
        return;
    }
    const auto title = tokenize(std::string_view(ctx.text).substr(0, title_end));
    // "Our first frontier model", "We built X": the host's own model or work, not an arrival; unless
    // the headline is a release note ("What we shipped in July") or says the model is now on the host
    // ("Our fastest MoE yet, now on GroqCloud").
    const auto note = [&] {
        return release_note_headline(std::string_view(ctx.text).substr(0, title_end), /*strict=*/true) &&
               specific_models(ctx, 0, title_end).empty();
    };
    const auto on_host = [&] {
        std::size_t title_cue_pos = 0;
        std::string title_cue;
        return availability_cue(ctx, 0, title_end, &title_cue_pos, &title_cue) > 0 &&
               std::any_of(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& m) {
                   return m.kind == EntityKind::Surface && m.slug == *ctx.source_surface && m.begin > title_cue_pos &&
                          m.end <= title_end;
               });
    };
    if ((has_phrase(title, "our") || has_phrase(title, "we")) && !note() && !on_host()) {
        return;
    }
    auto subjects = page ? std::vector<HostSubject>{*page} : !bound.empty() ? bound : host_subjects(ctx, lead_end);
    if (subjects.empty()) {
        const auto sentence = sentence_around(ctx.text, pos);
        for (const auto& sm : specific_models(ctx, sentence.begin, sentence.end)) {
            if (!sm.discovered) {
                subjects.push_back(HostSubject{sm.slug, sm.begin, std::nullopt});
            }
        }
        if (!release_note_headline(std::string_view(ctx.text).substr(0, title_end))) {
            conf = std::min(conf, 0.55);  // the headline names no model: review it
        }
    }
    for (const auto& m : item_models) {
        if (subjects.empty()) {
            subjects.push_back(HostSubject{m, 0, std::nullopt});
        }
    }
    std::erase_if(subjects, [&](const HostSubject& h) { return withdrawn_wherever_named(ctx, h.slug, h.begin); });
    if (subjects.empty()) {
        return;
    }
    // A weak cue is confident for the models a release note's entry adds ("Added X and Y to ..."),
    // not for the others ("X bot added ...; Y drops to 600 points").
    std::vector<Clause> adding;
    for (const auto& h : subjects) {
        if (conf < kConfidentEvent && entry_adds(ctx, h.begin)) {
            adding.push_back(clause_around(ctx.text, h.begin));
        }
    }
    const std::string& surface = *ctx.source_surface;
    for (const auto& s : subjects) {
        const bool added = std::any_of(adding.begin(), adding.end(),
                                       [&](const Clause& c) { return c.begin <= s.begin && s.begin < c.end; });
        auto ev = make_event(ctx, EventKind::SurfaceRollout, "surface_rollout|" + s.slug + "|" + surface,
                             added ? 0.75 : conf, std::min(pos, s.begin));
        ev.cue = "host feed {surface}: \"" + (added ? std::string("entry added") : cue) + "\" {model}";
        ev.model = s.slug;
        ev.surface = surface;
        ev.lab.reset();
        if (const auto* info = ctx.taxonomy.find_model(s.slug); info && !info->lab.empty()) {
            ev.lab = info->lab;
        } else if (s.discovered && !s.discovered->lab.empty()) {
            ev.lab = s.discovered->lab;  // a new name of a family the taxonomy knows
        }
        std::string stage;
        strongest_cue(ctx, "stage_words", nullptr, &stage);
        put(ev.fields, field::surface, surface);
        put(ev.fields, field::stage, stage.empty() ? "ga" : stage);
        put_null(ev.fields, field::region);
        out.events.push_back(std::move(ev));
        if (s.discovered && (added || conf >= kConfidentEvent)) {
            out.discovered_models.push_back(*s.discovered);
        }
    }
}

/// A surface its own clause says the model is not on: "It is not yet available in the API", "isn't
/// coming to Copilot". A negation before the surface in its clause, with an availability word.
bool surface_denied(const Context& ctx, const std::vector<Clause>& clauses, const EntityMatch& surface) {
    const auto c = clause_at(clauses, surface.begin);
    if (!c || surface.begin < c->begin) {
        return false;
    }
    const auto before = tokenize(std::string_view(ctx.text).substr(c->begin, surface.begin - c->begin));
    static const std::vector<std::string_view> availability = {"available", "availability", "offered", "accessible",
                                                               "supported", "coming",       "live"};
    const bool says_availability = std::any_of(before.begin(), before.end(), [](const Token& t) {
        return std::find(availability.begin(), availability.end(), t.norm) != availability.end();
    });
    return says_availability && negated(ctx.rules, before, 0, before.size());
}

/// A headline that teaches ("How to ...", "Tutorial: ...", "A guide to ...").
bool how_to_headline(const Context& ctx) {
    return in_sentence_list(
        ctx, "how_to_words",
        tokenize(std::string_view(ctx.text).substr(0, std::min(ctx.text.size(), ctx.text.find('\n')))));
}

/// The confidence of an arrival a long post's body says only where it names the surface.
constexpr double kBodyArrival = 0.7;

/// Whether `span`, a sentence of a post's body, says an arrival: a rollout, availability or
/// arrival phrase, or a word that puts a model within reach ("available to developers in", "build
/// with it through").
bool says_arrival(const Context& ctx, std::string_view span) {
    const auto words = tokenize(span);
    if (in_sentence_list(ctx, "rollout_verbs", words) || in_sentence_list(ctx, "availability_cues", words) ||
        in_sentence_list(ctx, "body_arrival_words", words)) {
        return true;
    }
    const auto& arrivals = verb_phrases(ctx.rules, "arrival_verbs");
    // A headline's own shapes ("Foo 3 on Bar") and the weakest verbs ("use", "get") say no arrival
    // in a body's sentence ("Share on Threads", "you get faster answers"), nor a one-word verb in
    // its base form, which prose uses as a noun as often ("Reach out to support@...").
    return std::any_of(arrivals.begin(), arrivals.end(), [&](const Cue& cue) {
        const bool base_form = cue.value.ends_with(":" + cue.pattern) && cue.pattern.find(' ') == std::string::npos;
        return !cue.value.starts_with("title-") && cue.confidence >= 0.7 && !base_form &&
               find_phrase(words, phrase_tokens(cue.pattern));
    });
}

/// A model's API id given after "as" ("on la Plateforme as magistral-medium-2605", "in the API as
/// gpt-5.5"): the same model under the name developers call, not another model arriving.
bool api_id_of_another(const Context& ctx, const SpecificModel& m) {
    const std::string_view text = ctx.text;
    const auto said = text.substr(m.begin, m.end - m.begin);
    const bool id_shape = std::none_of(
        said.begin(), said.end(), [](char c) { return c == ' ' || std::isupper(static_cast<unsigned char>(c)) != 0; });
    return id_shape && m.begin >= 3 && text.substr(m.begin - 3, 3) == "as ";
}

/// A line that can be an item of a list a colon opens: short, one sentence, not a quotation.
bool list_item_line(std::string_view line) {
    if (line.empty() || line.size() > 160) {
        return false;
    }
    for (const std::string_view quote : {"\"", "'", "\xE2\x80\x9C", "\xE2\x80\x98"}) {
        if (line.starts_with(quote)) {
            return false;
        }
    }
    const auto stop = line.find(". ");
    return stop == std::string_view::npos || stop + 2 >= line.size();
}

/// The statement that governs a surface named at `pos`: its own, and the line that opens its list
/// when it stands on a list's line ("Mistral Large 4 is available starting today:" over "in Le
/// Chat;", "on Amazon Bedrock."). A list's lines are short single sentences; one ending in "."
/// closes the list, so the paragraph after it is no item of it.
struct Governing {
    Clause own;
    std::optional<Clause> intro;
};
Governing governing_statement(std::string_view text, std::size_t pos) {
    Governing g{statement_around(text, pos), std::nullopt};
    const auto line_at = [&](std::size_t end) {  // the line ending at `end` (a '\n' or the text's end)
        const auto nl = end == 0 ? std::string_view::npos : text.rfind('\n', end - 1);
        const auto from = nl == std::string_view::npos ? 0 : nl + 1;
        auto line = text.substr(from, end - from);
        while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back())) != 0) {
            line.remove_suffix(1);
        }
        return std::pair{from, line};
    };
    const auto own_end = std::min(text.size(), text.find('\n', pos));
    auto [from, line] = line_at(own_end);
    if (!list_item_line(line)) {
        return g;
    }
    for (int up = 0; up < 12 && from > 0; ++up) {
        const auto [above_from, above] = line_at(from - 1);
        if (above.ends_with(':')) {
            g.intro = Clause{above_from, above_from + above.size()};
            break;
        }
        if (!list_item_line(above) || above.ends_with('.')) {
            break;
        }
        from = above_from;
    }
    return g;
}

/// The models a surface past a long post's lead arrives with. A full post names products for
/// other reasons (a customer's story, a share link, a related post's title), so such a surface
/// arrives only where its governing statement says an arrival, and with the models that
/// statement names, else its list's opening line's, else the item's (`item_subjects`). Empty: no
/// arrival there.
std::vector<std::string> arrival_where_named(const Context& ctx, std::size_t pos,
                                             const std::vector<std::string>& item_subjects) {
    const std::string_view text = ctx.text;
    const auto g = governing_statement(text, pos);
    const auto span = [&](const Clause& c) { return text.substr(c.begin, c.end - c.begin); };
    if (!says_arrival(ctx, span(g.own)) && !(g.intro && says_arrival(ctx, span(*g.intro)))) {
        return {};
    }
    for (const auto* c : {&g.own, g.intro ? &*g.intro : nullptr}) {
        if (c == nullptr) {
            continue;
        }
        std::vector<std::string> named;
        const auto said = specific_models(ctx, c->begin, c->end);
        for (const auto& sm : said) {
            if (!product_of_model(ctx, sm.end) && (said.size() == 1 || !api_id_of_another(ctx, sm)) &&
                std::find(named.begin(), named.end(), sm.slug) == named.end() &&
                (ctx.taxonomy.find_model(sm.slug) != nullptr ||
                 std::find(item_subjects.begin(), item_subjects.end(), sm.slug) != item_subjects.end())) {
                named.push_back(sm.slug);
            }
        }
        if (!named.empty()) {
            return named;
        }
    }
    return item_subjects;
}

}  // namespace

void extract_rollouts(const Context& ctx, const std::vector<std::string>& item_models, ExtractOutput& out) {
    host_rollouts(ctx, item_models, out);
    if (how_to_headline(ctx)) {
        return;  // "How to run Qwen3 locally with Ollama" teaches the use of what already runs there
    }
    std::size_t verb_pos = 0;
    std::string verb_stage;
    double verb = strongest_cue(ctx, "rollout_verbs", &verb_pos, &verb_stage);
    std::string cue_text;
    if (verb > 0) {
        cue_text = "rollout phrase";
        for (const auto& c : ctx.rules.list("rollout_verbs")) {
            if (c.confidence == verb && find_phrase(ctx.tokens, phrase_tokens(c.pattern))) {
                cue_text = "rollout " + c.pattern;
                break;
            }
        }
    }
    std::size_t arrival_pos = 0;
    std::string arrival_text;
    std::optional<ModelRef> arrival_named;
    if (const double arrival = arrival_cue(ctx, &arrival_pos, &arrival_text, &arrival_named); arrival > verb) {
        verb = arrival;
        verb_pos = arrival_pos;
        verb_stage.clear();
        cue_text = arrival_text;
    } else {
        arrival_named.reset();
    }
    std::size_t placed_pos = 0;
    std::string placed_text;
    if (const double placed = placed_object_cue(ctx, &placed_pos, &placed_text); placed > verb) {
        verb = placed;
        verb_pos = placed_pos;
        verb_stage.clear();
        cue_text = placed_text;
        arrival_named.reset();
    }
    const auto lead = end_of_lead(ctx.text);
    // A long post may say where its model runs only past its lead, in a section of its own
    // ("Availability" over "Your editor: available from day one in Zed"): then only the surfaces
    // past the lead are read, each by its own statement.
    const bool body_only = verb <= 0 && lead < ctx.text.size();
    if (body_only) {
        verb = kBodyArrival;
        verb_pos = lead;
        cue_text = "arrival said where the surface is named";
    } else if (verb <= 0 || continued_or_withdrawn(ctx, verb_pos)) {
        return;
    }
    std::vector<std::string> models = item_models;
    for (const auto& m : ctx.entities) {
        // "Ask Gemini to ...": a family's bare word standing for the assistant, not the older model
        // it is an alias of, is no subject of an arrival it is not named in.
        const auto said = std::string_view(ctx.text).substr(m.begin, m.end - m.begin);
        const bool bare_alias = slugify(said) != m.slug && std::none_of(said.begin(), said.end(), [](char c) {
                                    return std::isdigit(static_cast<unsigned char>(c)) != 0;
                                });
        if (m.kind == EntityKind::Model && !bare_alias &&
            std::find(models.begin(), models.end(), m.slug) == models.end()) {
            models.push_back(m.slug);
        }
    }
    // The models of the verb's sentence, as specifically as it names them ("DeepSeek R1 and
    // OpenAI o3-mini now available in Windsurf", "Gemini 3.1 Pro is now available in ..."); else
    // the item's release or first model.
    // The verb's clause first: "Large 4 is available through La Plateforme only; Small 5 ships
    // with open weights" gives the rollout to Large 4 alone.
    const auto sentence = body_only ? Clause{lead, lead} : statement_around(ctx.text, verb_pos);
    auto said_models = specific_models(ctx, sentence.begin, sentence.end);
    if (const auto c = body_only ? std::nullopt : clause_at(split_clauses(ctx.text), verb_pos)) {
        if (auto in_clause = specific_models(ctx, c->begin, c->end); !in_clause.empty()) {
            said_models = std::move(in_clause);
        }
    }
    // A model named as the new one's origin or predecessor ("An upgrade to Claude Opus 5, available
    // today in the Claude API") is not what arrives: the item's own model is.
    std::erase_if(said_models, [&](const SpecificModel& m) {
        return named_as_base(ctx.rules, ctx.text, sentence_around(ctx.text, m.begin).begin, m.begin) != nullptr;
    });
    if (said_models.size() > 1) {
        std::erase_if(said_models, [&](const SpecificModel& m) { return api_id_of_another(ctx, m); });
    }
    std::vector<std::string> subjects;
    std::vector<ModelInfo> new_models;
    for (const auto& sm : said_models) {
        if (product_of_model(ctx, sm.end)) {
            continue;  // "the Claude apps" names where the model is, not which model
        }
        if (std::find(subjects.begin(), subjects.end(), sm.slug) == subjects.end()) {
            subjects.push_back(sm.slug);
            if (sm.discovered) {
                new_models.push_back(*sm.discovered);
            }
        }
    }
    if (arrival_named && std::find(subjects.begin(), subjects.end(), arrival_named->slug) == subjects.end()) {
        subjects.insert(subjects.begin(), arrival_named->slug);
        if (arrival_named->discovered) {
            new_models.push_back(*arrival_named->discovered);
        }
        verb = std::min(verb, std::max(arrival_named->confidence, kConfidentEvent));
    }
    // A statement naming no model speaks of the item's model ("It is now available in ..."),
    // unless it speaks of models in general ("local models served through Bar").
    const auto statement = tokenize(std::string_view(ctx.text).substr(sentence.begin, sentence.end - sentence.begin));
    if (subjects.empty() && item_models.size() >= 2 && in_sentence_list(ctx, "every_model_phrases", statement)) {
        subjects = item_models;  // "Both models are available today in Vibe": each model the item released
    } else if (subjects.empty() && !has_phrase(statement, "models")) {
        // The item's model: its release, else the headline's model as specifically as it is named
        // ("Gemini 4 Ultra in preview ..." when nobody tracks it yet), else a model it names.
        const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
        const auto headline = specific_models(ctx, 0, title_end);
        if (!item_models.empty() || headline.empty()) {
            if (!models.empty()) {
                subjects.push_back(models.front());
            }
        } else if (!headline.front().discovered || verb >= kConfidentEvent) {
            subjects.push_back(headline.front().slug);
            if (headline.front().discovered) {
                new_models.push_back(*headline.front().discovered);
            }
        }
    }
    if (subjects.empty()) {
        return;
    }
    // Each surface's stage binds to its clause; a future ("coming next month") only to its own
    // ("Available today in the Gemini app. Coming to Search next month.").
    const std::string fallback_stage = verb_stage.empty() ? "ga" : verb_stage;
    const auto clauses = split_coordinated(ctx.text);
    std::vector<EntityMatch> surfaces;
    std::copy_if(ctx.entities.begin(), ctx.entities.end(), std::back_inserter(surfaces),
                 [](const EntityMatch& m) { return m.kind == EntityKind::Surface; });
    std::string region;
    const bool has_region = strongest_cue(ctx, "regions", nullptr, &region) > 0;
    std::vector<std::string> seen;
    for (const auto& m : ctx.entities) {
        if (m.kind != EntityKind::Surface || std::find(seen.begin(), seen.end(), m.slug) != seen.end()) {
            continue;
        }
        if (surface_denied(ctx, clauses, m)) {
            seen.push_back(m.slug);
            continue;
        }
        if (body_only && m.begin < lead) {
            continue;
        }
        const auto arriving = m.begin < lead ? subjects : arrival_where_named(ctx, m.begin, subjects);
        if (arriving.empty()) {
            continue;  // past the lead, a later mention of the surface may still say its arrival
        }
        seen.push_back(m.slug);
        const auto stage = surface_stage(ctx, clauses, surfaces, m, fallback_stage);  // the same for each model
        for (const auto& model : arriving) {
            auto ev = make_event(ctx, EventKind::SurfaceRollout, "surface_rollout|" + model + "|" + m.slug, verb,
                                 std::min(verb_pos, m.begin));
            ev.cue = cue_text;
            ev.model = model;
            ev.surface = m.slug;
            if (const auto* info = ctx.taxonomy.find_model(model); info && !info->lab.empty()) {
                ev.lab = info->lab;
            }
            for (const auto& nm : new_models) {
                if (nm.slug == model) {
                    ev.lab = nm.lab;
                }
            }
            put(ev.fields, field::surface, m.slug);
            put(ev.fields, field::stage, stage);
            if (stage == "announced") {
                // A promise is not the arrival: kept apart, so that the day the surface gets the
                // model is the later report's, not the announcement's (event merges keep the first).
                ev.dedupe_key += "|announced";
            }
            if (has_region) {
                put(ev.fields, field::region, region);
            } else {
                put_null(ev.fields, field::region);
            }
            out.events.push_back(std::move(ev));
        }
    }
    for (auto& nm : new_models) {
        if (ctx.taxonomy.find_model(nm.slug) == nullptr && !seen.empty() && verb >= kConfidentEvent) {
            out.discovered_models.push_back(std::move(nm));  // matched from now on
        }
    }
}

}  // namespace fw::extract

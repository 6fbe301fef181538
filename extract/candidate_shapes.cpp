#include "extract/candidate_shapes.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

#include "extract/grammar.h"
#include "extract/model_names.h"
#include "extract/text.h"

namespace fw::extract {

bool names_non_model(const Context& ctx, const std::vector<Token>& words) {
    for (const auto* list : {"non_model_words", "non_model_heads", "non_model_context"}) {
        for (const auto& w : ctx.rules.list(list)) {
            if (!w.remove && find_phrase_text(words, w.pattern)) {
                return true;
            }
        }
    }
    return false;
}

namespace {

/// The headline, read once for every shape.
struct Headline {
    std::string_view text;
    std::vector<Token> tokens;
};

std::size_t title_end_of(const Context& ctx) {
    return std::min(ctx.text.size(), ctx.text.find('\n'));
}

/// Whether a title token starts with a capital letter or a digit: a word of a name.
bool capitalised(const Context& ctx, const Token& t) {
    const auto c = static_cast<unsigned char>(ctx.text[t.begin]);
    return std::isupper(c) != 0 || std::isdigit(c) != 0;
}

bool entity_in_title(const Context& ctx, EntityKind kind) {
    const auto end = title_end_of(ctx);
    return std::any_of(ctx.entities.begin(), ctx.entities.end(),
                       [&](const EntityMatch& m) { return m.kind == kind && m.end <= end; });
}

/// The index of the first token at or after `from` (and before `to`) where a phrase of `cues`
/// starts, with the phrase's length.
std::optional<std::pair<std::size_t, std::size_t>> first_cue(const std::vector<Token>& tokens,
                                                             const std::vector<Cue>& cues, std::size_t from,
                                                             std::size_t to) {
    std::optional<std::pair<std::size_t, std::size_t>> best;
    for (const auto& cue : cues) {
        if (cue.remove) {
            continue;
        }
        const auto phrase = view_phrase(cue.pattern);
        if (const auto at = find_phrase_view(tokens, phrase, from);
            at && *at + phrase.size <= to && (!best || *at < best->first)) {
            best = std::pair{*at, phrase.size};
        }
    }
    return best;
}

/// "Claude Gov models for public agencies": a lab's own headline that opens with a capitalised name
/// (starting with a tracked model's or lab's) followed by a model word (releases.json model_context_words). A model_release candidate.
std::optional<ShapeCue> model_word_headline(const Context& ctx, const Headline& h) {
    if (!ctx.source.lab) {
        return std::nullopt;
    }
    const std::string_view title_text = h.text;
    const auto& title = h.tokens;
    std::size_t i = 0;
    while (i < title.size() && capitalised(ctx, title[i]) &&
           !ctx.rules.contains("model_context_words", title[i].norm)) {
        ++i;
    }
    // The name starts with a tracked model's or lab's ("Claude Gov models", "Qwen Lumen models"),
    // not with a sentence's first word ("Reasoning models struggle ...", "Teaching models to ...").
    const bool model_first = std::any_of(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& m) {
        return (m.kind == EntityKind::Model || m.kind == EntityKind::Lab) && m.begin == title.front().begin;
    });
    if (i == 0 || i == title.size() || !model_first || !ctx.rules.contains("model_context_words", title[i].norm) ||
        names_non_model(ctx, std::vector<Token>(title.begin(), title.begin() + static_cast<std::ptrdiff_t>(i)))) {
        return std::nullopt;  // the name itself is a program's or a product's ("Claude Partner models")
    }
    ShapeCue shape{"name-and-model-word headline \"" + std::string(title_text.substr(0, title[i].end)) + "\"",
                   EventKind::ModelRelease, "a lab's headline naming models the grammar cannot resolve", std::nullopt};
    if (auto ref = resolve_for_review(title_text.substr(0, title[i - 1].end), ctx)) {
        shape.model = ref->slug;
    }
    return shape;
}

/// "Grok Image Generation Release", "Foo 2 Launch": a headline that ends in a launch noun
/// (releases.json launch_nouns) after a capitalised name. A model_release candidate.
std::optional<ShapeCue> launch_noun_headline(const Context& ctx, const Headline& h) {
    const std::string_view title_text = h.text;
    const auto& title = h.tokens;
    if (title.size() < 2 || !ctx.rules.contains("launch_nouns", title.back().norm)) {
        return std::nullopt;
    }
    // The name before the noun is capitalised word by word ("Grok Image Generation Release");
    // "Our biggest release" and "a new release" are no names.
    for (std::size_t i = 0; i + 1 < title.size(); ++i) {
        if (!capitalised(ctx, title[i])) {
            return std::nullopt;
        }
    }
    // A tracked product's own launch ("Windsurf Next Launch") is no model's.
    const auto covers_first = [&](EntityKind kind) {
        return std::any_of(ctx.entities.begin(), ctx.entities.end(),
                           [&](const EntityMatch& m) { return m.kind == kind && m.begin == title.front().begin; });
    };
    if (names_non_model(ctx, title) || (covers_first(EntityKind::Surface) && !covers_first(EntityKind::Model))) {
        return std::nullopt;
    }
    ShapeCue shape{"launch-noun headline \"... " + std::string(title_text.substr(title.back().begin)) + "\"",
                   EventKind::ModelRelease, "a launch named by a noun; the model is not confirmed", std::nullopt};
    const auto name = title_text.substr(0, title[title.size() - 2].end);
    if (auto ref = resolve_for_review(name, ctx)) {
        shape.model = ref->slug;
    }
    return shape;
}

/// "Claude and Alexa+", "Foo 3 on WhatsApp": a headline that names a tracked model and a tracked
/// surface but no verb the grammar reads. A surface_rollout candidate of that model.
std::optional<ShapeCue> model_and_surface_headline(const Context& ctx, const Headline& h) {
    const auto end = h.text.size();
    const EntityMatch* model = nullptr;
    const EntityMatch* surface = nullptr;
    for (const auto& m : ctx.entities) {
        if (m.end > end) {
            continue;
        }
        if (m.kind == EntityKind::Model && model == nullptr) {
            model = &m;
        } else if (m.kind == EntityKind::Surface && surface == nullptr) {
            surface = &m;
        }
    }
    // Two names, not one inside the other ("Claude app" is the surface alone).
    if (model == nullptr || surface == nullptr || (model->begin < surface->end && surface->begin < model->end)) {
        return std::nullopt;
    }
    // The most specific name the headline gives: "Gemini 3 Ultra", not the "Gemini 3" alias inside it.
    std::string slug = model->slug;
    const auto name = leading_name(std::string_view(ctx.text).substr(model->begin, end - model->begin), ctx);
    if (const auto ref = name.empty() ? std::nullopt : resolve_for_review(name, ctx);
        ref && name.size() > model->end - model->begin) {
        slug = ref->slug;
    }
    return ShapeCue{"headline names model " + slug + " and surface " + surface->slug, EventKind::SurfaceRollout,
                    "a model and a surface in one headline, no arrival verb", slug};
}

/// "Grok Voice Agent API": a lab's own headline that is only a capitalised name followed by "API".
/// A surface_rollout candidate (to the lab's API).
std::optional<ShapeCue> api_headline(const Context& ctx, const Headline& h) {
    if (!ctx.source.lab) {
        return std::nullopt;
    }
    const std::string_view title_text = h.text;
    const auto& title = h.tokens;
    // A name of a few words and the word API: a product's API, announced by its maker.
    if (title.size() < 2 || title.size() > 6 || title.back().norm != "api" ||
        !std::all_of(title.begin(), title.end() - 1, [&](const Token& t) { return capitalised(ctx, t); })) {
        return std::nullopt;
    }
    ShapeCue shape{"API headline \"" + std::string(title_text) + "\"", EventKind::SurfaceRollout,
                   "a product's API announced by its lab; the model is not confirmed", std::nullopt};
    if (auto ref = resolve_for_review(title_text.substr(0, title[title.size() - 2].end), ctx)) {
        shape.model = ref->slug;
    }
    return shape;
}

/// "We've trained a large-scale language model which ...": a lab's own headline or lead (the
/// body's first two sentences) where the lab, in the first person, made or launched a model
/// (releases.json creation_verbs, launch_verbs) that it does not name. A model_release candidate.
std::optional<ShapeCue> first_person_model_lead(const Context& ctx, const Headline& /*read from ctx.tokens*/) {
    if (!ctx.source.lab) {
        return std::nullopt;
    }
    // The lead: the body's first two sentences.
    const auto lead = lead_sentence(ctx.text);
    auto lead_end = lead.end;
    if (lead_end < ctx.text.size()) {
        lead_end = sentence_around(ctx.text, std::min(ctx.text.size(), lead_end + 1)).end;
    }
    // The headline and the lead ("We built a model that ...", "We are releasing a small model").
    const auto last = std::lower_bound(ctx.tokens.begin(), ctx.tokens.end(), lead_end,
                                       [](const Token& t, std::size_t pos) { return t.begin < pos; });
    const std::size_t from = 0;
    const auto to = static_cast<std::size_t>(last - ctx.tokens.begin());
    static const std::vector<std::string> auxiliaries = {"ve", "have", "re", "are", "just", "recently", "today"};
    for (std::size_t i = from; i < to; ++i) {
        if (ctx.tokens[i].norm != "we") {
            continue;
        }
        auto v = i + 1;
        while (v < to && v < i + 3 &&
               std::find(auxiliaries.begin(), auxiliaries.end(), ctx.tokens[v].norm) != auxiliaries.end()) {
            ++v;
        }
        // The verb right after "we" and its auxiliaries, then a model word within its object.
        std::optional<std::pair<std::size_t, std::size_t>> verb;
        for (const auto* list : {"creation_verbs", "launch_verbs"}) {
            if (auto at = first_cue(ctx.tokens, verb_phrases(ctx.rules, list), v, to); at && at->first == v) {
                verb = at;
                break;
            }
        }
        if (!verb) {
            continue;
        }
        const auto object_from = verb->first + verb->second;
        if (auto noun = first_cue(ctx.tokens, ctx.rules.list("model_context_words"), object_from,
                                  std::min(to, object_from + 10))) {
            const auto b = ctx.tokens[i].begin;
            const auto e = ctx.tokens[noun->first + noun->second - 1].end;
            return ShapeCue{
                "first-person lead \"" + collapse_spaces(std::string_view(ctx.text).substr(b, e - b)) + "\"",
                EventKind::ModelRelease, "the lab made or launched a model it does not name", std::nullopt};
        }
    }
    return std::nullopt;
}

/// "How two settings tripled our scores on the X benchmark": a headline of a tracked lab or model
/// with a score word (evals.json score_words) and a benchmark's word (benchmark_words) or a
/// figure. An eval_report candidate on a lab's own feed, a
/// third_party_eval candidate elsewhere.
std::optional<ShapeCue> score_headline(const Context& ctx, const Headline& h) {
    if (!ctx.source.lab && !entity_in_title(ctx, EntityKind::Lab) && !entity_in_title(ctx, EntityKind::Model)) {
        return std::nullopt;
    }
    const std::string_view title_text = h.text;
    const auto& title = h.tokens;
    const auto at = first_cue(title, ctx.rules.list("score_words"), 0, title.size());
    // A score of something measured: a benchmark's word or a figure ("80%"); "scores a win in
    // court" has neither.
    const bool measured = first_cue(title, ctx.rules.list("benchmark_words"), 0, title.size()).has_value() ||
                          std::any_of(title.begin(), title.end(), [](const Token& t) {
                              return std::any_of(t.norm.begin(), t.norm.end(), [](char c) {
                                  return std::isdigit(static_cast<unsigned char>(c)) != 0;
                              });
                          });
    if (!at || !measured) {
        return std::nullopt;
    }
    const bool own = ctx.source.lab.has_value() && !ctx.source_evaluator;
    ShapeCue shape{"score headline \"" + std::string(title_text.substr(title[at->first].begin)) + "\"",
                   own ? EventKind::EvalReport : EventKind::ThirdPartyEval,
                   "a score in the headline; no evaluation statement the grammar reads", std::nullopt};
    // The model scored: the first name the headline gives that resolves ("How Grok 5 scored ...").
    for (std::size_t i = 0; i < title.size() && !shape.model; ++i) {
        // Headline case: any capitalised word may start the name, but a function word ("How",
        // "Why") never does.
        if (capitalised(ctx, title[i]) && !ctx.rules.contains("non_name_words", title[i].norm)) {
            const auto name = leading_name(title_text.substr(title[i].begin), ctx);
            if (const auto ref = name.empty() ? std::nullopt : resolve_for_review(name, ctx)) {
                shape.model = ref->slug;
            }
        }
    }
    return shape;
}

/// "Why I joined AISI", "I'm leaving Foo Labs": a headline in the first person with a personnel
/// verb (people.json personnel_lemmas). A personnel_move candidate; the reviewer names the person.
std::optional<ShapeCue> first_person_move_headline(const Context& ctx, const Headline& h) {
    const std::string_view title_text = h.text;
    const auto& title = h.tokens;
    static const std::vector<std::string> auxiliaries = {"m", "am", "ve", "have", "d", "had", "will", "ll"};
    for (std::size_t i = 0; i < title.size(); ++i) {
        if (title[i].norm != "i" || title_text[title[i].begin] != 'I') {
            continue;  // the pronoun, not a roman numeral's lower case
        }
        auto v = i + 1;
        while (v < title.size() && v < i + 3 &&
               std::find(auxiliaries.begin(), auxiliaries.end(), title[v].norm) != auxiliaries.end()) {
            ++v;
        }
        if (auto at = first_cue(title, verb_phrases(ctx.rules, "personnel_lemmas"), v, title.size());
            at && at->first == v) {
            return ShapeCue{"first-person headline \"" + std::string(title_text.substr(title[i].begin)) + "\"",
                            EventKind::PersonnelMove, "a move told in the first person; the person is not tracked",
                            std::nullopt};
        }
    }
    // "Some personal news" / "Today was my last day leading the team": the headline or the lead
    // says a move in the first person's own phrases (people.json first_person_moves).
    const auto lead = lead_sentence(ctx.text);
    const auto head = tokenize(std::string_view(ctx.text).substr(0, std::max(lead.end, title_text.size())));
    if (first_cue(head, ctx.rules.list("first_person_moves"), 0, head.size())) {
        return ShapeCue{"first-person move phrase", EventKind::PersonnelMove,
                        "a move told in the first person; the person is not tracked", std::nullopt};
    }
    return std::nullopt;
}

}  // namespace

std::optional<ShapeCue> announcement_shape(const Context& ctx) {
    Headline h;
    h.text = std::string_view(ctx.text).substr(0, title_end_of(ctx));
    h.tokens = tokenize(h.text);
    for (auto* shape : {launch_noun_headline, model_word_headline, model_and_surface_headline, api_headline,
                        score_headline, first_person_move_headline, first_person_model_lead}) {
        if (auto found = shape(ctx, h)) {
            return found;
        }
    }
    return std::nullopt;
}

}  // namespace fw::extract

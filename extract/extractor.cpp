#include "extract/extractor.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "extract/candidate_shapes.h"
#include "extract/confidence.h"
#include "extract/context.h"
#include "extract/extractors.h"
#include "extract/grammar.h"
#include "extract/model_names.h"
#include "domain/slug.h"

namespace fw::extract {

Extractor::Extractor(const Taxonomy& taxonomy, Rules rules, std::shared_ptr<const KindClassifier> classifier)
    : taxonomy_(taxonomy),
      rules_(std::move(rules)),
      matcher_(taxonomy_),
      classifier_(std::move(classifier)),
      memo_(std::make_shared<ContextMemo>()) {}

Extractor::Extractor(const Extractor& other)
    : taxonomy_(other.taxonomy_),
      rules_(other.rules_),
      matcher_(other.matcher_),
      classifier_(other.classifier_),
      memo_(std::make_shared<ContextMemo>()) {}

Extractor& Extractor::operator=(const Extractor& other) {
    if (this != &other) {
        taxonomy_ = other.taxonomy_;
        rules_ = other.rules_;
        matcher_ = other.matcher_;
        classifier_ = other.classifier_;
        memo_ = std::make_shared<ContextMemo>();
    }
    return *this;
}

Extractor::~Extractor() = default;

namespace {

/// One event per dedupe key within an item: the most confident wins.
void dedupe(std::vector<Event>& events) {
    std::vector<Event> kept;
    for (auto& ev : events) {
        auto same =
            std::find_if(kept.begin(), kept.end(), [&](const Event& k) { return k.dedupe_key == ev.dedupe_key; });
        if (same == kept.end()) {
            kept.push_back(std::move(ev));
        } else if (ev.confidence > same->confidence) {
            *same = std::move(ev);
        }
    }
    events = std::move(kept);
}

std::string_view entity_kind_name(EntityKind kind) {
    switch (kind) {
        case EntityKind::Lab:
            return "lab";
        case EntityKind::Model:
            return "model";
        case EntityKind::Surface:
            return "surface";
        case EntityKind::Person:
            return "person";
        case EntityKind::Security:
            return "security";
    }
    return "entity";
}

/// A lab's own headline shaped like a launch ("Introducing X", "X launches") that yielded no
/// event: the nearest cue of a candidate, so that no launch of a tracked lab goes unseen.
std::string launch_shaped_title(const Context& ctx) {
    if (!ctx.source.lab) {
        return {};
    }
    const std::string_view title_text = std::string_view(ctx.text).substr(0, ctx.text.find('\n'));
    const auto title = tokenize(title_text);
    if (names_non_model(ctx, title)) {
        return {};  // "Introducing the Llama Startup Program": a launch, not of a model
    }
    for (const auto& cue : verb_phrases(ctx.rules, "launch_verbs")) {
        const auto phrase = phrase_tokens(cue.pattern);
        if (auto at = find_phrase(title, phrase);
            at && *at == 0 && cue.confidence >= 0.8 && title.size() > phrase.size()) {
            // The object must start like a name: "Introducing a way to ..." is no launch of one;
            // "the next generation of Claude", "our new Foo" are ("a new version of", "the latest").
            static const std::vector<std::string> before_name = {
                "the", "our", "a", "an", "new", "next", "latest", "generation", "version", "family", "of"};
            std::size_t k = phrase.size();
            while (k + 1 < title.size() &&
                   std::find(before_name.begin(), before_name.end(), title[k].norm) != before_name.end()) {
                ++k;
            }
            if (std::islower(static_cast<unsigned char>(title_text[title[k].begin])) != 0) {
                return {};
            }
            return "launch-verb headline \"" + cue.pattern + " ...\"";
        }
    }
    // A headline release cue that opens the headline ("Say hello to ...", "Meet ...") before a
    // capitalised word.
    for (const auto& cue : ctx.rules.list("release_cues")) {
        const auto hole = cue.pattern.find('{');
        if (cue.remove || hole == 0 || hole == std::string::npos || cue.pattern.find('}') + 1 != cue.pattern.size()) {
            continue;
        }
        const auto phrase = phrase_tokens(cue.pattern.substr(0, hole));
        if (find_phrase(title, phrase) == std::optional<std::size_t>(0) && title.size() > phrase.size() &&
            std::isupper(static_cast<unsigned char>(title_text[title[phrase.size()].begin])) != 0) {
            return "headline \"" + cue.pattern + "\"";
        }
    }
    return {};
}

/// A headline where a name nobody tracks arrives at a tracked surface ("Bringing Muse Flare to
/// Meta Ray-Ban Display", "Nova Lite lands on WhatsApp"): an arrival verb with a product-shaped
/// name right after it or opening the headline before it. A surface_rollout candidate; the
/// reviewer says whether the name is a model.
std::string untracked_model_arrival(const Context& ctx, const std::vector<Token>& title, std::size_t title_end) {
    const std::string_view text(ctx.text);
    for (const auto& cue : verb_phrases(ctx.rules, "arrival_verbs")) {
        const auto phrase = phrase_tokens(cue.pattern);
        if (cue.value.rfind("title-", 0) == 0 || cue.confidence < 0.7) {
            continue;
        }
        for (auto at = find_phrase(title, phrase); at; at = find_phrase(title, phrase, *at + 1)) {
            const auto vb = title[*at].begin;
            const auto ve = title[*at + phrase.size() - 1].end;
            const auto after = leading_name(text.substr(ve, title_end - ve), ctx);
            const auto before = leading_name(text.substr(0, vb), ctx);
            const auto surface_at = [&](std::size_t begin) {
                return std::any_of(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& m) {
                    return m.kind == EntityKind::Surface && m.begin == begin;
                });
            };
            // A product-shaped name ("New Editing Tools" is not: a non-model word), not the surface.
            const auto model_shaped = [&](const std::string& name) {
                return !name.empty() && name_shaped(ctx, name) && resolve_model_name(name, ctx, true).has_value();
            };
            const bool object =
                model_shaped(after) && trim(text.substr(ve, title_end - ve)).starts_with(after) && !surface_at(ve + 1);
            const bool subject =
                *at > 0 && model_shaped(before) && trim(text.substr(0, vb)) == before && !surface_at(0);
            if (object || subject) {
                return "arrival-verb headline \"" + cue.pattern + "\", the model is not tracked";
            }
        }
    }
    return {};
}

/// A headline where a model arrives somewhere the taxonomy does not know ("Cursor adds Claude
/// Opus 5", "Claude Opus 5 arrives in Zed's rival"): an arrival verb and a tracked model in the
/// headline, no tracked surface. The nearest cue of a surface_rollout candidate; the reviewer
/// names the surface.
std::string arrival_shaped_title(const Context& ctx) {
    const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
    const auto in_title = [&](EntityKind kind) {
        return std::any_of(ctx.entities.begin(), ctx.entities.end(),
                           [&](const EntityMatch& m) { return m.kind == kind && m.end <= title_end; });
    };
    const auto title = tokenize(std::string_view(ctx.text).substr(0, title_end));
    if (!in_title(EntityKind::Model) && in_title(EntityKind::Surface)) {
        return untracked_model_arrival(ctx, title, title_end);
    }
    if (!in_title(EntityKind::Model) || in_title(EntityKind::Surface)) {
        return {};
    }
    // The verb binds the model: it ends right before the model's name or starts right after it.
    const auto next_to_model = [&](std::size_t verb_begin, std::size_t verb_end) {
        return std::any_of(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& m) {
            return m.kind == EntityKind::Model && (m.begin == verb_end + 1 || verb_begin == m.end + 1);
        });
    };
    for (const auto& cue : verb_phrases(ctx.rules, "arrival_verbs")) {
        const auto phrase = phrase_tokens(cue.pattern);
        if (cue.value.rfind("title-", 0) == 0 || cue.confidence < 0.7) {
            continue;
        }
        for (auto at = find_phrase(title, phrase); at; at = find_phrase(title, phrase, *at + 1)) {
            if (next_to_model(title[*at].begin, title[*at + phrase.size() - 1].end)) {
                return "arrival-verb headline \"" + cue.pattern + "\", no tracked surface";
            }
        }
    }
    return {};
}

/// A headline where somebody the taxonomy does not track joins or leaves a tracked lab ("OpenAI's
/// head of post-training exits for Meta Superintelligence Labs", "Anthropic hires a former chief
/// scientist"): a tracked lab, a personnel verb (people.json personnel_lemmas) and a role word.
/// The nearest cue of a personnel_move candidate; the reviewer names the person.
std::string personnel_shaped_title(const Context& ctx) {
    const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
    const bool lab = std::any_of(ctx.entities.begin(), ctx.entities.end(),
                                 [&](const EntityMatch& m) { return m.kind == EntityKind::Lab && m.end <= title_end; });
    const auto title = tokenize(std::string_view(ctx.text).substr(0, title_end));
    const bool role = std::any_of(title.begin(), title.end(),
                                  [&](const Token& t) { return ctx.rules.contains("role_words", t.norm); });
    if (!lab || !role) {
        return {};
    }
    for (const auto& cue : verb_phrases(ctx.rules, "personnel_lemmas")) {
        if (find_phrase(title, phrase_tokens(cue.pattern))) {
            return "personnel-verb headline \"" + cue.pattern + "\", the person is not tracked";
        }
    }
    return {};
}

std::string two_decimals(double p) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", p);
    return buf;
}

/// The classifier's most likely event kind (never "none") at or above `threshold`, if any.
const KindScore* classifier_kind(const std::vector<KindScore>& scores, double threshold) {
    for (const auto& s : scores) {  // highest first
        if (s.kind != "none" && s.probability >= threshold && event_kind_from_string(s.kind)) {
            return &s;
        }
    }
    return nullptr;
}

/// A headline that asks whether ("Will Meta open-source Muse Ember?", "Analysis: Is LeCun leaving
/// Meta?"): an auxiliary verb first, a question mark last. A wh-question is a research question
/// ("How far behind are open models on cyber?") whose post may well report a finding.
bool question_headline(std::string_view text) {
    auto title = text.substr(0, std::min(text.size(), text.find('\n')));
    while (!title.empty() && std::isspace(static_cast<unsigned char>(title.back())) != 0) {
        title.remove_suffix(1);
    }
    if (!title.ends_with('?')) {
        return false;
    }
    if (const auto colon = title.find(": "); colon != std::string_view::npos) {
        title = title.substr(colon + 2);
    }
    static constexpr std::string_view auxiliaries[] = {"will", "is",   "are",   "was",   "were",  "does",
                                                       "do",   "did",  "can",   "could", "would", "should",
                                                       "has",  "have", "might", "may",   "won't", "isn't"};
    const auto first = to_lower_ascii(title.substr(0, title.find(' ')));
    return std::find(std::begin(auxiliaries), std::end(auxiliaries), first) != std::end(auxiliaries);
}

/// A story's opening sentence without the aside in parentheses after its opening name ("Phi-9
/// (Microsoft, Tuesday) launched ..." -> "Phi-9 launched ..."): a roundup's note of maker and day,
/// which no headline grammar expects inside a name.
std::string without_opening_aside(std::string_view sentence) {
    const auto open = sentence.find(" (");
    const auto close = sentence.find(')', open == std::string_view::npos ? 0 : open);
    if (open == std::string_view::npos || close == std::string_view::npos) {
        return std::string(sentence);
    }
    for (const auto& word : tokenize(sentence.substr(0, open))) {
        if (std::islower(static_cast<unsigned char>(sentence[word.begin])) != 0) {
            return std::string(sentence);  // the parenthesis follows a clause, not a name
        }
    }
    return std::string(sentence.substr(0, open)) + std::string(sentence.substr(close + 1));
}

/// A roundup of several stories told one per paragraph ("Gemma 4 (Google, Wednesday): four sizes,
/// weights on Hugging Face ...", "Phi-5 (Microsoft, Tuesday): ..."), as newsletters and hosts'
/// weekly posts write them: the byte ranges of the body's paragraphs that open with a model's name,
/// when at least two open with different models. One item's grammar reads one main model; each
/// such paragraph is a story of its own.
/// A line of an item's body: where it begins, where its words begin (past a bullet or an emoji),
/// and where it ends.
struct BodyLine {
    std::size_t begin, first, end;
};
std::vector<BodyLine> body_lines(std::string_view text) {
    std::vector<BodyLine> lines;
    for (auto begin = text.find('\n'); begin != std::string_view::npos && begin < text.size();) {
        ++begin;
        const auto end = std::min(text.size(), text.find('\n', begin));
        auto first = begin;
        while (first < end && std::isalnum(static_cast<unsigned char>(text[first])) == 0) {
            ++first;
        }
        if (end > begin) {
            lines.push_back({begin, first, end});
        }
        begin = end;
    }
    return lines;
}

std::vector<Clause> story_paragraphs(const Context& ctx) {
    auto paragraphs = body_lines(ctx.text);  // long enough to tell a story
    std::erase_if(paragraphs, [](const BodyLine& l) { return l.end - l.begin < 40; });
    if (paragraphs.size() < 2) {
        return {};
    }
    Context named = ctx;  // a roundup names other makers' new models too
    named.unowned_models = true;
    std::vector<Clause> stories;
    std::vector<std::string> openers;
    for (const auto& p : paragraphs) {
        const auto models = specific_models(named, p.first, p.end);
        if (!models.empty() && models.front().begin == p.first) {
            stories.push_back({p.begin, p.end});
            if (std::find(openers.begin(), openers.end(), models.front().slug) == openers.end()) {
                openers.push_back(models.front().slug);
            }
        }
    }
    return openers.size() >= 2 ? stories : std::vector<Clause>{};
}

/// A roundup's line that opens with a tracked person's name ("Nat Friedman steps away from Meta
/// Superintelligence Labs to go back to investing" under "Open-source AI roundup #44"): a move
/// told as a story of its own, whatever the item's headline says. Only in a body of three lines
/// or more (a list of news, not a lead) and only a line of at most 300 bytes: a long paragraph
/// opening with a name is a profile or a quote, not a line of news.
std::vector<Clause> person_lines(const Context& ctx) {
    const auto body = body_lines(ctx.text);
    if (body.size() < 3) {
        return {};
    }
    std::vector<Clause> lines;
    for (const auto& l : body) {
        if (l.end - l.first >= 20 && l.end - l.first <= 300 &&
            std::any_of(ctx.entities.begin(), ctx.entities.end(),
                        [&](const EntityMatch& m) { return m.kind == EntityKind::Person && m.begin == l.first; })) {
            lines.push_back({l.first, l.end});
        }
    }
    return lines;
}

/// A digest's story that names a tracked person and a lab ("Meta Befriends Alexandr Wang",
/// "Ex-OpenAI Researcher Jane Roe Lands at Mistral"): a move in the press's own words, which
/// no verb list can hold. When no personnel event of that person came of the item, the story goes
/// to review as a personnel_move candidate; the reviewer reads the move.
void person_story_candidate(const Context& ctx, std::size_t begin, std::size_t end, ExtractOutput& out) {
    const EntityMatch* person = nullptr;
    const EntityMatch* org = nullptr;
    for (const auto& m : ctx.entities) {
        if (m.begin < begin || m.end > end) {
            continue;
        }
        if (m.kind == EntityKind::Person && person == nullptr) {
            person = &m;
        } else if (m.kind == EntityKind::Lab && org == nullptr) {
            org = &m;
        }
    }
    if (person == nullptr || org == nullptr ||
        std::any_of(out.events.begin(), out.events.end(), [&](const Event& e) { return e.person == person->slug; }) ||
        std::any_of(out.candidates.begin(), out.candidates.end(), [&](const Candidate& c) {
            return std::find(c.entities.begin(), c.entities.end(), "person:" + person->slug) != c.entities.end();
        })) {
        return;
    }
    Candidate c;
    c.cue = "digest story \"" + std::string(trim(std::string_view(ctx.text).substr(begin, end - begin))) + "\"";
    c.suggested_kind = EventKind::PersonnelMove;
    c.confidence = 0.3;
    c.lab = org->slug;
    c.entities = {"person:" + person->slug, "lab:" + org->slug};
    c.reason = "a digest's story naming a tracked person and an organisation, no move of them";
    c.dedupe_key = "story:" + person->slug;
    out.candidates.push_back(std::move(c));
}

/// A story opening with a coined word in camel case that nothing tracked names ("HunyuanVideo
/// Narrows Open Source Gap"): a product's name, likely a model's, for review.
std::optional<SpecificModel> camel_case_opener(const Context& ctx, std::size_t begin, std::size_t end) {
    const auto first =
        std::find_if(ctx.tokens.begin(), ctx.tokens.end(), [&](const Token& t) { return t.begin >= begin; });
    if (first == ctx.tokens.end() || first->end > end ||
        std::any_of(ctx.entities.begin(), ctx.entities.end(),
                    [&](const EntityMatch& m) { return m.begin <= first->begin && first->begin < m.end; })) {
        return std::nullopt;
    }
    const auto word = std::string_view(ctx.text).substr(first->begin, first->end - first->begin);
    if (word.size() < 6 || std::isupper(static_cast<unsigned char>(word.front())) == 0) {
        return std::nullopt;
    }
    for (std::size_t i = 1; i + 1 < word.size(); ++i) {
        if (std::islower(static_cast<unsigned char>(word[i])) != 0 &&
            std::isupper(static_cast<unsigned char>(word[i + 1])) != 0) {
            return SpecificModel{slugify(std::string(word)), first->begin, first->end, std::nullopt};
        }
    }
    return std::nullopt;
}

/// A digest headline's stories ("Qwen3.5 In All Sizes, Apple's Multimodal Tokenizer, ...") each
/// speak of one thing: a story opening with a versioned model's name that no event and no
/// candidate of the item covers becomes a candidate of its own, so that a digest whose other
/// stories gave events drops none silently.
void digest_story_candidates(const Context& ctx, ExtractOutput& out) {
    const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
    if (ctx.source.kind != SourceKind::Feed || !digest_headline(std::string_view(ctx.text).substr(0, title_end))) {
        return;
    }
    const auto covered = [&](const std::string& slug) {
        return std::any_of(out.events.begin(), out.events.end(), [&](const Event& e) { return e.model == slug; }) ||
               std::any_of(out.candidates.begin(), out.candidates.end(),
                           [&](const Candidate& c) { return c.model == slug; });
    };
    Context named = ctx;
    named.unowned_models = true;
    for (std::size_t begin = 0; begin < title_end;) {
        const auto end = std::min(title_end, ctx.text.find(',', begin));
        const auto story = std::string_view(ctx.text).substr(begin, end - begin);
        std::optional<SpecificModel> model;
        for (const auto& sm : specific_models(ctx, begin, end)) {
            const auto lead = std::string_view(ctx.text).substr(begin, sm.begin - begin);
            if (lead.find_first_not_of(' ') == std::string_view::npos) {
                model = sm;  // the story's subject, not a model it compares with
            }
            break;
        }
        // "FLUX.1 Kontext’s Consistent Characters": the subject may be the possessor (tried after
        // the whole story: "Meta's Muse Spark 2 leaks" names its model after the possessive).
        auto possessor = story;
        for (std::string_view mark : {"’s ", "'s "}) {
            if (const auto at = possessor.find(mark); at != std::string_view::npos) {
                possessor = possessor.substr(0, at);
            }
        }
        for (const auto subject : {story, possessor}) {
            std::size_t at = 0;
            if (auto ref = model ? std::nullopt : resolve_leading(subject, named, &at);
                ref && ref->confidence >= 0.85 && !ref->known) {
                model = SpecificModel{ref->slug, begin + at, begin + at, ref->discovered};
            }
        }
        const bool coined_word = !model && (model = camel_case_opener(ctx, begin, end)).has_value();
        if (model &&
            (coined_word || std::any_of(model->slug.begin(), model->slug.end(),
                                        [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) &&
            !covered(model->slug)) {
            Candidate c;
            c.cue = "digest story \"" + std::string(trim(story)) + "\"";
            c.suggested_kind = EventKind::ModelRelease;
            c.confidence = 0.3;
            c.model = model->slug;
            if (const auto* info = ctx.taxonomy.find_model(model->slug); info && !info->lab.empty()) {
                c.lab = info->lab;
            } else if (model->discovered && !model->discovered->lab.empty()) {
                c.lab = model->discovered->lab;
            }
            c.entities.push_back("model:" + model->slug);
            c.reason = "a digest's story naming a model, no event of it";
            c.dedupe_key = "story:" + model->slug;  // one item, several stories
            out.candidates.push_back(std::move(c));
        }
        person_story_candidate(ctx, begin, end, out);
        begin = end + 1;
    }
}

/// A model the headline names that is news at the item's time: a tracked model released within
/// the last 60 days (or a date the taxonomy does not give), never an old one talked about again.
/// "DeepSeek Sharpens Its Reasoning: DeepSeek-R1, an affordable rival" a week after R1.
const ModelInfo* fresh_model_in_headline(const Context& ctx) {
    const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
    for (const auto& m : ctx.entities) {
        if (m.kind != EntityKind::Model || m.end > title_end) {
            continue;
        }
        const ModelInfo* info = ctx.taxonomy.find_model(m.slug);
        if (info == nullptr || !info->released) {
            continue;
        }
        const int age = days_between(*info->released, item_time(ctx));
        if (age >= 0 && age <= 60) {
            return info;
        }
    }
    return nullptr;
}

/// The one candidate of an item that kept no event: its strongest weak finding, else the nearest
/// cue its headline gives (a launch or arrival shape), else the classifier's kind.
void item_candidate(const Context& ctx, ExtractOutput& out, const std::vector<Event>& weak,
                    const std::vector<KindScore>& scores, const KindClassifier::Thresholds& thresholds,
                    bool read_headline) {
    const Event* weakest_best = nullptr;
    for (const auto& ev : weak) {
        if (weakest_best == nullptr || ev.confidence > weakest_best->confidence) {
            weakest_best = &ev;
        }
    }
    Candidate c;
    for (const auto& m : ctx.entities) {
        auto e = std::string(entity_kind_name(m.kind)) + ":" + m.slug;
        if (std::find(c.entities.begin(), c.entities.end(), e) == c.entities.end()) {
            c.entities.push_back(std::move(e));
        }
    }
    // A headline's shape as the nearest cue: a weak suggestion of the item's lab for the reviewer.
    const auto by_shape = [&](std::string cue, EventKind kind, const char* reason) {
        c.cue = std::move(cue);
        c.suggested_kind = kind;
        c.confidence = 0.3;
        c.lab = ctx.lab;
        c.reason = reason;
    };
    if (weakest_best != nullptr) {
        c.cue = weakest_best->cue;
        c.suggested_kind = weakest_best->kind;
        c.confidence = weakest_best->confidence;
        c.lab = weakest_best->lab;
        c.model = weakest_best->model;
        char buf[64];
        std::snprintf(buf, sizeof buf, "low confidence %.2f", weakest_best->confidence);
        c.reason = buf;
        if (c.model && std::find(c.entities.begin(), c.entities.end(), "model:" + *c.model) == c.entities.end()) {
            c.entities.push_back("model:" + *c.model);  // a name met for the first time
        }
    } else if (!read_headline) {
        return;  // a filing's, a repo's or a page's title is no announcement's headline
    } else if (auto cue = launch_shaped_title(ctx); !cue.empty()) {
        by_shape(std::move(cue), EventKind::ModelRelease, "launch-shaped headline, no model name confirmed");
    } else if (auto arrival = arrival_shaped_title(ctx); !arrival.empty()) {
        c.cue = std::move(arrival);
        c.suggested_kind = EventKind::SurfaceRollout;
        c.confidence = 0.3;
        if (const auto* m = first_entity(ctx, EntityKind::Model)) {
            c.model = m->slug;
            if (const auto* info = ctx.taxonomy.find_model(m->slug); info != nullptr && !info->lab.empty()) {
                c.lab = info->lab;
            }
        }
        c.reason = c.model ? "arrival-shaped headline, the surface is not tracked"
                           : "arrival-shaped headline, the model is not tracked";
    } else if (auto move = personnel_shaped_title(ctx); !move.empty()) {
        by_shape(std::move(move), EventKind::PersonnelMove, "personnel-shaped headline, the person is not tracked");
    } else if (auto shape = announcement_shape(ctx)) {
        by_shape(std::move(shape->cue), shape->kind, shape->reason.c_str());
        c.model = std::move(shape->model);
        if (c.model && std::find(c.entities.begin(), c.entities.end(), "model:" + *c.model) == c.entities.end()) {
            c.entities.push_back("model:" + *c.model);
        }
    } else if (const ModelInfo* fresh = fresh_model_in_headline(ctx)) {
        // A model weeks old in a headline with no cue the grammar reads: launch news, a review or
        // a ranking; the reviewer decides which.
        by_shape("headline names " + fresh->slug + ", released " + format_date(*fresh->released),
                 EventKind::ModelRelease, "a fresh model in the headline, no event of it");
        c.model = fresh->slug;
        c.lab = fresh->lab.empty() ? ctx.lab : std::optional<std::string>(fresh->lab);
    } else if (const auto* best = classifier_kind(scores, thresholds.candidate); best != nullptr) {
        c.cue = "classifier:" + best->kind + " p=" + two_decimals(best->probability);
        c.suggested_kind = event_kind_from_string(best->kind);
        c.confidence = std::min(best->probability, 0.99);
        c.lab = ctx.lab;
        if (const auto* m = first_entity(ctx, EntityKind::Model)) {
            c.model = m->slug;
        }
        c.reason = "no grammar cue; classifier p=" + two_decimals(best->probability);
        if (c.lab && std::find(c.entities.begin(), c.entities.end(), "lab:" + *c.lab) == c.entities.end()) {
            c.entities.insert(c.entities.begin(), "lab:" + *c.lab);
        }
        out.candidates.push_back(std::move(c));
        return;  // the classifier read the language: an item naming nothing tracked counts too
    } else {
        return;
    }
    if (c.entities.empty() && !ctx.source.lab && !ctx.source_evaluator && ctx.source.kind != SourceKind::HfAuthor) {
        return;  // names nothing tracked, on a feed of nobody tracked (a watched Hub author is)
    }
    if (c.lab && std::find(c.entities.begin(), c.entities.end(), "lab:" + *c.lab) == c.entities.end()) {
        c.entities.insert(c.entities.begin(), "lab:" + *c.lab);
    }
    out.candidates.push_back(std::move(c));
}

/// An evaluator's own feed measures models: a launch, an arrival or a lab's report it tells
/// ("GPT-5.5 preliminary scores: released on Thursday", "we ran Grok 5 through the xAI API") is
/// the background of its evaluation, read by rules written for labs' and hosts' words (never-read
/// set V: 7 false positives of 7 such findings; read set O: 1 of 1). Each stays a weak finding,
/// for review when the item gives nothing else.
void evaluator_feed_findings(std::vector<Event>& events) {
    for (auto& ev : events) {
        if (ev.kind == EventKind::ModelRelease || ev.kind == EventKind::WeightsRelease ||
            ev.kind == EventKind::SurfaceRollout || ev.kind == EventKind::EvalReport) {
            ev.confidence = std::min(ev.confidence, kConfidentEvent - 0.1);
            ev.cue += " (an evaluator's feed)";
        }
    }
}

/// A feed of no lab announcing that a model is served somewhere ("Kimi K2.5 and GLM-5 now
/// available in Amazon Bedrock, expanding the choice of open-weight models") describes the model
/// it serves: its openness words release nothing unless the text says the launch is now ("live on
/// day zero", "released this morning"; releases.json launch_day_words). The release stays a weak
/// finding (never-read set V: 6 false positives of 6 on a cloud's and a search app's notices).
void served_model_descriptions(const Context& ctx, std::vector<Event>& events) {
    const auto served = [&](const std::optional<std::string>& model) {
        return std::any_of(events.begin(), events.end(), [&](const Event& e) {
            return e.kind == EventKind::SurfaceRollout && e.model == model && e.confidence >= kConfidentEvent;
        });
    };
    const auto description = [&](const Event& ev) {
        return (ev.kind == EventKind::ModelRelease || ev.kind == EventKind::WeightsRelease) &&
               ev.cue.starts_with("openness statement {model}") && served(ev.model);
    };
    if (std::none_of(events.begin(), events.end(), description) ||
        said_within(ctx.rules, "launch_day_words", ctx.tokens, 0, ctx.tokens.size())) {
        return;
    }
    // "Alibaba unveils Qwen3.5-Max, a proprietary model offered through Model Studio": a launch
    // verb in the lead tells the launch itself.
    const auto lead_end = end_of_lead(ctx.text);
    for (const auto& cue : verb_phrases(ctx.rules, "launch_verbs")) {
        if (cue.confidence < 0.8) {
            continue;
        }
        if (const auto at = find_phrase_text(ctx.tokens, cue.pattern); at && ctx.tokens[*at].begin < lead_end) {
            return;
        }
    }
    for (auto& ev : events) {
        if (description(ev)) {
            ev.confidence = std::min(ev.confidence, kConfidentEvent - 0.1);
            ev.cue += " (a model the feed serves)";
        }
    }
}

/// Findings below kConfidentEvent leave the events; an item that names a tracked entity (or is a
/// lab's own launch-shaped headline) and keeps no event becomes one candidate. With a classifier
/// (`scores` not empty): a weak finding whose kind the classifier is sure of becomes an event (two
/// independent readings agree), and an item with nothing from the grammar whose kind the
/// classifier suggests becomes a candidate of that kind, even when it names nothing tracked (a
/// host or an evaluator writing about a model the taxonomy does not know).
void settle(const Context* ctx, ExtractOutput& out, const std::vector<KindScore>& scores,
            const KindClassifier::Thresholds& thresholds, bool read_headline = true) {
    std::vector<Event> confident;
    std::vector<Event> weak;
    const bool question = ctx != nullptr && question_headline(ctx->text);
    for (auto& ev : out.events) {
        if (ev.cue.empty()) {
            ev.cue = std::string(to_string(ev.kind)) + " rule";
        }
        if (question && ev.cue.find("(lead)") == std::string::npos) {
            // "Will Meta open-source Muse Ember?" asks; it states nothing: a candidate to review.
            ev.confidence = std::min(ev.confidence, kConfidentEvent - 0.1);
            ev.cue += " (a question headline)";
        }
        if (ev.confidence < kConfidentEvent && !scores.empty()) {
            const auto p = KindClassifier::probability_of(scores, to_string(ev.kind));
            if (p >= thresholds.agree && p > KindClassifier::probability_of(scores, "none")) {
                ev.confidence = std::max(kConfidentEvent, (ev.confidence + p) / 2);
                ev.cue += "; classifier agrees p=" + two_decimals(p);
            }
        }
        (ev.confidence >= kConfidentEvent ? confident : weak).push_back(std::move(ev));
    }
    out.events = std::move(confident);
    if (ctx == nullptr) {
        return;
    }
    if (out.events.empty()) {
        item_candidate(*ctx, out, weak, scores, thresholds, read_headline);
    }
    digest_story_candidates(*ctx, out);
}

}  // namespace

void Extractor::read_stories(const Context& ctx, ExtractOutput& out) {
    auto stories = story_paragraphs(ctx);
    const auto model_stories = stories.size();
    for (const auto& line : person_lines(ctx)) {
        if (std::none_of(stories.begin(), stories.end(),
                         [&](const Clause& s) { return s.begin <= line.begin && line.begin < s.end; })) {
            stories.push_back(line);
        }
    }
    if (stories.empty()) {
        return;
    }
    // The item without its texts, copied once: each story gets its own headline and lead.
    Item sub = ctx.item;
    sub.entry.summary.clear();
    sub.entry.content.clear();
    sub.entry.content_text.clear();
    sub.entry.article_text.clear();
    for (std::size_t k = 0; k < stories.size(); ++k) {
        const auto& story = stories[k];
        const bool person_story = k >= model_stories;
        // The story's first sentence as its headline, the rest of its paragraph as its lead.
        const auto first = sentence_around(ctx.text, story.begin);
        sub.entry.title =
            without_opening_aside(trim(std::string_view(ctx.text).substr(story.begin, first.end - story.begin)));
        const auto rest = std::min(story.end, first.end + 1);  // past the first sentence's stop
        sub.entry.summary_text = std::string(trim(std::string_view(ctx.text).substr(rest, story.end - rest)));
        reading_story_ = true;
        auto told = extract(sub, nullptr, ctx.source);
        reading_story_ = false;
        for (auto& ev : told.events) {
            // A host's or a tool's roundup tells arrivals, an evaluator's its evaluations: a story
            // read alone has lost the headline that says which, so only those are kept. Elsewhere a
            // story's evaluation has lost who ran it (never-read set T: 6 false positives, 1 hit).
            // A line opening with a person tells a move, whoever publishes it.
            const bool kept = person_story ? ev.kind == EventKind::PersonnelMove
                                           : !((ctx.source_surface && ev.kind != EventKind::SurfaceRollout) ||
                                               (ctx.source_evaluator && ev.kind != EventKind::ThirdPartyEval) ||
                                               (!ctx.source_evaluator && (ev.kind == EventKind::ThirdPartyEval ||
                                                                          ev.kind == EventKind::EvalReport)));
            if (!kept) {
                continue;
            }
            if (std::none_of(out.events.begin(), out.events.end(),
                             [&](const Event& e) { return e.dedupe_key == ev.dedupe_key; })) {
                ev.cue += " (a roundup's story)";
                out.events.push_back(std::move(ev));
            }
        }
        for (auto& m : told.discovered_models) {
            out.discovered_models.push_back(std::move(m));  // extract() has already matched them
        }
    }
}

ExtractOutput Extractor::extract(const Item& item, const Item* previous_version, const SourceInfo& source) {
    ExtractOutput out;
    auto ctx = make_context(item, previous_version, source, taxonomy_, rules_, matcher_, std::nullopt, memo_);
    switch (source.kind) {
        case SourceKind::Prices:
            return out;
        case SourceKind::HfAuthor:
            extract_hf_repo(ctx, out);
            break;
        case SourceKind::Edgar:
            extract_filing(ctx, out);
            extract_market(ctx, out);
            break;
        case SourceKind::GithubCommits:
            extract_github(ctx, out);
            break;
        case SourceKind::Page: {
            auto added = extract_page_change(ctx, out);
            if (added.empty()) {
                break;  // a first snapshot is a baseline; only new text can announce something
            }
            auto diff_ctx = make_context(item, previous_version, source, taxonomy_, rules_, matcher_, added, memo_);
            std::vector<std::string> models;
            extract_releases(diff_ctx, out, models);
            extract_market(diff_ctx, out);
            break;
        }
        case SourceKind::GithubReleases:
            extract_github(ctx, out);
            [[fallthrough]];
        case SourceKind::Feed:
        case SourceKind::Arxiv: {
            std::vector<std::string> models;
            if (source.kind == SourceKind::Feed) {
                extract_releases(ctx, out, models);
            }
            for (const auto& ev : out.events) {
                // A release tag's subject is the repository's model; "v1.0: X" announces no model.
                if (ev.kind == EventKind::WeightsRelease && ev.model) {
                    models.push_back(*ev.model);
                }
            }
            for (const auto& m : out.discovered_models) {
                taxonomy_.models.push_back(m);
                matcher_.add_model(m);
            }
            const auto known_before = out.discovered_models.size();
            // Rebuilt so that the models just discovered are matched by the later extractors.
            // The item's text and tokens are the same: only its entities are found again.
            const auto after = rematch_context(std::move(ctx));
            extract_rollouts(after, models, out);
            launches_of_new_arrivals(after, out);
            extract_evals(after, models, out);
            extract_people(after, out);
            extract_market(after, out);
            extract_license_statements(after, out);
            extract_weights_mentions(after, out);
            for (std::size_t i = known_before; i < out.discovered_models.size(); ++i) {
                taxonomy_.models.push_back(out.discovered_models[i]);
                matcher_.add_model(out.discovered_models[i]);
            }
            if (!source.lab && !reading_story_) {
                read_stories(after, out);
            }
            dedupe(out.events);
            if (after.source_evaluator && !source.lab) {
                evaluator_feed_findings(out.events);
            } else if (!source.lab) {
                served_model_descriptions(after, out.events);
            }
            std::vector<KindScore> scores;
            // A story's candidates are not kept: the classifier reads a story only if it can lift
            // a weak event (thresholds().agree <= 1; off by default).
            if (classifier_ && (!reading_story_ || classifier_->thresholds().agree <= 1.0)) {
                scores = classifier_->classify(classifier_input(item.entry, matcher_));
            }
            settle(&after, out, scores, classifier_ ? classifier_->thresholds() : KindClassifier::Thresholds{});
            return out;
        }
    }
    for (const auto& m : out.discovered_models) {
        if (taxonomy_.find_model(m.slug) == nullptr) {
            taxonomy_.models.push_back(m);
            matcher_.add_model(m);
        }
    }
    dedupe(out.events);
    // A weak finding of a repo, a filing or a page still reaches the queue (a watched Hub author
    // that is no tracked lab); their titles are read for no headline shape.
    settle(&ctx, out, {}, {}, /*read_headline=*/false);
    return out;
}

}  // namespace fw::extract

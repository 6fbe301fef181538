#include "extract/extractors.h"

#include <algorithm>
#include <cctype>

#include "domain/slug.h"
#include "extract/confidence.h"
#include "extract/grammar.h"
#include "extract/model_names.h"
#include "domain/event_schema.h"

namespace fw::extract {
namespace {

/// Models named in the item: a release in this item first, then known models in the text.
std::vector<std::string> models_named(const Context& ctx, const std::vector<std::string>& item_models,
                                      std::string_view scope) {
    std::vector<std::string> models = item_models;
    // A known name inside a longer, more specific one is not named on its own: "Claude" and
    // "Gemini 3" in "Claude Opus 5, Gemini 3 Ultra" when those are new names.
    const bool within =
        scope.data() >= ctx.text.data() && scope.data() + scope.size() <= ctx.text.data() + ctx.text.size();
    const auto offset = within ? static_cast<std::size_t>(scope.data() - ctx.text.data()) : 0;
    const auto specific = within ? specific_models(ctx, offset, offset + scope.size()) : std::vector<SpecificModel>{};
    for (const auto& m : ctx.matcher.find(scope, EntityKind::Model)) {
        const bool inside_longer = std::any_of(specific.begin(), specific.end(), [&](const SpecificModel& sm) {
            return sm.slug != m.slug && sm.begin <= offset + m.begin && sm.end >= offset + m.end &&
                   sm.end - sm.begin > m.end - m.begin;
        });
        if (!inside_longer && std::find(models.begin(), models.end(), m.slug) == models.end()) {
            models.push_back(m.slug);
        }
    }
    return models;
}

/// "OpenAI o3-mini System Card": the name just before the document type, when it is a model.
std::optional<ModelRef> model_before(const Context& ctx, std::string_view title, std::size_t doc_pos) {
    Slot slot{std::string(trim(title.substr(0, doc_pos))), 0, 1.0, false, false, {}};
    auto names = split_names(slot, ctx);
    if (names.empty()) {
        return std::nullopt;
    }
    return resolve_model_name(names.back().text, ctx);
}

/// The lab of a model known or named here for the first time ("Gemini 3.5 Pro model card").
std::optional<std::string> lab_of(const Context& ctx, const ExtractOutput& out, const std::string& model) {
    if (const auto* info = ctx.taxonomy.find_model(model); info && !info->lab.empty()) {
        return info->lab;
    }
    for (const auto& m : out.discovered_models) {
        if (m.slug == model && !m.lab.empty()) {
            return m.lab;
        }
    }
    return std::nullopt;
}

void emit_eval_report(const Context& ctx, const std::string& model, const std::string& doc_type, double confidence,
                      std::size_t pos, ExtractOutput& out) {
    auto ev = make_event(ctx, EventKind::EvalReport, "eval_report|" + model + "|" + doc_type, confidence, pos);
    ev.cue = "document {model} " + doc_type;
    ev.model = model;
    if (auto lab = lab_of(ctx, out, model)) {
        ev.lab = lab;
    }
    put(ev.fields, field::doc_type, doc_type);
    if (auto id = ctx.item.entry.extra.find("arxiv_id"); id != ctx.item.entry.extra.end()) {
        put(ev.fields, field::arxiv_id, id->second);
    }
    out.events.push_back(std::move(ev));
}

/// "we {model}" after every form of an evaluation verb (evals.json eval_verbs): "we evaluated X",
/// "we stress-tested X", "we red teamed X".
std::vector<Cue> first_person_eval_cues(const Context& ctx) {
    std::vector<Cue> cues;
    for (const auto& verb : verb_phrases(ctx.rules, "eval_verbs")) {
        cues.push_back(Cue{"we " + verb.pattern + " {model}", verb.value, verb.confidence, false});
    }
    return cues;
}

/// A lab's own post whose lead says it ran, tested or evaluated its own model ("We ran Claude Opus 6
/// on Cybench and our internal CTF set: ..."): a first-party evaluation (blog_eval), though the
/// headline names no document. Only on the lab's own feed, and only its own models.
void own_tests_in_lead(const Context& ctx, ExtractOutput& out) {
    if (!ctx.source.lab || ctx.source_evaluator) {
        return;
    }
    const auto lead = lead_sentence(ctx.text);
    const auto said = std::string_view(ctx.text).substr(lead.begin, lead.end - lead.begin);
    const auto tokens = tokenize(said);
    auto cues = first_person_eval_cues(ctx);
    cues.push_back(Cue{"we ran {model}", {}, 0.8, false});
    std::vector<std::string> done;
    for (const auto& cue : cues) {
        for (const auto& slot : template_slots(said, tokens, cue)) {
            const auto from = lead.begin + slot.begin;
            for (const auto& sm : specific_models(ctx, from, from + slot.text.size())) {
                const auto* info = ctx.taxonomy.find_model(sm.slug);
                const std::string lab = info != nullptr ? info->lab : (sm.discovered ? sm.discovered->lab : "");
                if (sm.begin != from || lab != *ctx.source.lab ||
                    std::find(done.begin(), done.end(), sm.slug) != done.end()) {
                    continue;  // the verb's object only, and the lab's own model
                }
                done.push_back(sm.slug);
                if (sm.discovered) {
                    out.discovered_models.push_back(*sm.discovered);
                }
                emit_eval_report(ctx, sm.slug, "blog_eval", 0.7, from, out);
                out.events.back().cue = "first-person test of its own {model} in the lead";
            }
        }
    }
}

void first_party(const Context& ctx, const std::vector<std::string>& item_models, ExtractOutput& out) {
    const std::string_view title = std::string_view(ctx.text).substr(0, ctx.text.find('\n'));
    const bool arxiv = ctx.source.kind == SourceKind::Arxiv;
    Context title_ctx = ctx;
    title_ctx.text = std::string(title);
    title_ctx.tokens = tokenize(title);
    std::size_t pos = 0;
    std::string doc_type;
    double conf = strongest_cue(title_ctx, "eval_doc_types", &pos, &doc_type);
    if (conf <= 0 && !arxiv) {
        own_tests_in_lead(ctx, out);  // "How Claude Opus 6 does on CTFs | We ran Claude Opus 6 on ..."
        return;
    }
    if (conf <= 0 && arxiv) {
        // An arXiv paper about a model: a tech report when the comment or abstract says so.
        conf = strongest_cue(ctx, "eval_doc_types", nullptr, &doc_type) > 0 ? 0.75 : 0.7;
        if (doc_type.empty() || doc_type == "eval" || doc_type.find("+own") != std::string::npos) {
            doc_type = "paper";
        }
    }
    if (conf <= 0) {
        return;
    }
    if (!arxiv && doc_type.rfind("blog_eval", 0) == 0 &&
        (strongest_cue(title_ctx, "evaluator_heads") > 0 || strongest_cue(title_ctx, "evaluators") > 0)) {
        return;  // "X enters the SWE-bench leaderboard": a board's ranking, a third party's
    }
    // "Evaluating X", "Assessment of X's capabilities": a document only on the model's own lab's
    // feed; elsewhere the same words are a third party's (third_party below).
    bool own_only = false;
    if (auto plus = doc_type.find("+own"); plus != std::string::npos) {
        doc_type.erase(plus);
        own_only = true;
        if (!ctx.source.lab || ctx.source_evaluator) {
            return;
        }
    }
    auto models = models_named(ctx, item_models, title);
    // The models named before the document type, as specifically as named: "Gemini 3.5 Pro model
    // card" documents Gemini 3.5 Pro, never the older Gemini the taxonomy knows; "OpenAI
    // publishes GPT-6 system card" documents GPT-6.
    auto specific = arxiv ? std::vector<SpecificModel>{} : specific_models(ctx, 0, std::min(pos, title.size()));
    // "OpenAI posts model card for GPT-5.5", "the system card of Claude Opus 5", "Risk report:
    // Claude Opus 6": the model follows the document's name ("OpenAI posts" is no model).
    if (!arxiv && pos < title.size()) {
        const auto rest = title.substr(pos, 24);
        for (std::string_view mark : {" for ", " of ", ": "}) {
            if (const auto at = ifind(rest, mark)) {
                const auto from = pos + *at + mark.size();
                if (auto after = specific_models(ctx, from, title.size());
                    !after.empty() && after.front().begin == from) {
                    specific = std::move(after);
                }
                break;
            }
        }
    }
    if (!specific.empty()) {
        models = item_models;
        for (const auto& sm : specific) {
            if (std::find(models.begin(), models.end(), sm.slug) == models.end()) {
                models.push_back(sm.slug);
                if (sm.discovered) {
                    out.discovered_models.push_back(*sm.discovered);
                }
            }
        }
    } else if (!arxiv) {
        // The most specific name wins: "Claude Opus 5 System Card" is about Claude Opus 5 even
        // while only "Claude" is known; the shorter known names it spells out are dropped.
        auto ref = model_before(ctx, title, pos);
        const bool more_specific = ref && std::any_of(models.begin(), models.end(), [&](const std::string& m) {
                                       return ref->slug.rfind(m + "-", 0) == 0;
                                   });
        if (ref && (models.empty() || more_specific)) {
            std::erase_if(models, [&](const std::string& m) { return ref->slug.rfind(m + "-", 0) == 0; });
            if (ref->discovered) {
                out.discovered_models.push_back(*ref->discovered);
            }
            models.insert(models.begin(), ref->slug);
        }
    }
    if (arxiv && !models.empty() && !ctx.lab) {
        conf *= 0.9;  // a paper about a model, maybe not by its lab
    }
    if (own_only) {
        // "Measuring GPT-6.5's persuasiveness": the lab's own model after the verb, named as
        // specifically as the headline names it (new names included).
        // A name before the verb is the headline's topic ("TruthfulQA: Measuring how models ...").
        models = item_models;
        for (const auto& sm : specific_models(ctx, std::min(pos, title.size()), title.size())) {
            const auto* info = ctx.taxonomy.find_model(sm.slug);
            const std::string lab = info != nullptr ? info->lab : (sm.discovered ? sm.discovered->lab : "");
            if (lab == *ctx.source.lab && std::find(models.begin(), models.end(), sm.slug) == models.end()) {
                models.push_back(sm.slug);
                if (sm.discovered) {
                    out.discovered_models.push_back(*sm.discovered);
                }
            }
        }
        std::erase_if(models, [&](const std::string& m) {
            const auto* info = ctx.taxonomy.find_model(m);
            return info != nullptr && info->lab != *ctx.source.lab;
        });
        if (models.empty()) {
            own_tests_in_lead(ctx, out);  // "Cyber capabilities of our newest model | We tested X on ..."
            return;
        }
    }
    for (const auto& model : models) {
        emit_eval_report(ctx, model, doc_type, conf, pos, out);
    }
}

/// An evaluator not in the list, named by its board: "the Vellum Coding Leaderboard", "Foo Arena",
/// "the Bar Intelligence Index". The capitalised words before the head word name it.
double named_evaluator(const Context& ctx, std::size_t* pos, std::string* evaluator, std::string* cue) {
    for (const auto& head : ctx.rules.list("evaluator_heads")) {
        const auto phrase = phrase_tokens(head.pattern);
        for (auto at = find_phrase(ctx.tokens, phrase); at; at = find_phrase(ctx.tokens, phrase, *at + 1)) {
            std::size_t first = *at;
            auto capital = [&](std::size_t t) {
                return std::isupper(static_cast<unsigned char>(ctx.text[ctx.tokens[t].begin])) != 0;
            };
            // Capitalised words, or a lower-case part hyphenated to one ("SWE-bench Verified").
            auto name_word = [&](std::size_t t) {
                return capital(t) || (t > 0 && ctx.text.substr(ctx.tokens[t - 1].end, 1) == "-" && capital(t - 1));
            };
            // "Our Rankings", "Its Index": a possessive word is no board's name.
            static const std::vector<std::string> pronouns = {"our", "their", "its", "your", "my", "his", "her"};
            while (first > 0 && *at - first < 4 && name_word(first - 1) &&
                   std::find(pronouns.begin(), pronouns.end(), ctx.tokens[first - 1].norm) == pronouns.end() &&
                   (ctx.text.substr(ctx.tokens[first - 1].end, 1) == " " ||
                    ctx.text.substr(ctx.tokens[first - 1].end, 1) == "-")) {
                --first;
            }
            const bool names_model = std::any_of(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& m) {
                return m.kind == EntityKind::Model && m.end > ctx.tokens[first].begin &&
                       m.begin < ctx.tokens[*at].begin;
            });
            if (names_model) {
                continue;  // "Foo 3 Tops Bar Arena" reads the model into the board's name
            }
            // "our leaderboard", "the index": no name. A board named before a lower-case head
            // counts ("the SWE-bench leaderboard"), except "index" (a market's, in the press).
            if (first == *at || (std::isupper(static_cast<unsigned char>(ctx.text[ctx.tokens[*at].begin])) == 0 &&
                                 head.pattern == "index")) {
                continue;
            }
            std::string name;
            for (auto i = first; i < *at; ++i) {
                name += (name.empty() ? "" : "_") + ctx.tokens[i].norm;
            }
            const auto labs =
                ctx.matcher.find(std::string_view(ctx.text).substr(ctx.tokens[first].begin,
                                                                   ctx.tokens[*at].begin - ctx.tokens[first].begin),
                                 EntityKind::Lab);
            if (!labs.empty()) {
                continue;  // "the OpenAI leaderboard" is a lab's own
            }
            *pos = ctx.tokens[first].begin;
            *evaluator = name;
            *cue = "named board {evaluator} " + head.pattern;
            return head.confidence;
        }
    }
    return 0;
}

/// Models in the slots of "eval_subject_cues" ("we evaluated {model}") in [0, lead_end):
/// known ones, and new versioned names (remembered when the finding is confident). With
/// `ranked`, the subjects of a board's verbs instead ("X enters at #4", "X took first place"):
/// a ranking names its leader, not every model it measured.
std::vector<std::string> eval_subjects(const Context& ctx, std::size_t lead_end, ExtractOutput& out, double conf,
                                       std::vector<ModelRef>* unsure, bool ranked = false) {
    std::vector<std::string> models;
    Context named = ctx;
    named.unowned_models = true;
    const std::string_view head = std::string_view(ctx.text).substr(0, lead_end);
    const auto head_tokens = tokenize(head);
    // The rules' phrases, and the first person before every form of an evaluation verb ("we
    // evaluated X", "we stress-tested X", "we red teamed X").
    // A study as the subject takes the third person ("Our latest study tests X, Y and Z").
    std::vector<Cue> cues;
    if (ranked) {
        for (const auto& verb : verb_phrases(ctx.rules, "ranking_verbs")) {
            cues.push_back(Cue{"{model} " + verb.pattern, verb.value, verb.confidence, false});
        }
    } else {
        cues = ctx.rules.list("eval_subject_cues");
        const auto first_person = first_person_eval_cues(ctx);
        cues.insert(cues.end(), first_person.begin(), first_person.end());
        for (const auto& lemma : ctx.rules.list("eval_verbs")) {
            if (const auto forms = verb_forms(lemma); !lemma.remove && forms.size() > 1) {
                cues.push_back(Cue{forms[1] + " {model}", lemma.value, lemma.confidence * 0.95, false});
            }
        }
    }
    for (const auto& cue : cues) {
        if (cue.remove) {
            continue;
        }
        for (const auto& slot : template_slots(head, head_tokens, cue)) {
            for (const auto& name : split_names(slot, named)) {
                // "Anthropic's upgraded Claude 3.5 Sonnet", "Foo 3's cyber capabilities".
                const auto from = with_maker(ctx, name.begin);
                const auto specific = specific_models(ctx, from, name.begin + name.text.size());
                if (!specific.empty()) {
                    if (std::find(models.begin(), models.end(), specific.front().slug) == models.end()) {
                        models.push_back(specific.front().slug);
                        if (specific.front().discovered && conf >= 0.6) {
                            out.discovered_models.push_back(*specific.front().discovered);
                        }
                    }
                    continue;
                }
                auto ref = resolve_leading(
                    std::string_view(ctx.text).substr(from, name.begin + name.text.size() - from), named);
                if (!ref && name_shaped(ctx, name.text)) {
                    ref = resolve_for_review(name.text, ctx);
                }
                if (!ref || std::find(models.begin(), models.end(), ref->slug) != models.end()) {
                    continue;
                }
                if (!ref->known && ref->confidence < 0.85) {
                    // "We benchmarked Muse Flare on ...": a coined name the evaluator's verb binds,
                    // never seen before: for review, not forgotten.
                    // Only a headline's: a lead's "we evaluated X" names tools and methods as often.
                    if (ref->discovered && name.begin < std::min(ctx.text.size(), ctx.text.find('\n'))) {
                        unsure->push_back(*ref);
                    }
                    continue;
                }
                models.push_back(ref->slug);
                if (ref->discovered && conf >= 0.6) {
                    out.discovered_models.push_back(*ref->discovered);
                }
            }
        }
    }
    return models;
}

/// A feed of no lab writing as an evaluator: in the headline or the lead's first sentence, a model
/// and evaluation words, with the first person ("We tested Foo 3 on our agent benchmark", "Our
/// pre-deployment evaluation of Foo 3") or a board's word ("Leaderboard update: Foo 3 climbs to
/// second"). "We evaluated {model}"-style phrases naming a model count alone.
bool writes_as_evaluator(const Context& ctx) {
    const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
    const auto lead = lead_sentence(ctx.text);
    if (digest_headline(std::string_view(ctx.text).substr(0, title_end))) {
        return false;  // a digest of several stories reports others' results, it runs none
    }
    const auto head_end = std::max(title_end, lead.end);
    const auto head = std::string_view(ctx.text).substr(0, head_end);
    const auto tokens = tokenize(head);
    for (const auto& cue : ctx.rules.list("eval_subject_cues")) {
        if (cue.remove || (cue.pattern.rfind("we ", 0) != 0 && cue.pattern.rfind("our ", 0) != 0)) {
            continue;
        }
        for (const auto& slot : template_slots(head, tokens, cue)) {
            if (!ctx.matcher.find(slot.text, EntityKind::Model).empty() ||
                !specific_models(ctx, slot.begin, slot.begin + slot.text.size()).empty()) {
                return true;
            }
        }
    }
    if (specific_models(ctx, 0, head_end).empty()) {
        return false;
    }
    Context words = ctx;
    words.tokens = tokens;
    if (strongest_cue(words, "incident_words") > 0) {
        return false;  // a status page "investigating elevated errors" on a model runs no evaluation
    }
    // "us" as written: "in the US" is a country, not the writer.
    const bool us = std::any_of(tokens.begin(), tokens.end(),
                                [&](const Token& t) { return head.substr(t.begin, t.end - t.begin) == "us"; });
    const bool first_person = has_phrase(tokens, "we") || has_phrase(tokens, "our") || us;
    const bool board = strongest_cue(words, "evaluator_heads") > 0;
    return (first_person || board) && strongest_cue(words, "eval_cues") > 0;
}

/// The name opening an evaluator's headline that speaks of evaluation ("Muse Flare now on the
/// Text Arena leaderboard", "Muse Flare debuts at #3 on the Intelligence Index"), when nobody
/// tracks it: product-shaped, resolved as a coined name.
std::optional<ModelRef> headline_eval_subject(const Context& ctx, std::size_t title_end) {
    const std::string_view title = std::string_view(ctx.text).substr(0, title_end);
    Context words = ctx;
    words.tokens = tokenize(title);
    if (strongest_cue(words, "eval_cues") <= 0 && strongest_cue(words, "evaluator_heads") <= 0) {
        return std::nullopt;
    }
    std::size_t at = 0;
    const auto name = leading_name(title, ctx, &at);
    if (name.empty() || at != 0 || !name_shaped(ctx, name)) {
        return std::nullopt;
    }
    // The name is the subject of a ranking predicate right after it: "X tops", "X debuts at #3",
    // "X now on the leaderboard", "X enters" (not "Our approach to evaluations").
    auto rest = tokenize(title.substr(name.size()));
    if (!rest.empty() && rest.front().norm == "now") {
        rest.erase(rest.begin());
    }
    static const std::vector<std::string> places = {"on", "in", "atop", "joins", "added"};
    const bool place = !rest.empty() && std::find(places.begin(), places.end(), rest.front().norm) != places.end();
    bool predicate = place;
    for (const auto& cue : ctx.rules.list("eval_cues")) {
        const auto phrase = phrase_tokens(cue.pattern);
        predicate = predicate || (!cue.remove && !phrase.empty() && find_phrase(rest, phrase) == std::size_t{0});
    }
    if (!predicate) {
        return std::nullopt;
    }
    auto ref = resolve_for_review(name, ctx);
    if (!ref || !ref->discovered) {
        return std::nullopt;
    }
    return ref;
}

/// A headline naming a family by its bare word ("Pre-deployment testing of a new Gemini model")
/// whose lead names a versioned model of the same lab ("early access to Gemini 3.5 Pro"): the
/// lead's model is the one meant. Nullopt when the headline's name has a version, is the model's
/// whole name, or the lead names none.
std::optional<SpecificModel> lead_names_family_member(const Context& ctx, const ExtractOutput& out,
                                                      const SpecificModel& said) {
    // Only a family's word standing for a model of a longer name ("Gemini" for Gemini 1.0), not a
    // model whose whole name has no version ("Muse Spark").
    const auto name = std::string_view(ctx.text).substr(said.begin, said.end - said.begin);
    if (std::any_of(name.begin(), name.end(),
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }) ||
        slugify(name) == said.slug) {
        return std::nullopt;
    }
    const auto family_lab = lab_of(ctx, out, said.slug);
    const auto lead = lead_sentence(ctx.text);
    for (const auto& sm : specific_models(ctx, lead.begin, lead.end)) {
        const auto lab = sm.discovered ? std::optional<std::string>(sm.discovered->lab) : lab_of(ctx, out, sm.slug);
        if (sm.slug != said.slug && lab && lab == family_lab) {
            return sm;
        }
    }
    return std::nullopt;
}

/// A place on a board in the headline: "#2", "No. 1" ("GPT-5.5 lands at #2 in Text", "DeepSeek-V4
/// preliminary: #3 overall"). Read only on an evaluator's own feed, where a headline's rank is the
/// board's; elsewhere "#38" numbers an issue.
bool rank_in_headline(const Context& ctx, std::size_t title_end) {
    const std::string_view title = std::string_view(ctx.text).substr(0, title_end);
    for (auto at = title.find('#'); at != std::string_view::npos; at = title.find('#', at + 1)) {
        if (at + 1 < title.size() && std::isdigit(static_cast<unsigned char>(title[at + 1])) != 0) {
            return true;
        }
    }
    const auto words = tokenize(title);
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        if (words[i].norm == "no" && title.substr(words[i].begin, 3) == "No." &&
            std::isdigit(static_cast<unsigned char>(words[i + 1].norm.front())) != 0) {
            return true;
        }
    }
    return false;
}

void third_party(const Context& ctx, const std::vector<std::string>& item_models, ExtractOutput& out) {
    // A job advert names the models its hires will test ("We're hiring research engineers ...
    // experience with GPT-5 is a plus"); it evaluates nothing.
    if (const auto head =
            tokenize(std::string_view(ctx.text).substr(0, std::min(ctx.text.size(), ctx.text.find('\n'))));
        said_within(ctx.rules, "job_ad_cues", head, 0, head.size())) {
        return;
    }
    std::size_t pos = 0;
    std::string evaluator;
    double conf = strongest_cue(ctx, "evaluators", &pos, &evaluator);
    if (conf <= 0 && ctx.source_evaluator) {
        // A source run by an evaluator (an AISI, LMArena or FAR.AI feed) speaks for it.
        evaluator = *ctx.source_evaluator;
        conf = 0.8;
        pos = 0;
    }
    std::string cue = "evaluator " + evaluator;
    if (conf <= 0) {
        conf = named_evaluator(ctx, &pos, &evaluator, &cue);
    }
    if (conf <= 0 && !ctx.source.lab && !ctx.source_surface && writes_as_evaluator(ctx)) {
        // An evaluator nobody listed, on its own feed: "We tested Foo 3 on our agent benchmark".
        evaluator = slugify(ctx.source.name);
        conf = 0.65;
        pos = 0;
        cue = "the source writes as an evaluator";
    }
    if (conf <= 0) {
        return;
    }
    const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
    const auto lead_end = std::min(ctx.text.size(), title_end + 400);
    std::vector<std::string> models;
    // The subject of an evaluator's verb in the headline or the lead: "we red-teamed X", "our
    // evaluation of X", "X scores 41% on ...". A maker the taxonomy does not track still counts.
    std::vector<ModelRef> unsure;
    const auto subjects = eval_subjects(ctx, lead_end, out, conf, &unsure);
    // Read also when the evaluator's verbs bound the models: a ranked new name is remembered.
    const auto ranked = eval_subjects(ctx, lead_end, out, conf, &unsure, /*ranked=*/true);
    if (!subjects.empty()) {
        models = subjects;
        cue += " + {evaluator verb} {model}";
        // The lead's statement ("Do open models sandbag? | We tested X, Y and Z ..."): what a
        // question headline asks, the lead answers.
        const bool in_headline = std::any_of(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& m) {
            return m.kind == EntityKind::Model && m.end <= title_end &&
                   std::find(subjects.begin(), subjects.end(), m.slug) != subjects.end();
        });
        if (!in_headline) {
            cue += " (lead)";
        }
    } else if (ctx.source_evaluator && evaluator == *ctx.source_evaluator && rank_in_headline(ctx, title_end)) {
        cue += " + a rank";  // "GLM-5 debuts #2 in WebDev Arena": a board's own entry is its evaluation
    } else if (strongest_cue(ctx, "eval_cues") <= 0) {
        if (!ctx.source_evaluator || evaluator != *ctx.source_evaluator) {
            return;
        }
        conf = std::min(conf, 0.45);  // an evaluator's post naming a model, no evaluation words: review it
    } else if (ctx.source_evaluator && evaluator == *ctx.source_evaluator && strongest_cue(ctx, "evaluators") <= 0) {
        // Its own feed names no evaluation in the headline or the lead: a research post that
        // mentions a model (review it), not an evaluation of it.
        Context head = ctx;
        head.tokens = tokenize(std::string_view(ctx.text).substr(0, lead_end));
        if (strongest_cue(head, "eval_cues") <= 0) {
            conf = std::min(conf, 0.5);
        }
    }
    if (!ctx.source.lab) {
        cue += " + eval words";
    }
    // The models the headline names, as specifically as it names them ("Claude Mythos Preview");
    // else every model the text names.
    for (auto sm : models.empty() ? specific_models(ctx, 0, title_end) : std::vector<SpecificModel>{}) {
        if (auto named = lead_names_family_member(ctx, out, sm)) {
            sm = std::move(*named);  // "a new Gemini model" is the Gemini 3.5 Pro of the lead
        }
        if (std::find(models.begin(), models.end(), sm.slug) == models.end()) {
            models.push_back(sm.slug);
            if (sm.discovered && conf >= 0.6) {
                out.discovered_models.push_back(*sm.discovered);
            }
        }
    }
    if (models.empty()) {
        // The body's models, as specifically as it names them ("Sonnet 4.5" is Claude Sonnet 4.5).
        // On an evaluator's own feed, a model named only past the lead is a mention ("we used X
        // as a judge"), not the subject: review it.
        bool in_lead = false;
        std::vector<std::string> new_in_lead;
        for (const auto& sm : specific_models(ctx, title_end, ctx.text.size())) {
            if (std::find(models.begin(), models.end(), sm.slug) == models.end() && !sm.discovered) {
                models.push_back(sm.slug);
                in_lead = in_lead || sm.begin < lead_end;
            } else if (sm.discovered && sm.begin < lead_end) {
                new_in_lead.push_back(sm.slug);
            }
        }
        if (models.empty() && !new_in_lead.empty()) {
            // Only names met for the first time, in the lead, no evaluator's verb binding them:
            // review them ("We ran our tests on models including Foo 5").
            models = new_in_lead;
            conf = std::min(conf, 0.5);
        }
        if (!models.empty() && !in_lead && ctx.source_evaluator && evaluator == *ctx.source_evaluator &&
            strongest_cue(ctx, "evaluators") <= 0) {
            conf = std::min(conf, 0.5);
        }
    }
    if (models.empty()) {
        models = models_named(ctx, item_models, ctx.text);
    }
    // A board's leader is ranked beside the models read above ("X takes first place, ahead of Y").
    if (subjects.empty() && !ranked.empty()) {
        for (const auto& r : ranked) {
            if (std::find(models.begin(), models.end(), r) == models.end()) {
                models.push_back(r);
            }
        }
        cue += " + {ranking verb} {model}";
    }
    std::vector<ModelInfo> new_names;
    if (models.empty()) {
        // A name nobody tracks as the evaluator's subject ("We benchmarked Muse Flare on X",
        // "Muse Flare now on the Text Arena leaderboard"): a candidate naming it, for review.
        if (unsure.empty()) {
            if (auto headline = headline_eval_subject(ctx, title_end)) {
                unsure.push_back(*headline);
            }
        }
        for (const auto& ref : unsure) {
            models.push_back(ref.slug);
            new_names.push_back(*ref.discovered);
        }
        conf = std::min(conf, 0.5);
    }
    for (const auto& model : models) {
        if (const auto* info = ctx.taxonomy.find_model(model);
            info && ctx.source.lab && info->lab == *ctx.source.lab && cue.rfind("evaluator ", 0) != 0) {
            continue;  // a lab quoting a board about its own model: the board is the evaluator's word
        }
        auto ev = make_event(ctx, EventKind::ThirdPartyEval, "third_party_eval|" + evaluator + "|" + model, conf, pos);
        ev.model = model;
        ev.cue = cue;
        if (auto lab = lab_of(ctx, out, model)) {
            ev.lab = lab;
        }
        for (const auto& m : new_names) {
            if (m.slug == model && !m.lab.empty()) {
                ev.lab = m.lab;
            }
        }
        if (!ev.lab && ctx.taxonomy.find_model(model) == nullptr && subjects.empty() &&
            std::find(ranked.begin(), ranked.end(), model) == ranked.end() &&
            strongest_cue(ctx, "model_context_words") <= 0) {
            // "Inspect 0.9 released" on an evaluator's feed: a name of no known maker, met for the
            // first time, that no evaluator's or board's verb binds and nothing calls a model, is as
            // likely a tool or a benchmark as a model. Review it.
            ev.confidence = std::min(ev.confidence, 0.5);
            ev.cue += " (a new name of no known maker)";
        }
        put(ev.fields, field::evaluator, evaluator);
        out.events.push_back(std::move(ev));
    }
}

}  // namespace

namespace {

/// The first phrase of `list` (verb forms when `verbs`) in `tokens`, or "".
std::string first_cue(const Context& ctx, std::string_view list, bool verbs, const std::vector<Token>& tokens) {
    const auto& cues = verbs ? verb_phrases(ctx.rules, list) : ctx.rules.list(list);
    for (const auto& c : cues) {
        // "is now" (rollout.json value "object") says nothing without the model right after it.
        if (!c.remove && c.value != "object" && c.pattern.find('{') == std::string::npos &&
            find_phrase(tokens, phrase_tokens(c.pattern))) {
            return c.pattern;
        }
    }
    return {};
}

/// "Foo-2 Leads Open Models", "Bar 3.5 Thinks Faster": a headline segment made of a versioned
/// name (one to three words, starting the segment) and a capitalised verb ending in -s or -ed.
std::optional<std::string> headline_subject_name(std::string_view segment, const Context& ctx) {
    const auto start = segment.find_first_not_of(' ');
    if (start == std::string_view::npos) {
        return std::nullopt;
    }
    segment = segment.substr(start);
    std::vector<std::string_view> words;
    for (std::size_t i = 0; i < segment.size() && words.size() < 5;) {
        const auto j = std::min(segment.size(), segment.find(' ', i));
        words.push_back(segment.substr(i, j - i));
        i = j + 1;
    }
    auto digit = [](std::string_view w) {
        return std::any_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
    };
    for (std::size_t v = 1; v < words.size() && v <= 3; ++v) {
        const auto verb = words[v];
        const bool verb_shape = verb.size() > 3 && std::isupper(static_cast<unsigned char>(verb.front())) != 0 &&
                                (verb.back() == 's' || verb.ends_with("ed")) && !verb.ends_with("ss") && !digit(verb);
        if (!verb_shape) {
            continue;
        }
        bool versioned = false, shaped = true;
        for (std::size_t k = 0; k < v; ++k) {
            const auto w = words[k];
            const auto t = tokenize(w);
            versioned = versioned || (digit(w) && !(t.size() == 1 && t[0].norm.size() == 4 && w.starts_with("20")));
            shaped = shaped && !w.empty() && (std::isupper(static_cast<unsigned char>(w.front())) != 0 || digit(w)) &&
                     w.find_first_of(",.:;") == std::string_view::npos;
        }
        if (versioned && shaped && std::isdigit(static_cast<unsigned char>(words[0].front())) == 0) {
            return std::string(segment.substr(0, words[v - 1].data() + words[v - 1].size() - segment.data()));
        }
        break;  // the first verb-shaped word decides
    }
    (void)ctx;
    return std::nullopt;
}

/// Nothing confident came out of an item whose headline or lead names a model (known, or a
/// versioned name such as a press headline's "Foo-2 Leads Open Models") and speaks of a launch,
/// an arrival or an evaluation: a weak finding of that kind, which the Extractor turns into a
/// candidate for review instead of dropping the item silently.
void weak_findings(const Context& ctx, ExtractOutput& out) {
    if (ctx.source.kind != SourceKind::Feed && ctx.source.kind != SourceKind::Page) {
        return;  // filings and repositories have extractors of their own
    }
    if (std::any_of(out.events.begin(), out.events.end(),
                    [](const Event& e) { return e.confidence >= kConfidentEvent; })) {
        return;
    }
    const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
    const auto lead_end = std::min(ctx.text.size(), title_end + 300);
    const auto head = tokenize(std::string_view(ctx.text).substr(0, lead_end));
    const auto title = tokenize(std::string_view(ctx.text).substr(0, title_end));
    std::string kind_cue;
    EventKind kind = EventKind::ModelRelease;
    // "X arrives in Quark", "X lands on Y": an arrival somewhere the taxonomy may not know; the
    // Extractor's arrival-shaped candidate says so better than a weak launch would.
    for (const auto& verb : verb_phrases(ctx.rules, "arrival_verbs")) {
        if (phrase_tokens(verb.pattern).size() >= 2 && find_phrase(title, phrase_tokens(verb.pattern)) &&
            ctx.source_surface == std::nullopt) {
            return;
        }
    }
    if (auto c = first_cue(ctx, "launch_verbs", true, head); !c.empty()) {
        kind_cue = "launch word \"" + c + "\"";
    } else if (auto a = first_cue(ctx, "availability_cues", false, head); !a.empty()) {
        kind = ctx.source_surface ? EventKind::SurfaceRollout : EventKind::ModelRelease;
        kind_cue = "availability word \"" + a + "\"";
    } else if (auto e = ctx.source_evaluator ? first_cue(ctx, "eval_cues", false, head) : std::string(); !e.empty()) {
        kind = ctx.source.lab ? EventKind::EvalReport : EventKind::ThirdPartyEval;
        kind_cue = "evaluation word \"" + e + "\"";
    } else if (auto r = first_cue(ctx, "rollout_verbs", false, head); !r.empty()) {
        kind = EventKind::SurfaceRollout;
        kind_cue = "rollout word \"" + r + "\"";
    }
    // The model: the headline's, as specifically as it is named (a model met only in the body is
    // a mention: the queue stays short).
    std::optional<SpecificModel> model;
    for (const auto& sm : specific_models(ctx, 0, title_end)) {
        // A family named in passing ("bring Claude to ...", "built with Llama") is no news of one
        // model: only a versioned name.
        if (std::any_of(sm.slug.begin(), sm.slug.end(),
                        [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) {
            model = sm;
            break;
        }
    }
    bool headline_subject = false;
    if (!model) {
        // A press headline's segment that starts with a versioned name and a verb: "Foo-2 Leads ...".
        Context named = ctx;
        named.unowned_models = true;
        std::size_t seg = 0;
        while (seg < title_end && !model) {
            auto next = ctx.text.find_first_of(",:;", seg);
            next = next == std::string::npos || next > title_end ? title_end : next;
            const auto segment = std::string_view(ctx.text).substr(seg, next - seg);
            if (auto subject = headline_subject_name(segment, named)) {
                if (auto ref = resolve_model_name(*subject, named); ref && ref->confidence >= 0.85) {
                    const auto at = segment.find(*subject);
                    model = SpecificModel{ref->slug, seg + at, seg + at + subject->size(), ref->discovered};
                    headline_subject = true;
                }
            }
            seg = next + 1;
        }
    }
    if (!model || (kind_cue.empty() && !headline_subject)) {
        return;
    }
    if (kind_cue.empty()) {
        kind_cue = "headline subject {model} <Verb>";
    }
    // The kind's own dedupe key and fields, so that a finding confirmed in review (or by the
    // classifier beside the grammar) is a well-formed event of its kind.
    std::string key = std::string(to_string(kind)) + "|" + model->slug;
    if (kind == EventKind::SurfaceRollout && !ctx.source_surface) {
        kind = EventKind::ModelRelease;  // no surface to arrive on: the nearest kind is a launch
        key = "model_release|" + model->slug;
    }
    if (kind == EventKind::SurfaceRollout) {
        key += "|" + *ctx.source_surface;
    } else if (kind == EventKind::ThirdPartyEval) {
        key = "third_party_eval|" + ctx.source_evaluator.value_or("") + "|" + model->slug;
    } else if (kind == EventKind::EvalReport) {
        key += "|blog_eval";
    }
    auto ev = make_event(ctx, kind, key, 0.4, model->begin);
    ev.cue = "weak: " + kind_cue + " + {model}";
    ev.model = model->slug;
    if (const auto* info = ctx.taxonomy.find_model(model->slug); info && !info->lab.empty()) {
        ev.lab = info->lab;
    } else if (model->discovered && !model->discovered->lab.empty()) {
        ev.lab = model->discovered->lab;
    }
    if (kind == EventKind::SurfaceRollout) {
        ev.surface = *ctx.source_surface;
        put(ev.fields, field::surface, *ctx.source_surface);
        put(ev.fields, field::stage, std::string("ga"));
        put_null(ev.fields, field::region);
    } else if (kind == EventKind::ThirdPartyEval && ctx.source_evaluator) {
        put(ev.fields, field::evaluator, *ctx.source_evaluator);
    } else if (kind == EventKind::EvalReport) {
        put(ev.fields, field::doc_type, std::string("blog_eval"));
    } else if (kind == EventKind::ModelRelease) {
        put(ev.fields, field::openness, std::string("unknown"));
        put_null(ev.fields, field::license);
    }
    out.events.push_back(std::move(ev));
}

}  // namespace

void extract_evals(const Context& ctx, const std::vector<std::string>& item_models, ExtractOutput& out) {
    first_party(ctx, item_models, out);
    third_party(ctx, item_models, out);
    weak_findings(ctx, out);
}

}  // namespace fw::extract

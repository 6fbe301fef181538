#include "extract/extractors.h"

#include <algorithm>
#include <cctype>

#include "domain/slug.h"
#include "extract/model_names.h"

namespace fw::extract {
namespace {

/// Models named in the item: a release in this item first, then known models in the text.
std::vector<std::string> models_named(const Context& ctx, const std::vector<std::string>& item_models,
                                      std::string_view scope) {
    std::vector<std::string> models = item_models;
    for (const auto& m : ctx.matcher.find(scope, EntityKind::Model)) {
        if (std::find(models.begin(), models.end(), m.slug) == models.end()) {
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

void emit_eval_report(const Context& ctx, const std::string& model, const std::string& doc_type, double confidence,
                      std::size_t pos, ExtractOutput& out) {
    auto ev = make_event(ctx, EventKind::EvalReport, "eval_report|" + model + "|" + doc_type, confidence, pos);
    ev.cue = "document {model} " + doc_type;
    ev.model = model;
    if (const auto* info = ctx.taxonomy.find_model(model); info && !info->lab.empty()) {
        ev.lab = info->lab;
    }
    ev.fields.set("doc_type", doc_type);
    if (auto id = ctx.item.entry.extra.find("arxiv_id"); id != ctx.item.entry.extra.end()) {
        ev.fields.set("arxiv_id", id->second);
    }
    out.events.push_back(std::move(ev));
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
    if (conf <= 0 && arxiv) {
        // An arXiv paper about a model: a tech report when the comment or abstract says so.
        conf = strongest_cue(ctx, "eval_doc_types", nullptr, &doc_type) > 0 ? 0.75 : 0.7;
        if (doc_type.empty() || doc_type == "eval") {
            doc_type = "paper";
        }
    }
    if (conf <= 0) {
        return;
    }
    auto models = models_named(ctx, item_models, title);
    if (!arxiv) {
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
            while (first > 0 && *at - first < 4 &&
                   std::isupper(static_cast<unsigned char>(ctx.text[ctx.tokens[first - 1].begin])) != 0 &&
                   ctx.text.substr(ctx.tokens[first - 1].end, 1) == " ") {
                --first;
            }
            if (first == *at || std::isupper(static_cast<unsigned char>(ctx.text[ctx.tokens[*at].begin])) == 0) {
                continue;  // "our leaderboard", "the index": no name
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

void third_party(const Context& ctx, const std::vector<std::string>& item_models, ExtractOutput& out) {
    std::size_t pos = 0;
    std::string evaluator;
    double conf = strongest_cue(ctx, "evaluators", &pos, &evaluator);
    if (conf <= 0) {
        // A source run by an evaluator (an LMArena or Epoch feed) speaks for it.
        Context name_ctx = ctx;
        name_ctx.tokens = tokenize(ctx.source.name);
        conf = strongest_cue(name_ctx, "evaluators", nullptr, &evaluator) * 0.9;
        pos = 0;
    }
    std::string cue = "evaluator " + evaluator;
    if (conf <= 0) {
        conf = named_evaluator(ctx, &pos, &evaluator, &cue);
    }
    if (conf <= 0 || strongest_cue(ctx, "eval_cues") <= 0) {
        return;
    }
    if (!ctx.source.lab) {
        cue += " + eval words";
    }
    // The models the headline names, as specifically as it names them ("Claude Mythos Preview");
    // else every model the text names.
    std::vector<std::string> models;
    const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
    for (const auto& sm : specific_models(ctx, 0, title_end)) {
        if (std::find(models.begin(), models.end(), sm.slug) == models.end()) {
            models.push_back(sm.slug);
            if (sm.discovered && conf >= 0.6) {
                out.discovered_models.push_back(*sm.discovered);
            }
        }
    }
    if (models.empty()) {
        // The body's models, as specifically as it names them ("Sonnet 4.5" is Claude Sonnet 4.5).
        for (const auto& sm : specific_models(ctx, title_end, ctx.text.size())) {
            if (std::find(models.begin(), models.end(), sm.slug) == models.end() && !sm.discovered) {
                models.push_back(sm.slug);
            }
        }
    }
    if (models.empty()) {
        models = models_named(ctx, item_models, ctx.text);
    }
    for (const auto& model : models) {
        if (const auto* info = ctx.taxonomy.find_model(model);
            info && ctx.source.lab && info->lab == *ctx.source.lab && cue.rfind("evaluator ", 0) != 0) {
            continue;  // a lab quoting a board about its own model: the board is the evaluator's word
        }
        auto ev = make_event(ctx, EventKind::ThirdPartyEval, "third_party_eval|" + evaluator + "|" + model, conf, pos);
        ev.model = model;
        ev.cue = cue;
        if (const auto* info = ctx.taxonomy.find_model(model); info && !info->lab.empty()) {
            ev.lab = info->lab;
        }
        ev.fields.set("evaluator", evaluator);
        out.events.push_back(std::move(ev));
    }
}

}  // namespace

void extract_evals(const Context& ctx, const std::vector<std::string>& item_models, ExtractOutput& out) {
    first_party(ctx, item_models, out);
    third_party(ctx, item_models, out);
}

}  // namespace fw::extract

#include "extract/extractors.h"

#include <algorithm>
#include <cctype>

#include "extract/license_class.h"
#include "extract/model_names.h"

namespace fw::extract {
namespace {

constexpr int kStaleReleaseDays = 60;

struct OpennessGuess {
    Openness openness = Openness::Unknown;
    std::optional<std::string> license;
    double confidence = 0;
};

/// Openness from cues in the text and the link's words, refined by a licence the text names.
OpennessGuess classify_openness(const Context& ctx, const ModelInfo* known) {
    Context with_link = ctx;
    with_link.text += "\n" + url_path_words(ctx.item.entry.link);
    with_link.tokens = tokenize(with_link.text);
    OpennessGuess result;
    std::string value;
    result.confidence = strongest_cue(with_link, "openness_cues", nullptr, &value);
    // Only a text that speaks of licensing names a licence ("MIT" is also a university).
    if (has_phrase(ctx.tokens, "license") || has_phrase(ctx.tokens, "licence") ||
        has_phrase(ctx.tokens, "licensed")) {
        result.license = license_id_from_text(ctx.text, ctx.taxonomy, ctx.rules);
    }
    const License* lic = result.license ? ctx.taxonomy.find_license(*result.license) : nullptr;
    if (value == "open_weights") {
        // Weights are out; the licence decides how open. Unnamed licence: assume use limits.
        auto from_license = openness_from_license(lic);
        result.openness = is_open(from_license) ? from_license : Openness::OpenWeightsRestricted;
    } else if (auto o = openness_from_string(value)) {
        result.openness = *o;
    } else if (known != nullptr && known->openness != Openness::Unknown) {
        result.openness = known->openness;
    } else if (lic != nullptr && is_open(openness_from_license(lic))) {
        result.openness = openness_from_license(lic);
    }
    if (!result.license && known != nullptr && !known->license.empty()) {
        result.license = known->license;
    }
    return result;
}

std::vector<Slot> release_slots(const Context& ctx) {
    std::vector<Slot> slots;
    const auto title_end = ctx.text.find('\n');
    const std::string_view title = std::string_view(ctx.text).substr(0, title_end);
    std::string_view lead;
    if (title_end != std::string::npos) {
        lead = std::string_view(ctx.text).substr(title_end + 1, 300);
    }
    const Cue* bare = nullptr;
    std::vector<Slot> lead_slots;
    const auto title_tokens = tokenize(title);
    const auto lead_tokens = tokenize(lead);
    for (const auto& cue : ctx.rules.list("release_cues")) {
        if (cue.pattern.find('{') == 0 && cue.pattern.find('}') + 1 == cue.pattern.size()) {
            bare = &cue;  // the bare "{model}" title cue: only when no other cue matched the title
            continue;
        }
        for (auto s : template_slots(title, title_tokens, cue)) {
            slots.push_back(std::move(s));
        }
        for (auto s : template_slots(lead, lead_tokens, cue)) {
            s.begin += title_end + 1;
            s.confidence *= 0.9;
            s.strict = true;  // body text is looser than a headline: known or versioned names only
            lead_slots.push_back(std::move(s));
        }
    }
    if (slots.empty() && bare != nullptr) {
        slots = template_slots(title, title_tokens, *bare);
    }
    slots.insert(slots.end(), lead_slots.begin(), lead_slots.end());
    return slots;
}

/// A headline that is only a name ("Claude 3.5 Sonnet", "GPT-4o mini: advancing...") is a
/// release when the name is known or versioned and capitalised like a product name.
bool strict_name_ok(const Slot& name, const ModelRef& ref) {
    if (ref.known) {
        return true;
    }
    bool digit = false;
    for (const auto& t : tokenize(name.text)) {
        const char first = name.text[t.begin];
        const bool has_digit = std::any_of(t.norm.begin(), t.norm.end(),
                                           [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
        digit = digit || has_digit;
        const bool gerund = t.norm.size() > 5 && t.norm.compare(t.norm.size() - 3, 3, "ing") == 0;
        if ((std::islower(static_cast<unsigned char>(first)) != 0 && !has_digit && t.norm != "mini" &&
             t.norm != "nano") || (t.begin == 0 && gerund)) {
            return false;  // a sentence ("Anthropic raises $13B"), not a name
        }
    }
    return digit;
}

bool phrase_at(const std::vector<Token>& tokens, std::size_t i, const std::string& pattern) {
    const auto phrase = phrase_tokens(pattern);
    if (phrase.empty() || i + phrase.size() > tokens.size()) {
        return false;
    }
    for (std::size_t k = 0; k < phrase.size(); ++k) {
        if (tokens[i + k].norm != phrase[k]) {
            return false;
        }
    }
    return true;
}

/// What the words right after a name say it is: "Forge, a system that...", "Triton 1.0, an
/// open-source programming language", "emg2qwerty and emg2pose - two large datasets". The first
/// head noun of the appositive decides: a model word keeps the name, a non_model_heads word
/// drops it. `pos` is the byte just after the name.
bool appositive_not_model(const Context& ctx, std::size_t pos) {
    std::string_view rest = std::string_view(ctx.text).substr(std::min(pos, ctx.text.size()));
    const auto lead = rest.find_first_not_of(" (");
    if (lead == std::string_view::npos) {
        return false;
    }
    rest = rest.substr(lead);
    const bool comma = rest.starts_with(",");
    const bool dash = rest.starts_with("\xE2\x80\x94") || rest.starts_with("\xE2\x80\x93") || rest.starts_with("- ");
    if (!comma && !dash) {
        return false;
    }
    rest = rest.substr(comma ? 1 : (rest.front() == '-' ? 1 : 3));
    rest = rest.substr(0, rest.find_first_of(",.;:\n"));
    const auto tokens = tokenize(rest);
    for (std::size_t i = 0; i < tokens.size() && i < 8; ++i) {
        for (const auto& cue : ctx.rules.list("model_context_words")) {
            if (phrase_at(tokens, i, cue.pattern)) {
                return false;
            }
        }
        for (const auto& cue : ctx.rules.list("non_model_heads")) {
            if (phrase_at(tokens, i, cue.pattern)) {
                return true;
            }
        }
    }
    return false;
}

/// A new name is described as something else after the slot or anywhere the text repeats it.
bool described_as_non_model(const Context& ctx, const Slot& slot, const Slot& name) {
    if (appositive_not_model(ctx, slot.begin + slot.text.size())) {
        return true;
    }
    for (auto at = ifind(ctx.text, name.text); at; at = ifind(ctx.text, name.text, *at + 1)) {
        if (appositive_not_model(ctx, *at + name.text.size())) {
            return true;
        }
    }
    return false;
}

/// A headline that is only an unknown name ("Dota 2") announces a model only when the text or
/// the link speaks of models (".../dinov3-self-supervised-vision-model/") or the name starts like
/// a model the lab already has ("Grok Voice Think Fast 1.0" after "Grok 4").
bool bare_title_ok(const Context& ctx, const ModelRef& ref) {
    Context with_link = ctx;
    with_link.tokens = tokenize(ctx.text + "\n" + url_path_words(ctx.item.entry.link));
    if (ref.known || strongest_cue(with_link, "model_context_words") > 0) {
        return true;
    }
    const auto first = phrase_tokens(ref.discovered->name);
    return !first.empty() && std::any_of(ctx.taxonomy.models.begin(), ctx.taxonomy.models.end(), [&](const ModelInfo& m) {
        const auto name = phrase_tokens(m.name);
        const auto slug = phrase_tokens(m.slug);  // "OpenAI o1" is o1: "o1-mini" starts like it
        return m.lab == ref.discovered->lab && ((!name.empty() && name.front() == first.front()) ||
                                                (!slug.empty() && slug.front() == first.front()));
    });
}

bool stale(const Context& ctx, const ModelInfo* known) {
    if (known == nullptr || !known->released) {
        return false;
    }
    const auto& e = ctx.item.entry;
    const TimePoint at = e.published.value_or(e.updated.value_or(ctx.item.fetched_at));
    return days_between(*known->released, at) > kStaleReleaseDays;
}

}  // namespace

void extract_releases(const Context& ctx, ExtractOutput& out, std::vector<std::string>& item_models) {
    Context title_ctx = ctx;
    title_ctx.tokens = tokenize(std::string_view(ctx.text).substr(0, ctx.text.find('\n')));
    if (strongest_cue(title_ctx, "eval_doc_types") > 0) {
        return;  // "OpenAI o1 System Card" documents a release; the eval extractor takes it
    }
    for (const auto& slot : release_slots(ctx)) {
        for (const auto& name : split_names(slot, ctx)) {
            auto ref = resolve_model_name(name.text, ctx);
            if (!ref || (name.strict && !strict_name_ok(name, *ref)) ||
                std::find(item_models.begin(), item_models.end(), ref->slug) != item_models.end()) {
                continue;
            }
            if (!ref->known && ((slot.whole && !bare_title_ok(ctx, *ref)) || described_as_non_model(ctx, slot, name))) {
                continue;
            }
            const ModelInfo* known = ctx.taxonomy.find_model(ref->slug);
            if (stale(ctx, known)) {
                continue;  // an old model mentioned again ("Introducing Claude for Education")
            }
            const ModelInfo& model = known ? *known : *ref->discovered;
            item_models.push_back(ref->slug);
            if (ref->discovered) {
                out.discovered_models.push_back(*ref->discovered);
            }
            auto openness = classify_openness(ctx, known);
            auto ev = make_event(ctx, EventKind::ModelRelease, "model_release|" + ref->slug,
                                 name.confidence * ref->confidence, name.begin);
            ev.model = ref->slug;
            if (!model.lab.empty()) {
                ev.lab = model.lab;
            }
            ev.fields.set("openness", std::string(to_string(openness.openness)));
            if (openness.license) {
                ev.fields.set("license", *openness.license);
            } else {
                ev.fields.set_null("license");
            }
            ev.fields.set("tier", std::string(to_string(known ? known->tier : model.tier)));
            ev.fields.set("family", model.family.empty() ? ref->slug : model.family);
            out.events.push_back(std::move(ev));
        }
    }
}

void extract_rollouts(const Context& ctx, const std::vector<std::string>& item_models, ExtractOutput& out) {
    std::size_t verb_pos = 0;
    std::string verb_stage;
    const double verb = strongest_cue(ctx, "rollout_verbs", &verb_pos, &verb_stage);
    if (verb <= 0) {
        return;
    }
    std::vector<std::string> models = item_models;
    for (const auto& m : ctx.entities) {
        if (m.kind == EntityKind::Model && std::find(models.begin(), models.end(), m.slug) == models.end()) {
            models.push_back(m.slug);
        }
    }
    if (models.empty()) {
        return;
    }
    std::string stage;
    strongest_cue(ctx, "stage_words", nullptr, &stage);
    if (stage.empty()) {
        stage = verb_stage.empty() ? "ga" : verb_stage;
    }
    std::string region;
    const bool has_region = strongest_cue(ctx, "regions", nullptr, &region) > 0;
    std::vector<std::string> seen;
    for (const auto& m : ctx.entities) {
        if (m.kind != EntityKind::Surface || std::find(seen.begin(), seen.end(), m.slug) != seen.end()) {
            continue;
        }
        seen.push_back(m.slug);
        const auto& model = models.front();
        auto ev = make_event(ctx, EventKind::SurfaceRollout, "surface_rollout|" + model + "|" + m.slug,
                             verb, std::min(verb_pos, m.begin));
        ev.model = model;
        ev.surface = m.slug;
        if (const auto* info = ctx.taxonomy.find_model(model); info && !info->lab.empty()) {
            ev.lab = info->lab;
        }
        ev.fields.set("surface", m.slug);
        ev.fields.set("stage", stage);
        if (has_region) {
            ev.fields.set("region", region);
        } else {
            ev.fields.set_null("region");
        }
        out.events.push_back(std::move(ev));
    }
}

}  // namespace fw::extract

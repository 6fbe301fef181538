// license_change stated in words: a headline that changes a model's licence ("Qwen switches Qwen 4
// licence from Apache 2.0 to a research licence", "Llama 5 license update", "Mistral relicenses
// Codestral 2 under a non-commercial licence"). The LICENSE commit or the Hugging Face record
// gives the diff of the licence text when it is tracked; this gives the event when only a post
// or the press says it, with the stated words as its diff.

#include <algorithm>
#include <cctype>

#include "domain/event_schema.h"
#include "domain/slug.h"
#include "extract/confidence.h"
#include "extract/extractors.h"
#include "extract/grammar.h"
#include "extract/license_class.h"
#include "extract/model_names.h"

namespace fw::extract {
namespace {

/// The lead's first sentence states a launch as it happens: a launch verb in its progressive form
/// ("We are releasing", "Introducing", "launching today"). A model launched now has no earlier
/// licence to change from.
bool launch_in_progress(const Context& ctx) {
    const auto lead = lead_sentence(ctx.text);
    const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
    if (lead.begin < title_end || lead.end <= lead.begin) {
        return false;
    }
    const auto tokens = tokenize(std::string_view(ctx.text).substr(lead.begin, lead.end - lead.begin));
    for (const auto& cue : verb_phrases(ctx.rules, "launch_verbs")) {
        const auto phrase = phrase_tokens(cue.pattern);
        if (!phrase.empty() && phrase.front().ends_with("ing") && find_phrase(tokens, phrase)) {
            return true;
        }
    }
    return false;
}

/// "now" right before a licence's name ("Mistral Small 4 is now Apache 2.0", "... now under MIT",
/// "now licensed under CC-BY-4.0"): a change stated without a change verb. Only the next few words
/// count, so "is now available on Hugging Face under MIT" (a launch with its licence) is none.
bool now_a_licence(const Context& ctx, std::string_view text, const std::vector<Token>& tokens) {
    if (launch_in_progress(ctx)) {
        return false;  // "Foo 4.1, now under Apache 2.0 | We are releasing Foo 4.1 ...": a launch's licence
    }
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        if (tokens[i].norm != "now") {
            continue;
        }
        std::size_t k = i + 1;
        for (const char* filler : {"licensed", "licenced", "under"}) {
            if (k < tokens.size() && tokens[k].norm == filler) {
                ++k;
            }
        }
        const auto until = std::min(tokens.size(), k + 4);
        if (k < until && license_id_from_text(text.substr(tokens[k].begin, tokens[until - 1].end - tokens[k].begin),
                                              ctx.taxonomy, ctx.rules)) {
            return true;
        }
    }
    return false;
}

/// A change said outright, in a headline or a lead alike: "relicense" in any form, or "now" + a
/// licence's name. 0 when neither.
double change_said_outright(const Context& ctx, std::string_view text, const std::vector<Token>& tokens) {
    double best = 0;
    for (const auto& t : tokens) {
        if (t.norm.starts_with("relicens")) {  // "relicensed", "relicensing"
            best = std::max(best, 0.85);
        }
    }
    if (now_a_licence(ctx, text, tokens)) {
        best = std::max(best, 0.8);
    }
    return best;
}

/// The verb ending before token `next` takes no object: "GLM-5 drops with MIT-licensed weights",
/// "Foo 2 ships today under MIT" launch a model with its licence; "drops the non-commercial clause",
/// "switches to Apache 2.0" change one.
bool used_intransitively(const std::vector<Token>& tokens, std::size_t next) {
    static constexpr std::string_view kLaunchSense[] = {"with", "today", "on", "at", "as", "alongside"};
    return next < tokens.size() &&
           std::find(std::begin(kLaunchSense), std::end(kLaunchSense), tokens[next].norm) != std::end(kLaunchSense);
}

/// A licence-change verb of the rules' "license_change_verbs" (any form) beside a licence noun or a
/// licence's name after "to"/"under" ("moves to Apache 2.0"): the verb's confidence, else 0.
double change_verb_stated(const Context& ctx, std::string_view text, const std::vector<Token>& tokens) {
    const bool licence_noun = std::any_of(
        tokens.begin(), tokens.end(), [](const Token& t) { return t.norm.starts_with("licen") || t.norm == "terms"; });
    const auto named_after = [&](std::string_view mark) {
        const auto at = ifind(text, mark);
        return at && license_id_from_text(text.substr(*at + mark.size(), 40), ctx.taxonomy, ctx.rules);
    };
    double best = 0;
    if (licence_noun || named_after(" to ") || named_after(" under ")) {
        for (const auto& cue : verb_phrases(ctx.rules, "license_change_verbs")) {
            const auto phrase = phrase_tokens(cue.pattern);
            for (auto at = find_phrase(tokens, phrase); at; at = find_phrase(tokens, phrase, *at + 1)) {
                if (!used_intransitively(tokens, *at + phrase.size())) {
                    best = std::max(best, cue.confidence);
                    break;
                }
            }
        }
    }
    return best;
}

/// How strongly a headline states a licence change: outright or by a change verb. 0 when it does not.
double change_stated(const Context& ctx, std::string_view text, const std::vector<Token>& tokens) {
    return std::max(change_said_outright(ctx, text, tokens), change_verb_stated(ctx, text, tokens));
}

/// "under Apache 2.0 instead of the Gemma Terms of Use", "replacing the Mistral Research License
/// with MIT": the licence right after a replacement mark (licenses.json license_replaced_marks) is
/// the old one, the licence named elsewhere the new. Both empty when no mark names a licence.
std::pair<std::optional<std::string>, std::optional<std::string>> replaced_licences(const Context& ctx,
                                                                                    std::string_view said) {
    constexpr std::size_t kNameSpan = 40;  // a licence's name follows its mark within a few words
    for (const auto& cue : ctx.rules.list("license_replaced_marks")) {
        const std::string mark = " " + cue.pattern + " ";
        const auto at = ifind(said, mark);
        if (cue.remove || !at) {
            continue;
        }
        const auto named_from = *at + mark.size();
        const auto named = said.substr(named_from, kNameSpan);
        auto old_id = license_id_from_text(named, ctx.taxonomy, ctx.rules);
        if (!old_id) {
            continue;
        }
        std::string rest(said);
        std::fill(rest.begin() + static_cast<std::ptrdiff_t>(*at),
                  rest.begin() + static_cast<std::ptrdiff_t>(named_from + named.size()), ' ');
        auto new_id = license_id_from_text(rest, ctx.taxonomy, ctx.rules);
        if (new_id && new_id != old_id) {
            return {old_id, new_id};
        }
    }
    return {};
}

/// The licences a statement names: "from A to B" or "B instead of A" give both, otherwise the one
/// it names is the new.
std::pair<std::optional<std::string>, std::optional<std::string>> stated_licences(const Context& ctx,
                                                                                  std::string_view said) {
    if (auto replaced = replaced_licences(ctx, said); replaced.second) {
        return replaced;
    }
    const auto from = ifind(said, " from ");
    const auto to = from ? ifind(said, " to ", *from + 6) : std::nullopt;
    if (from && to) {
        auto old_id = license_id_from_text(said.substr(*from + 6, *to - *from - 6), ctx.taxonomy, ctx.rules);
        auto new_id = license_id_from_text(said.substr(*to + 4), ctx.taxonomy, ctx.rules);
        if (old_id || new_id) {
            return {old_id, new_id};
        }
    }
    for (std::string_view mark : {" to ", " under ", ": "}) {
        if (auto at = ifind(said, mark)) {
            if (auto id = license_id_from_text(said.substr(*at + mark.size()), ctx.taxonomy, ctx.rules)) {
                return {std::nullopt, id};
            }
        }
    }
    return {std::nullopt, license_id_from_text(said, ctx.taxonomy, ctx.rules)};
}

}  // namespace

namespace {
/// A model's name that begins a licence's ("Llama 4" in "the Llama 4 Community License").
bool names_a_licence(const Context& ctx, const SpecificModel& m) {
    const auto next = tokenize(std::string_view(ctx.text).substr(m.end, 32));
    return !next.empty() && (next.front().norm.starts_with("licen") ||
                             (next.size() > 1 && next[0].norm == "community" && next[1].norm.starts_with("licen")));
}

/// One model's licence change, stated by `title` and the lead with confidence `verb`.
void licence_change_of(const Context& ctx, const SpecificModel& subject, std::string_view title, Clause lead,
                       bool has_lead, double verb, ExtractOutput& out);
}  // namespace

bool license_change_headline(const Context& ctx) {
    const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
    const std::string_view title = std::string_view(ctx.text).substr(0, title_end);
    return change_stated(ctx, title, tokenize(title)) > 0;
}

void extract_license_statements(const Context& ctx, ExtractOutput& out) {
    const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
    const std::string_view title = std::string_view(ctx.text).substr(0, title_end);
    const auto lead = lead_sentence(ctx.text);
    const bool has_lead = lead.begin >= title_end && lead.end > lead.begin;
    double verb = change_stated(ctx, title, tokenize(title));
    if (verb <= 0 && has_lead) {
        // The lead states it ("We have relicensed Mistral Small 4 from ... to Apache 2.0") under a
        // headline that does not: only a change verb naming both licences, "relicense" or "now"
        // + a licence, since a lead's "updated ... available under the X licence" is no change.
        const std::string_view sentence = std::string_view(ctx.text).substr(lead.begin, lead.end - lead.begin);
        const auto [was, now] = stated_licences(ctx, sentence);
        const auto tokens = tokenize(sentence);
        // A headline speaking of a licence ("Llama 4 license now bars ...") lets the lead's change
        // verb say it without both licences ("Meta updated the Llama 4 Community License").
        const auto title_tokens = tokenize(title);
        const bool licence_headline = std::any_of(title_tokens.begin(), title_tokens.end(),
                                                  [](const Token& t) { return t.norm.starts_with("licen"); });
        const double by_verb = (was && now) || licence_headline ? change_verb_stated(ctx, sentence, tokens) : 0;
        verb = std::max(change_said_outright(ctx, sentence, tokens), by_verb) * 0.95;
    }
    if (verb <= 0) {
        return;
    }
    auto models = specific_models(ctx, 0, title_end);
    if (models.empty() && has_lead) {
        models = specific_models(ctx, lead.begin, lead.end);
    }
    if (models.empty()) {
        // A versioned name of no known family: "Mistral relicenses Devstral 2 under ...".
        for (const auto& t : tokenize(title)) {
            std::size_t at = 0;
            const auto rest = title.substr(t.begin);
            if (std::isupper(static_cast<unsigned char>(title[t.begin])) == 0) {
                continue;
            }
            if (auto ref = resolve_leading(rest, ctx, &at); ref && (ref->known || ref->discovered)) {
                models.push_back(SpecificModel{ref->slug, t.begin + at, t.begin + at, ref->discovered});
                break;
            }
        }
    }
    if (models.empty()) {
        return;  // "We updated our terms of service": no model's licence
    }
    // A headline naming the family ("license for gpt-oss", "the Gemma license") over a lead naming
    // its members ("the gpt-oss-120b and gpt-oss-20b license"): each member changes.
    std::vector<SpecificModel> subjects{models.front()};
    if (has_lead && models.front().end > models.front().begin) {
        const auto said_name =
            slugify(ctx.text.substr(models.front().begin, models.front().end - models.front().begin));
        {  // "Updating the Gemma license | ... Gemma 3 models are distributed under ...": gemma-3
            std::vector<SpecificModel> members;
            for (const auto& m : specific_models(ctx, lead.begin, lead.end)) {
                if (m.slug.starts_with(said_name + "-") && !names_a_licence(ctx, m)) {
                    members.push_back(m);
                }
            }
            if (!members.empty()) {
                subjects = std::move(members);
            }
        }
    }
    for (const auto& subject : subjects) {
        licence_change_of(ctx, subject, title, lead, has_lead, verb, out);
    }
}

namespace {
void licence_change_of(const Context& ctx, const SpecificModel& subject, std::string_view title, Clause lead,
                       bool has_lead, double verb, ExtractOutput& out) {
    const auto title_end = title.size();
    const ModelInfo* known = ctx.taxonomy.find_model(subject.slug);
    std::string said(title);
    if (has_lead) {
        said += " " + ctx.text.substr(lead.begin, lead.end - lead.begin);
    }
    // The model's own name may spell a licence ("Llama 3.1" is also the Llama 3.1 Community
    // License's alias): licences are read with it blanked out.
    std::string unnamed = said;
    if (subject.end > subject.begin && subject.end <= unnamed.size()) {
        std::fill(unnamed.begin() + static_cast<std::ptrdiff_t>(subject.begin),
                  unnamed.begin() + static_cast<std::ptrdiff_t>(subject.end), ' ');
    }
    auto [old_id, new_id] = stated_licences(ctx, std::string_view(unnamed).substr(0, title_end));
    if (!new_id || !old_id) {
        // The lead may say more than the headline: "from A to B" gives the old licence too.
        const auto [lead_old, lead_new] = stated_licences(ctx, unnamed);
        if (!new_id || (lead_old && lead_new)) {
            // The lead naming both outranks a headline naming one: "Updating the Gemma license |
            // ... under Apache 2.0 instead of the Gemma Terms of Use".
            std::tie(old_id, new_id) = std::pair{lead_old, lead_new};
        }
    }
    if (!old_id && known != nullptr && !known->license.empty() && (!new_id || known->license != *new_id)) {
        old_id = known->license;  // the taxonomy's licence until now
    }
    // Without the new licence named the change is stated but not known: a candidate to review.
    const double confidence = new_id ? verb : std::min(verb, kConfidentEvent - 0.1);
    const std::string new_value = new_id.value_or("LicenseRef-Unknown");
    auto ev = make_event(ctx, EventKind::LicenseChange, "license_change|" + subject.slug + "|" + new_value, confidence,
                         subject.begin);
    ev.model = subject.slug;
    ev.lab.reset();
    if (const std::string lab = known != nullptr ? known->lab : (subject.discovered ? subject.discovered->lab : "");
        !lab.empty()) {
        ev.lab = lab;
    }
    ev.cue = "licence change stated {model}";
    put(ev.fields, field::subject, subject.slug);
    put(ev.fields, field::old_value, old_id);
    put(ev.fields, field::new_value, new_value);
    put(ev.fields, field::diff, "- " + old_id.value_or("(not stated)") + "\n+ " + new_value + "\nstated: " + said);
    const License* a = old_id ? ctx.taxonomy.find_license(*old_id) : nullptr;
    const License* b = new_id ? ctx.taxonomy.find_license(*new_id) : nullptr;
    put(ev.fields, field::more_restrictive, a != nullptr && b != nullptr ? more_restrictive(*a, *b) : std::nullopt);
    if (subject.discovered && confidence >= kConfidentEvent) {
        out.discovered_models.push_back(*subject.discovered);
    }
    out.events.push_back(std::move(ev));
}

}  // namespace

}  // namespace fw::extract

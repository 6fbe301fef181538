#include "extract/extractors.h"

#include <algorithm>
#include <chrono>
#include <cctype>

#include "domain/slug.h"
#include "extract/confidence.h"
#include "extract/grammar.h"
#include "extract/license_class.h"
#include "extract/model_names.h"
#include "extract/openness.h"
#include "domain/event_schema.h"

namespace fw::extract {
namespace {

constexpr int kStaleReleaseDays = 60;
/// Weights announced this long after a model's release are a release of weights of their own.
constexpr int kLaterWeightsDays = 30;
/// Launch verbs at least this strong confirm a bare headline ("introduce", "release"; not "share").
constexpr double kStrongVerb = 0.8;

/// Whether the sentence of `lead` around `pos` places its event in the past ("six weeks ago",
/// "last year", "back in April"): a launch told as the background of the post's news.
bool told_as_past(const Context& ctx, std::string_view lead, std::size_t pos) {
    const auto sentence = sentence_around(lead, pos);
    const auto words = tokenize(lead.substr(sentence.begin, sentence.end - sentence.begin));
    return said_within(ctx.rules, "past_time_words", words, 0, words.size());
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
    std::vector<const Cue*> cues;
    for (const auto& c : ctx.rules.list("release_cues")) {
        cues.push_back(&c);
    }
    for (const auto& t : verb_templates(ctx.rules, "launch_verbs")) {
        cues.push_back(&t);
    }
    for (const Cue* cue_ptr : cues) {
        const Cue& cue = *cue_ptr;
        if (cue.remove) {
            continue;
        }
        if (cue.pattern.find('{') == 0 && cue.pattern.find('}') + 1 == cue.pattern.size()) {
            bare = &cue;  // the bare "{model}" title cue: only when no other cue matched the title
            continue;
        }
        const bool verb = cue.value.rfind("verb:", 0) == 0;
        if (!verb && ctx.source_surface && !ctx.source.lab) {
            continue;  // a host's or a tool's "Foo 3 now live", "Introducing Foo 3": it arrived there
        }
        const std::string cue_text = (verb ? "launch-verb " : "headline ") + cue.pattern;
        for (auto s : template_slots(title, title_tokens, cue)) {
            s.cue = cue_text;
            slots.push_back(std::move(s));
        }
        for (auto s : template_slots(lead, lead_tokens, cue)) {
            if (told_as_past(ctx, lead, s.begin)) {
                continue;  // "Six weeks ago we shipped Muse Spark": the post's background, not its news
            }
            s.cue = cue_text + " (lead)";
            s.begin += title_end + 1;
            s.confidence *= 0.9;
            s.strict = true;  // body text is looser than a headline: known or versioned names only
            lead_slots.push_back(std::move(s));
        }
    }
    if (bare != nullptr && (ctx.source.lab || ctx.own_models)) {
        // A lab's headline's head as a name of its own; it yields to a model another cue names.
        for (auto s : template_slots(title, title_tokens, *bare)) {
            slots.push_back(std::move(s));
        }
    }
    if (bare != nullptr && (ctx.source.lab || ctx.own_models) && !lead.empty()) {
        // The lead's first words as a headline of their own: "Voxtral TTS: a frontier, open-weights
        // text-to-speech model" names a model when the rest of its sentence calls it one.
        for (auto s : template_slots(lead, lead_tokens, *bare)) {
            const auto after = s.begin + s.text.size();
            const auto first_word = s.text.substr(0, s.text.find(' '));
            if (after >= lead.size() || (lead[after] != ':' && lead[after] != ',') || !ifind(title, first_word)) {
                continue;  // only a name the headline also gives ("Speaking of Voxtral")
            }
            // "Name: <sentence>" is described by its sentence, "Name, <appositive>," by the appositive.
            const auto sentence_end = lead[after] == ':' ? std::min(lead.size(), lead.find(". ", after))
                                                         : std::min(lead.size(), lead.find_first_of(",.", after + 1));
            Context rest = ctx;
            rest.tokens = tokenize(lead.substr(after, sentence_end - after));
            if (strongest_cue(rest, "model_context_words") <= 0) {
                continue;
            }
            s.begin += title_end + 1;
            s.confidence = 0.9;
            s.cue = "appositive {model}: a ... model";
            lead_slots.push_back(std::move(s));
        }
    }
    slots.insert(slots.end(), lead_slots.begin(), lead_slots.end());
    return slots;
}

/// Words of the headline and the lead's first sentence that speak of a launch: a launch verb or
/// an openness cue ("Leanstral: Open-Source foundation for ...").
bool launch_words(const Context& ctx) {
    const auto first = ctx.text.find('\n');
    const auto end = first == std::string::npos ? ctx.text.size()
                                                : std::min(ctx.text.size(), ctx.text.find_first_of(".\n", first + 1));
    Context title = ctx;
    title.tokens = tokenize(std::string_view(ctx.text).substr(0, first));
    if (strongest_cue(title, "openness_cues") > 0) {
        return true;  // "Leanstral: Open-Source foundation for ..."
    }
    const auto head = tokenize(std::string_view(ctx.text).substr(0, end));
    for (const auto& cue : verb_phrases(ctx.rules, "launch_verbs")) {
        if (cue.confidence >= kStrongVerb && find_phrase(head, phrase_tokens(cue.pattern))) {
            return true;
        }
    }
    return false;
}

/// A coined name in a bare headline: at most two words besides versions, sizes, acronyms and
/// variant words, and none with the ending of an English abstract noun ("Interpretability",
/// "Societal Impacts" stay out; "Magistral", "Mistral Saba", "Voxtral TTS" stay in).
bool coined_shape(const Context& ctx, std::string_view name) {
    static const std::vector<std::string> endings = {"ity", "ment", "tion", "sion", "ness", "ance",  "ence",
                                                     "ics", "ism",  "ing",  "ship", "ure",  "ments", "tions"};
    std::size_t words = 0;
    for (const auto& t : tokenize(name)) {
        const auto text = name.substr(t.begin, t.end - t.begin);
        const bool digit = std::any_of(t.norm.begin(), t.norm.end(),
                                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
        const bool acronym = text.size() >= 2 && std::all_of(text.begin(), text.end(), [](char c) {
                                 return std::isupper(static_cast<unsigned char>(c)) != 0 ||
                                        std::isdigit(static_cast<unsigned char>(c)) != 0;
                             });
        if (digit || acronym || ctx.rules.contains("variant_words", t.norm)) {
            continue;
        }
        ++words;
        for (const auto& e : endings) {
            if (t.norm.size() > e.size() + 3 && t.norm.compare(t.norm.size() - e.size(), e.size(), e) == 0) {
                return false;
            }
        }
    }
    const auto bare = tokenize(name);
    if (bare.size() == 1 && bare[0].norm.size() <= 2) {
        return false;  // "AI", "RL": words, not names
    }
    return words <= 2;
}

/// A Hugging Face link in the text whose repo name spells the model ("huggingface.co/acme/Foo-2").
bool hf_repo_named(const Context& ctx, const std::string& slug) {
    std::string compact = slug;
    std::erase(compact, '-');
    for (auto at = ifind(ctx.text, "huggingface.co/"); at; at = ifind(ctx.text, "huggingface.co/", *at + 1)) {
        std::string repo;
        for (auto i = *at + 15; i < ctx.text.size() && ctx.text[i] > ' ' && ctx.text[i] != '"'; ++i) {
            if (std::isalnum(static_cast<unsigned char>(ctx.text[i])) != 0) {
                repo.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ctx.text[i]))));
            }
        }
        if (!compact.empty() && repo.find(compact) != std::string::npos) {
            return true;
        }
    }
    return false;
}

/// A headline that is only a name ("Claude 3.5 Sonnet", "GPT-4o mini: advancing...") is a
/// release when the name is known or versioned and capitalised like a product name.
bool strict_name_ok(const Slot& name, const ModelRef& ref, bool coined) {
    if (ref.known) {
        return true;
    }
    bool digit = false;
    // By words as written: "gpt-5.3-mini" is one word with a digit (an id written in lower case),
    // though its first token "gpt" is a lower-case word.
    const std::string_view text(name.text);
    for (std::size_t i = 0; i < text.size();) {
        const auto end = std::min(text.size(), text.find(' ', i));
        const auto word = text.substr(i, end - i);
        i = end + 1;
        const auto tokens = tokenize(word);
        if (tokens.empty()) {
            continue;
        }
        const bool has_digit = std::any_of(word.begin(), word.end(),
                                           [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
        digit = digit || has_digit;
        const auto& norm = tokens.front().norm;
        const bool gerund = tokens.size() == 1 && norm.size() > 5 && norm.compare(norm.size() - 3, 3, "ing") == 0;
        if ((std::islower(static_cast<unsigned char>(word[tokens.front().begin])) != 0 && !has_digit &&
             norm != "mini" && norm != "nano") ||
            (word.data() == text.data() && gerund)) {
            return false;  // a sentence ("Anthropic raises $13B"), not a name
        }
    }
    return digit || coined;
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
/// open-source programming language", "emg2qwerty and emg2pose - two large datasets", "Foo, our
/// new voice model". The first head noun of the appositive decides: a model word, a
/// non_model_heads word, or nothing said. `pos` is the byte just after the name.
enum class Appositive { None, Model, NotModel };
Appositive appositive_head(const Rules& rules, std::string_view text, std::size_t pos) {
    std::string_view rest = text.substr(std::min(pos, text.size()));
    const auto lead = rest.find_first_not_of(" (");
    if (lead == std::string_view::npos) {
        return Appositive::None;
    }
    rest = rest.substr(lead);
    const bool comma = rest.starts_with(",");
    const bool dash = rest.starts_with("\xE2\x80\x94") || rest.starts_with("\xE2\x80\x93") || rest.starts_with("- ");
    if (!comma && !dash) {
        return Appositive::None;
    }
    rest = rest.substr(comma ? 1 : (rest.front() == '-' ? 1 : 3));
    rest = rest.substr(0, rest.find_first_of(",.;:\n"));
    const auto tokens = tokenize(rest);
    for (std::size_t i = 0; i < tokens.size() && i < 8; ++i) {
        for (const auto& cue : rules.list("model_context_words")) {
            if (phrase_at(tokens, i, cue.pattern)) {
                return Appositive::Model;
            }
        }
        for (const auto& cue : rules.list("non_model_heads")) {
            if (phrase_at(tokens, i, cue.pattern)) {
                return Appositive::NotModel;
            }
        }
    }
    return Appositive::None;
}

Appositive appositive_head(const Context& ctx, std::size_t pos) {
    return appositive_head(ctx.rules, ctx.text, pos);
}

bool appositive_not_model(const Context& ctx, std::size_t pos) {
    return appositive_head(ctx, pos) == Appositive::NotModel;
}

/// A lead that opens with a noun phrase describing the headline's subject, as a fragment: "Introducing
/// GDPval 2 | A benchmark of economically valuable tasks." Its head decides, as an appositive's.
bool lead_fragment_not_model(const Context& ctx, const Slot& name) {
    const auto title_end = ctx.text.find('\n');
    if (title_end == std::string::npos || name.begin >= title_end) {
        return false;
    }
    const auto first = tokenize(std::string_view(ctx.text).substr(title_end + 1, 12));
    if (first.empty() || (first.front().norm != "a" && first.front().norm != "an")) {
        return false;
    }
    // appositive_head reads after a comma: the lead's "A benchmark of ..." as ", benchmark of ...".
    const std::string fragment = ", " + ctx.text.substr(title_end + 1 + first.front().end);
    return appositive_head(ctx.rules, fragment, 0) == Appositive::NotModel;
}

/// A new name is described as something else after the slot or anywhere the text repeats it.
bool described_as_non_model(const Context& ctx, const Slot& slot, const Slot& name) {
    if (appositive_not_model(ctx, slot.begin + slot.text.size()) || lead_fragment_not_model(ctx, name)) {
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
    return !first.empty() &&
           std::any_of(ctx.taxonomy.models.begin(), ctx.taxonomy.models.end(), [&](const ModelInfo& m) {
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

namespace {

struct Release {
    ModelRef ref;
    const ModelInfo* known = nullptr;
    std::string name;
    std::size_t begin = 0;
    double confidence = 0;
    std::string cue;
};

/// Confidence of a headline that is only an unknown name, from what confirms it: a model word in
/// the text or the link, a family the lab already has, a Hugging Face repo of that name (strong);
/// launch words or openness words around it (weaker); nothing (a candidate, not an event).
double bare_name_confidence(const Context& ctx, const ModelRef& ref, bool lab_feed, std::string& cue) {
    if (hf_repo_named(ctx, ref.slug)) {
        cue += " + hugging face repo";
        return 0.9;
    }
    // What the headline's rest and the lead's first sentence say of the name.
    const auto first = ctx.text.find('\n');
    const auto end = first == std::string::npos ? ctx.text.size()
                                                : std::min(ctx.text.size(), ctx.text.find_first_of(".\n", first + 1));
    Context head = ctx;
    head.tokens =
        tokenize(std::string(std::string_view(ctx.text).substr(0, end)) + "\n" + url_path_words(ctx.item.entry.link));
    const bool model_word = strongest_cue(head, "model_context_words") > 0;
    Context title = ctx;
    title.tokens = tokenize(std::string_view(ctx.text).substr(0, first));
    const bool not_model = strongest_cue(title, "non_model_context") > 0 || strongest_cue(title, "non_model_heads") > 0;
    // "Command B: a compact model for agents": a headline defining the name it gives is its launch.
    const auto title_line = std::string_view(ctx.text).substr(0, first);
    const auto colon = title_line.find(": ");
    const auto defined =
        colon == std::string_view::npos ? std::vector<Token>{} : tokenize(title_line.substr(colon + 2));
    const bool defines = !defined.empty() && (defined.front().norm == "a" || defined.front().norm == "an");
    const bool fresh = has_phrase(head.tokens, "new") || has_phrase(head.tokens, "our") || launch_words(ctx) || defines;
    bool versioned = false;
    for (const auto& t : tokenize(ref.discovered ? ref.discovered->name : ref.slug)) {
        const bool year = t.norm.size() == 4 && (t.norm.starts_with("19") || t.norm.starts_with("20"));
        versioned = versioned || (!year && std::any_of(t.norm.begin(), t.norm.end(), [](char c) {
                        return std::isdigit(static_cast<unsigned char>(c)) != 0;
                    }));
    }
    if (model_word && fresh && !not_model) {
        cue += " + a new model in its words";
        return 0.8;  // "Devstral | Introducing the best open-source model for coding agents."
    }
    if (versioned && bare_title_ok(ctx, ref)) {
        cue += " + known family";
        return 0.8;  // "Grok 5" after "Grok 4"; a word alone ("Claude Character") is not enough
    }
    const bool not_model_lead =
        not_model || strongest_cue(head, "non_model_context") > 0 || strongest_cue(head, "non_model_heads") > 0;
    // "Autumn, in brief": a word and a comma's lower-case rest is a headline's phrase, not a
    // name set apart; launch words elsewhere in the post ("Unveiling lower prices") are not its.
    const auto comma = title_line.find(", ");
    const bool phrase_after_comma = comma != std::string_view::npos && title_line.find_first_of(":|") > comma &&
                                    comma + 2 < title_line.size() &&
                                    std::islower(static_cast<unsigned char>(title_line[comma + 2])) != 0;
    if (lab_feed && !not_model_lead && !phrase_after_comma && launch_words(ctx)) {
        cue += " + launch words";
        return 0.65;
    }
    if (lab_feed && versioned && !not_model_lead) {
        cue += " (versioned name on its lab's feed)";
        return 0.62;  // "Codestral 25.01": a lab's headline that is a versioned name
    }
    // The headline is the name and nothing else, and the lead's first sentence calls it a model
    // ("Foo | One of our new models for ..."): the lab's post about that model.
    const auto title_text = trim(std::string_view(ctx.text).substr(0, first));
    Context lead_sentence = ctx;
    lead_sentence.tokens =
        tokenize(std::string_view(ctx.text).substr(std::min(first, ctx.text.size()), end - std::min(first, end)));
    if (lab_feed && !not_model_lead && ref.discovered && title_text == trim(ref.discovered->name) &&
        strongest_cue(lead_sentence, "model_context_words") > 0) {
        cue += " + the lead calls it a model";
        return 0.62;
    }
    cue += model_word ? " + model word only" : " (unconfirmed)";
    return model_word ? 0.5 : 0.45;
}

/// A model of the taxonomy released within a few days of a lab's own item that names it in the
/// headline or the lead ("Medium is the new large. Mistral Medium 3 delivers ...").
void dated_releases(const Context& ctx, std::vector<Release>& found) {
    if (!ctx.source.lab) {
        return;
    }
    const auto& e = ctx.item.entry;
    const TimePoint at = e.published.value_or(e.updated.value_or(ctx.item.fetched_at));
    const auto head_end = std::min(ctx.text.size(), std::size_t{400});
    for (const auto& m : ctx.entities) {
        const auto* info = m.kind == EntityKind::Model ? ctx.taxonomy.find_model(m.slug) : nullptr;
        if (info == nullptr || m.begin >= head_end || !info->released || info->lab != *ctx.source.lab ||
            std::abs(days_between(*info->released, at)) > 3) {
            continue;
        }
        // "Muse Spark Lite" names another model than the Muse Spark it starts with.
        const auto named = specific_models(ctx, m.begin, std::min(ctx.text.size(), m.end + 40));
        if (!named.empty() && named.front().begin == m.begin && named.front().slug != m.slug &&
            named.front().end > m.end) {
            continue;
        }
        found.push_back(Release{ModelRef{m.slug, true, std::nullopt, 0.9}, info, info->name, m.begin, 0.7,
                                "taxonomy release date {model}"});
    }
}

/// Newsroom headlines made of segments, each a new versioned model as the subject of a verb:
/// "GPT-5.5 Outperforms, Kimi K2.6 Leads Open LLMs, ..." ("<Name> <Verb>s" or "<Name> <Verb>ed").
void headline_subjects(const Context& ctx, std::size_t title_end, std::vector<Release>& found) {
    Context unowned = ctx;
    unowned.unowned_models = true;  // a digest speaks of makers nobody tracks ("Ling-1T Leads ...")
    std::size_t seg = 0;
    while (seg < title_end) {
        auto next = ctx.text.find_first_of(",:;", seg);
        if (next == std::string::npos || next > title_end) {
            next = title_end;
        }
        while (seg < next && ctx.text[seg] == ' ') {
            ++seg;
        }
        // "Google Imagen 3 Raises the Bar": the maker's name before the model's. Each story has
        // its own maker: the first lab of the whole headline is another story's.
        auto start = seg;
        unowned.lab = ctx.source.lab;
        for (const auto& e : ctx.entities) {
            if (e.kind == EntityKind::Lab && e.begin == seg && e.end < next && ctx.text[e.end] == ' ') {
                start = e.end + 1;
            }
            if (e.kind == EntityKind::Lab && !ctx.source.lab && e.begin >= seg && e.end <= next) {
                unowned.lab = e.lab;
            }
        }
        auto models = specific_models(ctx, start, next);
        if (models.empty() || models.front().begin != start) {
            // A versioned name no family explains: "MiniMax-M2 Leads Open Coding".
            const auto head = std::string_view(ctx.text).substr(start, next - start);
            std::size_t at = 0;
            const auto name = leading_name(head, unowned, &at);
            const auto ref = name.empty() || at != 0 ? std::nullopt : resolve_model_name(name, unowned);
            if (ref && !ref->known && ref->discovered && std::any_of(name.begin(), name.end(), [](char c) {
                    return std::isdigit(static_cast<unsigned char>(c));
                })) {
                models = {SpecificModel{ref->slug, start, start + name.size(), ref->discovered}};
            }
        }
        if (!models.empty() && models.front().begin == start) {
            const auto& m = models.front();
            auto rest = std::string_view(ctx.text).substr(m.end, next - m.end);
            // "GPT-5's Rough Takeoff", "Llama 4's Mixture of ...": a possessive subject.
            bool possessive = false;
            for (std::string_view mark : {"'s ", "\xE2\x80\x99s "}) {
                if (rest.starts_with(mark)) {
                    rest = rest.substr(mark.size() - 1);
                    possessive = true;
                }
            }
            const auto words = tokenize(rest);
            // A name with a version, or a known model (stale ones are dropped below): "Claude
            // Grovels" speaks of the assistant, "Muse Spark is Fast" of a fresh model.
            const bool versioned = ctx.taxonomy.find_model(m.slug) != nullptr ||
                                   std::any_of(m.slug.begin(), m.slug.end(),
                                               [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
            if (!words.empty() && words.front().begin == 1 && versioned) {
                const auto& verb = words.front().norm;
                const bool capital = std::isupper(static_cast<unsigned char>(rest[words.front().begin])) != 0;
                const bool verb_shape =
                    verb.size() > 3 && (verb.back() == 's' || verb.ends_with("ed")) && !verb.ends_with("ss");
                const ModelInfo* known = ctx.taxonomy.find_model(m.slug);
                // "Llama 3.1 is State-of-the-Art and Open": a copula, lower-case in headline case too.
                // Only in a digest: a headline of its own ("X is now available in Y") says more.
                const bool copula = (verb == "is" || verb == "are") && words.size() > 1 &&
                                    digest_headline(std::string_view(ctx.text).substr(0, title_end));
                if (((capital && (verb_shape || possessive)) || copula) && !stale(ctx, known) &&
                    std::none_of(found.begin(), found.end(), [&](const Release& r) { return r.ref.slug == m.slug; })) {
                    ModelRef ref{m.slug, known != nullptr, m.discovered, 0.9};
                    const std::string name = ctx.text.substr(m.begin, m.end - m.begin);
                    found.push_back(Release{ref, known, name, m.begin, 0.65,
                                            possessive ? "headline {model}'s <Noun>"
                                            : copula   ? "headline {model} is <Complement>"
                                                       : "headline {model} <Verb>s"});
                }
            }
        }
        seg = next + 1;
    }
}

/// The headline segment around byte `pos` when the headline is a digest (digest_headline), else
/// the whole text: a cue in another story's segment says nothing of this one.
Clause digest_segment(const Context& ctx, std::size_t pos) {
    const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
    const auto title = std::string_view(ctx.text).substr(0, title_end);
    if (pos >= title_end || !digest_headline(title)) {
        return {0, ctx.text.size()};
    }
    const auto before = title.rfind(',', pos);
    const auto after = title.find(',', pos);
    return {before == std::string_view::npos ? 0 : before + 1, after == std::string_view::npos ? title_end : after};
}

/// An openness cue or a licence in a sentence of ctx.text.
/// Whether `sentence` holds one of the rules' openness phrases ("open weights", "API only").
bool openness_cue_in(const Context& ctx, Clause sentence) {
    const auto words = tokenize(std::string_view(ctx.text).substr(sentence.begin, sentence.end - sentence.begin));
    return said_within(ctx.rules, "openness_cues", words, 0, words.size());
}

bool openness_said(const Context& ctx, Clause sentence) {
    const auto said = std::string_view(ctx.text).substr(sentence.begin, sentence.end - sentence.begin);
    const auto words = tokenize(said);
    // "licence", "license", "licensed under", not "Licensed users" (customers holding a seat).
    const bool licence = std::any_of(words.begin(), words.end(),
                                     [&](const Token& t) {
                                         return t.norm == "license" || t.norm == "licence" || t.norm == "licenses" ||
                                                t.norm == "licences";
                                     }) ||
                         has_phrase(words, "licensed under") || has_phrase(words, "licenced under");
    return licence || ifind(said, "apache").has_value() || openness_cue_in(ctx, sentence);
}

/// A headline that speaks of the lab's own model without naming it ("Open-sourcing our on-device
/// model"): the lead's first name is the one it means.
bool headline_means_lead_name(const Context& ctx, const SpecificModel& m, std::size_t title_end) {
    const auto title = tokenize(std::string_view(ctx.text).substr(0, title_end));
    const bool our_model = has_phrase(title, "our") && (has_phrase(title, "model") || has_phrase(title, "models"));
    if (!ctx.source.lab || !our_model || !specific_models(ctx, 0, title_end).empty()) {
        return false;
    }
    const auto lead = lead_sentence(ctx.text);
    const auto first = specific_models(ctx, lead.begin, lead.end);
    return !first.empty() && first.front().begin == m.begin;
}

/// A new name in the lead whose maker the headline names: "DeepSeek follows with a closed V5.
/// DeepSeek V5 will only be available through its API" speaks of DeepSeek V5.
bool maker_in_headline(const Context& ctx, const SpecificModel& m, std::size_t title_end) {
    return m.discovered && !m.discovered->lab.empty() &&
           std::any_of(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& e) {
               return e.kind == EntityKind::Lab && e.end <= title_end && e.lab == m.discovered->lab;
           });
}

/// Whether the headline's subject, before the launch verb's slot at byte `slot_begin`, is a tracked
/// lab other than the model's maker ("Microsoft brings Claude ...", "Amazon adds Llama 5 to ...").
bool offered_by_another_lab(const Context& ctx, std::size_t slot_begin, const ModelRef& ref) {
    const ModelInfo* known = ctx.taxonomy.find_model(ref.slug);
    const std::string maker = known != nullptr ? known->lab : (ref.discovered ? ref.discovered->lab : "");
    const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
    if (maker.empty() || slot_begin > title_end) {
        return false;
    }
    for (const auto& m : ctx.entities) {
        if (m.begin >= slot_begin || m.kind == EntityKind::Model) {
            return false;  // the first name of the headline is a model, or none comes before the slot
        }
        if (m.kind == EntityKind::Lab) {
            return m.begin == 0 && m.slug != maker;
        }
    }
    return false;
}

/// A name that is a tracked surface's name followed by a version only ("Claude Code 3.0",
/// "Zed 0.214", "Windsurf Wave 13" is not: "Wave" is more than a version).
bool surface_with_version(const Context& ctx, const Slot& name) {
    for (const auto& m : ctx.entities) {
        if (m.kind != EntityKind::Surface || m.begin != name.begin || m.end >= name.begin + name.text.size()) {
            continue;
        }
        const auto rest = tokenize(std::string_view(name.text).substr(m.end - name.begin));
        return !rest.empty() && std::all_of(rest.begin(), rest.end(), [](const Token& t) {
            return std::isdigit(static_cast<unsigned char>(t.norm.front())) != 0 ||
                   (t.norm.size() > 1 && t.norm.front() == 'v' &&
                    std::isdigit(static_cast<unsigned char>(t.norm[1])) != 0);
        });
    }
    return false;
}

/// The model a new one is said to come from ("Muse Lite 8B is a distilled version of Muse
/// Spark"): a tracked model other than `slug` right after base_model_phrases in the headline or
/// the lead's 300 bytes, as its origin (not a predecessor or a yardstick). The analysis counts the new model
/// as that one's sibling (an open distilled version of a closed flagship).
std::optional<std::string> base_model_named(const Context& ctx, const std::string& slug) {
    const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
    for (const auto& m : ctx.entities) {
        if (m.kind != EntityKind::Model || m.slug == slug || m.begin > title_end + 300) {
            continue;
        }
        const auto sentence = sentence_around(ctx.text, m.begin);
        if (const Cue* role = named_as_base(ctx.rules, ctx.text, sentence.begin, m.begin);
            role != nullptr && role->value.empty()) {
            return m.slug;  // the origin, not a predecessor or a yardstick
        }
    }
    return std::nullopt;
}

/// A model's openness stated without a launch verb, in the sentence of the headline or the lead
/// that names it: "Muse Spark is proprietary, Meta confirms", "Qwen 4 Max goes closed, weights
/// stay private", "We won't share weights for X, but Y is on Hugging Face", "X now available
/// under Apache 2.0". A release carrying that openness (its key merges it with the launch);
/// the words of the openness cue or the licence decide, classify_openness reads them by clause.
/// The weights of `model`, said in words to be out (no repository link): a weights_release with
/// the fields its kind declares (domain/event_schema.h), the repository and gating unknown.
Event stated_weights(const Context& ctx, const ModelInfo& model, double confidence, std::size_t pos, std::string cue,
                     const OpennessGuess& guess) {
    auto ev =
        make_event(ctx, EventKind::WeightsRelease, "weights_release|" + model.slug + "|announced", confidence, pos);
    ev.cue = std::move(cue);
    ev.model = model.slug;
    if (!model.lab.empty()) {
        ev.lab = model.lab;
    }
    put_null(ev.fields, field::repo);
    guess.license ? put(ev.fields, field::license, *guess.license) : put_null(ev.fields, field::license);
    put_null(ev.fields, field::gated);
    put(ev.fields, field::openness, std::string(to_string(guess.openness)));
    return ev;
}

/// Days from `model`'s release to the item: an earlier model's weights, not this launch's.
bool released_before_item(const Context& ctx, const ModelInfo& model) {
    const auto& e = ctx.item.entry;
    const TimePoint at = e.published.value_or(e.updated.value_or(ctx.item.fetched_at));
    return model.released && days_between(*model.released, at) >= kLaterWeightsDays;
}

/// The tier a new model's name does not give, from how the item describes it: "our most capable
/// model" is a flagship, "a compact model for phones" a small one (releases.json tier_phrases).
/// Read in the clause that names the model and, for the one model of an item, the headline and
/// the lead's first sentence.
Tier described_tier(const Context& ctx, const Release& r, Tier by_name, std::size_t releases) {
    if (by_name != Tier::Unknown) {
        return by_name;
    }
    std::vector<Clause> where;
    if (const auto c = clause_at(split_clauses(ctx.text), r.begin)) {
        where.push_back(*c);
    }
    if (releases == 1) {
        where.push_back(Clause{0, std::min(ctx.text.size(), ctx.text.find('\n'))});
        where.push_back(lead_sentence(ctx.text));
    }
    for (const auto& c : where) {
        Context words = ctx;
        words.tokens = tokenize(std::string_view(ctx.text).substr(c.begin, c.end - c.begin));
        std::string value;
        if (strongest_cue(words, "tier_phrases", nullptr, &value) > 0) {
            if (auto t = tier_from_string(value)) {
                return *t;
            }
        }
    }
    return by_name;
}

/// A new name in the lead that is a released model's name and a variant word: "The compact
/// Devstral 3 Small is downloadable" beside the headline's Devstral 3 is a sibling released here.
bool variant_of_found(const Context& ctx, const SpecificModel& m, const std::vector<Release>& found) {
    const auto said = std::string_view(ctx.text).substr(m.begin, m.end - m.begin);
    return std::any_of(found.begin(), found.end(), [&](const Release& r) {
        if (said.size() <= r.name.size() + 1 || !said.starts_with(r.name) || said[r.name.size()] != ' ') {
            return false;
        }
        const auto rest = tokenize(said.substr(r.name.size() + 1));
        return !rest.empty() && ctx.rules.contains("variant_words", rest.front().norm);
    });
}

/// The variants of models released here that the lead names ("Codestral 4 Small" beside the
/// Codestral 4 just found): the taxonomy knows neither yet, so specific_models cannot read them
/// by their family; a released name, a space and a capitalised variant word.
std::vector<SpecificModel> variants_of_found(const Context& ctx, const std::vector<Release>& found,
                                             std::size_t lead_end) {
    std::vector<SpecificModel> out;
    const std::string_view text = std::string_view(ctx.text).substr(0, lead_end);
    for (const auto& r : found) {
        for (auto at = text.find(r.name); at != std::string_view::npos; at = text.find(r.name, at + 1)) {
            const auto word_at = at + r.name.size() + 1;
            if (word_at >= text.size() || text[word_at - 1] != ' ' ||
                std::isupper(static_cast<unsigned char>(text[word_at])) == 0) {
                continue;
            }
            const auto word_end = std::min(text.size(), text.find_first_of(" ,.;:", word_at));
            const auto word = text.substr(word_at, word_end - word_at);
            const auto tokens = tokenize(word);
            if (tokens.size() != 1 || !ctx.rules.contains("variant_words", tokens.front().norm)) {
                continue;
            }
            const auto model = r.known ? *r.known : (r.ref.discovered ? *r.ref.discovered : ModelInfo{});
            Context of_lab = ctx;
            if (!model.lab.empty()) {
                of_lab.lab = model.lab;
            }
            const auto name = text.substr(at, word_end - at);
            if (auto ref = resolve_model_name(name, of_lab, /*coined=*/true); ref && ref->slug != r.ref.slug) {
                out.push_back({ref->slug, at, word_end, ref->discovered});
            }
        }
    }
    return out;
}

/// `lead_models`: specific_models of the headline and the lead (title_end + 300 bytes).
void openness_statements(const Context& ctx, std::size_t title_end, const std::vector<SpecificModel>& lead_models,
                         std::vector<Release>& found, ExtractOutput& out) {
    if (ctx.source_evaluator) {
        return;  // an evaluator writing about open models evaluates them; it does not release them
    }
    // A weak release whose headline states its openness is a release: "<Lab>'s new Foo 2 model
    // is open source" (the statement's confidence, at least).
    const auto title = std::string_view(ctx.text).substr(0, title_end);
    const bool title_says_openness = openness_said(ctx, Clause{0, title_end});
    for (auto& r : found) {
        if (r.confidence < 0.65 && title_says_openness && ifind(title, r.name)) {
            r.confidence = 0.65;
            r.cue += " + openness statement";
        }
    }
    const auto lead_end = std::min(ctx.text.size(), title_end + 300);
    auto named = lead_models;
    const auto siblings = variants_of_found(ctx, found, lead_end);
    named.insert(named.end(), siblings.begin(), siblings.end());
    for (const auto& m : named) {
        const ModelInfo* known = ctx.taxonomy.find_model(m.slug);
        // The most specific name wins: "Voxtral" yields to a "Voxtral TTS" released here, unless
        // the two are coordinated as two models ("Devstral 3 and Devstral 3 Mini").
        const auto coordinated_with = [&](const Release& r) {
            const auto rest = std::string_view(ctx.text).substr(m.end);
            for (std::string_view glue : {" and ", ", ", " & "}) {
                if (rest.starts_with(glue) && rest.substr(glue.size()).starts_with(r.name)) {
                    return true;
                }
            }
            return false;
        };
        // "mistralai/Mistral-Small-4.1-24B-Instruct-2608" under the headline's Mistral Small 4.1:
        // a checkpoint of a model released here (sizes, checkpoint variants, a date stamp).
        const auto checkpoint_of = [&](const Release& r) {
            if (m.slug.rfind(r.ref.slug + "-", 0) != 0) {
                return false;
            }
            const auto rest = tokenize(std::string_view(m.slug).substr(r.ref.slug.size() + 1));
            const auto& variants = ctx.rules.list("variant_words");
            return std::all_of(rest.begin(), rest.end(), [&](const Token& t) {
                return size_token(t.norm) || date_stamp(t.norm) ||
                       std::any_of(variants.begin(), variants.end(),
                                   [&](const Cue& c) { return c.value == "checkpoint" && c.pattern == t.norm; });
            });
        };
        if (std::any_of(found.begin(), found.end(),
                        [&](const Release& r) {
                            return r.ref.slug == m.slug ||
                                   (r.ref.slug.rfind(m.slug + "-", 0) == 0 && !coordinated_with(r)) || checkpoint_of(r);
                        }) ||
            stale(ctx, known) ||
            (known == nullptr && m.begin >= title_end && !maker_in_headline(ctx, m, title_end) &&
             !variant_of_found(ctx, m, found) && !headline_means_lead_name(ctx, m, title_end))) {
            continue;  // old models talked about ("our open source Llama models"); new names only in a headline
        }
        const auto sentence = m.begin < title_end ? Clause{0, title_end} : sentence_around(ctx.text, m.begin);
        if (!openness_said(ctx, sentence) || named_as_base(ctx.rules, ctx.text, sentence.begin, m.begin) != nullptr) {
            continue;
        }
        // A host's or a tool's feed describing what it serves ("Foo 3 (Apache 2.0) is now on our
        // API") releases nothing: only its own words about weights do ("published Foo 3 weights").
        if (ctx.source_surface && !ctx.source.lab && !openness_cue_in(ctx, sentence)) {
            continue;
        }
        if (known == nullptr && !m.discovered) {
            continue;
        }
        const std::string name = ctx.text.substr(m.begin, m.end - m.begin);
        found.push_back(Release{ModelRef{m.slug, known != nullptr, m.discovered, 0.9}, known, name, m.begin,
                                known != nullptr ? 0.65 : 0.6, "openness statement {model}"});
    }
    // classify_openness must find the stated openness; a statement it cannot read is no release.
    std::vector<std::string> dropped;
    for (const auto& r : found) {
        if (r.cue != "openness statement {model}") {
            continue;
        }
        std::vector<std::string> others;
        for (const auto& o : found) {
            if (o.ref.slug != r.ref.slug) {
                others.push_back(o.name);
            }
        }
        const auto guess = classify_openness(ctx, r.known, r.name, others);
        // Open words about a model already out are news of its weights ("Grok 4 weights are now on
        // Hugging Face" in Grok 6's launch post): a weights release of that model, not another
        // launch of it. A repository link is the repo extractor's.
        const bool weights_news = r.known != nullptr && r.known->released && is_open(guess.openness);
        if (weights_news && guess.cue != "taxonomy" && !repo_linked_in_text(ctx) &&
            released_before_item(ctx, *r.known)) {
            out.events.push_back(stated_weights(ctx, *r.known, r.confidence, r.begin,
                                                "openness statement {model} + " + guess.cue, guess));
        }
        if (guess.openness == Openness::Unknown || guess.cue == "taxonomy" || weights_news) {
            dropped.push_back(r.ref.slug);
        }
    }
    std::erase_if(found, [&](const Release& r) {
        return r.cue == "openness statement {model}" &&
               std::find(dropped.begin(), dropped.end(), r.ref.slug) != dropped.end();
    });
}

/// Weights of a model already out, announced in words: "Open Release of Grok-1", "GPT-2: 1.5B
/// release" whose lead says the weights are out. A known model in the headline, a release word
/// and an open-weights cue that no negation turns.
void announced_weights(const Context& ctx, std::size_t title_end, ExtractOutput& out) {
    const EntityMatch* model = nullptr;
    for (const auto& m : ctx.entities) {
        if (m.kind == EntityKind::Model && m.end <= title_end) {
            model = &m;
            break;
        }
    }
    Context title = ctx;
    title.tokens = tokenize(std::string_view(ctx.text).substr(0, title_end));
    const bool release_word = strongest_cue(title, "weights_release_words") > 0;  // "release", "weights", ...
    if (model == nullptr || !release_word) {
        return;
    }
    const auto* info = ctx.taxonomy.find_model(model->slug);
    if (repo_linked_in_text(ctx) || info == nullptr || !released_before_item(ctx, *info)) {
        return;  // a repo link is the repo extractor's; a launch that states weights is a release
    }
    const auto guess = classify_openness(ctx, info, info->name, {});
    if (!is_open(guess.openness) || guess.cue == "taxonomy") {
        return;  // the text itself must say the weights are out
    }
    out.events.push_back(stated_weights(ctx, *info, 0.7, model->begin, "release word + {model} + " + guess.cue, guess));
}

/// The launch itself negated in the clause naming the model at `pos`: a launch verb with a
/// negation word up to four words before it ("will not be released", "won't launch", "no plans
/// to release"), its object not weights or code ("won't release its weights" is openness, read
/// by classify_openness).
bool release_negated(const Context& ctx, std::size_t pos) {
    const auto sentence = sentence_around(ctx.text, pos);
    const auto text = std::string_view(ctx.text).substr(sentence.begin, sentence.end - sentence.begin);
    for (const auto& clause : split_clauses(text)) {
        if (pos < sentence.begin + clause.begin || pos > sentence.begin + clause.end) {
            continue;
        }
        const auto tokens = tokenize(text.substr(clause.begin, clause.end - clause.begin));
        for (const auto& verb : verb_phrases(ctx.rules, "launch_verbs")) {
            const auto phrase = phrase_tokens(verb.pattern);
            for (auto at = find_phrase(tokens, phrase); at; at = find_phrase(tokens, phrase, *at + 1)) {
                const auto after = *at + phrase.size();
                bool of_weights = false;
                for (std::size_t k = after; k < std::min(tokens.size(), after + 4); ++k) {
                    of_weights = of_weights || ctx.rules.contains("weights_cues", tokens[k].norm) ||
                                 tokens[k].norm == "code" || tokens[k].norm == "source";
                }
                if (!of_weights && negated(ctx.rules, tokens, *at > 4 ? *at - 4 : 0, *at)) {
                    return true;
                }
            }
        }
        // A release cue around the name ("has not made X available", "isn't introducing X"):
        // the words before its slot, negated right before them.
        for (const auto& cue : ctx.rules.list("release_cues")) {
            const auto slot = cue.pattern.find("{model}");
            if (cue.remove || slot == std::string::npos || slot == 0) {
                continue;
            }
            const auto phrase = phrase_tokens(cue.pattern.substr(0, slot));
            for (auto at = find_phrase(tokens, phrase); at; at = find_phrase(tokens, phrase, *at + 1)) {
                if (negated(ctx.rules, tokens, *at > 4 ? *at - 4 : 0, *at)) {
                    return true;
                }
            }
        }
    }
    return false;
}

/// "X is now available in <surface>": an arrival on a surface, not a launch, when X is known.
/// A tracked surface named after byte `pos` in its sentence.
bool surface_after(const Context& ctx, std::size_t pos) {
    const auto end = sentence_around(ctx.text, pos).end;
    return std::any_of(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& m) {
        return m.kind == EntityKind::Surface && m.begin > pos && m.end <= end;
    });
}

bool arrival_not_launch(const Context& ctx, const Release& r) {
    const std::string& lab = r.known ? r.known->lab : r.ref.discovered->lab;
    // A model known before this item that "arrives in", "lands on", "comes to" somewhere,
    // tracked or not ("Qwen4-Max arrives in Quark"): an arrival, which the rollout grammar reads
    // (or queues when the place is not tracked), not its launch again.
    if (r.known) {
        const auto after = trim(std::string_view(ctx.text).substr(std::min(ctx.text.size(), r.begin + r.name.size())));
        const auto words = tokenize(after.substr(0, 40));
        for (const auto& verb : verb_phrases(ctx.rules, "arrival_verbs")) {
            const auto phrase = phrase_tokens(verb.pattern);
            if (phrase.size() >= 2 && find_phrase(words, phrase) == std::optional<std::size_t>(0)) {
                return true;
            }
        }
        // "Muse Spark is now available on WhatsApp", "X is now live in Y": a rollout phrase of a
        // place, right after the name or its "is", with a tracked surface in its sentence (a
        // place in the next sentence was tried: it cost a dev launch).
        for (const auto& phrase_cue : ctx.rules.list("rollout_verbs")) {
            const auto phrase = phrase_tokens(phrase_cue.pattern);
            const auto at = find_phrase(words, phrase);
            const bool place = !phrase.empty() && (phrase.back() == "in" || phrase.back() == "on" ||
                                                   phrase.back() == "to" || phrase.back() == "for");
            if (!phrase_cue.remove && place && at && (*at == 0 || (*at == 1 && words[0].norm == "is")) &&
                surface_after(ctx, r.begin)) {
                return true;
            }
        }
    }
    const bool own_new = !r.known && ctx.source.lab && *ctx.source.lab == lab;
    if (own_new) {
        return false;  // a lab's own "X is now available in Y" launches X there
    }
    // A host's feed introducing a tracked lab's model on the host ("Introducing Foo 2 on
    // GroqCloud"): the lab launched it, the host's post is its arrival there.
    const bool hosted = ctx.source_surface && !ctx.own_models && !lab.empty();
    if (!hosted && r.cue.find("available") == std::string::npos) {
        return false;
    }
    return surface_after(ctx, r.begin);
}

}  // namespace

namespace {

/// A feed that speaks for no tracked lab, speaking of a model of its own in the first person
/// ("our first frontier model", "Sonar Pro is our most capable model"): the maker is the
/// publisher, tracked or not (a host, a tool, a lab the taxonomy does not list). A host's "we"
/// counts; elsewhere only "our" does (a newsroom's "we tested the model" is no maker's). An
/// evaluator's "our evaluation of the model" is an evaluation.
bool own_model_said(const Context& ctx) {
    if (ctx.source.lab || ctx.source_evaluator) {
        return false;
    }
    const auto first = ctx.text.find('\n');
    const auto end = first == std::string::npos ? ctx.text.size()
                                                : std::min(ctx.text.size(), ctx.text.find_first_of(".\n", first + 1));
    Context head = ctx;
    head.tokens = tokenize(std::string_view(ctx.text).substr(0, end));
    const bool first_person = has_phrase(head.tokens, "our") || (ctx.source_surface && has_phrase(head.tokens, "we"));
    return first_person && strongest_cue(head, "model_context_words") > 0;
}

}  // namespace

/// A headline whose subject is a maker nobody tracks, then a launch verb: "Perplexity releases
/// Sonar 3", "Acme Labs unveils Foo-2". One to three capitalised words that are no known entity
/// (a host's or tool's name may be: it makes models too) and not a headline's opening word. Its names are remembered with no
/// lab, and need the text to call them models before they are events ("Apple unveils iPhone 17"
/// stays a candidate).
bool untracked_maker_launch(const Context& ctx) {
    if (ctx.source.lab) {
        return false;
    }
    const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
    const auto tokens = tokenize(std::string_view(ctx.text).substr(0, title_end));
    static const std::vector<std::string> openers = {"how", "why", "what", "when", "today", "we",     "our",   "the",
                                                     "a",   "an",  "this", "new",  "meet",  "inside", "report"};
    for (std::size_t v = 1; v <= 3 && v < tokens.size(); ++v) {
        const auto& word = tokens[v - 1];
        if (!std::isupper(static_cast<unsigned char>(ctx.text[word.begin])) ||
            std::find(openers.begin(), openers.end(), word.norm) != openers.end() ||
            std::any_of(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& m) {
                // a host or tool may make models of its own ("Perplexity releases Sonar 3")
                return m.kind != EntityKind::Surface && m.begin < word.end && m.end > word.begin;
            })) {
            return false;
        }
        for (const auto& cue : verb_phrases(ctx.rules, "launch_verbs")) {
            if (cue.confidence >= 0.75 && phrase_at(tokens, v, cue.pattern)) {
                return true;
            }
        }
    }
    return false;
}

/// A bare version as the object of its maker's verb is the maker's model: "DeepSeek rolls out
/// V4", "Qwen open-sources 3.5" name DeepSeek V4 and Qwen 3.5. Only for a maker whose models
/// carry its name (a model of its lab starts with the lab's word), so "Google ships 2.0" names
/// nothing. `name` becomes "<maker> <version>" when that holds.
void maker_before_version(const Context& ctx, Slot& name) {
    if (!version_only(tokenize(name.text))) {
        return;
    }
    const EntityMatch* maker = nullptr;
    for (const auto& m : ctx.entities) {
        if (m.kind == EntityKind::Lab && m.end < name.begin && name.begin - m.end < 40) {
            maker = &m;
        }
    }
    if (maker == nullptr) {
        return;
    }
    const auto word = ctx.text.substr(maker->begin, maker->end - maker->begin);
    const auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
        return s;
    };
    const bool named_after_maker = std::any_of(
        ctx.taxonomy.models.begin(), ctx.taxonomy.models.end(),
        [&](const ModelInfo& m) { return m.lab == maker->lab && lower(m.name).rfind(lower(word), 0) == 0; });
    if (named_after_maker) {
        name.text = word + " " + name.text;
    }
}

/// The lead's first sentence names `name` and calls something a model ("Sonar Pro is our most
/// capable model").
bool lead_calls_model(const Context& ctx, std::string_view name) {
    Context own = ctx;
    own.tokens = tokenize(name);
    if (strongest_cue(own, "model_context_words") > 0) {
        return false;  // "Our Model Strategy": a phrase about models, not a model's name
    }
    // The clause of the lead's first sentence that names it: "Drift is our new way to sync notes;
    // it runs on our own model" calls Drift no model.
    const auto lead = lead_sentence(ctx.text);
    const auto sentence = std::string_view(ctx.text).substr(lead.begin, lead.end - lead.begin);
    for (const auto& clause : split_clauses(sentence)) {
        const auto words = sentence.substr(clause.begin, clause.end - clause.begin);
        if (ifind(words, name)) {
            Context said = ctx;
            said.tokens = tokenize(words);
            return strongest_cue(said, "model_context_words") > 0;
        }
    }
    // "A faster, lighter sibling to Muse Spark 1.1": the lead's first sentence makes the headline's
    // name a relative of a tracked model (its origin or predecessor, not a yardstick).
    return relative_of_tracked_model(ctx, lead);
}

/// Words of the headline (or, with `with_lead`, of the lead's first sentence) calling something a model.
bool model_said(const Context& ctx, bool with_lead) {
    const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
    Context said = ctx;
    said.tokens = tokenize(std::string_view(ctx.text).substr(0, title_end));
    if (strongest_cue(said, "model_context_words") > 0) {
        return true;
    }
    if (!with_lead) {
        return false;
    }
    const auto lead = lead_sentence(ctx.text);
    said.tokens = tokenize(std::string_view(ctx.text).substr(lead.begin, lead.end - lead.begin));
    return strongest_cue(said, "model_context_words") > 0;
}

namespace {

/// Whether a tracked surface is named inside the slot ("Muse Spark and WhatsApp Business").
bool surface_within(const Context& ctx, const Slot& slot) {
    return std::any_of(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& m) {
        return m.kind == EntityKind::Surface && m.begin >= slot.begin && m.end <= slot.begin + slot.text.size();
    });
}

/// Whether the item is dated within a week of `released`: a headline naming a known model then
/// still speaks of its launch.
bool launch_week(const Context& ctx, TimePoint released) {
    const auto at = item_time(ctx);
    return at - released < std::chrono::days(7) && released - at < std::chrono::days(7);
}

/// The headline names the model, the lead its checkpoint ("Qwen4-Coder-Flash: Small, Fast, Open |
/// Today we open-source Qwen4-Coder-Flash-30B-A3B"): the release is the headline's model. Only a
/// new name that adds nothing but sizes to the headline's ("gpt-oss-120b" alone stays itself).
void headline_names_over_checkpoints(const Context& ctx, std::size_t title_end, std::vector<Release>& found) {
    const auto headline = specific_models(ctx, 0, title_end);
    const auto checkpoint_of = [](const Release& r, const SpecificModel& h) {
        if (r.known || h.slug == r.ref.slug || r.ref.slug.rfind(h.slug + "-", 0) != 0) {
            return false;
        }
        const auto rest = tokenize(std::string_view(r.ref.slug).substr(h.slug.size() + 1));
        return !rest.empty() &&
               std::all_of(rest.begin(), rest.end(), [](const Token& t) { return size_token(t.norm); });
    };
    for (auto& r : found) {
        if (r.begin < title_end) {
            continue;
        }
        for (const auto& h : headline) {
            // Two sizes released are two models ("gpt-oss-2-120b and gpt-oss-2-20b").
            const auto sizes =
                std::count_if(found.begin(), found.end(), [&](const Release& o) { return checkpoint_of(o, h); });
            if (sizes == 1 && checkpoint_of(r, h)) {
                const auto* known = ctx.taxonomy.find_model(h.slug);
                r.ref = ModelRef{h.slug, known != nullptr, h.discovered, r.ref.confidence};
                r.known = known;
                r.name = std::string(std::string_view(ctx.text).substr(h.begin, h.end - h.begin));
                break;
            }
        }
    }
}

}  // namespace

void launches_of_new_arrivals(const Context& ctx, ExtractOutput& out) {
    if (!ctx.source.lab || ctx.source_evaluator || out.discovered_models.empty()) {
        return;
    }
    // "Since we launched Claude Opus 8, it has been in the Claude app": the launch was earlier.
    const auto told_as_past_in_lead = [&] {
        const auto lead = std::string_view(ctx.text).substr(0, end_of_lead(ctx.text));
        const auto words = tokenize(lead);
        return said_within(ctx.rules, "past_time_words", words, 0, words.size());
    };
    std::optional<bool> past;  // read once, and only when a launch would be made
    std::vector<Event> launches;
    for (const auto& arrival : out.events) {
        if (arrival.kind != EventKind::SurfaceRollout || !arrival.model || arrival.confidence < kConfidentEvent) {
            continue;
        }
        const auto& slug = *arrival.model;
        const auto discovered = std::find_if(out.discovered_models.begin(), out.discovered_models.end(),
                                             [&](const ModelInfo& m) { return m.slug == slug; });
        const auto released = [&](const Event& e) { return e.kind == EventKind::ModelRelease && e.model == slug; };
        const auto words = discovered == out.discovered_models.end() ? std::vector<Token>{} : tokenize(slug);
        if (discovered == out.discovered_models.end() || discovered->lab != *ctx.source.lab ||
            (!words.empty() && date_stamp(words.back().norm)) ||  // "magistral-medium-2608": an API id
            std::any_of(out.events.begin(), out.events.end(), released) ||
            std::any_of(launches.begin(), launches.end(), released)) {
            continue;
        }
        if (!past) {
            past = told_as_past_in_lead();
        }
        if (*past) {
            return;
        }
        const auto guess = classify_openness(ctx, nullptr, discovered->name, {});
        auto ev = make_event(ctx, EventKind::ModelRelease, "model_release|" + slug, arrival.confidence * 0.9);
        ev.cue = "a new name arriving on its lab's own feed (" + arrival.cue + ")";
        if (!guess.cue.empty()) {
            ev.cue += "; openness: " + guess.cue;
        }
        ev.model = slug;
        ev.lab = discovered->lab;
        put(ev.fields, field::openness, std::string(to_string(guess.openness)));
        guess.license ? put(ev.fields, field::license, *guess.license) : put_null(ev.fields, field::license);
        if (guess.stage) {
            put(ev.fields, field::stage, *guess.stage);
        }
        put(ev.fields, field::tier, std::string(to_string(discovered->tier)));
        put(ev.fields, field::family, discovered->family.empty() ? slug : discovered->family);
        launches.push_back(std::move(ev));
    }
    for (auto& ev : launches) {
        out.events.push_back(std::move(ev));
    }
}

void extract_releases(const Context& source_ctx, ExtractOutput& out, std::vector<std::string>& item_models) {
    Context ctx = source_ctx;
    ctx.own_models = own_model_said(source_ctx);
    ctx.unowned_models = ctx.unowned_models || ctx.own_models;
    // "Perplexity releases Sonar 3": the subject is the maker, whatever lab the text names later.
    const bool untracked_maker = untracked_maker_launch(source_ctx);
    if (untracked_maker) {
        ctx.lab.reset();
    }
    // A text naming no lab at all still speaks of models its words call models ("Kimi K3 weights
    // released"): versioned names are remembered with no lab, and need that model word.
    const bool no_lab = !ctx.lab;
    ctx.unowned_models = ctx.unowned_models || no_lab;
    Context title_ctx = ctx;
    title_ctx.tokens = tokenize(std::string_view(ctx.text).substr(0, ctx.text.find('\n')));
    if (std::string doc; strongest_cue(title_ctx, "eval_doc_types", nullptr, &doc) > 0 &&
                         (doc.find("+own") == std::string::npos || ctx.source.lab)) {
        return;  // "OpenAI o1 System Card" documents a release; the eval extractor takes it
    }
    if (license_change_headline(ctx)) {
        return;  // "Mistral changes Codestral 2's licence": extract_license_statements takes it
    }
    if (strongest_cue(title_ctx, "evaluators") > 0 || strongest_cue(title_ctx, "evaluator_heads") > 0) {
        return;  // "X debuts at #2 on the Arena leaderboard": a ranking, the eval extractor's
    }
    std::vector<Release> found;
    auto seen = [&](const std::string& slug) {
        return std::find(item_models.begin(), item_models.end(), slug) != item_models.end();
    };
    for (const auto& slot : release_slots(ctx)) {
        const bool coined = slot.whole && (ctx.source.lab.has_value() || ctx.own_models);
        for (auto name : split_names(slot, ctx)) {
            maker_before_version(ctx, name);
            auto ref = resolve_model_name(name.text, ctx, coined);
            if (!ref || (name.strict && !strict_name_ok(name, *ref, coined)) || seen(ref->slug)) {
                continue;
            }
            if (ref->discovered && ref->discovered->lab.empty() &&
                std::any_of(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& m) {
                    return m.kind == EntityKind::Surface && m.begin >= name.begin &&
                           m.end <= name.begin + name.text.size();
                })) {
                continue;  // "<Tool> Wave 3" on the tool's own feed: a release of the tool, not a model
            }
            if (!ref->known && surface_with_version(ctx, name)) {
                continue;  // "Claude Code 3.0", "Windsurf 2.4": a tracked product's version, not a model
            }
            std::string cue = slot.cue;
            double confidence = name.confidence * ref->confidence;
            // A model known only from other reports (discovered, no release date): its lab's bare
            // headline is read as a new name's is ("Grok 5" after an evaluator named it first).
            const auto* dated = ctx.taxonomy.find_model(ref->slug);
            const bool undated = ref->known && dated != nullptr && !dated->released;
            if ((!ref->known || undated) && slot.whole && slot.cue == "{model}") {
                cue = "bare-title {model}";
                confidence = bare_name_confidence(ctx, *ref, coined, cue);
            } else if (!ref->known && appositive_head(ctx, name.begin + name.text.size()) == Appositive::Model) {
                cue += ", a ... model";  // "Say hello to Foo, our new voice model"
                confidence = std::max(confidence, 0.75 * name.confidence);
            } else if (!ref->known && !slot.whole && ctx.source.lab && slot.begin < ctx.text.find('\n') &&
                       lead_calls_model(ctx, name.text)) {
                // "Say hello to Muse Flare | Muse Flare is our fastest model so far": a lab's launch
                // headline whose lead calls the name a model.
                cue += ", called a model in the lead";
                confidence = std::max(confidence, 0.85 * name.confidence);
            } else if (const auto* info = ctx.taxonomy.find_model(ref->slug);
                       ref->known && slot.whole && coined && info != nullptr && info->released &&
                       (!surface_within(ctx, slot) || launch_week(ctx, *info->released))) {
                // A known model paired with a surface is its launch only in its launch week
                // ("Claude 3.7 Sonnet and Claude Code"); months later ("Muse Spark and Instagram
                // creator tools") the pairing is a candidate to review, no relaunch.
                cue = "bare-title {model} (known)";
                confidence = std::max(confidence, 0.7);  // a lab's headline that is its model's name
            }
            if (!ref->known &&
                (described_as_non_model(ctx, slot, name) || !name_shaped(ctx, name.text) ||
                 (slot.whole && !name_shaped(ctx, slot.text)) ||
                 (slot.whole &&
                  !std::any_of(ref->slug.begin(), ref->slug.end(),
                               [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }) &&
                  !coined_shape(ctx, name.text)))) {
                continue;
            }
            // A publisher's own coined name with no version ("Sonar Reasoning Pro") only when its
            // lead sentence names it and calls it a model: a host's blog speaks of models often
            // ("Our Model Strategy", "Introducing Adaptive: a smarter way to use ...").
            if (ctx.own_models && !ref->known && !ctx.source.lab &&
                std::none_of(ref->slug.begin(), ref->slug.end(),
                             [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }) &&
                !lead_calls_model(ctx, name.text)) {
                continue;
            }
            // A name whose family gives its lab ("Gemini 3 Flash") needs no model word.
            const bool lab_unknown = !ref->discovered || ref->discovered->lab.empty();
            const bool needs_model_word =
                !ctx.own_models && (untracked_maker || (no_lab && !source_ctx.unowned_models && lab_unknown));
            if (needs_model_word && !ref->known && !model_said(ctx, /*lead=*/untracked_maker) &&
                cue.find("a ... model") == std::string::npos) {
                cue += " (maker not tracked, no model word)";
                confidence = std::min(confidence, 0.5);  // a product of a maker nobody tracks: review it
            }
            const ModelInfo* known = ctx.taxonomy.find_model(ref->slug);
            const auto before_name =
                std::string_view(ctx.text).substr(slot.begin, name.begin > slot.begin ? name.begin - slot.begin : 0);
            // "a new X", "a new enterprise-grade X": "new" in the words just before the name, in its
            // own list item.
            auto near_name = before_name.substr(before_name.size() > 32 ? before_name.size() - 32 : 0);
            if (const auto comma = near_name.rfind(','); comma != std::string_view::npos) {
                near_name = near_name.substr(comma + 1);
            }
            const bool said_new = has_phrase(tokenize(near_name), "new");
            if (stale(ctx, known) && !said_new) {
                continue;  // an old model mentioned again ("Introducing Claude for Education"), not "a new X"
            }
            const std::string maker =
                known != nullptr ? known->lab : (ref->discovered ? ref->discovered->lab : std::string());
            if (ctx.source.lab && !maker.empty() && maker != *ctx.source.lab) {
                // "DeepSeek-V4 available in Vertex AI Model Garden" on Google's feed: another
                // tracked lab's model offered on this lab's platform, a rollout, not its launch.
                cue += " (another lab's model)";
                confidence = std::min(confidence, 0.5);
            }
            if (cue.rfind("launch-verb", 0) == 0 && offered_by_another_lab(ctx, slot.begin, *ref)) {
                // "Microsoft brings Claude Opus 5 to Microsoft 365 Copilot": a host's offering (a
                // rollout, read by the rollout grammar), not the model's launch; kept for review.
                cue += " (another lab's offering)";
                confidence = std::min(confidence, 0.5);
            }
            auto same =
                std::find_if(found.begin(), found.end(), [&](const Release& r) { return r.ref.slug == ref->slug; });
            // A bare-headline reading never replaces a cue's: bare readings yield to cues below, so
            // "Introducing A 2 Large and A 2 Small" would lose A 2 Small.
            const bool bare = cue.rfind("bare-title", 0) == 0;
            if (same == found.end()) {
                found.push_back(Release{*ref, known, name.text, name.begin, confidence, cue});
            } else if (confidence > same->confidence && (!bare || same->cue.rfind("bare-title", 0) == 0)) {
                *same = Release{*ref, known, name.text, name.begin, confidence, cue};
            }
        }
    }
    // A headline that is only a name yields to a model another cue names ("Large Enough" over
    // "we are announcing Mistral Large 2" in its lead).
    if (std::any_of(found.begin(), found.end(), [](const Release& r) { return r.cue.rfind("bare-title", 0) != 0; })) {
        std::erase_if(found, [](const Release& r) { return r.cue.rfind("bare-title", 0) == 0 && !r.ref.known; });
    }
    const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
    if (std::none_of(found.begin(), found.end(), [](const Release& r) { return r.confidence >= kConfidentEvent; })) {
        headline_subjects(ctx, title_end, found);  // a weak guess does not hide a digest's subjects
    }
    const bool title_names_model = std::any_of(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& m) {
        return m.kind == EntityKind::Model && m.end <= title_end;
    });
    if (found.empty() && !title_names_model) {
        dated_releases(ctx, found);  // "Medium is the new large." whose lead names Mistral Medium 3
    }
    std::erase_if(found, [&](const Release& r) { return arrival_not_launch(ctx, r); });
    headline_names_over_checkpoints(ctx, title_end, found);
    std::vector<std::string> not_launched;
    for (const auto& r : found) {
        if (release_negated(ctx, r.begin)) {
            not_launched.push_back(r.ref.slug);
        }
    }
    const auto before = out.events.size();
    if (found.empty()) {
        announced_weights(ctx, title_end, out);
    }
    // The headline's and the lead's models, read once for the openness statements and the
    // clauses of other models below.
    const auto lead_models = specific_models(ctx, 0, std::min(ctx.text.size(), title_end + 300));
    if (out.events.size() == before) {
        openness_statements(ctx, title_end, lead_models, found, out);  // also beside a launch: "not X, but Y is open"
    }
    for (auto& r : found) {
        if (std::find(not_launched.begin(), not_launched.end(), r.ref.slug) != not_launched.end()) {
            // "Llama 5 will not be released", "no plans to launch X": no launch happened, whatever
            // the text says of its weights. Kept for review, never an event.
            r.confidence = std::min(r.confidence, 0.45);
            r.cue += " (negated launch)";
        }
    }
    for (const auto& r : found) {
        std::vector<std::string> others;
        for (const auto& o : found) {
            if (o.ref.slug != r.ref.slug) {
                others.push_back(o.name);
            }
        }
        // Other models the headline or the lead names take their own clauses' openness: "We
        // won't share weights for X, but Y is on Hugging Face" when only Y is released here.
        for (const auto& m : ctx.entities) {
            const auto span = std::string_view(ctx.text).substr(m.begin, m.end - m.begin);
            if (m.kind == EntityKind::Model && m.slug != r.ref.slug && m.begin < title_end + 300 &&
                !ifind(r.name, span) && std::find(others.begin(), others.end(), span) == others.end()) {
                others.emplace_back(span);
            }
        }
        // ... and names the taxonomy does not know yet: "GLM-5V-Air weights are released under
        // MIT, whereas the larger GLM-5V is offered via the API only" speaks of two models.
        for (const auto& m : lead_models) {
            const auto span = std::string_view(ctx.text).substr(m.begin, m.end - m.begin);
            if (m.discovered && m.slug != r.ref.slug && std::find(others.begin(), others.end(), span) == others.end()) {
                others.emplace_back(span);
            }
        }
        const ModelInfo& model = r.known ? *r.known : *r.ref.discovered;
        const bool confident = r.confidence >= kConfidentEvent;
        if (confident) {
            item_models.push_back(r.ref.slug);
            if (r.ref.discovered) {
                out.discovered_models.push_back(*r.ref.discovered);
                if (!out.discovered_models.back().derived_from) {
                    out.discovered_models.back().derived_from = base_model_named(ctx, r.ref.slug);
                }
            }
        }
        const auto segment = digest_segment(ctx, r.begin);
        Context own = ctx;
        if (segment.end - segment.begin < ctx.text.size()) {
            own.text = ctx.text.substr(segment.begin, segment.end - segment.begin);
            own.tokens = tokenize(own.text);
        }
        auto openness = classify_openness(own, r.known, r.name, others);
        auto ev = make_event(ctx, EventKind::ModelRelease, "model_release|" + r.ref.slug, r.confidence, r.begin);
        ev.cue = r.cue;
        if (!openness.cue.empty()) {
            ev.cue += "; openness: " + openness.cue;
        }
        ev.model = r.ref.slug;
        // A name resolved with no lab has none: the first lab the text names is another's (a
        // digest's other story, the model an untracked maker built on).
        ev.lab = model.lab.empty() ? std::nullopt : std::optional(model.lab);
        put(ev.fields, field::openness, std::string(to_string(openness.openness)));
        if (openness.license) {
            put(ev.fields, field::license, *openness.license);
        } else {
            put_null(ev.fields, field::license);
        }
        if (openness.stage) {
            put(ev.fields, field::stage, *openness.stage);
        }
        put(ev.fields, field::tier,
            std::string(to_string(r.known ? r.known->tier : described_tier(ctx, r, model.tier, found.size()))));
        put(ev.fields, field::family, model.family.empty() ? r.ref.slug : model.family);
        out.events.push_back(std::move(ev));
        // A launch whose own words say its weights are out ("Apache 2.0, download it from Hugging
        // Face") also answers "which weights are out, under which licence, when": a weights
        // release of the model, its repository unknown (a Hub link is the repo extractor's), with
        // the same key a later "weights are now on Hugging Face" post gives, so the two merge.
        if (is_open(openness.openness) && !openness.cue.empty() && openness.cue != "taxonomy" &&
            openness.stage.value_or("") != "announced" && !repo_linked_in_text(ctx)) {
            out.events.push_back(stated_weights(ctx, model, r.confidence, r.begin,
                                                r.cue + "; weights stated: " + openness.cue, openness));
        }
    }
}

}  // namespace fw::extract

#include "extract/model_names.h"

#include "extract/grammar.h"

#include <algorithm>
#include <cctype>

#include "domain/slug.h"

namespace fw::extract {

bool version_only(const std::vector<Token>& tokens) {
    return std::all_of(tokens.begin(), tokens.end(), [](const Token& t) {
        const std::string_view n = std::string_view(t.norm).substr(t.norm.front() == 'v' ? 1 : 0);
        return !n.empty() && std::isdigit(static_cast<unsigned char>(n.front())) != 0 &&
               std::all_of(n.begin(), n.end(),
                           [](char c) { return c == '.' || std::isdigit(static_cast<unsigned char>(c)) != 0; });
    });
}

namespace {

bool starts_with_at(std::string_view text, std::size_t i, std::string_view s) {
    return text.substr(i, s.size()) == s;
}

/// End of the clause that starts at `from`: punctuation, a dash between words, or a line end.
std::size_t clause_end(std::string_view text, std::size_t from) {
    for (std::size_t i = from; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ':' || c == ';' || c == '|' || c == '!' || c == '?' || c == '(' || c == '\n' || c == ',') {
            return i;
        }
        if ((c == '.' && (i + 1 == text.size() || text[i + 1] == ' ')) || starts_with_at(text, i, " - ") ||
            starts_with_at(text, i, "\xE2\x80\x93") || starts_with_at(text, i, "\xE2\x80\x94")) {
            return i;
        }
    }
    return text.size();
}

/// The next sentence end after `from` (". " or the text's end).
std::size_t clause_end_hard(std::string_view text, std::size_t from) {
    for (std::size_t i = from; i < text.size(); ++i) {
        if (text[i] == '.' && (i + 1 == text.size() || text[i + 1] == ' ')) {
            return i;
        }
    }
    return text.size();
}

std::size_t clause_start(std::string_view text, std::size_t before) {
    std::size_t i = before;
    while (i > 0) {
        const char c = text[i - 1];
        if (c == ':' || c == ';' || c == '|' || c == '!' || c == '?' || c == '\n' ||
            (c == ' ' && i >= 2 && text[i - 2] == '.')) {
            break;
        }
        --i;
    }
    return i;
}

bool has_digit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

bool is_year(std::string_view t) {
    return t.size() == 4 && (t.rfind("19", 0) == 0 || t.rfind("20", 0) == 0) &&
           std::all_of(t.begin(), t.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

struct Word {
    std::string text;
    std::size_t begin;
};

std::vector<Word> split_words(std::string_view s, std::size_t offset) {
    std::vector<Word> words;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') {
            ++i;
        }
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ') {
            ++j;
        }
        if (j > i) {
            words.push_back({std::string(s.substr(i, j - i)), offset + i});
        }
        i = j;
    }
    return words;
}

std::string lower_bare(std::string_view w) {
    std::string out;
    for (char c : w) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
            out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        }
    }
    return out;
}

bool is_descriptor(std::string_view word, const Context& ctx) {
    const auto bare = lower_bare(word);
    return !word.empty() && std::islower(static_cast<unsigned char>(word.front())) != 0 && !has_digit(word) &&
           !ctx.rules.contains("variant_words", bare) && !ctx.rules.contains("tier_words", bare);
}

/// A known model that `tokens` spell out in full: "GPT-4 Omni" is GPT-4o when its last words,
/// cut to their initials, complete the known model's compact slug ("gpt4o").
const ModelInfo* expanded_alias(const std::vector<Token>& tokens, const Context& ctx) {
    std::string head;
    for (std::size_t k = 1; k < tokens.size(); ++k) {
        head += tokens[k - 1].norm;
        std::string compact = head;
        bool words = true;  // only words shorten to an initial: "Claude 2.1" is not "Claude 2"
        for (std::size_t i = k; i < tokens.size(); ++i) {
            words = words && tokens[i].norm.size() >= 3 &&
                    std::all_of(tokens[i].norm.begin(), tokens[i].norm.end(),
                                [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
            compact += tokens[i].norm.front();
        }
        if (!words) {
            continue;
        }
        for (const auto& m : ctx.taxonomy.models) {
            std::string slug = m.slug;
            std::erase(slug, '-');
            if (slug == compact && (!ctx.lab || m.lab.empty() || m.lab == *ctx.lab)) {
                return &m;
            }
        }
    }
    return nullptr;
}

Slot finish_name(std::vector<Word> words, const Context& ctx) {
    static const std::vector<std::string> lead = {"the", "a", "an", "our", "new", "its", "their", "latest", "all",
                                                  "meet", "today", "we", "how", "why", "what", "inside", "hello", "run",
                                                  "using", "welcome",
                                                  // a sentence's opening preposition or conjunction:
                                                  // "Unlike Llama 4, ...", "After GPT-5, ..."
                                                  "unlike", "like", "after", "before", "following", "since", "while",
                                                  "with", "without", "besides", "and", "but", "also"};
    static const std::vector<std::string> tail = {"model",  "models", "family",  "series",      "release", "beta",
                                                  "launch", "update", "weights", "checkpoints", "preview", "ga"};
    auto is_in = [](const std::vector<std::string>& v, const std::string& w) {
        return std::find(v.begin(), v.end(), w) != v.end();
    };
    // "Nvidia's Nemotron Nano 2", "Canopy Labs' Orpheus 2": the words up to a possessive followed
    // by a capitalised word or a version are the maker's, never the model's name.
    for (std::size_t i = words.size(); i-- > 1;) {
        const auto& owner = words[i - 1].text;
        const auto& next = words[i].text;
        const bool owned = owner.ends_with("'s") || owner.ends_with("\xE2\x80\x99s") ||
                           (owner.size() > 2 && (owner.ends_with("s'") || owner.ends_with("s\xE2\x80\x99")));
        if (owned && !next.empty() &&
            (std::isupper(static_cast<unsigned char>(next.front())) != 0 || has_digit(next))) {
            words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(i));
            break;
        }
    }
    while (!words.empty() && is_in(lead, lower_bare(words.front().text))) {
        words.erase(words.begin());
    }
    // "a new enterprise-grade Mistral Small", "the upgraded Claude 3.5 Sonnet": lower-case
    // descriptors before a capitalised name are not part of it.
    while (words.size() > 1 && is_descriptor(words.front().text, ctx) &&
           std::isupper(static_cast<unsigned char>(words[1].text.front())) != 0) {
        words.erase(words.begin());
    }
    // The name ends where prose starts after a version: "Devstral 3 weights today", "Foo 2 model
    // for coding" are Devstral 3 and Foo 2 (the first lower-case word after a versioned word that
    // is no variant word: "GPT-4o mini" keeps "mini"). A model noun cut off still calls it a model.
    for (std::size_t i = 1; i < words.size(); ++i) {
        const auto& w = words[i].text;
        const auto bare = lower_bare(w);
        const bool after_version = std::any_of(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(i),
                                               [](const Word& v) { return has_digit(v.text); });
        if (after_version && !w.empty() && std::islower(static_cast<unsigned char>(w.front())) != 0 && !has_digit(w) &&
            !ctx.rules.contains("variant_words", bare) && !ctx.rules.contains("tier_words", bare)) {
            if (!is_in(tail, bare) && !ctx.rules.contains("group_words", bare)) {
                words.resize(i);
            } else {
                words.resize(i + 1);  // the tail and group words below read it
            }
            break;
        }
    }
    if (!words.empty() && ctx.rules.contains("group_words", lower_bare(words.back().text))) {
        return {};  // "The Llama 4 herd" names a set of models; the text names its members
    }
    // "Qwen3 Takes on ...", "Claude Opus 4.5 Saves Tokens": a capitalised word after the last
    // version that reads as a verb (third person, no variant or tier word) is the headline's.
    if (words.size() > 1 && has_digit(words[words.size() - 2].text)) {
        const auto last = lower_bare(words.back().text);
        if (last.size() > 3 && last.back() == 's' && !last.ends_with("ss") &&
            !ctx.rules.contains("variant_words", last) && !ctx.rules.contains("tier_words", last)) {
            words.pop_back();
        }
    }
    bool model_tail = false;
    while (!words.empty() && is_in(tail, lower_bare(words.back().text))) {
        // "Foo 3 weights" calls Foo 3 a model as "Foo 3 model" does
        model_tail = model_tail || lower_bare(words.back().text).starts_with("model") ||
                     lower_bare(words.back().text) == "weights" || lower_bare(words.back().text) == "checkpoints";
        words.pop_back();
    }
    // "V-JEPA 2 world model": lower-case words before "model" describe it ("world", "reasoning"),
    // they are not part of its name; variant words ("GPT-4o mini") are.
    while (model_tail && words.size() > 1 && is_descriptor(words.back().text, ctx)) {
        words.pop_back();
    }
    // A leading lab name is dropped when the rest is a known model ("Meta's Muse Spark") or starts
    // like a model id ("OpenAI o3-mini"); "Mistral Small 3" and "Mistral 3" keep it.
    if (words.size() > 1) {
        auto labs = ctx.matcher.find(words.front().text, EntityKind::Lab);
        std::string rest;
        for (std::size_t i = 1; i < words.size(); ++i) {
            rest += (rest.empty() ? "" : " ") + words[i].text;
        }
        const auto whole = ctx.matcher.find(rest, EntityKind::Model);
        const auto first = lower_bare(words[1].text);
        const bool id_like = has_digit(first) && std::any_of(first.begin(), first.end(), [](char c) {
                                 return std::isalpha(static_cast<unsigned char>(c)) != 0;
                             });
        const bool rest_known = whole.size() == 1 && whole[0].begin == 0 && whole[0].end == rest.size();
        // "DeepSeek V5" and "Grok 5" keep the maker: a bare version is no name of its own.
        const bool bare_version = version_only(tokenize(rest));
        if (!labs.empty() && labs.front().begin == 0 && (rest_known || (id_like && !bare_version))) {
            words.erase(words.begin());
        }
    }
    Slot slot;
    for (const auto& w : words) {
        slot.text += (slot.text.empty() ? "" : " ") + w.text;
    }
    slot.begin = words.empty() ? 0 : words.front().begin;
    return slot;
}

/// A lab some of whose models' slugs start with `maker_word` ("mistral-large", "minimax-m1";
/// not "o1", named "OpenAI o1").
bool names_models_after_itself(const Context& ctx, const std::string& lab, const std::string& maker_word) {
    return std::any_of(ctx.taxonomy.models.begin(), ctx.taxonomy.models.end(),
                       [&](const ModelInfo& m) { return m.lab == lab && lower_bare(m.slug).starts_with(maker_word); });
}

/// A new name that starts with its maker's name is the rest of it when the maker does not name
/// its models after itself: "Google Imagen 3" is Imagen 3 and "OpenAI o1 Pro" o1 Pro, but
/// "Mistral Small 4" and "DeepSeek V5" keep the maker ("Mistral Small 3", "DeepSeek-V3" are
/// models of theirs). A rest that starts like a model id ("o1", "o3-mini") never needs the
/// maker. The rest resolves with the maker as its lab.
std::optional<ModelRef> without_maker(std::string_view name, const std::vector<Token>& tokens, const Context& ctx) {
    if (tokens.size() < 2) {
        return std::nullopt;
    }
    // The longest run of leading words that is a lab's name on its own ("Google DeepMind Veo 4");
    // the whole name may match a model that spells its maker ("OpenAI o1" in "OpenAI o1 Pro").
    std::string lab;
    std::size_t maker_end = 0;
    for (std::size_t k = std::min<std::size_t>(3, tokens.size() - 1); k >= 1 && lab.empty(); --k) {
        const auto prefix = name.substr(0, tokens[k - 1].end);
        const auto labs = ctx.matcher.find(prefix, EntityKind::Lab);
        const auto sep = name[tokens[k - 1].end];
        if (labs.size() == 1 && labs[0].begin == 0 && labs[0].end == prefix.size() && (sep == ' ' || sep == '-')) {
            lab = labs[0].lab;
            maker_end = prefix.size();
        }
    }
    if (lab.empty() || name[maker_end] == '-') {
        return std::nullopt;  // "MiniMax-M2", "DeepSeek-R2": a maker joined by a hyphen is the name's
    }
    const auto rest = trim(name.substr(maker_end + 1));
    const auto rest_tokens = tokenize(rest);
    if (rest_tokens.empty() || version_only(rest_tokens) ||
        !std::any_of(rest_tokens.begin(), rest_tokens.end(), [](const Token& t) { return has_digit(t.norm); })) {
        return std::nullopt;  // "DeepSeek V5", "Amazon Nova": the maker's word is the name's
    }
    const auto& first = rest_tokens.front().norm;
    // "o1", "o3-mini" are ids; "V4" in "DeepSeek V4-Pro" is a version of the maker's name.
    const bool id_like = has_digit(first) && !version_only({rest_tokens.front()}) &&
                         std::any_of(first.begin(), first.end(),
                                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
    const auto maker_word = lower_bare(name.substr(0, name.find_first_of(" -")));
    // By the slugs the taxonomy gives them: "mistral-large", "deepseek-v3", "minimax-m1" carry
    // the maker's word; "o1" (named "OpenAI o1") does not, so "OpenAI o1 Pro" is o1 Pro while
    // "Minimax M2.5" stays MiniMax's M2.5.
    if (names_models_after_itself(ctx, lab, maker_word) ||
        (!id_like && std::islower(static_cast<unsigned char>(rest.front())) != 0)) {
        return std::nullopt;
    }
    Context maker = ctx;
    maker.lab = lab;
    return resolve_model_name(rest, maker, false);
}

}  // namespace

std::vector<Slot> template_slots(std::string_view text, const Cue& cue) {
    return template_slots(text, tokenize(text), cue);
}

std::vector<Slot> template_slots(std::string_view text, const std::vector<Token>& tokens, const Cue& cue) {
    std::vector<Slot> out;
    const auto hole = cue.pattern.find('{');
    const auto close = cue.pattern.find('}');
    if (hole == std::string::npos || close == std::string::npos) {
        return out;
    }
    // The words around the hole, compared as written: this runs for every cue of a list on
    // every item, and tokenising them into strings each time was a large part of extraction.
    const std::string_view pattern(cue.pattern);
    const auto before = view_phrase(pattern.substr(0, hole));
    const auto after = view_phrase(pattern.substr(close + 1));
    const auto before_size = before.size;
    const auto after_size = after.size;
    if (before_size == 0 && after_size == 0) {
        const auto end = clause_end(text, 0);
        out.push_back({std::string(trim(text.substr(0, end))), 0, cue.confidence, true, true, cue.pattern});
        return out;
    }
    const auto& anchor = before_size == 0 ? after : before;
    std::size_t from = 0;
    while (auto at = find_phrase_view(tokens, anchor, from)) {
        from = *at + 1;
        // "today's launch", "the release": a determiner or a possessive makes a verb template's
        // verb a noun (not a noun template's: "our evaluation of {model}", "our tests found").
        if (before_size != 0 && *at > 0 && cue.value.rfind("verb:", 0) == 0) {
            static const std::vector<std::string_view> determiners = {"the",   "a",    "an",   "our", "its",
                                                                      "their", "this", "that", "his", "her"};
            // "today's" is "today", "s": the "s" after an apostrophe.
            const auto apostrophe =
                *at >= 2 ? text.substr(tokens[*at - 2].end, tokens[*at - 1].begin - tokens[*at - 2].end) : "";
            const bool possessive = tokens[*at - 1].norm == "s" && (apostrophe == "'" || apostrophe == "\xE2\x80\x99");
            if (possessive ||
                std::find(determiners.begin(), determiners.end(), tokens[*at - 1].norm) != determiners.end()) {
                continue;
            }
        }
        if (before_size != 0) {
            auto start = tokens[*at + before_size - 1].end;
            const auto list_end = [&](std::size_t end) {
                // "Introducing computer use, a new X, and Y": a comma list that ends in "and" runs on.
                if (end < text.size() && text[end] == ',') {
                    const auto hard = text.find_first_of(":;|(\n", end);
                    const auto stop =
                        std::min(hard == std::string_view::npos ? text.size() : hard, clause_end_hard(text, end));
                    if (ifind(text.substr(end, stop - end), " and ")) {
                        return stop;
                    }
                }
                return end;
            };
            // "Introducing: Devstral 2" and "Introducing - X": the name follows the punctuation.
            while (start < text.size() && (text[start] == ' ' || text[start] == ':' || text[start] == '-')) {
                ++start;
            }
            if (starts_with_at(text, start, "\xE2\x80\x94") || starts_with_at(text, start, "\xE2\x80\x93")) {
                start += 3;
            }
            auto end = list_end(clause_end(text, start));
            if (after_size != 0) {
                // "makes {model} available": the slot ends where the words after it begin, and
                // without them in the clause the pattern does not hold ("makes Foo 2 faster").
                const auto close_at = find_phrase_view(tokens, after, *at + before_size);
                if (!close_at || tokens[*close_at].begin >= end) {
                    continue;
                }
                end = tokens[*close_at].begin;
            }
            auto s = trim(text.substr(start, end - start));
            if (!s.empty()) {
                out.push_back({std::string(s), text.find(s, start), cue.confidence, false, false, cue.pattern});
            }
        } else {
            const auto end = tokens[*at].begin;
            auto start = clause_start(text, end);
            // "Unlike our Qwen3.5 series, Qwen3.6-Plus will not be open-sourced": a fronted phrase
            // (a preposition or a subordinator, then a comma) is not the verb's subject.
            static const std::vector<std::string_view> fronting = {
                "unlike", "like",  "after",    "before", "following", "besides", "compared", "beyond",
                "since",  "while", "although", "though", "despite",   "as",      "with",     "alongside"};
            const auto first = tokenize(text.substr(start, std::min<std::size_t>(end - start, 20)));
            if (const auto comma = text.substr(start, end - start).find(", ");
                comma != std::string_view::npos && !first.empty() &&
                std::find(fronting.begin(), fronting.end(), first.front().norm) != fronting.end()) {
                start += comma + 2;
            }
            auto s = trim(text.substr(start, end - start));
            if (!s.empty()) {
                out.push_back({std::string(s), text.find(s, start), cue.confidence, false, false, cue.pattern});
            }
        }
    }
    return out;
}

std::vector<Slot> split_names(const Slot& slot, const Context& ctx) {
    static const std::vector<std::string> cut = {"for",  "with",  "in", "on",  "to",  "from", "at",   "via", "across",
                                                 "that", "which", "is", "are", "now", "as",   "into", "by",  "of"};
    std::vector<Slot> names;
    std::vector<Word> current;
    bool cutting = false;
    auto flush = [&] {
        auto name = finish_name(current, ctx);
        if (!name.text.empty()) {
            name.confidence = slot.confidence;
            name.strict = slot.strict;
            name.whole = slot.whole;
            name.cue = slot.cue;
            names.push_back(std::move(name));
        }
        current.clear();
        cutting = false;
    };
    for (auto& w : split_words(slot.text, slot.begin)) {
        const auto bare = lower_bare(w.text);
        if (bare == "and" || w.text == "&") {
            flush();
            continue;
        }
        if (w.text.size() > 1 && w.text.back() == ',') {
            w.text.pop_back();  // "a new Claude 3.5 Sonnet, and ...": the comma ends this name
            if (!cutting) {
                current.push_back(std::move(w));
            }
            flush();
            continue;
        }
        // "of" inside a name is rare; "Llama 4 herd of models" keeps "Llama 4 herd".
        if (std::find(cut.begin(), cut.end(), bare) != cut.end()) {
            if (slot.whole) {
                return {};  // "Muse Spark is now rolling out to...": a sentence, not a bare name
            }
            cutting = true;
        }
        if (!cutting) {
            current.push_back(std::move(w));
        }
    }
    flush();
    if (slot.strict && names.size() > 1) {
        // "Claude Fable 5 and Claude Mythos 5" names two models; "Claude 3.7 Sonnet and Claude
        // Code" too by this test, and the matcher then knows Claude Code as a surface. A
        // versioned name of another family counts too: "Codestral 3 and Ministral 5".
        const auto first = phrase_tokens(names.front().text);
        std::erase_if(names, [&](const Slot& n) {
            auto t = phrase_tokens(n.text);
            const bool versioned = t.size() > 1 && std::any_of(t.begin() + 1, t.end(), [](const std::string& w) {
                                       return std::isdigit(static_cast<unsigned char>(w.front())) != 0;
                                   });
            return t.empty() || first.empty() || (t.front() != first.front() && !versioned);
        });
    }
    return names;
}

namespace {
/// A word of the rules' non_model_context ("glasses", "framework", "dataset") in the headline or
/// in the sentences that name `name`: the name may be a product of that kind. Elsewhere in the
/// item it speaks of something else ("X is our fastest model. It runs on Ray-Ban Meta glasses").
bool non_model_context_near(const Context& ctx, std::string_view name) {
    const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
    std::string said = ctx.text.substr(0, title_end);
    for (auto at = ifind(ctx.text, name); at; at = ifind(ctx.text, name, *at + name.size())) {
        if (*at >= title_end) {
            const auto sentence = sentence_around(ctx.text, *at);
            said += "\n" + ctx.text.substr(sentence.begin, sentence.end - sentence.begin);
        }
    }
    const auto tokens = tokenize(said);
    return said_within(ctx.rules, "non_model_context", tokens, 0, tokens.size());
}
}  // namespace

namespace {

/// "Gemma 4 27B", "Qwen3.5-235B-A22B": sizes after a known model's name are a checkpoint of that
/// model, unless the taxonomy names sizes of its family as models of their own ("gpt-oss-120b"
/// beside "gpt-oss-20b"): the slug of the known model, or nullopt.
std::optional<std::string> checkpoint_of_known_model(std::string_view name, const std::vector<Token>& tokens,
                                                     const Context& ctx) {
    std::size_t keep = tokens.size();
    while (keep > 1 && size_token(tokens[keep - 1].norm)) {
        --keep;
    }
    if (keep == tokens.size()) {
        return std::nullopt;
    }
    auto stem = name.substr(0, tokens[keep - 1].end);
    while (!stem.empty() && (stem.back() == ' ' || stem.back() == '-' || stem.back() == '(')) {
        stem.remove_suffix(1);
    }
    const auto matches = ctx.matcher.find_all(stem);
    if (matches.size() != 1 || matches[0].kind != EntityKind::Model || matches[0].begin != 0 ||
        matches[0].end != stem.size()) {
        return std::nullopt;
    }
    const auto* base = ctx.taxonomy.find_model(matches[0].slug);
    if (base == nullptr) {
        return std::nullopt;
    }
    const bool sized_family =
        std::any_of(ctx.taxonomy.models.begin(), ctx.taxonomy.models.end(), [&](const ModelInfo& m) {
            if (m.family != base->family || m.slug == base->slug) {
                return false;
            }
            const auto last = m.slug.substr(m.slug.rfind('-') + 1);
            return size_token(last);
        });
    return sized_family ? std::nullopt : std::optional<std::string>(base->slug);
}

}  // namespace

std::optional<ModelRef> resolve_model_name(std::string_view name, const Context& ctx, bool coined) {
    // A parenthesis ends a name ("Phi-9 (Microsoft, Tuesday) launched"), and a slot that starts
    // inside one ("Tuesday) launched") holds none.
    name = name.substr(0, name.find(" ("));
    if (const auto close = name.find(')'); close != std::string_view::npos && name.find('(') > close) {
        return std::nullopt;
    }
    const auto tokens = tokenize(name);
    if (tokens.empty() || tokens.size() > 6) {
        return std::nullopt;
    }
    if (const auto& last = tokens.back().norm; last == "licensed" || last == "licenced") {
        return std::nullopt;  // "MIT-licensed weights": a licence's adjective, not a name
    }
    if (version_only(tokens)) {
        return std::nullopt;  // "v1.0: Muse Spark Mini" is a release tag of a repo
    }
    const auto size_only = [](const Token& t) {  // "253B", "7b", "1.5M": a parameter count
        const auto& n = t.norm;
        return n.size() > 1 && (n.back() == 'b' || n.back() == 'm' || n.back() == 't') &&
               std::all_of(n.begin(), n.end() - 1, [](char c) { return std::isdigit(c) != 0 || c == '.'; });
    };
    if (std::all_of(tokens.begin(), tokens.end(), size_only)) {
        return std::nullopt;  // "The 253B reasoning model is available": a size, not a name
    }
    if (const auto& first = tokens.front().norm;
        first.size() > 4 &&
        std::all_of(first.begin(), first.begin() + 4, [](char c) { return std::isdigit(c) != 0; })) {
        return std::nullopt;  // "2026A global ...": a date glued to the next word by a page's markup
    }
    // "us-central1", "europe-west4": a cloud region, not a model.
    static const std::vector<std::string_view> regions = {"us",     "eu",           "europe",       "asia",      "me",
                                                          "africa", "northamerica", "southamerica", "australia", "ap"};
    if (tokens.size() >= 2 && std::find(regions.begin(), regions.end(), tokens[0].norm) != regions.end() &&
        std::islower(static_cast<unsigned char>(name[tokens[0].begin])) != 0 && has_digit(tokens[1].norm) &&
        std::isalpha(static_cast<unsigned char>(tokens[1].norm.front())) != 0) {
        return std::nullopt;
    }
    const auto digits = [](const std::string& n) {
        return !n.empty() && std::all_of(n.begin(), n.end(), [](char c) { return std::isdigit(c) != 0; });
    };
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        const auto& year = tokens[i].norm;
        if (year.size() == 4 && (year.starts_with("19") || year.starts_with("20")) && digits(year) &&
            digits(tokens[i + 1].norm) && name.substr(tokens[i].end, 1) == "/") {
            return std::nullopt;  // "Release 2026/10/14": a date, not a model named after its lab
        }
    }
    // "Open-Sourced Under MIT License": headline case capitalises a preposition or an article; a
    // name never starts with one.
    static const std::vector<std::string_view> function_words = {
        "under", "with", "for", "in", "on", "via", "from", "into", "the", "a", "an", "by", "at", "of", "to", "as",
        "and", "or",
        // a sentence's imperative ("Download Gemma 4 in three sizes", "Try Muse Spark today")
        "download", "try", "meet", "get", "use", "build", "explore", "deploy", "access", "run", "start"};
    if (std::find(function_words.begin(), function_words.end(), tokens.front().norm) != function_words.end()) {
        return std::nullopt;
    }
    static const std::vector<std::string> months = {"jan",  "feb",     "mar",       "apr",     "may",      "jun",
                                                    "jul",  "aug",     "sep",       "sept",    "oct",      "nov",
                                                    "dec",  "january", "february",  "march",   "april",    "june",
                                                    "july", "august",  "september", "october", "november", "december"};
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        // "Jul 8", or a month glued to a word by a page's markup ("AlignmentMay 8"): a date.
        const auto& n = tokens[i].norm;
        const bool month = std::any_of(months.begin(), months.end(), [&](const std::string& m) {
            if (n == m) {
                return true;
            }
            const auto at = tokens[i].end - m.size();
            return n.size() > m.size() + 2 && n.ends_with(m) && std::isupper(static_cast<unsigned char>(name[at])) != 0;
        });
        if (month && tokens[i + 1].norm.size() <= 2 &&
            std::isdigit(static_cast<unsigned char>(tokens[i + 1].norm.front())) != 0) {
            return std::nullopt;
        }
    }
    const auto matches = ctx.matcher.find_all(name);
    if (matches.size() == 1 && matches[0].begin == tokens.front().begin && matches[0].end == tokens.back().end) {
        if (matches[0].kind != EntityKind::Model) {
            return std::nullopt;  // a lab, surface or person, not a model
        }
        return ModelRef{matches[0].slug, true, std::nullopt, 0.9};
    }
    if (auto base = checkpoint_of_known_model(name, tokens, ctx)) {
        return ModelRef{std::move(*base), true, std::nullopt, 0.9};
    }
    for (const auto& t : tokens) {
        for (const auto& cue : ctx.rules.list("non_model_words")) {
            const auto& w = cue.pattern;
            if (t.norm == w || (w.size() >= 5 && t.norm.size() > w.size() &&
                                t.norm.compare(t.norm.size() - w.size(), w.size(), w) == 0)) {
                return std::nullopt;
            }
        }
    }
    const bool versioned = std::any_of(tokens.begin(), tokens.end(), [](const Token& t) {
        return has_digit(t.norm) && !is_year(t.norm);  // "Connect 2025" is an event, not a version
    });
    if (!versioned && std::islower(static_cast<unsigned char>(name.front())) != 0) {
        return std::nullopt;  // "deep research", "computer use": features, not model names
    }
    const auto slug_of_name = slugify(std::string(trim(name)));
    if (std::any_of(ctx.taxonomy.licenses.begin(), ctx.taxonomy.licenses.end(),
                    [&](const License& l) { return slugify(l.id) == slug_of_name; })) {
        return std::nullopt;  // "released under CC-BY-NC 4.0": a licence, not a model
    }
    if (auto inner = without_maker(name, tokens, ctx)) {
        return inner;
    }
    if (!ctx.lab && !(ctx.unowned_models && (versioned || ctx.own_models))) {
        return std::nullopt;  // new models are remembered only for a lab we know
    }
    double confidence = 0;
    if (versioned) {
        confidence = 0.85;
    } else if ((strongest_cue(ctx, "model_context_words") > 0 && !non_model_context_near(ctx, name)) ||
               relative_of_tracked_model(ctx, lead_sentence(ctx.text))) {
        // A model word, or a lead that makes it a tracked model's relative ("a lighter sibling to
        // Muse Spark 1.1").
        confidence = 0.7;
    } else if (coined) {
        confidence = 0.5;
    } else {
        return std::nullopt;
    }
    if (const auto* alias = expanded_alias(tokens, ctx)) {
        return ModelRef{alias->slug, true, std::nullopt, confidence};
    }
    // "DeepSeek-V4" on Google Cloud's feed is DeepSeek's: a name that starts with a tracked lab's
    // name is that lab's model, whoever writes of it.
    std::string lab = ctx.lab.value_or("");
    if (const auto named = ctx.matcher.find(name, EntityKind::Lab); !named.empty() && named.front().begin == 0) {
        lab = named.front().lab;
    }
    auto model = make_model(name, lab, ctx);
    // "Muse Spark 1.1" may already be known under its slug through another spelling.
    if (ctx.taxonomy.find_model(model.slug) != nullptr) {
        return ModelRef{model.slug, true, std::nullopt, confidence};
    }
    auto slug = model.slug;
    return ModelRef{std::move(slug), false, std::move(model), confidence};
}

/// Whether `sentence` names a tracked model as the origin or predecessor of what it describes
/// (releases.json base_model_phrases with no value or "predecessor").
bool relative_of_tracked_model(const Context& ctx, Clause sentence) {
    return std::any_of(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& m) {
        if (m.kind != EntityKind::Model || m.begin < sentence.begin || m.end > sentence.end) {
            return false;
        }
        const auto* base = named_as_base(ctx.rules, ctx.text, sentence.begin, m.begin);
        return base != nullptr && base->value != "yardstick";
    });
}

std::string family_of(std::string_view name, const Context& ctx) {
    const auto tokens = tokenize(name);
    const ModelInfo* prefix = nullptr;
    std::size_t prefix_len = 0;
    for (const auto& m : ctx.taxonomy.models) {
        // A known name that prefixes this one, compared as written: no token strings per model.
        if (!phrase_at(tokens, 0, m.name)) {
            continue;
        }
        const auto len = phrase_size(m.name);
        if (len < tokens.size() && len > prefix_len) {
            prefix = &m;
            prefix_len = len;
        }
    }
    if (prefix != nullptr) {
        return prefix->family.empty() ? prefix->slug : prefix->family;
    }
    std::size_t keep = tokens.size();
    while (keep > 1 && (has_digit(tokens[keep - 1].norm) || size_token(tokens[keep - 1].norm) ||
                        ctx.rules.contains("variant_words", tokens[keep - 1].norm))) {
        --keep;
    }
    std::string family;
    for (std::size_t i = 0; i < keep; ++i) {
        family += (family.empty() ? "" : "-") + tokens[i].norm;
    }
    return slugify(family);
}

Tier tier_of(std::string_view name, const Context& ctx) {
    if (const auto* known = ctx.taxonomy.find_model(slugify(name))) {
        return known->tier;
    }
    for (const auto& t : tokenize(name)) {
        for (const auto& cue : ctx.rules.list("tier_words")) {
            if (cue.pattern == t.norm) {
                if (auto tier = tier_from_string(cue.value)) {
                    return *tier;
                }
            }
        }
    }
    return Tier::Unknown;
}

namespace {

/// Whether `word` is UTF-8 symbols only: punctuation, arrows, dingbats and emoji (U+2000 to U+2BFF,
/// U+FE0F, U+1F000 and above), never a letter of any script.
bool symbols_only(std::string_view word) {
    if (word.empty()) {
        return false;
    }
    for (std::size_t i = 0; i < word.size();) {
        const auto c = static_cast<unsigned char>(word[i]);
        const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + static_cast<std::size_t>(len) > word.size()) {
            return false;
        }
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < len; ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(word[i + static_cast<std::size_t>(k)]) & 0x3F);
        }
        const bool symbol = (cp >= 0x2000 && cp < 0x2C00) || cp == 0xFE0F || cp >= 0x1F000;
        if (!symbol) {
            return false;
        }
        i += static_cast<std::size_t>(len);
    }
    return true;
}

}  // namespace

ModelInfo make_model(std::string_view name, const std::string& lab, const Context& ctx) {
    ModelInfo m;
    m.name = std::string(trim(name));
    // "Muse Flare ⚡": a last word of symbols (an emoji, an arrow) is the headline's, not the name's.
    if (const auto space = m.name.rfind(' '); space != std::string::npos && symbols_only(m.name.substr(space + 1))) {
        m.name = std::string(trim(std::string_view(m.name).substr(0, space)));
    }
    m.slug = slugify(m.name);
    m.lab = lab;
    m.family = family_of(m.name, ctx);
    m.tier = tier_of(m.name, ctx);
    if (m.lab.empty() || !ctx.source.lab) {
        // A family the taxonomy knows names its maker: "Gemini 3 Flash" in a text naming no lab,
        // and in the press whatever lab it names first ("GPT-5.5 arrives, Meta's Muse Spark 2
        // leaks" is OpenAI's GPT-5.5). A lab's own feed keeps its lab.
        for (const auto& known : ctx.taxonomy.models) {
            if (known.family == m.family && !known.lab.empty()) {
                m.lab = known.lab;
                break;
            }
        }
    }
    return m;
}

}  // namespace fw::extract

namespace fw::extract {
namespace {

bool version_token(std::string_view norm) {
    return std::any_of(norm.begin(), norm.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }) &&
           !is_year(norm);
}

struct FamilyHead {
    std::string lab;
    std::string prefix;  ///< words the text leaves out ("Claude" before "Opus 4.6")
};

/// Whether the first token of `name` is `norm`; most names are rejected at their first letter.
bool first_token_is(std::string_view name, std::string_view norm) {
    TokenCursor cursor(name);
    std::string_view first;
    return cursor.next(first) && norm_equals(first, norm);
}

/// A known model whose name starts with `head` ("gpt" -> openai), or whose second word it is
/// ("opus" in "Claude Opus 4" -> anthropic, prefix "Claude"); empty lab when none.
FamilyHead family_head_uncached(const Context& ctx, const std::string& head);

/// family_head_uncached, remembered (the same words come back in every extractor and item).
FamilyHead family_head(const Context& ctx, const std::string& head) {
    constexpr std::size_t kMaxHeads = 4096;  // words come from arbitrary text: bounded
    auto& memo = *ctx.memo;
    if (memo.taxonomy != &ctx.taxonomy || memo.models != ctx.taxonomy.models.size() ||
        memo.family_heads.size() >= kMaxHeads) {
        memo.family_heads.clear();
        memo.taxonomy = &ctx.taxonomy;
        memo.models = ctx.taxonomy.models.size();
    }
    if (auto it = memo.family_heads.find(head); it != memo.family_heads.end()) {
        return {it->second.first, it->second.second};
    }
    auto found = family_head_uncached(ctx, head);
    memo.family_heads.emplace(head, std::pair{found.lab, found.prefix});
    return found;
}

FamilyHead family_head_uncached(const Context& ctx, const std::string& head) {
    // A token that glues a version to the name ("qwen3.5", "gpt4.1") starts like its family.
    std::vector<std::string> heads = {head};
    if (const auto dot = head.find('.'); dot != std::string::npos && dot > 0) {
        heads.push_back(head.substr(0, dot));
    }
    if (const auto digit = head.find_first_of("0123456789"); digit != std::string::npos && digit > 1) {
        heads.push_back(head.substr(0, digit));
    }
    // Runs for every capitalised or numbered word of an item against every model: the names'
    // words are compared as written, with no token strings built.
    for (const auto& h : heads) {
        for (const auto& m : ctx.taxonomy.models) {
            if (!m.lab.empty() && first_token_is(m.name, h)) {
                return {m.lab, ""};
            }
        }
    }
    if (has_digit(head)) {
        return {};  // the second word of a known name, never a version
    }
    for (const auto& m : ctx.taxonomy.models) {
        if (m.lab.empty()) {
            continue;
        }
        TokenCursor name(m.name);
        std::string_view first, second, third;
        if (name.next(first) && name.next(second) && name.next(third) && norm_equals(second, head)) {
            const auto words = split_words(m.name, 0);
            if (!words.empty()) {
                return {m.lab, words.front().text};
            }
        }
    }
    return {};
}

}  // namespace

std::vector<SpecificModel> specific_models(const Context& ctx, std::size_t from, std::size_t to) {
    std::vector<SpecificModel> out;
    const auto& tokens = ctx.tokens;
    std::size_t i = 0;
    while (i < tokens.size() && tokens[i].begin < from) {
        ++i;
    }
    auto entity_at = [&](std::size_t pos) -> const EntityMatch* {
        for (const auto& m : ctx.entities) {
            if (m.begin == pos) {
                return &m;
            }
        }
        return nullptr;
    };
    while (i < tokens.size() && tokens[i].end <= to) {
        const auto* entity = entity_at(tokens[i].begin);
        std::size_t j = i + 1;
        std::string lab, prefix;
        std::size_t after_entity = i + 1;
        while (entity != nullptr && after_entity < tokens.size() && tokens[after_entity].end <= entity->end) {
            ++after_entity;
        }
        // A lab's name that is also its models' first word, followed by a bare version: "Qwen 4
        // Max", "DeepSeek V5" (the matcher reads "Qwen" as the lab); not "OpenAI o3-mini".
        // Also a letter and a version for a lab whose models carry its name: "Minimax M2.5".
        const auto id_after_maker = [&]() {
            const auto& t = tokens[after_entity].norm;
            return has_digit(t) && std::isalpha(static_cast<unsigned char>(t.front())) != 0 &&
                   names_models_after_itself(
                       ctx, entity->lab,
                       lower_bare(std::string_view(ctx.text).substr(entity->begin, entity->end - entity->begin)));
        };
        const bool lab_then_version =
            entity != nullptr && entity->kind == EntityKind::Lab && after_entity < tokens.size() &&
            tokens[after_entity].end <= to && tokens[after_entity].begin == entity->end + 1 &&
            (version_only({tokens[after_entity]}) || id_after_maker()) && !entity_at(tokens[after_entity].begin);
        if ((entity != nullptr && entity->kind == EntityKind::Model) || lab_then_version) {
            j = after_entity;
            lab = entity->lab;
            if (lab_then_version) {
                entity = nullptr;  // no known model to fall back on
            }
        } else if (entity == nullptr && (std::isupper(static_cast<unsigned char>(ctx.text[tokens[i].begin])) != 0 ||
                                         has_digit(tokens[i].norm))) {
            const auto head = family_head(ctx, tokens[i].norm);
            lab = head.lab;
            prefix = head.prefix;
            if (lab.empty()) {
                ++i;
                continue;
            }
        } else {
            i = entity != nullptr ? std::max(i + 1, j) : i + 1;
            if (entity != nullptr) {
                while (i < tokens.size() && tokens[i].end <= entity->end) {
                    ++i;
                }
            }
            continue;
        }
        // Extend over adjacent name-like tokens, then back to the last version or variant word.
        std::size_t k = j;
        std::vector<bool> joined;  // joined to the previous token by a hyphen: part of one name
        while (k < tokens.size() && k < j + 4 && tokens[k].end <= to) {
            const auto gap = std::string_view(ctx.text).substr(tokens[k - 1].end, tokens[k].begin - tokens[k - 1].end);
            const char c = ctx.text[tokens[k].begin];
            // "grok-5-fast", "glm-5-air": a word hyphen-joined to the name is part of it, unless
            // it makes the name an adjective ("GPT-5-powered", "Llama-based").
            static const std::vector<std::string_view> adjective_suffixes = {
                "powered", "based",  "class",     "level",   "style",  "like",       "sized",
                "size",    "era",    "generated", "enabled", "backed", "compatible", "grade",
                "native",  "driven", "specific",  "only",    "free",   "parameter",  "parameters",
                "param",   "token",  "tokens",    "context", "bit",    "billion",    "trillion"};
            const bool hyphen_part = gap == "-" && std::isalnum(static_cast<unsigned char>(c)) != 0 &&
                                     std::find(adjective_suffixes.begin(), adjective_suffixes.end(), tokens[k].norm) ==
                                         adjective_suffixes.end();
            const bool name_like = version_token(tokens[k].norm) ||
                                   ctx.rules.contains("variant_words", tokens[k].norm) ||
                                   std::isupper(static_cast<unsigned char>(c)) != 0 || hyphen_part;
            // "Claude Opus 4.5 21%": a number with its unit is a quantity, not a version.
            const bool quantity = tokens[k].end < ctx.text.size() && ctx.text[tokens[k].end] == '%';
            if (!name_like || quantity || !(gap == " " || gap == "-" || gap == "." || gap.empty()) ||
                entity_at(tokens[k].begin)) {
                break;
            }
            joined.push_back(gap == "-" || gap.empty());
            ++k;
        }
        // Space-separated capitalised words after the last version are the headline's
        // ("Claude Opus 4.5 Saves Tokens"); hyphenated ones are the name's ("GPT-5.2-Codex").
        while (k > j && !version_token(tokens[k - 1].norm) &&
               !ctx.rules.contains("variant_words", tokens[k - 1].norm) && !joined[k - 1 - j]) {
            --k;
        }
        const bool base_versioned = std::any_of(tokens.begin() + static_cast<std::ptrdiff_t>(i),
                                                tokens.begin() + static_cast<std::ptrdiff_t>(j),
                                                [](const Token& t) { return version_token(t.norm); });
        if (k > j || (entity == nullptr && base_versioned)) {
            const auto begin = tokens[i].begin;
            const auto end = tokens[k > j ? k - 1 : j - 1].end;
            Context named = ctx;
            named.lab = lab;
            std::string name = std::string(std::string_view(ctx.text).substr(begin, end - begin));
            if (!prefix.empty()) {
                name = prefix + " " + name;  // "Opus 4.6" is Claude Opus 4.6
            }
            if (licence_follows(ctx.text, end)) {
                i = k > j ? k : j;
                continue;  // "the Llama 4 Community License"
            }
            if (auto ref = resolve_model_name(name, named, /*coined=*/true)) {
                out.push_back({ref->slug, begin, end, ref->discovered});
                i = k > j ? k : j;
                continue;
            }
        }
        if (entity != nullptr) {
            out.push_back({entity->slug, entity->begin, entity->end, std::nullopt});
        }
        i = j;
    }
    return out;
}

}  // namespace fw::extract

namespace fw::extract {

std::string leading_name(std::string_view text, const Context& ctx, std::size_t* begin) {
    auto possessive = [](std::string& w) {
        for (const std::string_view s : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
            if (w.size() > s.size() && w.ends_with(s)) {
                w.erase(w.size() - s.size());
                return true;
            }
        }
        return false;
    };
    const auto words = split_words(text, 0);
    std::vector<Word> name;
    bool started = false;
    for (const auto& w : words) {
        // Punctuation that ends a name: "Foo 3, a ...", "Foo 3: ...", "(Foo 3)".
        std::string word = w.text;
        bool stop_after = false;
        if (const auto tag = word.find(':'); tag != std::string::npos && tag > 0 && tag + 1 < word.size()) {
            word.erase(tag);  // "kimi-k2.5:cloud", "gemma4:12b": a runner's tag after the model's name
            stop_after = true;
        }
        while (!word.empty() && std::string_view(",.:;!?)\"").find(word.back()) != std::string_view::npos) {
            word.pop_back();
            stop_after = true;
        }
        if (started && (word.starts_with('(') || word.ends_with('%') || word.starts_with('$'))) {
            break;  // "Foo 3 (Apache 2.0)", "Foo 3 21%", "Foo 3 $2": a parenthesis or a quantity after the name
        }
        while (!word.empty() && (word.front() == '(' || word.front() == '"')) {
            word.erase(0, 1);
        }
        const bool owned = possessive(word);
        const bool name_like =
            !word.empty() && (std::isupper(static_cast<unsigned char>(word.front())) != 0 || has_digit(word) ||
                              ctx.rules.contains("variant_words", lower_bare(word)));
        if (started && owned && !stop_after && &w != &words.back()) {
            // "Canopy Labs' Orpheus 2": the words before a possessive are the maker's.
            const auto& next = (&w)[1].text;
            if (!next.empty() && (std::isupper(static_cast<unsigned char>(next.front())) != 0 || has_digit(next))) {
                name.clear();
                continue;
            }
        }
        if (!started) {
            const auto labs = ctx.matcher.find(word, EntityKind::Lab);
            const bool maker = !labs.empty() && labs.front().begin == 0 && labs.front().end == word.size();
            if (!name_like || (maker && owned) || (owned && !has_digit(word)) ||
                (word.size() <= 3 && std::islower(static_cast<unsigned char>(word.front())) != 0)) {
                if (stop_after) {
                    break;
                }
                continue;  // "the", "upgraded", "Anthropic's"
            }
            if (!std::isupper(static_cast<unsigned char>(word.front())) && !has_digit(word)) {
                continue;  // a variant word alone does not start a name
            }
            started = true;
        } else if (!name_like) {
            break;
        }
        name.push_back(Word{word, w.begin});
        if (owned || stop_after) {
            break;
        }
    }
    // "GPT-5.5 Cyber Capabilities": capitalised words after the last version or variant word.
    auto versionish = [&](const Word& w) {
        return has_digit(w.text) || ctx.rules.contains("variant_words", lower_bare(w.text));
    };
    std::size_t trailing = 0;
    while (trailing < name.size() && !versionish(name[name.size() - 1 - trailing])) {
        ++trailing;
    }
    if (trailing >= 2 && trailing < name.size()) {
        name.resize(name.size() - trailing);
    }
    if (name.empty()) {
        if (begin) {
            *begin = std::string_view::npos;
        }
        return {};
    }
    if (begin) {
        *begin = name.front().begin;
    }
    std::string out;
    for (const auto& w : name) {
        out += (out.empty() ? "" : " ") + w.text;
    }
    return out;
}

std::optional<ModelRef> resolve_leading(std::string_view text, const Context& ctx, std::size_t* begin) {
    std::size_t at = 0;
    const auto name = leading_name(text, ctx, &at);
    if (name.empty()) {
        return std::nullopt;
    }
    if (begin) {
        *begin = at;
    }
    auto ref = resolve_model_name(name, ctx);
    if (ref && ref->known) {
        return ref;
    }
    // "Anthropic Claude 3.5 Sonnet" is Claude 3.5 Sonnet; "DeepSeek V4-Pro" stays whole.
    const auto labs = ctx.matcher.find(name, EntityKind::Lab);
    if (!labs.empty() && labs.front().begin == 0 && labs.front().end < name.size()) {
        const auto rest = trim(std::string_view(name).substr(labs.front().end));
        if (auto inner = resolve_model_name(rest, ctx); inner && inner->known) {
            if (begin) {
                *begin = at + (name.size() - rest.size());
            }
            return inner;
        }
    }
    return ref;
}

std::size_t with_maker(const Context& ctx, std::size_t begin) {
    for (const auto& m : ctx.entities) {
        if (m.begin < begin && m.end > begin) {
            return m.begin;  // inside a longer name ("DeepSeek R1" whose maker word was dropped)
        }
        if (m.kind == EntityKind::Lab && m.end < begin && begin - m.end <= 1 &&
            (m.end == begin || ctx.text[m.end] == ' ' || ctx.text[m.end] == '-')) {
            return m.begin;
        }
    }
    return begin;
}

/// Shaped like a product name: every word capitalised, a version or size, an acronym, or a
/// variant word ("GPT-4o mini"); "100+ new roles" and "global workspace" are phrases.
bool name_shaped(const Context& ctx, std::string_view name) {
    for (const auto& t : tokenize(name)) {
        if (t.norm == "and") {
            continue;  // "Claude Fable 5 and Claude Mythos 5": a list of names
        }
        const char first = name[t.begin];
        // On a lab's own feed, a lower-case part of one hyphenated word with a number is an id's
        // ("gpt-oss-2", "o4-mini"): the whole word counts, not its parts. Elsewhere (a host's
        // notes, a changelog) such words are commands, file names and tags as often as models,
        // unless, on a tracked host's or tool's feed, the word starts with a known family's name
        // ("kimi-k2.5", "glm-5"): the host's id of a model.
        const auto word_begin = name.rfind(' ', t.begin) == std::string_view::npos ? 0 : name.rfind(' ', t.begin) + 1;
        const auto whole = name.substr(word_begin, name.find(' ', t.end) - word_begin);
        const auto head = to_lower_ascii(whole.substr(0, whole.find('-')));
        const bool family_id =
            ctx.source_surface && whole.find('-') != std::string_view::npos && !family_head(ctx, head).lab.empty();
        const auto word = ctx.source.lab || family_id ? whole : std::string_view(t.norm);
        const bool digit = std::any_of(word.begin(), word.end(),
                                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
        if (std::islower(static_cast<unsigned char>(first)) != 0 && !digit &&
            !ctx.rules.contains("variant_words", t.norm)) {
            return false;
        }
    }
    return true;
}

/// A coined name ("Muse Flare") resolved for a reviewer even when the text names no maker: new
/// models are otherwise remembered only for a known lab; this one is only ever a candidate's.
std::optional<ModelRef> resolve_for_review(std::string_view name, const Context& ctx) {
    Context anyone = ctx;
    if (!anyone.lab) {
        anyone.lab = std::string();  // the maker is the reviewer's to say
    }
    return resolve_model_name(name, anyone, /*coined=*/true);
}

bool size_token(std::string_view t) {
    std::size_t i = (!t.empty() && (t[0] == 'a' || t[0] == 'e')) ? 1 : 0;
    const auto digits_from = i;
    while (i < t.size() && (std::isdigit(static_cast<unsigned char>(t[i])) != 0 || t[i] == '.' || t[i] == 'x')) {
        ++i;
    }
    return i > digits_from && i + 1 == t.size() && std::string_view("bmtke").find(t[i]) != std::string_view::npos;
}

bool date_stamp(std::string_view t) {
    const bool digits = !t.empty() && std::all_of(t.begin(), t.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
    if (!digits || (t.size() != 4 && t.size() != 6 && t.size() != 8)) {
        return false;
    }
    const auto month = t.size() == 8 ? t.substr(4, 2) : t.substr(2, 2);
    return (t.size() == 8 ? t.substr(0, 3) == "202" : t.front() == '2') && month >= "01" && month <= "12";
}

}  // namespace fw::extract

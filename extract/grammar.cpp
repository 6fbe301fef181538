#include "extract/grammar.h"

#include <algorithm>

#include <cctype>
#include <deque>
#include <mutex>
#include <sstream>
#include <utility>

#include "domain/slug.h"

namespace fw::extract {
namespace {

bool vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/// "ship" -> "shipp": a short word ending consonant-vowel-consonant doubles its last letter.
std::string doubled(const std::string& w) {
    const auto n = w.size();
    if (n >= 3 && n <= 4 && !vowel(w[n - 1]) && w[n - 1] != 'w' && w[n - 1] != 'x' && w[n - 1] != 'y' &&
        vowel(w[n - 2]) && !vowel(w[n - 3])) {
        return w + w[n - 1];
    }
    return w;
}

std::vector<std::string> word_forms(const std::string& w) {
    if (w.empty()) {
        return {};
    }
    std::vector<std::string> out{w};
    const char last = w.back();
    if (last == 's' || last == 'h' || last == 'x' || last == 'z') {
        out.push_back(w + "es");
    } else if (last == 'y' && w.size() > 1 && !vowel(w[w.size() - 2])) {
        out.push_back(w.substr(0, w.size() - 1) + "ies");
    } else {
        out.push_back(w + "s");
    }
    if (last == 'e') {
        out.push_back(w + "d");
        out.push_back(w.substr(0, w.size() - 1) + "ing");
    } else if (last == 'y' && w.size() > 1 && !vowel(w[w.size() - 2])) {
        out.push_back(w.substr(0, w.size() - 1) + "ied");
        out.push_back(w + "ing");
    } else {
        out.push_back(doubled(w) + "ed");
        out.push_back(doubled(w) + "ing");
    }
    return out;
}

struct Spec {
    std::vector<std::string> extra;
    bool after = false;
    bool title = false;  ///< "+title": only in a headline (a bare "on" or "in")
    bool exact = false;  ///< "+exact": not inflected (a preposition)
};

Spec parse_spec(const std::string& value) {
    Spec spec;
    std::size_t i = 0;
    while (i <= value.size()) {
        auto j = value.find('|', i);
        if (j == std::string::npos) {
            j = value.size();
        }
        auto part = std::string(trim(std::string_view(value).substr(i, j - i)));
        if (part == "+after") {
            spec.after = true;
        } else if (part == "+title") {
            spec.title = spec.exact = true;
        } else if (part == "+exact") {
            spec.exact = true;
        } else if (!part.empty()) {
            spec.extra.push_back(to_lower_ascii(part));
        }
        i = j + 1;
    }
    return spec;
}

}  // namespace

std::vector<std::string> verb_forms(const Cue& lemma) {
    const auto& p = lemma.pattern;
    std::vector<std::string> out;
    if (parse_spec(lemma.value).exact) {
        return {p};
    }
    if (auto dash = p.rfind('-'); dash != std::string::npos) {
        for (const auto& f : word_forms(p.substr(dash + 1))) {
            out.push_back(p.substr(0, dash + 1) + f);
        }
    } else {
        const auto space = p.find(' ');
        const auto head = p.substr(0, space);
        const auto tail = space == std::string::npos ? std::string() : p.substr(space);
        for (const auto& f : word_forms(head)) {
            out.push_back(f + tail);
        }
    }
    for (const auto& e : parse_spec(lemma.value).extra) {
        out.push_back(e);
    }
    return out;
}

namespace {

/// Expanded lists, keyed by the lemma list's content (not by address: an extractor's rules may be
/// freed and another's allocated in the same place). A deque keeps references stable.
struct Expanded {
    std::vector<Cue> lemmas;
    bool templates = false;
    std::vector<Cue> out;
};

template <typename Build>
const std::vector<Cue>& expanded(const std::vector<Cue>& lemmas, bool templates, Build build) {
    static std::mutex mutex;
    static std::deque<Expanded> cache;
    std::lock_guard lock(mutex);
    for (const auto& e : cache) {
        if (e.templates == templates && e.lemmas == lemmas) {
            return e.out;
        }
    }
    cache.push_back(Expanded{lemmas, templates, build()});
    return cache.back().out;
}

}  // namespace

const std::vector<Cue>& verb_templates(const Rules& rules, std::string_view list) {
    const auto& lemmas = rules.list(list);
    return expanded(lemmas, true, [&] {
        std::vector<Cue> out;
        for (const auto& lemma : lemmas) {
            if (lemma.remove) {
                continue;
            }
            const auto forms = verb_forms(lemma);
            const auto spec = parse_spec(lemma.value);
            for (std::size_t i = 0; i < forms.size(); ++i) {
                out.push_back(Cue{forms[i] + " {model}", "verb:" + lemma.pattern, lemma.confidence, false});
                // forms: base, third person, past, gerund, then irregular extras.
                const bool past = i == 2 || i >= 4;
                if (past || (spec.after && i == 1)) {
                    out.push_back(Cue{"{model} " + forms[i], "verb:" + lemma.pattern, lemma.confidence * 0.95, false});
                }
            }
        }
        return out;
    });
}

const std::vector<Cue>& verb_phrases(const Rules& rules, std::string_view list) {
    const auto& lemmas = rules.list(list);
    return expanded(lemmas, false, [&] {
        std::vector<Cue> out;
        for (const auto& lemma : lemmas) {
            if (!lemma.remove) {
                const bool title = parse_spec(lemma.value).title;
                for (const auto& f : verb_forms(lemma)) {
                    out.push_back(
                        Cue{f, std::string(title ? "title-" : "") + "verb:" + lemma.pattern, lemma.confidence, false});
                }
            }
        }
        return out;
    });
}

const std::vector<Cue>& person_templates(const Rules& rules, std::string_view list) {
    const auto& lemmas = rules.list(list);
    return expanded(lemmas, true, [&] {
        std::vector<Cue> out;
        for (const auto& lemma : lemmas) {
            // value: "<move> <subject|object> [<past>]", e.g. "left subject left" for "leave".
            std::istringstream spec(lemma.value);
            std::string move, slot, past_override;
            spec >> move >> slot >> past_override;
            if (lemma.remove || move.empty()) {
                continue;
            }
            const auto forms = verb_forms(Cue{lemma.pattern, "", lemma.confidence, false});
            if (forms.size() < 4) {
                continue;
            }
            const auto space = lemma.pattern.find(' ');
            const auto tail = space == std::string::npos ? std::string() : lemma.pattern.substr(space);
            const std::string& base = forms[0];
            const std::string& third = forms[1];
            const std::string past = past_override.empty() ? forms[2] : past_override + tail;
            const std::string& gerund = forms[3];
            const auto add = [&](std::string pattern, double scale = 1.0) {
                out.push_back(Cue{std::move(pattern), move, lemma.confidence * scale, false});
            };
            if (slot == "object") {  // "Meta hires X", "X was hired", "X appointed CFO"
                for (const auto& f : {third, past, gerund, "has " + past, "to " + base, "will " + base}) {
                    add(f + " {person}");
                }
                for (const auto& aux : {"", "was ", "is ", "has been ", "have been ", "to be ", "will be "}) {
                    add("{person} " + std::string(aux) + past, 0.95);
                }
            } else {  // "X joins", "X has left", "X is leaving", "X to step down", "X and Meta part ways"
                for (const auto& f :
                     {third, past, gerund, "is " + gerund, "to " + base, "will " + base, "would " + base, "has " + past,
                      "is set to " + base, "plans to " + base, base, "are " + gerund, "have " + past,
                      "has decided to " + base, "decided to " + base, "is expected to " + base}) {
                    add("{person} " + f);
                }
            }
        }
        return out;
    });
}

std::vector<Clause> split_clauses(std::string_view text) {
    std::vector<Clause> out;
    std::size_t start = 0;
    bool relative = false;
    const auto starts_with_lower = [](std::string_view at, std::string_view word) {
        return at.size() >= word.size() && to_lower_ascii(at.substr(0, word.size())) == word;
    };
    auto push = [&](std::size_t end) {
        if (end > start) {
            out.push_back({start, end});
        }
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        // A parenthesis is a clause of its own: "in the picker for Pro users (not on the Free plan)".
        const bool sentence = c == '\n' || c == ';' || c == '!' || c == '?' || c == '(' || c == ')' ||
                              (c == '.' && sentence_stop(text, i));
        if (sentence) {
            push(i);
            start = i + 1;
            relative = false;
            continue;
        }
        // A relative clause between commas speaks of the noun before it, not of the sentence's
        // subject: "Unlike the large model, which stays API-only, Small 5 is on Hugging Face".
        if (relative && c == ',') {
            push(i);
            start = i + 1;
            relative = false;
            continue;
        }
        if (c == ',' &&
            (starts_with_lower(text.substr(i), ", which ") || starts_with_lower(text.substr(i), ", who "))) {
            push(i);
            start = i + 1;
            relative = true;
            continue;
        }
        if (c == ' ' || c == ',') {
            for (std::string_view word : {" but ", " while ", " whereas ", " however", ", though ", " although ", " * ",
                                          " - ", " \u2013 ", " \u2014 "}) {
                if (text.substr(i, word.size()).size() == word.size() &&
                    to_lower_ascii(text.substr(i, word.size())) == word) {
                    push(i);
                    start = i + 1;
                    break;
                }
            }
        }
    }
    push(text.size());
    return out;
}

Clause sentence_around(std::string_view text, std::size_t pos) {
    auto boundary = [&](std::size_t i) {
        const char c = text[i];
        return c == '\n' || sentence_stop(text, i);
    };
    pos = std::min(pos, text.size());
    std::size_t begin = pos;
    while (begin > 0 && !boundary(begin - 1)) {
        --begin;
    }
    std::size_t end = pos;
    while (end < text.size() && !boundary(end)) {
        ++end;
    }
    return {begin, end};
}

Clause clause_around(std::string_view text, std::size_t pos) {
    const auto sentence = sentence_around(text, pos);
    for (const auto& c : split_clauses(text.substr(sentence.begin, sentence.end - sentence.begin))) {
        if (sentence.begin + c.begin <= pos && pos < sentence.begin + c.end) {
            return {sentence.begin + c.begin, sentence.begin + c.end};
        }
    }
    return sentence;
}

std::size_t end_of_lead(std::string_view text) {
    std::size_t end = std::min(text.size(), text.find('\n'));
    for (int i = 0; i < 3 && end < text.size(); ++i) {
        end = sentence_around(text, end + 1).end;
    }
    return end;
}

Clause statement_around(std::string_view text, std::size_t pos) {
    auto s = sentence_around(text, pos);
    if (const auto semi = text.rfind(';', pos); semi != std::string_view::npos && semi >= s.begin && semi < pos) {
        s.begin = semi + 1;
    }
    if (const auto semi = text.find(';', pos); semi != std::string_view::npos && semi < s.end) {
        s.end = semi;
    }
    return s;
}

Clause lead_sentence(std::string_view text) {
    const auto title_end = std::min(text.size(), text.find('\n'));
    return sentence_around(text, std::min(text.size(), text.find_first_not_of("\n ", title_end)));
}

bool digest_headline(std::string_view title) {
    if (std::count(title.begin(), title.end(), ',') < 2) {
        return false;
    }
    std::size_t begin = 0;
    while (begin <= title.size()) {
        const auto comma = std::min(title.size(), title.find(',', begin));
        auto segment = trim(title.substr(begin, comma - begin));
        if (segment.starts_with("and ")) {
            segment = trim(segment.substr(4));
        }
        const bool headline_like = !segment.empty() && segment.find(' ') != std::string_view::npos &&
                                   (std::isupper(static_cast<unsigned char>(segment.front())) != 0 ||
                                    std::isdigit(static_cast<unsigned char>(segment.front())) != 0);
        if (!headline_like) {
            return false;
        }
        begin = comma + 1;
    }
    return true;
}

std::optional<Clause> clause_at(const std::vector<Clause>& clauses, std::size_t pos) {
    const auto c =
        std::find_if(clauses.begin(), clauses.end(), [&](const Clause& k) { return k.begin <= pos && pos < k.end; });
    return c == clauses.end() ? std::nullopt : std::optional(*c);
}

std::vector<Clause> split_coordinated(std::string_view text) {
    std::vector<Clause> out;
    for (const auto& c : split_clauses(text)) {
        std::size_t start = c.begin;
        for (std::size_t i = c.begin; i < c.end; ++i) {
            for (std::string_view mark : {", and ", ", with ", ", while "}) {
                if (i + mark.size() <= c.end && to_lower_ascii(text.substr(i, mark.size())) == mark) {
                    out.push_back({start, i});
                    start = i + 1;
                }
            }
        }
        out.push_back({start, c.end});
    }
    return out;
}

const Cue* named_as_base(const Rules& rules, std::string_view text, std::size_t sentence_begin, std::size_t at) {
    const auto before = tokenize(text.substr(sentence_begin, at - sentence_begin));
    for (const auto& cue : rules.list("base_model_phrases")) {
        const auto phrase = phrase_tokens(cue.pattern);
        if (!cue.remove && !phrase.empty() && before.size() >= phrase.size() &&
            find_phrase(before, phrase, before.size() - phrase.size())) {
            return &cue;
        }
    }
    return nullptr;
}

bool negated(const Rules& rules, const std::vector<Token>& tokens, std::size_t from, std::size_t to) {
    return said_within(rules, "negation_words", tokens, from, to);
}

bool said_within(const Rules& rules, std::string_view list, const std::vector<Token>& tokens, std::size_t from,
                 std::size_t to) {
    for (const auto& cue : rules.list(list)) {
        if (cue.remove) {
            continue;
        }
        const auto phrase = phrase_tokens(cue.pattern);
        if (auto at = find_phrase(tokens, phrase, from); at && *at + phrase.size() <= to) {
            return true;
        }
    }
    return false;
}

}  // namespace fw::extract

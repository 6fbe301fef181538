#include "extract/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <functional>
#include <set>
#include <unordered_map>

namespace fw::extract {
namespace {

/// Whether the full stop at `dot` ends an abbreviation rather than a sentence: an initial or a
/// dotted acronym ("J. Doe", "U.S.", "e.g."), a title before a name ("Dr.", "Mr."), or a
/// company, date or place abbreviation ("Meta Platforms, Inc. announced", "Calif.--") unless a
/// capitalised word follows it. English orthography, not a vocabulary: kept in code.
bool abbreviation_dot(std::string_view text, std::size_t dot) {
    std::size_t begin = dot;
    while (begin > 0 && (std::isalpha(static_cast<unsigned char>(text[begin - 1])) != 0 || text[begin - 1] == '.')) {
        --begin;
    }
    std::string word;
    for (char c : text.substr(begin, dot - begin)) {
        word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    if (word.size() == 1 || word.find('.') != std::string::npos) {
        return true;
    }
    static const std::set<std::string, std::less<>> titles = {"mr",  "mrs", "ms",  "dr", "prof", "st",   "sen",
                                                              "rep", "gen", "gov", "lt", "col",  "capt", "sgt"};
    static const std::set<std::string, std::less<>> others = {
        "inc", "corp", "ltd", "co",  "jr",  "sr",  "vs",   "etc", "no",  "approx", "calif", "mass", "wash",
        "jan", "feb",  "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec",    "dept",  "est"};
    if (titles.contains(word)) {
        return true;
    }
    if (!others.contains(word)) {
        return false;
    }
    const auto next = text.find_first_not_of(' ', dot + 1);
    return next != std::string_view::npos && text[next] != '\n' &&
           std::isupper(static_cast<unsigned char>(text[next])) == 0;
}

// Tokenising is most of extraction: ASCII bytes are classified inline (the <cctype> calls were a
// quarter of it); other bytes still ask <cctype>, so the result is the same in any locale.
bool is_alnum(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80) {
        return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
    }
    return std::isalnum(u) != 0;
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
char lower(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80) {
        return u >= 'A' && u <= 'Z' ? static_cast<char>(u + ('a' - 'A')) : c;
    }
    return static_cast<char>(std::tolower(u));
}

}  // namespace

namespace {

/// The end of the token that starts at byte `i` (an ASCII letter or digit): letters and digits,
/// and a dot between two digits ("3.1" is one version token, so "Llama 3" never matches inside
/// "Llama 3.1").
std::size_t token_end(std::string_view text, std::size_t i) {
    const std::size_t n = text.size();
    while (i < n) {
        if (is_alnum(text[i])) {
            ++i;
        } else if (text[i] == '.' && i + 1 < n && is_digit(text[i + 1]) && is_digit(text[i - 1])) {
            ++i;
        } else {
            break;
        }
    }
    return i;
}

/// The first byte at or after `i` that starts a token, or text.size().
std::size_t token_start(std::string_view text, std::size_t i) {
    while (i < text.size() && (!is_alnum(text[i]) || static_cast<unsigned char>(text[i]) >= 0x80)) {
        ++i;
    }
    return i;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    for (std::size_t i = token_start(text, 0); i < text.size(); i = token_start(text, i)) {
        Token tok;
        tok.begin = i;
        i = token_end(text, i);
        tok.end = i;
        // A token is its bytes lowered: one copy, not one push_back a byte.
        tok.norm.assign(text.data() + tok.begin, tok.end - tok.begin);
        for (char& c : tok.norm) {
            c = lower(c);
        }
        tokens.push_back(std::move(tok));
    }
    return tokens;
}

bool TokenCursor::next(std::string_view& span) {
    pos_ = token_start(text_, pos_);
    if (pos_ >= text_.size()) {
        return false;
    }
    const auto end = token_end(text_, pos_);
    span = text_.substr(pos_, end - pos_);
    pos_ = end;
    return true;
}

bool norm_equals(std::string_view span, std::string_view norm) {
    if (span.size() != norm.size()) {
        return false;
    }
    for (std::size_t k = 0; k < span.size(); ++k) {
        if (lower(span[k]) != norm[k]) {
            return false;
        }
    }
    return true;
}

bool same_tokens(std::string_view a, std::string_view b) {
    TokenCursor ca(a), cb(b);
    std::string_view sa, sb;
    while (true) {
        const bool more_a = ca.next(sa);
        if (more_a != cb.next(sb)) {
            return false;
        }
        if (!more_a) {
            return true;
        }
        if (sa.size() != sb.size() ||
            !std::equal(sa.begin(), sa.end(), sb.begin(), [](char x, char y) { return lower(x) == lower(y); })) {
            return false;
        }
    }
}

std::size_t phrase_size(std::string_view phrase) {
    std::size_t count = 0;
    TokenCursor cursor(phrase);
    for (std::string_view span; cursor.next(span);) {
        ++count;
    }
    return count;
}

bool phrase_at(const std::vector<Token>& tokens, std::size_t at, std::string_view phrase) {
    TokenCursor cursor(phrase);
    std::size_t k = at;
    for (std::string_view span; cursor.next(span); ++k) {
        if (k >= tokens.size() || !norm_equals(span, tokens[k].norm)) {
            return false;
        }
    }
    return k > at;
}

namespace {

PhraseView read_phrase(std::string_view phrase) {
    PhraseView view{phrase, {}, 0};
    TokenCursor cursor(phrase);
    for (std::string_view span; cursor.next(span); ++view.size) {
        if (view.size == 0) {
            view.first = span;
        }
    }
    return view;
}

/// A phrase's first token (as offsets) and size, remembered in a slot picked by its address:
/// cue patterns come back for every item from the same strings. A slot answers only for the
/// same text (compared with its copy), so a reused address never gives another phrase's view.
struct SeenPhrase {
    std::string text;
    const char* data = nullptr;
    std::size_t first_begin = 0;
    std::size_t first_size = 0;
    std::size_t size = 0;
};

}  // namespace

PhraseView view_phrase(std::string_view phrase) {
    constexpr std::size_t kSlots = 4096;
    thread_local std::array<SeenPhrase, kSlots> seen;
    const auto address = reinterpret_cast<std::uintptr_t>(phrase.data());
    auto& slot = seen[((address >> 3) ^ (address >> 13) ^ phrase.size()) % kSlots];
    if (slot.data == phrase.data() && slot.text == phrase) {
        return {phrase, phrase.substr(slot.first_begin, slot.first_size), slot.size};
    }
    const auto view = read_phrase(phrase);
    slot.text.assign(phrase);
    slot.data = phrase.data();
    slot.first_begin = view.size == 0 ? 0 : static_cast<std::size_t>(view.first.data() - phrase.data());
    slot.first_size = view.first.size();
    slot.size = view.size;
    return view;
}

std::optional<std::size_t> find_phrase_view(const std::vector<Token>& tokens, const PhraseView& phrase,
                                            std::size_t from) {
    if (phrase.size == 0 || tokens.size() < phrase.size) {
        return std::nullopt;
    }
    // Most tokens differ from the phrase's first in length or first byte: tested before the rest.
    const auto& first = phrase.first;
    const char first_byte = lower(first[0]);
    for (std::size_t i = from; i + phrase.size <= tokens.size(); ++i) {
        const auto& norm = tokens[i].norm;
        if (norm.size() == first.size() && norm[0] == first_byte && norm_equals(first, norm) &&
            (phrase.size == 1 || phrase_at(tokens, i, phrase.text))) {
            return i;
        }
    }
    return std::nullopt;
}

std::optional<std::size_t> find_phrase_text(const std::vector<Token>& tokens, std::string_view phrase,
                                            std::size_t from) {
    return find_phrase_view(tokens, view_phrase(phrase), from);
}

namespace {

/// Short phrases and their token strings, per thread (extraction may run off the GUI thread);
/// bounded, as arbitrary text comes too. Rule patterns and taxonomy names come back for every
/// item from the same string objects, so a slot picked by the phrase's address answers most
/// look-ups with one comparison of the text, before the hash table is asked.
class PhraseCache {
public:
    static constexpr std::size_t kMaxLength = 64;

    const std::vector<std::string>* find(std::string_view phrase) {
        auto& recent = recent_[slot(phrase)];
        if (recent.entry != nullptr && recent.data == phrase.data() && recent.entry->first == phrase) {
            return &recent.entry->second;
        }
        auto it = map_.find(phrase);
        if (it == map_.end()) {
            return nullptr;
        }
        recent = {phrase.data(), &*it};
        return &it->second;
    }

    void insert(std::string_view phrase, const std::vector<std::string>& tokens) {
        if (map_.size() >= kMaxEntries) {
            map_.clear();
            recent_.fill({});  // they point into the table
        }
        map_.emplace(std::string(phrase), tokens);
    }

private:
    static constexpr std::size_t kMaxEntries = 8192, kSlots = 4096;
    struct Hash {
        using is_transparent = void;  // look up by string_view: no string built per call
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using Map = std::unordered_map<std::string, std::vector<std::string>, Hash, std::equal_to<>>;
    struct Recent {
        const char* data = nullptr;
        const Map::value_type* entry = nullptr;  // stable: unordered_map nodes do not move
    };
    static std::size_t slot(std::string_view phrase) {
        const auto address = reinterpret_cast<std::uintptr_t>(phrase.data());
        return ((address >> 3) ^ (address >> 13) ^ phrase.size()) % kSlots;
    }
    Map map_;
    std::array<Recent, kSlots> recent_{};
};

}  // namespace

std::vector<std::string> phrase_tokens(std::string_view phrase) {
    thread_local PhraseCache cache;
    const bool cacheable = phrase.size() <= PhraseCache::kMaxLength;
    if (cacheable) {
        if (const auto* tokens = cache.find(phrase)) {
            return *tokens;
        }
    }
    std::vector<std::string> out;
    for (auto& t : tokenize(phrase)) {
        out.push_back(std::move(t.norm));
    }
    if (cacheable) {
        cache.insert(phrase, out);
    }
    return out;
}

std::optional<std::size_t> find_phrase(const std::vector<Token>& tokens, const std::vector<std::string>& phrase,
                                       std::size_t from) {
    if (phrase.empty() || tokens.size() < phrase.size()) {
        return std::nullopt;
    }
    // Most tokens differ from the phrase's first in length or first byte: test those before a
    // whole comparison (this loop runs for every cue of every list on every item).
    const auto& first = phrase.front();
    for (std::size_t i = from; i + phrase.size() <= tokens.size(); ++i) {
        const auto& norm = tokens[i].norm;
        if (norm.size() != first.size() || (!first.empty() && norm[0] != first[0]) || norm != first) {
            continue;
        }
        bool match = true;
        for (std::size_t k = 1; k < phrase.size() && match; ++k) {
            match = tokens[i + k].norm == phrase[k];
        }
        if (match) {
            return i;
        }
    }
    return std::nullopt;
}

bool has_phrase(const std::vector<Token>& tokens, std::string_view phrase) {
    return find_phrase_text(tokens, phrase).has_value();
}

std::string collapse_spaces(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c)) != 0) {
            space = !out.empty();
        } else {
            if (space) {
                out.push_back(' ');
            }
            space = false;
            out.push_back(c);
        }
    }
    return out;
}

bool licence_follows(std::string_view text, std::size_t end) {
    const auto rest = text.substr(std::min(end, text.size()), 32);
    const auto next = tokenize(rest);
    const auto licence = [&](std::size_t i) {
        return next.size() > i && (next[i].norm == "license" || next[i].norm == "licence");
    };
    // Capitalised, it is the licence's name; "the Llama 3.1 licence" is the model's licence.
    const bool named = licence(0) && std::isupper(static_cast<unsigned char>(rest[next[0].begin])) != 0;
    return named || (!next.empty() && next[0].norm == "community" && licence(1));
}

bool sentence_stop(std::string_view text, std::size_t i) {
    const char c = text[i];
    return (c == '.' || c == '!' || c == '?') && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n') &&
           (c != '.' || !abbreviation_dot(text, i));
}

std::string snippet_around(std::string_view text, std::size_t pos, std::size_t max_len) {
    if (text.empty()) {
        return {};
    }
    pos = std::min(pos, text.size() - 1);
    std::size_t begin = pos;
    while (begin > 0 &&
           !(text[begin - 1] == '\n' || (text[begin - 1] == ' ' && begin >= 2 && sentence_stop(text, begin - 2)))) {
        --begin;
    }
    std::size_t end = pos;
    while (end < text.size() && text[end] != '\n' && !sentence_stop(text, end)) {
        ++end;
    }
    if (end < text.size() && text[end] != '\n') {
        ++end;  // keep the full stop
    }
    std::string s = collapse_spaces(text.substr(begin, end - begin));
    if (s.size() > max_len) {
        std::size_t cut = max_len;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) {
            --cut;  // never split a UTF-8 sequence
        }
        s = s.substr(0, cut) + "...";
    }
    return s;
}

std::string url_path_words(std::string_view url) {
    auto scheme = url.find("://");
    std::size_t start = scheme == std::string_view::npos ? 0 : url.find('/', scheme + 3);
    if (start == std::string_view::npos) {
        return {};
    }
    std::string_view path = url.substr(start);
    path = path.substr(0, path.find_first_of("?#"));
    std::string out;
    for (const auto& t : tokenize(path)) {
        if (!out.empty()) {
            out.push_back(' ');
        }
        out += t.norm;
    }
    return out;
}

std::optional<std::size_t> ifind(std::string_view hay, std::string_view needle, std::size_t from) {
    if (needle.empty() || hay.size() < needle.size()) {
        return std::nullopt;
    }
    for (std::size_t i = from; i + needle.size() <= hay.size(); ++i) {
        std::size_t k = 0;
        while (k < needle.size() && lower(hay[i + k]) == lower(needle[k])) {
            ++k;
        }
        if (k == needle.size()) {
            return i;
        }
    }
    return std::nullopt;
}

}  // namespace fw::extract

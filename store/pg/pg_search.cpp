#include "store/pg/pg_search.h"

#include <vector>

namespace fw::store::pg {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Letters and digits, and every byte of a multi-byte UTF-8 character (non-ASCII letters).
bool is_word_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::vector<std::string_view> words(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) {
            ++i;
        }
        const std::size_t start = i;
        while (i < text.size() && !is_space(text[i])) {
            ++i;
        }
        if (i > start) {
            out.push_back(text.substr(start, i - start));
        }
    }
    return out;
}

}  // namespace

std::string prefix_query(std::string_view word) {
    std::vector<std::string> parts(1);
    for (char c : word) {
        if (is_word_byte(c)) {
            parts.back() += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        } else if (!parts.back().empty()) {
            parts.emplace_back();
        }
    }
    if (parts.back().empty()) {
        parts.pop_back();
    }
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        out += (i ? " & " : "") + parts[i];
    }
    return out.empty() ? out : out + ":*";
}

std::optional<std::string> search_expression(std::string_view user_query, Params& params) {
    const auto list = words(user_query);
    // Groups of AND-ed words, OR-ed together: SQL gives && and || one precedence, so each
    // group is parenthesized to keep AND binding tighter, as in FTS5.
    std::vector<std::string> groups(1);
    bool pending_or = false;
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string_view word = list[i];
        if (word == "OR" && !groups.back().empty() && i + 1 < list.size()) {
            pending_or = true;
            continue;
        }
        bool prefix = false;
        while (word.size() > 1 && word.back() == '*') {
            word.remove_suffix(1);
            prefix = true;
        }
        std::string term;
        if (prefix) {
            const std::string q = prefix_query(word);
            if (!q.empty()) {
                term = "to_tsquery('simple', " + params.ref(q) + ")";
            }
        } else if (word != "*") {
            term = "phraseto_tsquery('simple', " + params.ref(word) + ")";
        }
        if (term.empty()) {
            continue;
        }
        if (pending_or && !groups.back().empty()) {
            groups.emplace_back();
        }
        pending_or = false;
        groups.back() += (groups.back().empty() ? "" : " && ") + term;
    }
    if (groups.back().empty()) {
        return std::nullopt;
    }
    std::string out;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        out += (i ? " || (" : "(") + groups[i] + ")";
    }
    return out;
}

}  // namespace fw::store::pg

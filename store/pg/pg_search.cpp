#include "store/pg/pg_search.h"

#include "store/fts_query.h"

namespace fw::store::pg {
namespace {

// Letters and digits, and every byte of a multi-byte UTF-8 character (non-ASCII letters).
bool is_word_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Not "bind": in a unity batch that includes <functional>, argument-dependent lookup on the
// std::vector argument prefers std::bind's exact match to this function.
std::string bind_word(std::vector<sql::Value>& params, std::string_view word) {
    params.emplace_back(std::string(word));
    return "$" + std::to_string(params.size());
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

std::optional<std::string> search_expression(std::string_view user_query, std::vector<sql::Value>& params) {
    // Groups of AND-ed words, OR-ed together: SQL gives && and || one precedence, so each
    // group is parenthesized to keep AND binding tighter, as in FTS5.
    std::vector<std::string> groups(1);
    bool pending_or = false;
    for (const detail::SearchWord& word : detail::search_words(user_query)) {
        if (word.maybe_or && !groups.back().empty()) {
            pending_or = true;
            continue;
        }
        std::string term;
        if (word.prefix) {
            const std::string q = prefix_query(word.text);
            if (!q.empty()) {
                term = "to_tsquery('simple', " + bind_word(params, q) + ")";
            }
        } else if (word.text != "*") {
            term = "phraseto_tsquery('simple', " + bind_word(params, word.text) + ")";
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

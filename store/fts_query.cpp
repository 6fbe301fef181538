#include "store/fts_query.h"

#include <vector>

namespace fw::store::detail {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
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

std::string quoted(std::string_view word) {
    std::string out = "\"";
    for (char c : word) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    out += '"';
    return out;
}

}  // namespace

std::string fts_query(std::string_view user_query) {
    const auto list = words(user_query);
    std::string out;
    bool pending_or = false;
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string_view word = list[i];
        // OR is an operator only between two words; elsewhere it is searched for as a word.
        if (word == "OR" && !out.empty() && i + 1 < list.size()) {
            pending_or = true;
            continue;
        }
        bool prefix = false;
        while (word.size() > 1 && word.back() == '*') {
            word.remove_suffix(1);
            prefix = true;
        }
        if (word == "*") {
            continue;  // a lone star would be a syntax error
        }
        if (!out.empty()) {
            out += pending_or ? " OR " : " ";
        }
        pending_or = false;
        out += quoted(word);
        if (prefix) {
            out += '*';
        }
    }
    return out;
}

}  // namespace fw::store::detail

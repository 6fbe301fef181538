#include "store/fts_query.h"

namespace fw::store::detail {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
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

std::vector<SearchWord> search_words(std::string_view text) {
    std::vector<SearchWord> out;
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
            SearchWord word{text.substr(start, i - start)};
            word.maybe_or = word.text == "OR";
            while (word.text.size() > 1 && word.text.back() == '*') {
                word.text.remove_suffix(1);
                word.prefix = true;
            }
            out.push_back(word);
        }
    }
    if (!out.empty()) {
        out.back().maybe_or = false;  // OR is an operator only between two words
    }
    return out;
}

std::string fts_query(std::string_view user_query) {
    std::string out;
    bool pending_or = false;
    for (const SearchWord& word : search_words(user_query)) {
        if (word.maybe_or && !out.empty()) {
            pending_or = true;
            continue;
        }
        if (word.text == "*") {
            continue;  // a lone star would be a syntax error
        }
        if (!out.empty()) {
            out += pending_or ? " OR " : " ";
        }
        pending_or = false;
        out += quoted(word.text);
        if (word.prefix) {
            out += '*';
        }
    }
    return out;
}

}  // namespace fw::store::detail

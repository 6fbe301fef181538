#pragma once
// What a user types into a search box: the words both backends read the same way
// (search_words), and SQLite's FTS5 MATCH expression of them (fts_query). PostgreSQL's tsquery
// of the same words is store/pg/pg_search.h.

#include <string>
#include <string_view>
#include <vector>

namespace fw::store::detail {

/// One whitespace-separated word of a search: its text without trailing '*'s (stars alone
/// leave "*": nothing to search for), whether it had them (a prefix search), and whether it is
/// a bare OR with a word after it (the operator, where a term came before it; else a word).
struct SearchWord {
    std::string_view text;
    bool prefix = false;
    bool maybe_or = false;
};
std::vector<SearchWord> search_words(std::string_view user_query);

/// Each word becomes a quoted phrase (inner quotes doubled), so punctuation such as
/// "GPT-4o (preview)" or a lone quote cannot break the FTS5 syntax. The words must all match
/// (AND). A bare OR between words is kept as the operator; a trailing '*' makes a prefix
/// search ("lla*" finds "llama"). Returns "" when there is no word.
///   R"(GPT-4o "mini)"  ->  R"("GPT-4o" """mini")"
///   "llama OR qwen*"   ->  R"("llama" OR "qwen"*)"
std::string fts_query(std::string_view user_query);

}  // namespace fw::store::detail

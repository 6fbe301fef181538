#pragma once
// What a user types into a search box, as a PostgreSQL tsquery over the items' tsvector
// column ('simple' configuration). The words are read as for SQLite (store/fts_query.h
// search_words): every word must match, a bare OR between words is the operator, a trailing
// '*' is a prefix search, punctuation is harmless. Words travel as parameters; only fixed
// fragments are SQL.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql_runner.h"

namespace fw::store::pg {

/// A tsquery SQL expression whose words are appended to `params` (numbered after the values
/// already there); nullopt when nothing searchable was typed.
///   "llama OR qwen*" -> (phraseto_tsquery('simple', $1)) || (to_tsquery('simple', $2))
std::optional<std::string> search_expression(std::string_view user_query, std::vector<sql::Value>& params);

/// The to_tsquery text of a prefix word: its letters and digits, lower-cased, split at other
/// characters and AND-ed, the last part with ":*" ("GPT-4*" -> "gpt & 4:*"); "" when none.
std::string prefix_query(std::string_view word);

}  // namespace fw::store::pg

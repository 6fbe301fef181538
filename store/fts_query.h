#pragma once
// Turns what a user types into a safe FTS5 MATCH expression.

#include <string>
#include <string_view>

namespace fw::store::detail {

/// Each whitespace-separated word becomes a quoted phrase (inner quotes doubled), so
/// punctuation such as "GPT-4o (preview)" or a lone quote cannot break the FTS5 syntax. The
/// words must all match (AND). A bare OR between words is kept as the operator; a trailing '*'
/// makes a prefix search ("lla*" finds "llama"). Returns "" when there is no word.
///   R"(GPT-4o "mini)"  ->  R"("GPT-4o" """mini")"
///   "llama OR qwen*"   ->  R"("llama" OR "qwen"*)"
std::string fts_query(std::string_view user_query);

}  // namespace fw::store::detail

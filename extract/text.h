#pragma once
// Word-level text helpers shared by the extractors: tokens with byte offsets, phrase search on
// word boundaries, snippets. ASCII-only folding; other bytes separate words.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fw::extract {

struct Token {
    std::string norm;       ///< lower-case ASCII letters/digits; "3.1" keeps its dot
    std::size_t begin = 0;  ///< byte offsets in the tokenised text
    std::size_t end = 0;
};

/// "Muse Spark 1.1 (MUSE-SPARK)" -> muse, spark, 1.1, muse, spark.
std::vector<Token> tokenize(std::string_view text);

/// Token strings of a phrase ("weights on Hugging Face" -> weights, on, hugging, face).
std::vector<std::string> phrase_tokens(std::string_view phrase);

/// Index of the first token where `phrase` occurs as whole words at or after `from`.
std::optional<std::size_t> find_phrase(const std::vector<Token>& tokens, const std::vector<std::string>& phrase,
                                       std::size_t from = 0);
bool has_phrase(const std::vector<Token>& tokens, std::string_view phrase);

/// Whether byte `i` of `text` ends a sentence: ".", "!" or "?" before a space, a line break or the
/// end, and not the full stop of an abbreviation ("Inc. announced", "U.S.", "Dr. Lee").
bool sentence_stop(std::string_view text, std::size_t i);

/// The sentence of `text` around byte `pos`, at most `max_len` bytes, whitespace collapsed.
std::string snippet_around(std::string_view text, std::size_t pos, std::size_t max_len = 240);

/// Whitespace runs collapsed to one space and trimmed.
std::string collapse_spaces(std::string_view text);

/// The words of a URL's path: ".../blog/introducing-muse-spark-meta-model-api/" ->
/// "blog introducing muse spark meta model api".
std::string url_path_words(std::string_view url);

/// First byte offset of `needle` in `hay`, ignoring ASCII case.
std::optional<std::size_t> ifind(std::string_view hay, std::string_view needle, std::size_t from = 0);

}  // namespace fw::extract

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

/// The tokens of a text one at a time, as byte spans, without building any string: the spans
/// tokenize() returns, in order. A token's norm is its span in lower case, so callers compare
/// spans with norm_equals() instead of tokenising a phrase (rule patterns, taxonomy names) into
/// strings on every call: that was most of the extraction time of a large fetch.
class TokenCursor {
public:
    explicit TokenCursor(std::string_view text) : text_(text) {}
    /// The next token's span, or false at the end.
    bool next(std::string_view& span);

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

/// Whether `span` (a TokenCursor span) lowered is `norm`.
bool norm_equals(std::string_view span, std::string_view norm);

/// Whether two phrases have the same tokens (phrase_tokens(a) == phrase_tokens(b)).
bool same_tokens(std::string_view a, std::string_view b);

/// The number of tokens of `phrase` (phrase_tokens(phrase).size()).
std::size_t phrase_size(std::string_view phrase);

/// Whether `phrase`'s tokens are tokens[at, at + phrase_size(phrase)) and there is at least one.
bool phrase_at(const std::vector<Token>& tokens, std::size_t at, std::string_view phrase);

/// A phrase read once for repeated search: its first token's span and its number of tokens.
struct PhraseView {
    std::string_view text;
    std::string_view first;
    std::size_t size = 0;
};
PhraseView view_phrase(std::string_view phrase);

/// find_phrase_text of a phrase already read by view_phrase (the phrase is not read again until
/// its first token matches).
std::optional<std::size_t> find_phrase_view(const std::vector<Token>& tokens, const PhraseView& phrase,
                                            std::size_t from = 0);

/// find_phrase(tokens, phrase_tokens(phrase), from), with no string built. (Not an overload of
/// find_phrase: `find_phrase(tokens, {word})` would become ambiguous.)
std::optional<std::size_t> find_phrase_text(const std::vector<Token>& tokens, std::string_view phrase,
                                            std::size_t from = 0);

/// Whether the words from byte `end` of `text` name a licence ("License", "community licence"): a
/// model's name right before them is the licence's ("the Llama 4 Community License"), not the model.
bool licence_follows(std::string_view text, std::size_t end);

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

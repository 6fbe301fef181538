// The phrase search that reads a phrase as written (TokenCursor, find_phrase_text, phrase_at,
// same_tokens) must answer exactly what tokenising the phrase into strings answers: the
// extractors' output depends on it (issue 18 part 2 made extraction use it for speed).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/text.h"
#include "support/catch.h"

using namespace fw::extract;

namespace {

// Texts and phrases with the tokenizer's edge cases: versions, abbreviations, hyphens, case,
// bytes above ASCII, punctuation runs, repeats, empty strings.
const std::vector<std::string> kSamples = {
    "",
    "...",
    "Llama 3.1 is out",
    "Llama 3 and Llama 3.1",
    "llama 3",
    "GPT-5.5 Codex",
    "gpt 5.5",
    "Meta's Llama-3.1 (MUSE-SPARK) rolls out in the U.S. today.",
    "muse spark",
    "rolls out",
    "Caf\xC3\xA9 AI launches Caf\xC3\xA9 2",
    "caf",
    "1. 2.3 .5 a.1 1.a 3..4 v2.0.1",
    "2.3",
    "v2.0.1",
    "now available now available in the API",
    "now available in",
    "Introducing   Muse\tSpark\n2",
    "introducing muse spark 2",
    "Qwen3.5 and qwen3 and QWEN3.5-Max",
    "qwen3.5",
    "{model} is now available",
    "is now available",
};

std::vector<std::string> norms(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& t : tokenize(text)) {
        out.push_back(t.norm);
    }
    return out;
}

}  // namespace

TEST_CASE("tokenize keeps versions whole and lowers ASCII only", "[extract][text]") {
    CHECK(norms("Meta's Llama-3.1 (MUSE-SPARK) 3..4 v2.0.1") ==
          std::vector<std::string>{"meta", "s", "llama", "3.1", "muse", "spark", "3", "4", "v2.0.1"});
    CHECK(norms("Caf\xC3\xA9 2") == std::vector<std::string>{"caf", "2"});
    const auto tokens = tokenize("Llama 3.1 is out");
    CHECK_FALSE(find_phrase_text(tokens, "llama 3").has_value());
    CHECK(find_phrase_text(tokens, "Llama 3.1") == std::optional<std::size_t>(0));
    CHECK(find_phrase_text(tokens, "IS out") == std::optional<std::size_t>(2));
}

TEST_CASE("TokenCursor gives the spans of tokenize", "[extract][text]") {
    for (const auto& text : kSamples) {
        const auto tokens = tokenize(text);
        TokenCursor cursor(text);
        std::size_t k = 0;
        for (std::string_view span; cursor.next(span); ++k) {
            REQUIRE(k < tokens.size());
            CHECK(static_cast<std::size_t>(span.data() - text.data()) == tokens[k].begin);
            CHECK(span.size() == tokens[k].end - tokens[k].begin);
            CHECK(norm_equals(span, tokens[k].norm));
        }
        CHECK(k == tokens.size());
        CHECK(phrase_size(text) == phrase_tokens(text).size());
    }
}

TEST_CASE("phrase search on the written phrase answers as on its token strings", "[extract][text]") {
    for (const auto& text : kSamples) {
        const auto tokens = tokenize(text);
        for (const auto& phrase : kSamples) {
            const auto words = phrase_tokens(phrase);
            INFO("text: " << text << " | phrase: " << phrase);
            CHECK(has_phrase(tokens, phrase) == find_phrase(tokens, words).has_value());
            CHECK(same_tokens(text, phrase) == (norms(text) == words));
            for (std::size_t from = 0; from <= tokens.size() + 1; ++from) {
                const auto expected = find_phrase(tokens, words, from);
                CHECK(find_phrase_text(tokens, phrase, from) == expected);
                CHECK(find_phrase_view(tokens, view_phrase(phrase), from) == expected);
            }
            for (std::size_t at = 0; at <= tokens.size(); ++at) {
                bool expected = !words.empty() && at + words.size() <= tokens.size();
                for (std::size_t k = 0; expected && k < words.size(); ++k) {
                    expected = tokens[at + k].norm == words[k];
                }
                CHECK(phrase_at(tokens, at, phrase) == expected);
            }
        }
    }
}

#pragma once
// Extraction rules as data: phrase lists and vocabularies read from data/rules/*.json, so users
// can extend them without recompiling. Matching logic stays in code (see entity_matcher.h and the
// extractors); a rule file only says which words count.
//
// File shape: {"lists": {"release_cues": [{"pattern": "introducing {model}", "confidence": 0.9},
//                                         "is now available", ...], ...}}
// An entry is a phrase or an object {pattern, value?, confidence?, remove?}.
//
// The grammar's vocabularies (issue 13) are lists too: "launch_verbs" and "arrival_verbs" hold
// verb lemmas that the extractor inflects (introduce -> introduces, introduced, introducing; value
// "brought|+after" adds irregular forms and flags, see extract/grammar.h); "negation_words" turn a
// weights cue in their clause into closed; "release_stages" give a release's stage;
// "evaluator_heads" name boards ("... Leaderboard", "... Arena", "... Index").

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace fw::extract {

/// One phrase of a list. `value` is what the phrase means (an openness code, a stage, a region, an
/// evaluator slug...); empty when the list is a plain vocabulary.
struct Cue {
    std::string pattern;  ///< lower-case phrase; "{model}" marks where a name goes
    std::string value;
    double confidence = 0.8;
    bool remove = false;  ///< overlay marker: drop this pattern from the base rules
    bool operator==(const Cue&) const = default;
};

/// Named lists of cues. Every list name must be one of known_rule_lists().
class Rules {
public:
    const std::vector<Cue>& list(std::string_view name) const;
    /// Whether `word` (already lower-case) is one of list `name`'s patterns: the word-class test
    /// ("is this a variant word, a tier word, an exclusive-access word").
    bool contains(std::string_view name, std::string_view word) const;
    std::vector<Cue>& mutable_list(const std::string& name) { return lists_[name]; }
    const std::map<std::string, std::vector<Cue>, std::less<>>& lists() const { return lists_; }
    bool empty() const { return lists_.empty(); }

private:
    std::map<std::string, std::vector<Cue>, std::less<>> lists_;
};

/// The list names the extractors read (release_cues, openness_cues, stage_words, ...).
const std::vector<std::string>& known_rule_lists();

/// Parses one rule file. Errors (ErrorCode::Config) name `origin` and the problem: malformed
/// JSON, an unknown list name, an entry without a pattern, a confidence outside (0, 1].
/// Entries with "remove": true are kept as removal markers for merge_rules.
Result<Rules> parse_rules(std::string_view json, std::string_view origin);

/// Adds `overlay` to `base`: an entry whose pattern already exists (case-insensitively) replaces
/// the base entry, a new pattern is appended, and {"pattern": ..., "remove": true} deletes it.
void merge_rules(Rules& base, const Rules& overlay);

/// Parses and merges several files in order (bundled first, user files after).
/// `files` are (origin, text) pairs; the first error is returned.
Result<Rules> parse_rule_files(const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace fw::extract

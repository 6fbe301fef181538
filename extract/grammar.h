#pragma once
// Internal to extract/: the grammar of announcements. Vocabularies are data (rule lists of verb
// lemmas, negation words, ...); this file turns them into the forms texts use and splits texts
// into the clauses a negation or a cue binds to.
//
// A verb list entry is a lemma ("introduce", "roll out", "open-source") with an optional value of
// '|'-separated extra forms ("brought|bringing") and flags: "+after" lets the inflected verb
// follow its object in a headline ("Devstral 2 launches", "X released", "X ships"); "+exact"
// keeps the pattern uninflected; "+title" (a bare "on", "in") counts only in a headline and marks
// the phrase's value "title-verb:...".

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/rules.h"
#include "extract/text.h"

namespace fw::extract {

/// The inflections of a lemma: base, third person, past, gerund ("ship" -> ship, ships, shipped,
/// shipping). A phrasal verb inflects its first word ("roll out" -> rolls out), a hyphenated
/// compound its last ("open-source" -> open-sourced).
std::vector<std::string> verb_forms(const Cue& lemma);

/// Templates over a verb class: "<form> {model}" for every form, and "{model} <past>" (plus
/// "{model} <third person>" for "+after" verbs): "released {model}", "{model} released". The
/// confidence is the lemma's. Built once per rules object and cached by list name.
const std::vector<Cue>& verb_templates(const Rules& rules, std::string_view list);

/// Personnel templates from verb lemmas (people.json personnel_lemmas): each lemma's value is
/// "<move> <subject|object> [<irregular past>]"; a subject verb gives "{person} joins", "{person}
/// has joined", "{person} is joining", "{person} to join", ...; an object verb gives "hires
/// {person}", "has hired {person}", and its passives "{person} was hired", "{person} appointed".
const std::vector<Cue>& person_templates(const Rules& rules, std::string_view list);

/// Every form of every lemma of a list, as phrases (for cue search without a slot).
const std::vector<Cue>& verb_phrases(const Rules& rules, std::string_view list);

/// A clause: a byte range of a text that a negation or an openness cue binds to. Sentences split
/// further at "but", "while", "whereas", "however", ";", and around a relative clause between
/// commas (", which ... ,", ", who ... ,").
struct Clause {
    std::size_t begin = 0;
    std::size_t end = 0;
};
std::vector<Clause> split_clauses(std::string_view text);

/// The clause of `clauses` that holds byte `pos`, if any.
std::optional<Clause> clause_at(const std::vector<Clause>& clauses, std::size_t pos);

/// split_clauses, then at a coordinated clause (", and developers can try it in preview through
/// the Gemini API") and a "with" phrase ("... in WhatsApp and Messenger, with Instagram coming next
/// month"): the clauses a surface's stage binds to, so each surface of a sentence has its own.
std::vector<Clause> split_coordinated(std::string_view text);

/// The sentence around byte `pos`: a line, or up to ". ", "! ", "? " ("GPT 5.2" keeps its dot).
Clause sentence_around(std::string_view text, std::size_t pos);

/// The clause of split_clauses around byte `pos` within its sentence: what a withdrawal or a fix
/// binds to ("now available in Claude Code; fixed a crash on resume" withdraws nothing).
Clause clause_around(std::string_view text, std::size_t pos);

/// The sentence around byte `pos`, narrowed to the statement between semicolons that holds it:
/// a statement after ";" has a subject of its own ("Foo 3 joins the list; local models served
/// through Bar ..." says nothing of Foo 3 on Bar).
Clause statement_around(std::string_view text, std::size_t pos);

/// Where an item's lead ends: its headline and the first three sentences after it. A short item
/// (most feeds' descriptions) is all lead; past it, a long post's body.
std::size_t end_of_lead(std::string_view text);

/// The lead's first sentence: the first sentence after the headline's line (empty at the end).
Clause lead_sentence(std::string_view text);

/// A headline that is a digest of several stories ("A Leads X, B Breaks Y, C Goes Z"): at least
/// three comma-separated segments, each of at least two words and starting with a capital or a
/// digit. Its segments speak of different things. An enumeration inside one statement ("one model
/// for text, image, audio and video", "Faster, Cheaper, Smarter") is no digest.
bool digest_headline(std::string_view title);

/// A phrase of the rules' list `list` within tokens [from, to) of `tokens`.
bool said_within(const Rules& rules, std::string_view list, const std::vector<Token>& tokens, std::size_t from,
                 std::size_t to);

/// A model named as another's origin, predecessor or yardstick ("a distilled version of Muse Spark",
/// "successor to Llama 4", "compared with GPT-5"): the rules' base_model_phrases entry right before
/// byte `at`, within the sentence starting at `sentence_begin`; its value says which role (empty:
/// the origin). Such a model's openness or arrival is not the sentence's: they are the new model's.
const Cue* named_as_base(const Rules& rules, std::string_view text, std::size_t sentence_begin, std::size_t at);

/// A word of the rules' "negation_words" list in tokens [from, to) of `tokens` ("not", "won t",
/// "never", "without").
bool negated(const Rules& rules, const std::vector<Token>& tokens, std::size_t from, std::size_t to);

}  // namespace fw::extract

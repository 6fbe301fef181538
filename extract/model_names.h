#pragma once
// Model names in release-like text: candidates named by a cue template ("introducing {model}"),
// the test for "is this a model name?", and the slug/family/tier of a model met for the first time.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/taxonomy.h"
#include "extract/context.h"
#include "extract/grammar.h"

namespace fw::extract {

/// A span of text a cue template points at.
struct Slot {
    std::string text;
    std::size_t begin = 0;  ///< byte offset in the searched text
    double confidence = 0;  ///< the cue's
    bool strict = false;    ///< only known or versioned names (bare title cue, body text)
    bool whole = false;     ///< the bare "{model}" cue: the headline must be names only
    std::string cue;        ///< the pattern that found the slot ("introducing {model}")
};

/// Where `pattern` ("introducing {model}", "{person} joins") occurs in `text`, the clause on
/// the placeholder's side: "Introducing Muse Spark: Scaling..." -> "Muse Spark". A pattern that is
/// only the placeholder takes the text up to the first ':' or dash.
std::vector<Slot> template_slots(std::string_view text, const Cue& cue);
/// The same, with `text` already tokenized: callers that try every cue of a list on one text
/// tokenize it once (this was most of the extraction time of a large fetch).
std::vector<Slot> template_slots(std::string_view text, const std::vector<Token>& tokens, const Cue& cue);

/// Splits "Muse Image and Muse Video" into names and trims articles, lab names and trailing
/// words after "for", "with", "in", ...: "the new Llama 4 Scout for developers" -> "Llama 4 Scout".
std::vector<Slot> split_names(const Slot& slot, const Context& ctx);

/// The model name a slot starts with, in running text: leading lower-case words and a maker's
/// possessive are skipped ("Anthropic's upgraded Claude 3.5 Sonnet" -> "Claude 3.5 Sonnet"), the
/// name ends at a possessive, a lower-case word or punctuation, and capitalised words after its
/// last version or variant word are the sentence's ("GPT-5.5 Cyber Capabilities" -> "GPT-5.5").
/// `begin` is the name's byte offset in the slot's text (npos: no name).
std::string leading_name(std::string_view text, const Context& ctx, std::size_t* begin = nullptr);

/// A resolved model mention: known (taxonomy or discovered before) or a new one to remember.
struct ModelRef {
    std::string slug;
    bool known = false;
    std::optional<ModelInfo> discovered;  ///< set for a new model
    double confidence = 0;
};

/// Shaped like a product name: every word capitalised, a version or size, an acronym, or a
/// variant word ("GPT-4o mini"); "100+ new roles" and "global workspace" are phrases.
bool name_shaped(const Context& ctx, std::string_view name);

/// "v1.0", "1.0.1", "v2": a release tag or a bare version, never a model's name.
bool version_only(const std::vector<Token>& tokens);

/// Resolves a candidate name: a known model covering the whole name, else a new model when the
/// name looks like one (capitalised or versioned, no non-model word, and a version, a known
/// family's first word, or a model word in the text). Nullopt when it is not a model.
/// With `coined`, a capitalised unversioned name with no model word around it (a lab's headline
/// "Magistral") still resolves, with a low confidence (0.5) that context must raise.
std::optional<ModelRef> resolve_model_name(std::string_view name, const Context& ctx, bool coined = false);

/// "30b", "a3b", "e4b", "8x7b", "16e", "1.5t": a parameter or expert count (a token's norm), the
/// size of one checkpoint, never a version.
bool size_token(std::string_view t);

/// "2606", "250715", "20260916": a checkpoint's date stamp (a token's norm: year and month first,
/// in the 2020s), never a version.
bool date_stamp(std::string_view t);

/// Whether `sentence` names a tracked model as the origin or predecessor of what it describes
/// (releases.json base_model_phrases with no value or "predecessor"; not a yardstick).
bool relative_of_tracked_model(const Context& ctx, Clause sentence);

/// resolve_model_name with `coined`, for a candidate a person reviews: a name the text gives no
/// maker for still resolves (new models are otherwise remembered only for a known lab).
std::optional<ModelRef> resolve_for_review(std::string_view name, const Context& ctx);

/// `begin` moved back over a lab's name right before it ("DeepSeek" before "R1"): split_names
/// drops makers' names, and the model's name may start with one.
std::size_t with_maker(const Context& ctx, std::size_t begin);

/// resolve_model_name of leading_name(text), the maker's name dropped when the rest is a known
/// model ("Anthropic Claude 3.5 Sonnet") and kept when it is not ("DeepSeek V4-Pro").
std::optional<ModelRef> resolve_leading(std::string_view text, const Context& ctx, std::size_t* begin = nullptr);

/// "Muse Spark 1.1" -> "muse-spark" (version, size and variant words stripped from the end);
/// a known model that prefixes the name gives its own family.
std::string family_of(std::string_view name, const Context& ctx);
/// From the taxonomy or the rules' tier_words / a parameter count in the name.
Tier tier_of(std::string_view name, const Context& ctx);

/// A new ModelInfo from a name ("Muse Spark 1.1", lab "meta").
ModelInfo make_model(std::string_view name, const std::string& lab, const Context& ctx);

}  // namespace fw::extract

namespace fw::extract {

/// A model named in a span of text, as specifically as the text names it: a known name extended
/// over the version, variant and capitalised words that follow it ("Claude" + "Mythos Preview",
/// "Gemini" + "3.1 Pro"), or a versioned name starting with a known family's first word
/// ("GPT-5.5", "Grok 3"). Extended names not in the taxonomy come back as `discovered`.
struct SpecificModel {
    std::string slug;
    std::size_t begin = 0;  ///< byte offsets in ctx.text
    std::size_t end = 0;
    std::optional<ModelInfo> discovered;
};
std::vector<SpecificModel> specific_models(const Context& ctx, std::size_t from, std::size_t to);

}  // namespace fw::extract

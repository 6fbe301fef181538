#pragma once
// Character references, decoded exactly once: XML's five, numeric (&#38; &#x26;) and the HTML
// named references feeds put in XML without declaring them (&nbsp; &mdash; &hellip;).

#include <optional>
#include <string>
#include <string_view>

namespace fw::ingest {

enum class UnknownEntities {
    Keep,  ///< "&bogus;" stays as literal text (ordinary feeds)
    Drop,  ///< removed: the document declared its own entities (DTD ignored, never expanded)
};

/// UTF-8 of a named reference without '&' and ';' ("nbsp"), or nullopt.
std::optional<std::string_view> lookup_entity(std::string_view name);

/// One pass over `text`: every reference is replaced by its character; the output is never
/// decoded again. Numeric references to NUL, surrogates or beyond U+10FFFF become U+FFFD;
/// &#128;..&#159; read as windows-1252 (the HTML rule).
std::string decode_entities(std::string_view text, UnknownEntities unknown = UnknownEntities::Keep);

/// Appends the decoded form of `text` to `out` (the allocation-free core of decode_entities).
void append_decoded(std::string& out, std::string_view text, UnknownEntities unknown = UnknownEntities::Keep);

/// Escapes &, <, >, " for XML text and attributes.
std::string xml_escape(std::string_view text);

}  // namespace fw::ingest

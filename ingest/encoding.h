#pragma once
// Bytes from the wire -> valid UTF-8 text, before any parser sees them. pugixml cannot decode
// windows-1252 and passes invalid UTF-8 through, so everything is normalised here first.

#include <string>
#include <string_view>
#include <vector>

namespace fw::ingest {

struct DecodedText {
    std::string text;                   ///< valid UTF-8, no BOM, no NUL or C0/C1 controls but \t\n\r
    std::string charset;                ///< the charset the bytes were read as ("utf-8", "windows-1252", ...)
    std::vector<std::string> warnings;  ///< "what: detail", e.g. repaired byte sequences
};

/// Precedence (one rule, tested both ways): a BOM wins; else bytes that are valid UTF-8 are read as
/// UTF-8 whatever is declared (declarations are often wrong); else the HTTP charset; else the XML
/// declaration's encoding; else UTF-8 (the XML default), each invalid sequence repaired as
/// U+FFFD. ISO-8859-1 and US-ASCII are read as windows-1252 (the browser convention). Other
/// labels go through iconv; unknown labels fall back to windows-1252 with a warning.
DecodedText decode_to_utf8(std::string_view bytes, std::string_view http_content_type = {});

/// Same rule, taking the bytes: when they need no repair (the usual UTF-8 feed) they become the
/// text without a copy, which for a 20 MB feed saves a copy and its page faults.
DecodedText decode_to_utf8_owned(std::string bytes, std::string_view http_content_type = {});

/// The charset parameter of a Content-Type header, lowercased ("" when absent).
std::string charset_from_content_type(std::string_view content_type);

/// The encoding="..." of a leading XML declaration, lowercased ("" when absent).
std::string xml_declared_encoding(std::string_view bytes);

/// True when the bytes are well-formed UTF-8 (no overlongs, surrogates or values > U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

/// True when sanitize_utf8 would return the bytes unchanged: valid UTF-8 without NUL or the
/// C0, DEL and C1 controls it drops (tab, LF and CR are kept).
bool needs_no_repair(std::string_view bytes);

/// Replaces each invalid sequence with U+FFFD and drops NUL and control characters other than
/// tab, LF and CR (C0, DEL and C1). Returns the number of repairs made.
std::size_t sanitize_utf8(std::string_view in, std::string& out);

/// Appends the UTF-8 encoding of a code point (invalid ones become U+FFFD).
void append_utf8(std::string& out, char32_t cp);

}  // namespace fw::ingest

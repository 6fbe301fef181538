#pragma once
// Escaping for the text formats we write by hand.

#include <string>
#include <string_view>

namespace fw::report {

/// &, <, >, " and ' as entities; control characters other than tab/newline dropped (XML 1.0
/// cannot carry them). Safe in HTML/XML text and in quoted attributes.
std::string escape_xml(std::string_view text);

/// Markdown table cell: pipes escaped, newlines flattened, and HTML-significant characters
/// escaped (Markdown renderers pass raw HTML through).
std::string escape_markdown_cell(std::string_view text);

}  // namespace fw::report

#pragma once
// HTML -> plain text. Two readers with one output convention: visible text only (no script,
// style, template, noscript, head), each block element boundary becomes one line break, runs of
// whitespace collapse to one space, no leading or trailing whitespace.

#include <string>
#include <string_view>

namespace fw::ingest {

/// Full HTML5 parse with gumbo: for whole pages (the page adapter) and untrusted documents.
std::string html_to_text(std::string_view html);

/// A watched page's text: html_to_text without the page chrome (nav, header, footer, aside),
/// so a site's menu or footer changing is not a change of what the page says.
std::string page_text(std::string_view html);

/// The main text of an article page: the first <article>, else <main>, else the body, each
/// without chrome (nav, header, footer, aside) and hidden elements (script, style, ...).
std::string article_text(std::string_view html);

/// The <title> of a page as plain text ("" when absent).
std::string page_title(std::string_view html);

/// Fast single-pass reader for feed fragments (titles, summaries, content): the same rules as
/// html_to_text without building a tree. Entities are decoded once here; text that contains no
/// tag and no reference is returned with whitespace collapsed.
std::string markup_to_text(std::string_view html);

/// True when `text` contains something that looks like a tag ("<b", "</", "<!") or a reference.
bool looks_like_markup(std::string_view text);

}  // namespace fw::ingest

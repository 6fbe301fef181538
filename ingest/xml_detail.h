#pragma once
// Internal to ingest/ (included by .cpp files only; pugixml stays out of public headers):
// loading a feed document safely and reading it by namespace URI rather than by prefix.

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "domain/feed.h"
#include "domain/result.h"
#include "ingest/entities.h"

namespace fw::ingest::detail {

/// Namespaces this code understands; prefixes are resolved to these through xmlns declarations.
enum class Ns { None, Atom10, Atom03, Rss10, Rss090, Rdf, Dc, DcTerms, Content, Media, Itunes, Xml, Other };

Ns classify_namespace(std::string_view uri);

/// A loaded document and how to read its text. The DOCTYPE is never processed: entities declared
/// there are not expanded (references to them are dropped from text, with a warning).
struct XmlDocument {
    pugi::xml_document doc;
    UnknownEntities unknown = UnknownEntities::Keep;
    std::string base_url;
    std::vector<std::string> warnings;
    std::string buffer;      ///< the text pugixml parsed in place (load_xml_owned)
    bool plain_text = true;  ///< ParseOptions::plain_text: fill summary_text and content_text

    /// Set at load when every namespace declaration is on the root element, the only element
    /// at the top: then a prefix means the same everywhere, and its binding is looked up once
    /// (a cache below) instead of walking each element's ancestors and their attributes.
    bool flat_namespaces = false;
    struct Binding {
        std::string_view prefix;
        Ns ns = Ns::None;
        std::string_view uri;  ///< "" when unbound
    };
    mutable std::vector<Binding> bindings;  ///< flat_namespaces only: prefixes seen so far
};

/// Parses UTF-8 text (already normalised by decode_to_utf8). A malformed or truncated document
/// is an Error{Parse} with the byte offset: a partial tree is never used.
Status load_xml(std::string_view utf8, XmlDocument& out);

/// Same, parsing `utf8` in place (no copy); the document keeps the buffer alive.
Status load_xml_owned(std::string utf8, XmlDocument& out);

/// The first element child of the document (the root), skipping comments and PIs.
pugi::xml_node root_element(const XmlDocument& d);

std::string_view local_name(pugi::xml_node n);

// The readers below take the document for its namespace cache; they answer exactly what the
// node-only forms further down answer.
Ns element_ns(const XmlDocument& d, pugi::xml_node n);
std::string_view element_ns_uri(const XmlDocument& d, pugi::xml_node n);
bool in_core_ns(const XmlDocument& d, pugi::xml_node n, Ns core, std::string_view core_uri);
Ns attribute_ns(const XmlDocument& d, pugi::xml_node n, std::string_view attr_name);
pugi::xml_node child(const XmlDocument& d, pugi::xml_node parent, Ns ns, std::string_view local);

/// Namespace of the element, resolving its prefix through the xmlns declarations in scope.
/// Undeclared well-known prefixes (dc, content, media, atom, itunes) map to their usual URI.
Ns element_ns(pugi::xml_node n);
/// The namespace URI itself ("" when none): tells two Ns::Other namespaces apart.
std::string_view element_ns_uri(pugi::xml_node n);
/// True when n is in the namespace `core` of a document whose root namespace URI is core_uri.
bool in_core_ns(pugi::xml_node n, Ns core, std::string_view core_uri);
/// Same for an attribute name ("xml:base", "rdf:about") on element n.
Ns attribute_ns(pugi::xml_node n, std::string_view attr_name);

/// The named child in namespace `ns` (first match), or an empty node.
pugi::xml_node child(pugi::xml_node parent, Ns ns, std::string_view local);

/// Attribute value by local name and namespace (Ns::None = unprefixed), decoded.
std::string attr(const XmlDocument& d, pugi::xml_node n, std::string_view local, Ns ns = Ns::None);

/// Text content: character data decoded once, CDATA as is; when the element holds markup
/// (unescaped HTML inside RSS) the inner XML is returned as written.
std::string text(const XmlDocument& d, pugi::xml_node n);

/// The children of n serialised as written (for xhtml content and embedded markup).
std::string inner_xml(pugi::xml_node n);

/// The base URL in effect at n: the feed URL with every xml:base from the root down applied.
std::string base_of(const XmlDocument& d, pugi::xml_node n);

/// Resolves a link found at node n (xml:base, then the feed URL); "" for non-http(s) results.
std::string resolve_at(const XmlDocument& d, pugi::xml_node n, std::string_view link);

enum class TextKind { Text, Html, Guess };

/// Plain text of a value: Html is read as HTML; Text only has whitespace collapsed; Guess reads
/// it as HTML when a tag is visible.
std::string plain(std::string_view value, TextKind kind);

/// Fills summary_text/content_text (unless with_text is false) and trims fields; common end of
/// every format's entry.
void finish_entry(FeedEntry& e, TextKind summary_kind, TextKind content_kind, bool with_text = true);

/// Records a date: parsed value or nullopt plus the raw text and a warning on failure.
void set_date(ParsedFeed& feed, std::optional<TimePoint>& slot, std::string& raw, std::string value,
              std::string_view where);

/// "Name <email>", "email (Name)" and friends -> the best display name.
std::string author_name(std::string_view value);

/// Caps that keep hostile documents bounded (robustness.md F7).
constexpr std::size_t kMaxItems = 10000;
constexpr std::size_t kMaxTitleBytes = 2048;

}  // namespace fw::ingest::detail

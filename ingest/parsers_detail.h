#pragma once
// Internal to ingest/: one reader per format, called by parse_feed() after detection and
// decoding. Each fills `feed` (format already set) or returns Error{Parse}.

#include <string_view>

#include "domain/feed.h"
#include "domain/result.h"
#include "ingest/feed_parser.h"
#include "ingest/xml_detail.h"

namespace fw::ingest::detail {

Status read_rss(const XmlDocument& doc, ParsedFeed& feed);   // RSS 0.9x and 2.0 (<rss>)
Status read_rdf(const XmlDocument& doc, ParsedFeed& feed);   // RSS 1.0 and 0.90 (<rdf:RDF>)
Status read_atom(const XmlDocument& doc, ParsedFeed& feed);  // Atom 0.3 and 1.0
Status read_json_feed(std::string_view utf8, const std::string& base_url, ParsedFeed& feed);

/// For the Atom-based adapters: decodes, loads and reads an Atom body, keeping the document so
/// the adapter can read its own elements. The i-th <entry> child of the root is feed.items[i].
Status load_atom(std::string_view body, const ParseOptions& opts, XmlDocument& doc, ParsedFeed& feed);

/// The <entry> elements of the root, in document order.
std::vector<pugi::xml_node> atom_entries(const XmlDocument& doc);

/// Shared by RSS 2.0 and RDF: one <item> (core = the namespace of the format's own elements).
FeedEntry read_rss_item(const XmlDocument& doc, pugi::xml_node item, Ns core, ParsedFeed& feed);
/// Shared by RSS 2.0 and RDF: the <channel>'s own fields.
void read_rss_channel(const XmlDocument& doc, pugi::xml_node channel, Ns core, ParsedFeed& feed);

}  // namespace fw::ingest::detail

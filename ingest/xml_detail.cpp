#include "ingest/xml_detail.h"

#include <cctype>
#include <sstream>

#include "domain/slug.h"
#include "ingest/date_parser.h"
#include "ingest/html_text.h"
#include "ingest/url.h"

namespace fw::ingest::detail {
namespace {

std::string_view prefix_of(std::string_view qname) {
    const auto colon = qname.find(':');
    return colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon);
}

/// The URI bound to `prefix` at n ("" prefix = default namespace); found = false if unbound.
std::string_view lookup_prefix(pugi::xml_node n, std::string_view prefix, bool& found) {
    for (; n && n.type() == pugi::node_element; n = n.parent()) {
        for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
            const std::string_view name = a.name();
            if (name.substr(0, 5) != "xmlns")
                continue;
            if ((prefix.empty() && name.size() == 5) ||
                (name.size() == 6 + prefix.size() && name[5] == ':' && name.substr(6) == prefix)) {
                found = true;
                return a.value();
            }
        }
    }
    found = false;
    return {};
}

Ns resolve_prefix(pugi::xml_node scope, std::string_view prefix) {
    if (prefix == "xml")
        return Ns::Xml;
    bool found = false;
    const std::string_view uri = lookup_prefix(scope, prefix, found);
    if (found)
        return classify_namespace(uri);
    if (prefix.empty())
        return Ns::None;
    // Undeclared prefix (feedparser's undeclared_namespace case): trust the conventional ones.
    if (prefix == "dc")
        return Ns::Dc;
    if (prefix == "dcterms")
        return Ns::DcTerms;
    if (prefix == "content")
        return Ns::Content;
    if (prefix == "media")
        return Ns::Media;
    if (prefix == "atom")
        return Ns::Atom10;
    if (prefix == "itunes")
        return Ns::Itunes;
    if (prefix == "rdf")
        return Ns::Rdf;
    return Ns::Other;
}

/// trim() without a copy: the fields are moved-in strings already owned by the entry.
void trim_in_place(std::string& s) {
    const std::string_view t = trim(s);
    if (t.empty()) {
        s.clear();
        return;
    }
    const auto offset = static_cast<std::size_t>(t.data() - s.data());
    s.erase(offset + t.size());
    s.erase(0, offset);
}

std::size_t find_ci(std::string_view hay, std::string_view needle) {
    return to_lower_ascii(hay).find(needle);
}

}  // namespace

Ns classify_namespace(std::string_view uri) {
    // Case-insensitive and allocation-free: this runs for every element of every feed.
    static constexpr std::pair<std::string_view, Ns> kKnown[] = {
        {"http://www.w3.org/2005/atom", Ns::Atom10},
        {"http://purl.org/atom/ns#", Ns::Atom03},
        {"http://purl.org/rss/1.0/", Ns::Rss10},
        {"http://my.netscape.com/rdf/simple/0.9/", Ns::Rss090},
        {"http://www.w3.org/1999/02/22-rdf-syntax-ns#", Ns::Rdf},
        {"http://purl.org/dc/elements/1.1/", Ns::Dc},
        {"http://purl.org/dc/terms/", Ns::DcTerms},
        {"http://purl.org/rss/1.0/modules/content/", Ns::Content},
        {"http://search.yahoo.com/mrss/", Ns::Media},
        {"http://search.yahoo.com/mrss", Ns::Media},
        {"http://www.itunes.com/dtds/podcast-1.0.dtd", Ns::Itunes},
        {"http://www.w3.org/xml/1998/namespace", Ns::Xml},
    };
    uri = trim(uri);
    if (uri.empty())
        return Ns::None;
    for (const auto& [known, ns] : kKnown) {
        if (known.size() != uri.size())
            continue;
        bool same = true;
        for (std::size_t i = 0; i < known.size() && same; ++i) {
            same = known[i] == static_cast<char>(std::tolower(static_cast<unsigned char>(uri[i])));
        }
        if (same)
            return ns;
    }
    return Ns::Other;
}

namespace {

// Escapes stay undecoded in the tree: entities.cpp decodes them exactly once, including the
// HTML names pugixml would leave behind. No parse_doctype: the DTD is skipped, never expanded.
constexpr unsigned kParseOptions = pugi::parse_cdata | pugi::parse_wconv_attribute | pugi::parse_eol;

Status check_parse(const pugi::xml_parse_result& r) {
    if (r)
        return ok();
    return make_error(ErrorCode::Parse,
                      std::string("feed.xml_malformed: ") + r.description() + " at byte " + std::to_string(r.offset));
}

/// Entities declared in an internal DTD subset are never expanded; their references are dropped.
void note_doctype(std::string_view utf8, XmlDocument& out) {
    const auto doctype = find_ci(utf8.substr(0, std::min<std::size_t>(utf8.size(), 1 << 16)), "<!doctype");
    if (doctype == std::string::npos)
        return;
    const std::string_view head = utf8.substr(doctype);
    const auto internal_end = head.find("]>");
    if (head.substr(0, internal_end).find("<!ENTITY") != std::string_view::npos) {
        out.unknown = UnknownEntities::Drop;
        out.warnings.push_back("feed.doctype_ignored: entity declarations are not expanded");
    }
}

/// Times "xmlns" occurs in the text: every namespace declaration's name has it once.
std::size_t count_xmlns(std::string_view text) {
    std::size_t count = 0;
    for (auto at = text.find("xmlns"); at != std::string_view::npos; at = text.find("xmlns", at + 5))
        ++count;
    return count;
}

/// flat_namespaces: one element at the top, and as many "xmlns" in the whole text as the
/// root's own declarations (any other declaration, or the word in text, turns it off).
void note_namespaces(std::size_t xmlns_in_text, XmlDocument& out) {
    out.flat_namespaces = false;
    out.bindings.clear();
    pugi::xml_node root;
    for (pugi::xml_node n = out.doc.first_child(); n; n = n.next_sibling()) {
        if (n.type() != pugi::node_element)
            continue;
        if (root)
            return;
        root = n;
    }
    if (!root)
        return;
    std::size_t declared = 0;
    for (pugi::xml_attribute a = root.first_attribute(); a; a = a.next_attribute()) {
        if (std::string_view(a.name()).substr(0, 5) == "xmlns")
            ++declared;
    }
    out.flat_namespaces = declared == xmlns_in_text;
}

/// The root's binding of a prefix, cached (flat_namespaces only).
const XmlDocument::Binding& flat_binding(const XmlDocument& d, std::string_view prefix) {
    for (const auto& b : d.bindings) {
        if (b.prefix == prefix)
            return b;
    }
    const pugi::xml_node root = root_element(d);
    bool found = false;
    const std::string_view uri = lookup_prefix(root, prefix, found);
    return d.bindings.emplace_back(XmlDocument::Binding{prefix, resolve_prefix(root, prefix), uri});
}

}  // namespace

Status load_xml(std::string_view utf8, XmlDocument& out) {
    if (Status s = check_parse(out.doc.load_buffer(utf8.data(), utf8.size(), kParseOptions, pugi::encoding_utf8)); !s) {
        return s;
    }
    note_doctype(utf8, out);
    note_namespaces(count_xmlns(utf8), out);
    return ok();
}

Status load_xml_owned(std::string utf8, XmlDocument& out) {
    note_doctype(utf8, out);
    const std::size_t xmlns = count_xmlns(utf8);  // before pugixml writes into the buffer
    out.buffer = std::move(utf8);
    if (Status s = check_parse(
            out.doc.load_buffer_inplace(out.buffer.data(), out.buffer.size(), kParseOptions, pugi::encoding_utf8));
        !s) {
        return s;
    }
    note_namespaces(xmlns, out);
    return ok();
}

Ns element_ns(const XmlDocument& d, pugi::xml_node n) {
    return d.flat_namespaces ? flat_binding(d, prefix_of(n.name())).ns : element_ns(n);
}

std::string_view element_ns_uri(const XmlDocument& d, pugi::xml_node n) {
    return d.flat_namespaces ? flat_binding(d, prefix_of(n.name())).uri : element_ns_uri(n);
}

bool in_core_ns(const XmlDocument& d, pugi::xml_node n, Ns core, std::string_view core_uri) {
    const Ns ns = element_ns(d, n);
    if (ns != core)
        return false;
    return core != Ns::Other || element_ns_uri(d, n) == core_uri;
}

Ns attribute_ns(const XmlDocument& d, pugi::xml_node n, std::string_view attr_name) {
    const std::string_view prefix = prefix_of(attr_name);
    if (prefix.empty())
        return Ns::None;
    return d.flat_namespaces ? flat_binding(d, prefix).ns : resolve_prefix(n, prefix);
}

pugi::xml_node child(const XmlDocument& d, pugi::xml_node parent, Ns ns, std::string_view local) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element && local_name(c) == local && element_ns(d, c) == ns)
            return c;
    }
    return {};
}

pugi::xml_node root_element(const XmlDocument& d) {
    for (pugi::xml_node n = d.doc.first_child(); n; n = n.next_sibling()) {
        if (n.type() == pugi::node_element)
            return n;
    }
    return {};
}

std::string_view local_name(pugi::xml_node n) {
    const std::string_view name = n.name();
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

Ns element_ns(pugi::xml_node n) {
    return resolve_prefix(n, prefix_of(n.name()));
}

std::string_view element_ns_uri(pugi::xml_node n) {
    bool found = false;
    return lookup_prefix(n, prefix_of(n.name()), found);
}

bool in_core_ns(pugi::xml_node n, Ns core, std::string_view core_uri) {
    const Ns ns = element_ns(n);
    if (ns != core)
        return false;
    return core != Ns::Other || element_ns_uri(n) == core_uri;
}

Ns attribute_ns(pugi::xml_node n, std::string_view attr_name) {
    const std::string_view prefix = prefix_of(attr_name);
    return prefix.empty() ? Ns::None : resolve_prefix(n, prefix);
}

pugi::xml_node child(pugi::xml_node parent, Ns ns, std::string_view local) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element && local_name(c) == local && element_ns(c) == ns)
            return c;
    }
    return {};
}

std::string attr(const XmlDocument& d, pugi::xml_node n, std::string_view local, Ns ns) {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
        const std::string_view name = a.name();
        const auto colon = name.find(':');
        const std::string_view lname = colon == std::string_view::npos ? name : name.substr(colon + 1);
        if (lname != local || name.substr(0, 5) == "xmlns")
            continue;
        if (attribute_ns(d, n, name) == ns)
            return decode_entities(a.value(), d.unknown);
    }
    return {};
}

std::string inner_xml(pugi::xml_node n) {
    std::ostringstream ss;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        c.print(ss, "", pugi::format_raw | pugi::format_no_escapes | pugi::format_no_declaration);
    }
    return ss.str();
}

std::string text(const XmlDocument& d, pugi::xml_node n) {
    std::string out;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element)
            return inner_xml(n);
    }
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_pcdata) {
            const std::string_view value = c.value();
            if (out.empty())
                out.reserve(value.size());  // decoding never grows the common case
            append_decoded(out, value, d.unknown);
        } else if (c.type() == pugi::node_cdata) {
            out += c.value();
        }
    }
    return out;
}

std::string base_of(const XmlDocument& d, pugi::xml_node n) {
    std::vector<pugi::xml_node> chain;
    for (; n && n.type() == pugi::node_element; n = n.parent())
        chain.push_back(n);
    std::string base = d.base_url;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const pugi::xml_attribute a = it->attribute("xml:base");
        if (!a)
            continue;
        const std::string value = decode_entities(a.value());
        const std::string resolved = resolve_url(base, value);
        if (!resolved.empty())
            base = resolved;
    }
    return base;
}

std::string resolve_at(const XmlDocument& d, pugi::xml_node n, std::string_view link) {
    const std::string_view t = trim(link);
    if (t.empty())
        return {};
    if (is_http_url(t) && t.find("/.") == std::string_view::npos &&
        t.find_first_of(" \t\n\r") == std::string_view::npos) {
        return std::string(t);  // already absolute and clean: skip the base computation
    }
    return resolve_url(base_of(d, n), t);
}

std::string plain(std::string_view value, TextKind kind) {
    if (kind == TextKind::Html ||
        (kind == TextKind::Guess && looks_like_markup(value) && value.find('<') != std::string_view::npos)) {
        return markup_to_text(value);
    }
    std::string out;
    out.reserve(value.size());
    bool space = false;
    for (char c : value) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
        } else {
            if (space)
                out.push_back(' ');
            space = false;
            out.push_back(c);
        }
    }
    return out;
}

void finish_entry(FeedEntry& e, TextKind summary_kind, TextKind content_kind, bool with_text) {
    if (e.title.size() > kMaxTitleBytes) {
        std::size_t cut = kMaxTitleBytes;
        while (cut > 0 && (static_cast<unsigned char>(e.title[cut]) & 0xC0) == 0x80)
            --cut;
        e.title.resize(cut);
    }
    trim_in_place(e.id);
    trim_in_place(e.summary);  // CDATA indentation is layout, not content
    trim_in_place(e.content);
    if (!with_text)
        return;
    e.summary_text = plain(e.summary, summary_kind);
    e.content_text = plain(e.content, content_kind);
}

void set_date(ParsedFeed& feed, std::optional<TimePoint>& slot, std::string& raw, std::string value,
              std::string_view where) {
    value = std::string(trim(value));
    if (value.empty())
        return;
    slot = parse_feed_date(value);
    if (!slot) {
        feed.warnings.push_back("feed.bad_date: '" + value + "' in " + std::string(where));
    }
    raw = std::move(value);
}

std::string author_name(std::string_view value) {
    std::string_view v = trim(value);
    // "email (Name)" or "Name (email)": the part without '@' is the name.
    if (const auto open = v.find('('); open != std::string_view::npos && !v.empty() && v.back() == ')') {
        const std::string_view inner = trim(v.substr(open + 1, v.size() - open - 2));
        const std::string_view outer = trim(v.substr(0, open));
        if (inner.find('@') != std::string_view::npos && !outer.empty())
            return std::string(outer);
        if (!inner.empty())
            return std::string(inner);
    }
    // "Name <email>" -> Name
    if (const auto lt = v.find('<'); lt != std::string_view::npos && lt > 0 && v.back() == '>') {
        return std::string(trim(v.substr(0, lt)));
    }
    return std::string(v);
}

}  // namespace fw::ingest::detail

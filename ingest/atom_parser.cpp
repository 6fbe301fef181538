// Atom 1.0 (RFC 4287) and Atom 0.3. Text constructs honour type= (text, html, xhtml, MIME
// types) and 0.3's mode= (escaped, xml); links resolve through xml:base.

#include <algorithm>
#include <cstdlib>

#include "domain/slug.h"
#include "ingest/parsers_detail.h"

namespace fw::ingest::detail {
namespace {

struct TextConstruct {
    std::string value;  // as found: HTML stays HTML
    TextKind kind = TextKind::Text;
};

TextConstruct read_text_construct(const XmlDocument& doc, pugi::xml_node n) {
    TextConstruct t;
    if (!n)
        return t;
    const std::string type = to_lower_ascii(attr(doc, n, "type"));
    const std::string mode = to_lower_ascii(attr(doc, n, "mode"));
    if (type == "xhtml" || type == "application/xhtml+xml" || mode == "xml") {
        pugi::xml_node div;
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
            if (c.type() == pugi::node_element) {
                div = local_name(c) == "div" ? c : pugi::xml_node{};
                break;
            }
        }
        t.value = div ? inner_xml(div) : inner_xml(n);
        t.kind = TextKind::Html;
        return t;
    }
    t.value = text(doc, n);
    const bool html = type == "html" || type == "text/html" || mode == "escaped";
    t.kind = html                                                       ? TextKind::Html
             : (type.empty() || type == "text" || type == "text/plain") ? TextKind::Text
                                                                        : TextKind::Guess;
    if (t.kind == TextKind::Text && t.value.find('<') != std::string::npos &&
        n.first_child().type() == pugi::node_element) {
        t.kind = TextKind::Html;  // markup written inline without a type
    }
    return t;
}

/// The preferred link among n's <link> children: rel="alternate" (or none) wins.
pugi::xml_node alternate_link(const XmlDocument& doc, pugi::xml_node n, Ns core) {
    pugi::xml_node fallback;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element || local_name(c) != "link" || element_ns(doc, c) != core)
            continue;
        const std::string rel = attr(doc, c, "rel");
        if (rel.empty() || rel == "alternate") {
            const std::string type = attr(doc, c, "type");
            if (type.empty() || type.find("html") != std::string::npos)
                return c;
            if (!fallback)
                fallback = c;
        }
    }
    return fallback;
}

std::string link_href(const XmlDocument& doc, pugi::xml_node link) {
    if (!link)
        return {};
    std::string href = attr(doc, link, "href");
    if (href.empty())
        href = text(doc, link);  // some producers write the URL as content
    return resolve_at(doc, link, href);
}

FeedEntry read_entry(const XmlDocument& doc, pugi::xml_node entry, Ns core, std::string_view core_uri,
                     ParsedFeed& feed) {
    FeedEntry e;
    TextConstruct summary, content;
    std::string published, updated;
    for (pugi::xml_node c = entry.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element)
            continue;
        const Ns ns = element_ns(doc, c);
        const std::string_view local = local_name(c);
        if (!in_core_ns(doc, c, core, core_uri)) {
            if ((ns == Ns::Dc || ns == Ns::DcTerms) && local == "creator")
                e.authors.push_back(text(doc, c));
            continue;
        }
        if (local == "id")
            e.id = text(doc, c);
        else if (local == "title") {
            const TextConstruct t = read_text_construct(doc, c);
            e.title = plain(t.value, t.kind);
        } else if (local == "summary")
            summary = read_text_construct(doc, c);
        else if (local == "content")
            content = read_text_construct(doc, c);
        else if (local == "published" || local == "issued")
            published = text(doc, c);
        else if (local == "created" && published.empty())
            published = text(doc, c);
        else if (local == "updated" || local == "modified")
            updated = text(doc, c);
        else if (local == "author") {
            std::string name = std::string(trim(text(doc, child(doc, c, core, "name"))));
            if (name.empty())
                name = std::string(trim(text(doc, child(doc, c, core, "email"))));
            if (!name.empty())
                e.authors.push_back(std::move(name));
        } else if (local == "category") {
            std::string term = attr(doc, c, "term");
            if (term.empty())
                term = attr(doc, c, "label");
            if (!trim(term).empty())
                e.categories.emplace_back(trim(term));
        } else if (local == "link" && attr(doc, c, "rel") == "enclosure") {
            Enclosure enc{link_href(doc, c), attr(doc, c, "type"), 0};
            enc.length = std::max<std::int64_t>(0, std::strtoll(attr(doc, c, "length").c_str(), nullptr, 10));
            e.enclosures.push_back(std::move(enc));
        }
    }
    e.link = link_href(doc, alternate_link(doc, entry, core));
    const std::string where = "entry " + std::to_string(feed.items.size() + 1);
    set_date(feed, e.published, e.published_raw, published, where);
    set_date(feed, e.updated, e.updated_raw, updated, where);
    e.summary = std::move(summary.value);
    e.content = std::move(content.value);
    finish_entry(e, summary.kind, content.kind, doc.plain_text);
    return e;
}

}  // namespace

Status read_atom(const XmlDocument& doc, ParsedFeed& feed) {
    const pugi::xml_node root = root_element(doc);
    const Ns core = element_ns(doc, root);
    const std::string_view core_uri = element_ns_uri(doc, root);
    if (local_name(root) == "entry") {  // a lone entry document: one item, no feed metadata
        feed.items.push_back(read_entry(doc, root, core, core_uri, feed));
        return ok();
    }
    std::string updated;
    for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element || !in_core_ns(doc, c, core, core_uri))
            continue;
        const std::string_view local = local_name(c);
        if (local == "title") {
            const TextConstruct t = read_text_construct(doc, c);
            feed.title = plain(t.value, t.kind);
        } else if (local == "subtitle" || local == "tagline") {
            const TextConstruct t = read_text_construct(doc, c);
            feed.description = plain(t.value, t.kind);
        } else if (local == "updated" || (local == "modified" && updated.empty())) {
            updated = text(doc, c);
        } else if (local == "entry") {
            if (feed.items.size() >= kMaxItems) {
                feed.warnings.push_back("feed.too_many_items: kept the first " + std::to_string(kMaxItems));
                break;
            }
            feed.items.push_back(read_entry(doc, c, core, core_uri, feed));
        }
    }
    feed.link = link_href(doc, alternate_link(doc, root, core));
    if (const std::string lang = attr(doc, root, "lang", Ns::Xml); !trim(lang).empty()) {
        feed.language = std::string(trim(lang));
        std::replace(feed.language->begin(), feed.language->end(), '_', '-');  // en_US -> en-US (BCP 47)
    }
    std::string raw;
    set_date(feed, feed.updated, raw, updated, "feed");
    return ok();
}

}  // namespace fw::ingest::detail

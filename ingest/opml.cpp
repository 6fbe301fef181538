#include "ingest/opml.h"

#include <map>

#include "domain/slug.h"
#include "ingest/encoding.h"
#include "ingest/entities.h"
#include "ingest/xml_detail.h"

namespace fw::ingest {
namespace {

constexpr std::size_t kMaxDepth = 64;

/// Value of an attribute whose prefix is bound to our namespace URI, e.g. fw:kind.
std::string fw_attr(const detail::XmlDocument& doc, pugi::xml_node n, std::string_view local) {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
        const std::string_view name = a.name();
        const auto colon = name.find(':');
        if (colon == std::string_view::npos || name.substr(colon + 1) != local)
            continue;
        const std::string decl = "xmlns:" + std::string(name.substr(0, colon));
        for (pugi::xml_node s = n; s; s = s.parent()) {
            if (const pugi::xml_attribute ns = s.attribute(decl.c_str())) {
                if (std::string_view(ns.value()) == kOpmlNamespace)
                    return decode_entities(a.value(), doc.unknown);
                break;
            }
        }
    }
    return {};
}

struct Pending {
    pugi::xml_node node;
    std::string category;
    std::size_t depth;
};

Status read_outline(const detail::XmlDocument& doc, const Pending& p, std::vector<Source>& out,
                    std::vector<Pending>& stack) {
    const pugi::xml_node o = p.node;
    std::string text = std::string(trim(detail::attr(doc, o, "text")));
    if (text.empty())
        text = std::string(trim(detail::attr(doc, o, "title")));
    const std::string url = std::string(trim(detail::attr(doc, o, "xmlUrl")));
    if (url.empty()) {  // a folder
        if (p.depth >= kMaxDepth)
            return ok();
        const std::string category = p.category.empty() ? text : (text.empty() ? p.category : p.category + "/" + text);
        for (pugi::xml_node c = o.last_child(); c; c = c.previous_sibling()) {
            if (c.type() == pugi::node_element && detail::local_name(c) == "outline")
                stack.push_back({c, category, p.depth + 1});
        }
        return ok();
    }
    Source s;
    s.name = text.empty() ? url : text;
    s.url = url;
    if (const std::string kind = fw_attr(doc, o, "kind"); !kind.empty()) {
        const auto k = source_kind_from_string(kind);
        if (!k)
            return make_error(ErrorCode::Invalid, "unknown fw:kind '" + kind + "'", "OPML outline '" + s.name + "'");
        s.kind = *k;
    }
    if (const std::string lab = fw_attr(doc, o, "lab"); !lab.empty())
        s.lab = lab;
    if (!p.category.empty())
        s.category = p.category;
    out.push_back(std::move(s));
    return ok();
}

std::string attr_xml(std::string_view name, std::string_view value) {
    return " " + std::string(name) + "=\"" + xml_escape(value) + "\"";
}

std::string outline_xml(const Source& s, const std::string& indent) {
    std::string line = indent + "<outline type=\"rss\"" + attr_xml("text", s.name) + attr_xml("title", s.name) +
                       attr_xml("xmlUrl", s.url) + attr_xml("fw:kind", to_string(s.kind));
    if (s.lab)
        line += attr_xml("fw:lab", *s.lab);
    return line + "/>\n";
}

}  // namespace

Result<std::vector<Source>> read_opml(std::string_view xml) {
    const DecodedText text = decode_to_utf8(xml);
    detail::XmlDocument doc;
    if (Status s = detail::load_xml(text.text, doc); !s) {
        return make_error(ErrorCode::Parse, s.error().message, "OPML");
    }
    const pugi::xml_node root = detail::root_element(doc);
    if (!root || detail::local_name(root) != "opml") {
        return make_error(ErrorCode::Parse, "not an OPML document (root is not <opml>)", "OPML");
    }
    const pugi::xml_node body = root.child("body");
    std::vector<Source> out;
    std::vector<Pending> stack;
    for (pugi::xml_node c = body.last_child(); c; c = c.previous_sibling()) {
        if (c.type() == pugi::node_element && detail::local_name(c) == "outline")
            stack.push_back({c, {}, 0});
    }
    while (!stack.empty()) {  // iterative: nesting depth cannot exhaust the call stack
        const Pending p = stack.back();
        stack.pop_back();
        if (Status s = read_outline(doc, p, out, stack); !s)
            return s.error();
    }
    return out;
}

std::string write_opml(std::span<const Source> sources) {
    std::map<std::string, std::vector<const Source*>> by_category;
    for (const Source& s : sources)
        by_category[s.category.value_or("")].push_back(&s);
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<opml version=\"2.0\" xmlns:fw=\"" +
        std::string(kOpmlNamespace) +
        "\">\n"
        "  <head>\n    <title>Frontier Watch sources</title>\n  </head>\n  <body>\n";
    for (const auto& [category, list] : by_category) {
        // Nested folders ("AI/Labs") are written as one folder named by the full path; reading
        // it back yields the same category string.
        const std::string indent = category.empty() ? "    " : "      ";
        if (!category.empty())
            out += "    <outline" + attr_xml("text", category) + ">\n";
        for (const Source* s : list)
            out += outline_xml(*s, indent);
        if (!category.empty())
            out += "    </outline>\n";
    }
    return out + "  </body>\n</opml>\n";
}

}  // namespace fw::ingest

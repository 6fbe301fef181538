#include "ingest/arxiv_adapter.h"

#include <cctype>

#include "domain/slug.h"
#include "ingest/parsers_detail.h"

namespace fw::ingest {
namespace {

constexpr std::string_view kArxivNs = "http://arxiv.org/schemas/atom";

/// "http://arxiv.org/abs/2501.12948v2" -> ("2501.12948", "2").
void split_id(std::string_view id, std::string& arxiv_id, std::string& version) {
    const auto abs = id.find("/abs/");
    std::string_view tail = abs == std::string_view::npos ? id : id.substr(abs + 5);
    const auto v = tail.rfind('v');
    if (v != std::string_view::npos && v + 1 < tail.size() &&
        tail.substr(v + 1).find_first_not_of("0123456789") == std::string_view::npos && v > 0 &&
        std::isdigit(static_cast<unsigned char>(tail[v - 1]))) {
        version = std::string(tail.substr(v + 1));
        tail = tail.substr(0, v);
    }
    arxiv_id = std::string(tail);
}

void fill_arxiv_extra(const detail::XmlDocument& doc, pugi::xml_node entry, FeedEntry& e) {
    auto& x = e.extra;
    split_id(e.id, x["arxiv_id"], x["version"]);
    std::string categories;
    for (pugi::xml_node c = entry.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element)
            continue;
        const std::string_view local = detail::local_name(c);
        const bool arxiv = detail::element_ns_uri(c) == kArxivNs;
        if (arxiv && local == "primary_category")
            x["primary_category"] = detail::attr(doc, c, "term");
        else if (arxiv && local == "doi")
            x["doi"] = std::string(trim(detail::text(doc, c)));
        else if (arxiv && local == "comment")
            x["comment"] = detail::plain(detail::text(doc, c), detail::TextKind::Text);
    }
    for (const auto& cat : e.categories)
        categories += (categories.empty() ? "" : ",") + cat;
    x["categories"] = categories;
    if (x["primary_category"].empty() && !e.categories.empty())
        x["primary_category"] = e.categories.front();
    if (x["doi"].empty())
        x.erase("doi");
    if (x["comment"].empty())
        x.erase("comment");
}

}  // namespace

Result<ParsedFeed> parse_arxiv(std::string_view body, const ParseOptions& opts) {
    detail::XmlDocument doc;
    ParsedFeed feed;
    if (Status s = detail::load_atom(body, opts, doc, feed); !s)
        return s.error();
    const auto entries = detail::atom_entries(doc);
    for (std::size_t i = 0; i < feed.items.size() && i < entries.size(); ++i) {
        const FeedEntry& e = feed.items[i];
        if (e.id.find("/api/errors") != std::string::npos ||
            (e.title == "Error" && e.link.find("/api/errors") != std::string::npos)) {
            return make_error(ErrorCode::Parse, "arXiv API error: " + e.summary_text, opts.base_url);
        }
        fill_arxiv_extra(doc, entries[i], feed.items[i]);
    }
    return feed;
}

}  // namespace fw::ingest

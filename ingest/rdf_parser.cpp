// RSS 1.0 (RDF Site Summary) and RSS 0.90: <rdf:RDF> holding a <channel> and, beside it, the
// <item>s, all in the format's namespace (purl.org/rss/1.0/ or my.netscape.com/rdf/simple/0.9/).

#include "ingest/parsers_detail.h"

namespace fw::ingest::detail {

Status read_rdf(const XmlDocument& doc, ParsedFeed& feed) {
    const pugi::xml_node root = root_element(doc);
    Ns core = Ns::None;
    pugi::xml_node channel;
    for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element && local_name(c) == "channel") {
            channel = c;
            core = element_ns(doc, c);
            break;
        }
    }
    if (!channel)
        return make_error(ErrorCode::Parse, "feed.invalid: <rdf:RDF> without <channel>");
    read_rss_channel(doc, channel, core, feed);
    for (pugi::xml_node parent : {root, channel}) {  // items beside the channel; a few nest them
        for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element || local_name(c) != "item" || element_ns(doc, c) != core)
                continue;
            if (feed.items.size() >= kMaxItems) {
                feed.warnings.push_back("feed.too_many_items: kept the first " + std::to_string(kMaxItems));
                return ok();
            }
            FeedEntry e = read_rss_item(doc, c, core, feed);
            if (e.id.empty())
                e.id = attr(doc, c, "about", Ns::Rdf);  // rdf:about names the item
            feed.items.push_back(std::move(e));
        }
    }
    return ok();
}

}  // namespace fw::ingest::detail

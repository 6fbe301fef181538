// RSS 0.9x and 2.0, plus the item and channel readers RSS 1.0 shares. Extension elements are
// recognised by namespace URI (dc, content, media, atom, itunes), whatever their prefix.

#include <algorithm>
#include <cstdlib>

#include "domain/slug.h"
#include "ingest/parsers_detail.h"

namespace fw::ingest::detail {
namespace {

/// Values gathered in one pass over an item's children, then resolved by precedence.
struct ItemSlots {
    std::string title, dc_title, media_title, link, atom_link, guid, atom_id, pub_date, dc_date, atom_published,
        atom_updated, description, dc_description, itunes_summary, content_encoded, atom_content;
    bool guid_is_permalink = true;
    pugi::xml_node link_node, atom_link_node, guid_node;
    std::vector<std::string> authors, dc_creators, atom_authors, itunes_authors;
    std::vector<std::string> categories, extra_categories;
    std::string itunes_keywords;
};

/// itunes:category text="..." (possibly nested: Technology > Gadgets).
void read_itunes_category(const XmlDocument& doc, pugi::xml_node c, std::vector<std::string>& out) {
    out.push_back(attr(doc, c, "text"));
    for (pugi::xml_node sub = c.first_child(); sub; sub = sub.next_sibling()) {
        if (sub.type() == pugi::node_element && local_name(sub) == "category")
            out.push_back(attr(doc, sub, "text"));
    }
}

void read_atom_link(const XmlDocument& doc, pugi::xml_node c, ItemSlots& s, FeedEntry& e) {
    const std::string rel = attr(doc, c, "rel");
    if (rel == "enclosure") {
        Enclosure enc{resolve_at(doc, c, attr(doc, c, "href")), attr(doc, c, "type"), 0};
        e.enclosures.push_back(std::move(enc));
    } else if ((rel.empty() || rel == "alternate") && s.atom_link.empty()) {
        s.atom_link = attr(doc, c, "href");
        s.atom_link_node = c;
    }
}

void read_item_child(const XmlDocument& doc, pugi::xml_node c, Ns core, std::string_view core_uri, ItemSlots& s,
                     FeedEntry& e) {
    const Ns ns = element_ns(doc, c);
    const std::string_view local = local_name(c);
    if (in_core_ns(doc, c, core, core_uri) || (ns == Ns::None && core != Ns::Atom10)) {
        if (local == "title")
            s.title = text(doc, c);
        else if (local == "link")
            s.link = text(doc, c), s.link_node = c;
        else if (local == "guid") {
            s.guid = text(doc, c), s.guid_node = c;
            s.guid_is_permalink = to_lower_ascii(attr(doc, c, "isPermaLink")) != "false";
        } else if (local == "pubDate")
            s.pub_date = text(doc, c);
        else if (local == "description")
            s.description = text(doc, c);
        else if (local == "author")
            s.authors.push_back(author_name(text(doc, c)));
        else if (local == "category")
            s.categories.push_back(std::string(trim(text(doc, c))));
        else if (local == "enclosure") {
            Enclosure enc{resolve_at(doc, c, attr(doc, c, "url")), attr(doc, c, "type"), 0};
            const std::string len = attr(doc, c, "length");
            enc.length = std::strtoll(len.c_str(), nullptr, 10);
            if (enc.length < 0)
                enc.length = 0;
            e.enclosures.push_back(std::move(enc));
        }
        return;
    }
    if (ns == Ns::Dc || ns == Ns::DcTerms) {
        if (local == "title")
            s.dc_title = text(doc, c);
        else if (local == "date" || local == "created" || local == "issued") {
            if (s.dc_date.empty())
                s.dc_date = text(doc, c);
        } else if (local == "modified")
            s.atom_updated = text(doc, c);
        else if (local == "creator" || local == "author")
            s.dc_creators.push_back(author_name(text(doc, c)));
        else if (local == "description")
            s.dc_description = text(doc, c);
        else if (local == "subject")
            s.extra_categories.push_back(std::string(trim(text(doc, c))));
    } else if (ns == Ns::Content && local == "encoded") {
        s.content_encoded = text(doc, c);
    } else if (ns == Ns::Atom10) {
        if (local == "link")
            read_atom_link(doc, c, s, e);
        else if (local == "id")
            s.atom_id = text(doc, c);
        else if (local == "published")
            s.atom_published = text(doc, c);
        else if (local == "updated")
            s.atom_updated = text(doc, c);
        else if (local == "content")
            s.atom_content = text(doc, c);
        else if (local == "author")
            s.atom_authors.push_back(text(doc, child(doc, c, Ns::Atom10, "name")));
        else if (local == "category")
            s.extra_categories.push_back(attr(doc, c, "term"));
    } else if (ns == Ns::Itunes) {
        if (local == "summary")
            s.itunes_summary = text(doc, c);
        else if (local == "author")
            s.itunes_authors.push_back(std::string(trim(text(doc, c))));
        else if (local == "keywords")
            s.itunes_keywords = text(doc, c);
        else if (local == "category")
            read_itunes_category(doc, c, s.extra_categories);
    } else if (ns == Ns::Media) {
        if (local == "title")
            s.media_title = text(doc, c);
        else if (local == "category")
            s.extra_categories.push_back(std::string(trim(text(doc, c))));
    }
}

template <typename T>
const T& first_non_empty(std::initializer_list<const T*> options) {
    for (const T* o : options) {
        if (!o->empty())
            return *o;
    }
    return **options.begin();
}

void split_keywords(std::string_view kw, std::vector<std::string>& out) {
    std::size_t start = 0;
    while (start <= kw.size()) {
        const auto comma = kw.find(',', start);
        const std::string_view part =
            trim(kw.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        if (!part.empty())
            out.emplace_back(part);
        if (comma == std::string_view::npos)
            break;
        start = comma + 1;
    }
}

}  // namespace

FeedEntry read_rss_item(const XmlDocument& doc, pugi::xml_node item, Ns core, ParsedFeed& feed) {
    FeedEntry e;
    ItemSlots s;
    const std::string_view core_uri = element_ns_uri(doc, item);
    for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element)
            read_item_child(doc, c, core, core_uri, s, e);
    }
    e.title = plain(first_non_empty<std::string>({&s.title, &s.dc_title, &s.media_title}), TextKind::Guess);
    e.id = !s.guid.empty() ? s.guid : s.atom_id;
    if (!s.link.empty()) {
        e.link = resolve_at(doc, s.link_node, s.link);
    } else if (!s.atom_link.empty()) {
        e.link = resolve_at(doc, s.atom_link_node, s.atom_link);
    } else if (!s.guid.empty() && s.guid_is_permalink) {
        e.link = resolve_at(doc, s.guid_node, s.guid);
    }
    const std::string where = "item " + std::to_string(feed.items.size() + 1);
    set_date(feed, e.published, e.published_raw,
             first_non_empty<std::string>({&s.pub_date, &s.dc_date, &s.atom_published}), where);
    set_date(feed, e.updated, e.updated_raw, first_non_empty<std::string>({&s.atom_updated, &s.dc_date}), where);
    e.authors =
        first_non_empty<std::vector<std::string>>({&s.authors, &s.dc_creators, &s.atom_authors, &s.itunes_authors});
    std::erase_if(e.authors, [](const std::string& a) { return a.empty(); });
    e.summary = first_non_empty<std::string>({&s.description, &s.dc_description, &s.itunes_summary});
    e.content = first_non_empty<std::string>({&s.content_encoded, &s.atom_content});
    e.categories = std::move(s.categories);
    if (e.categories.empty()) {
        split_keywords(s.itunes_keywords, e.categories);
        for (auto& c : s.extra_categories)
            e.categories.push_back(std::move(c));
    }
    std::erase_if(e.categories, [](const std::string& c) { return c.empty(); });
    finish_entry(e, TextKind::Html, TextKind::Html, doc.plain_text);
    return e;
}

void read_rss_channel(const XmlDocument& doc, pugi::xml_node channel, Ns core, ParsedFeed& feed) {
    std::string title, dc_title, link, atom_link, description, dc_description, itunes_summary, itunes_subtitle,
        language, dc_language, last_build, pub_date, dc_date, atom_updated;
    const std::string_view core_uri = element_ns_uri(doc, channel);
    pugi::xml_node link_node, atom_link_node;
    for (pugi::xml_node c = channel.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element)
            continue;
        const Ns ns = element_ns(doc, c);
        const std::string_view local = local_name(c);
        if (in_core_ns(doc, c, core, core_uri) || ns == Ns::None) {
            if (local == "title")
                title = text(doc, c);
            else if (local == "link" && link.empty())
                link = text(doc, c), link_node = c;
            else if (local == "description")
                description = text(doc, c);
            else if (local == "language")
                language = text(doc, c);
            else if (local == "lastBuildDate")
                last_build = text(doc, c);
            else if (local == "pubDate")
                pub_date = text(doc, c);
        } else if (ns == Ns::Dc) {
            if (local == "title")
                dc_title = text(doc, c);
            else if (local == "description")
                dc_description = text(doc, c);
            else if (local == "language")
                dc_language = text(doc, c);
            else if (local == "date")
                dc_date = text(doc, c);
        } else if (ns == Ns::DcTerms && local == "modified") {
            dc_date = text(doc, c);
        } else if (ns == Ns::Atom10) {
            const std::string rel = attr(doc, c, "rel");
            if (local == "link" && (rel.empty() || rel == "alternate") && atom_link.empty()) {
                atom_link = attr(doc, c, "href"), atom_link_node = c;
            } else if (local == "updated") {
                atom_updated = text(doc, c);
            }
        } else if (ns == Ns::Itunes && local == "summary") {
            itunes_summary = text(doc, c);
        } else if (ns == Ns::Itunes && local == "subtitle") {
            itunes_subtitle = text(doc, c);
        }
    }
    feed.title = plain(first_non_empty<std::string>({&title, &dc_title}), TextKind::Guess);
    feed.link = !link.empty() ? resolve_at(doc, link_node, link) : resolve_at(doc, atom_link_node, atom_link);
    feed.description =
        plain(first_non_empty<std::string>({&description, &dc_description, &itunes_summary, &itunes_subtitle}),
              TextKind::Guess);
    const std::string& lang = first_non_empty<std::string>({&language, &dc_language});
    if (!trim(lang).empty()) {
        feed.language = std::string(trim(lang));
        std::replace(feed.language->begin(), feed.language->end(), '_', '-');  // en_US -> en-US (BCP 47)
    }
    std::string raw;
    set_date(feed, feed.updated, raw, first_non_empty<std::string>({&last_build, &dc_date, &atom_updated, &pub_date}),
             "channel");
}

Status read_rss(const XmlDocument& doc, ParsedFeed& feed) {
    const pugi::xml_node root = root_element(doc);
    const Ns core = element_ns(doc, root);
    const pugi::xml_node channel = child(doc, root, core, "channel");
    if (!channel) {
        feed.warnings.push_back("feed.no_channel: <rss> without <channel>, no items");
        return ok();
    }
    read_rss_channel(doc, channel, core, feed);
    // Items belong in <channel>; some 0.9x-era feeds put them beside it.
    for (pugi::xml_node parent : {channel, root}) {
        for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element || local_name(c) != "item" || element_ns(doc, c) != core)
                continue;
            if (feed.items.size() >= kMaxItems) {
                feed.warnings.push_back("feed.too_many_items: kept the first " + std::to_string(kMaxItems));
                return ok();
            }
            feed.items.push_back(read_rss_item(doc, c, core, feed));
        }
    }
    return ok();
}

}  // namespace fw::ingest::detail

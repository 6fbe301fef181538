#include "ingest/feed_parser.h"

#include "domain/slug.h"
#include "ingest/encoding.h"
#include "ingest/parsers_detail.h"

namespace fw::ingest {
namespace {

/// Skips BOM, whitespace, the XML declaration, comments, PIs and the DOCTYPE.
std::size_t first_element(std::string_view s) {
    std::size_t i = s.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    while (i < s.size()) {
        i = s.find_first_not_of(" \t\r\n", i);
        if (i == std::string_view::npos || s[i] != '<')
            return std::string_view::npos;
        if (s.compare(i, 4, "<!--") == 0) {
            const auto end = s.find("-->", i + 4);
            if (end == std::string_view::npos)
                return std::string_view::npos;
            i = end + 3;
        } else if (s.compare(i, 2, "<?") == 0) {
            const auto end = s.find("?>", i + 2);
            if (end == std::string_view::npos)
                return std::string_view::npos;
            i = end + 2;
        } else if (s.compare(i, 2, "<!") == 0) {  // DOCTYPE, possibly with an internal subset
            const auto bracket = s.find('[', i);
            const auto gt = s.find('>', i);
            if (gt == std::string_view::npos)
                return std::string_view::npos;
            if (bracket != std::string_view::npos && bracket < gt) {
                const auto end = s.find("]>", bracket);
                if (end == std::string_view::npos)
                    return std::string_view::npos;
                i = end + 2;
            } else {
                i = gt + 1;
            }
        } else {
            return i;
        }
    }
    return std::string_view::npos;
}

/// The value of attribute `name` inside a start tag (crude, for detection only).
std::string tag_attribute(std::string_view tag, std::string_view name) {
    for (auto pos = tag.find(name); pos != std::string_view::npos; pos = tag.find(name, pos + 1)) {
        const char before = pos > 0 ? tag[pos - 1] : ' ';
        if (before != ' ' && before != '\n' && before != '\t' && before != '\r')
            continue;
        std::size_t eq = tag.find_first_not_of(" \t\r\n", pos + name.size());
        if (eq == std::string_view::npos || tag[eq] != '=')
            continue;
        const auto q = tag.find_first_of("\"'", eq);
        if (q == std::string_view::npos)
            return {};
        const auto end = tag.find(tag[q], q + 1);
        if (end == std::string_view::npos)
            return {};
        return std::string(tag.substr(q + 1, end - q - 1));
    }
    return {};
}

}  // namespace

bool looks_like_html(std::string_view body) {
    const auto i = body.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (i == std::string_view::npos)
        return false;
    const std::string head = to_lower_ascii(body.substr(i, 512));
    if (head.rfind("<!doctype html", 0) == 0)
        return true;
    const auto el = first_element(body);
    if (el == std::string_view::npos)
        return false;
    const std::string tag = to_lower_ascii(body.substr(el, 6));
    return tag.rfind("<html", 0) == 0 || tag.rfind("<head", 0) == 0 || tag.rfind("<body", 0) == 0;
}

std::optional<FeedFormat> detect_format(std::string_view body, std::string_view content_type) {
    const auto start = body.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (start == std::string_view::npos)
        return std::nullopt;
    if (body[start] == '{') {
        const std::string_view head = body.substr(start, 4096);
        const bool declared = content_type.find("feed+json") != std::string_view::npos;
        // Producers omit the version URL often enough (gofeed's corpus has "version": "1.0").
        if (declared || head.find("jsonfeed.org/version") != std::string_view::npos ||
            head.find("\"items\"") != std::string_view::npos) {
            return FeedFormat::JsonFeed;
        }
        return std::nullopt;
    }
    const auto el = first_element(body);
    if (el == std::string_view::npos)
        return std::nullopt;
    const auto tag_end = body.find('>', el);
    const std::string_view tag = body.substr(el, tag_end == std::string_view::npos ? 2048 : tag_end - el);
    const auto name_end = tag.find_first_of(" \t\r\n/>");
    std::string_view qname = tag.substr(1, name_end == std::string_view::npos ? std::string_view::npos : name_end - 1);
    const auto colon = qname.find(':');
    const std::string local = to_lower_ascii(colon == std::string_view::npos ? qname : qname.substr(colon + 1));
    if (local == "rss") {
        const std::string v = std::string(trim(tag_attribute(tag, "version")));
        if (v.rfind("0.9", 0) == 0)
            return FeedFormat::Rss09;
        return FeedFormat::Rss2;  // 2.0, 2.0.1, and the many feeds that omit the version
    }
    if (local == "rdf") {
        const bool netscape = body.substr(0, 65536).find("my.netscape.com/rdf/simple/0.9") != std::string_view::npos;
        return netscape ? FeedFormat::Rss09 : FeedFormat::Rss1;
    }
    if (local == "feed" || local == "entry") {  // "entry": an Atom entry document (RFC 4287 4.1.2)
        const bool atom03 =
            tag_attribute(tag, "version") == "0.3" || tag.find("purl.org/atom/ns#") != std::string_view::npos;
        return atom03 ? FeedFormat::Atom03 : FeedFormat::Atom10;
    }
    return std::nullopt;
}

namespace {

/// parse_feed after the bytes are UTF-8 (both entry points below share it).
Result<ParsedFeed> parse_decoded(DecodedText decoded, const ParseOptions& opts) {
    if (trim(decoded.text).empty())
        return make_error(ErrorCode::Parse, "feed.empty: the body has no content");
    const std::optional<FeedFormat> format = detect_format(decoded.text, opts.content_type);
    if (!format) {
        if (looks_like_html(decoded.text)) {
            return make_error(ErrorCode::Parse, "not a feed: looks like HTML");
        }
        return make_error(ErrorCode::Parse, "feed.unknown_format: not RSS, Atom or JSON Feed");
    }
    ParsedFeed feed;
    feed.format = *format;
    feed.warnings = std::move(decoded.warnings);
    if (*format == FeedFormat::JsonFeed) {
        if (Status s = detail::read_json_feed(decoded.text, opts.base_url, feed); !s)
            return s.error();
        return feed;
    }
    detail::XmlDocument doc;
    doc.base_url = opts.base_url;
    doc.plain_text = opts.plain_text;
    if (Status s = detail::load_xml_owned(std::move(decoded.text), doc); !s)
        return s.error();
    for (auto& w : doc.warnings)
        feed.warnings.push_back(std::move(w));
    doc.warnings.clear();
    Status read = ok();
    switch (*format) {
        case FeedFormat::Rss1:
            read = detail::read_rdf(doc, feed);
            break;
        case FeedFormat::Rss09:
            read = detail::local_name(detail::root_element(doc)) == "RDF" ? detail::read_rdf(doc, feed)
                                                                          : detail::read_rss(doc, feed);
            break;
        case FeedFormat::Atom10:
        case FeedFormat::Atom03:
            read = detail::read_atom(doc, feed);
            break;
        default:
            read = detail::read_rss(doc, feed);
            break;
    }
    if (!read)
        return read.error();
    return feed;
}

}  // namespace

Result<ParsedFeed> parse_feed(std::string_view body, const ParseOptions& opts) {
    return parse_decoded(decode_to_utf8(body, opts.content_type), opts);
}

Result<ParsedFeed> parse_feed_owned(std::string body, const ParseOptions& opts) {
    return parse_decoded(decode_to_utf8_owned(std::move(body), opts.content_type), opts);
}

namespace detail {

Status load_atom(std::string_view body, const ParseOptions& opts, XmlDocument& doc, ParsedFeed& feed) {
    DecodedText decoded = decode_to_utf8(body, opts.content_type);
    if (trim(decoded.text).empty())
        return make_error(ErrorCode::Parse, "feed.empty: the body has no content");
    const auto format = detect_format(decoded.text, opts.content_type);
    if (!format || (*format != FeedFormat::Atom10 && *format != FeedFormat::Atom03)) {
        return make_error(ErrorCode::Parse, looks_like_html(decoded.text) ? "not a feed: looks like HTML"
                                                                          : "feed.unknown_format: not an Atom feed");
    }
    feed.format = *format;
    feed.warnings = std::move(decoded.warnings);
    doc.base_url = opts.base_url;
    doc.plain_text = opts.plain_text;
    if (Status s = load_xml_owned(std::move(decoded.text), doc); !s)
        return s;
    for (auto& w : doc.warnings)
        feed.warnings.push_back(std::move(w));
    doc.warnings.clear();
    return read_atom(doc, feed);
}

std::vector<pugi::xml_node> atom_entries(const XmlDocument& doc) {
    std::vector<pugi::xml_node> out;
    const pugi::xml_node root = root_element(doc);
    for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element && local_name(c) == "entry")
            out.push_back(c);
    }
    return out;
}

}  // namespace detail

}  // namespace fw::ingest

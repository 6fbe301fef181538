// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). Wrong types are Error{Parse}, not
// exceptions; nesting deeper than any real feed is refused before parsing.

#include <nlohmann/json.hpp>

#include "domain/slug.h"
#include "ingest/date_parser.h"
#include "ingest/parsers_detail.h"
#include "ingest/url.h"

namespace fw::ingest::detail {
namespace {

using nlohmann::json;

constexpr int kMaxJsonDepth = 64;

bool too_deep(std::string_view s) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > kMaxJsonDepth)
                return true;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return false;
}

std::string str(const json& obj, const char* key) {
    const auto it = obj.find(key);
    if (it == obj.end())
        return {};
    if (it->is_string())
        return it->get<std::string>();
    if (it->is_number_integer())
        return std::to_string(it->get<std::int64_t>());
    if (it->is_number())
        return it->dump();
    return {};
}

void read_authors(const json& obj, std::vector<std::string>& out) {
    if (const auto it = obj.find("authors"); it != obj.end() && it->is_array()) {
        for (const auto& a : *it) {
            if (a.is_object() && !str(a, "name").empty())
                out.push_back(str(a, "name"));
        }
    }
    if (const auto it = obj.find("author"); out.empty() && it != obj.end() && it->is_object()) {
        if (!str(*it, "name").empty())
            out.push_back(str(*it, "name"));
    }
}

void set_json_date(ParsedFeed& feed, std::optional<TimePoint>& slot, std::string& raw, const std::string& v,
                   const std::string& where) {
    if (v.empty())
        return;
    raw = v;
    slot = parse_feed_date(v);
    if (!slot)
        feed.warnings.push_back("feed.bad_date: '" + v + "' in " + where);
}

FeedEntry read_item(const json& item, const std::string& base, ParsedFeed& feed) {
    FeedEntry e;
    e.id = str(item, "id");
    e.title = plain(str(item, "title"), TextKind::Text);
    std::string url = str(item, "url");
    if (url.empty())
        url = str(item, "external_url");
    e.link = resolve_url(base, url);
    const std::string where = "item " + std::to_string(feed.items.size() + 1);
    set_json_date(feed, e.published, e.published_raw, str(item, "date_published"), where);
    set_json_date(feed, e.updated, e.updated_raw, str(item, "date_modified"), where);
    read_authors(item, e.authors);
    e.summary = str(item, "summary");
    e.content = str(item, "content_html");
    TextKind content_kind = TextKind::Html;
    if (e.content.empty()) {
        e.content = str(item, "content_text");
        content_kind = TextKind::Text;
    }
    if (const auto it = item.find("tags"); it != item.end() && it->is_array()) {
        for (const auto& t : *it) {
            if (t.is_string() && !trim(t.get<std::string>()).empty())
                e.categories.push_back(t.get<std::string>());
        }
    }
    if (const auto it = item.find("attachments"); it != item.end() && it->is_array()) {
        for (const auto& a : *it) {
            if (!a.is_object())
                continue;
            Enclosure enc{resolve_url(base, str(a, "url")), str(a, "mime_type"), 0};
            if (const auto sz = a.find("size_in_bytes"); sz != a.end() && sz->is_number()) {
                enc.length = std::max<std::int64_t>(0, sz->get<std::int64_t>());
            }
            e.enclosures.push_back(std::move(enc));
        }
    }
    finish_entry(e, TextKind::Text, content_kind);
    return e;
}

}  // namespace

Status read_json_feed(std::string_view utf8, const std::string& base_url, ParsedFeed& feed) {
    if (too_deep(utf8))
        return make_error(ErrorCode::Parse, "feed.json_too_deep: nesting over 64 levels");
    const json doc = json::parse(utf8.begin(), utf8.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded())
        return make_error(ErrorCode::Parse, "feed.json_malformed: not valid JSON");
    if (!doc.is_object())
        return make_error(ErrorCode::Parse, "feed.invalid: JSON Feed must be an object");
    const auto items = doc.find("items");
    if (items != doc.end() && !items->is_array()) {
        return make_error(ErrorCode::Parse, "feed.invalid: JSON Feed \"items\" is not an array");
    }
    feed.title = plain(str(doc, "title"), TextKind::Text);
    std::string base = str(doc, "home_page_url");
    feed.link = resolve_url(base_url, base);
    if (!is_http_url(base))
        base = !str(doc, "feed_url").empty() ? resolve_url(base_url, str(doc, "feed_url")) : base_url;
    feed.description = plain(str(doc, "description"), TextKind::Text);
    if (const std::string lang = str(doc, "language"); !lang.empty())
        feed.language = lang;
    if (items == doc.end())
        return ok();
    for (const auto& item : *items) {
        if (!item.is_object()) {
            feed.warnings.push_back("feed.invalid_item: item " + std::to_string(feed.items.size() + 1) +
                                    " is not an object");
            continue;
        }
        if (feed.items.size() >= kMaxItems) {
            feed.warnings.push_back("feed.too_many_items: kept the first " + std::to_string(kMaxItems));
            break;
        }
        feed.items.push_back(read_item(item, base, feed));
    }
    return ok();
}

}  // namespace fw::ingest::detail

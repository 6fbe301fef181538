#include "ingest/page_adapter.h"

#include <string>

#include "domain/slug.h"
#include "ingest/encoding.h"
#include "ingest/feed_parser.h"
#include "ingest/html_text.h"

namespace fw::ingest {
namespace {

constexpr std::size_t kMaxTitle = 200;

bool is_html(std::string_view text, std::string_view content_type) {
    const std::string type = to_lower_ascii(content_type);
    if (type.find("html") != std::string::npos) {
        return true;
    }
    if (type.find("text/plain") != std::string::npos) {
        return false;
    }
    const auto start = text.find_first_not_of(" \t\r\n");
    return looks_like_html(text) || (start != std::string_view::npos && text[start] == '<');
}

std::string plain_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            }
        } else {
            out += text[i];
        }
    }
    return std::string(trim(out));
}

std::string first_line(std::string_view text) {
    const auto end = text.find('\n');
    std::string line(trim(text.substr(0, end)));
    if (line.size() > kMaxTitle) {
        // Cut at a UTF-8 boundary, never inside a multi-byte character.
        std::size_t cut = kMaxTitle;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) {
            --cut;
        }
        line.resize(cut);
    }
    return line;
}

}  // namespace

Result<ParsedFeed> parse_page(std::string_view body, std::string_view url, std::string_view content_type) {
    if (trim(body).empty()) {
        return make_error(ErrorCode::Parse, "empty page", std::string(url));
    }
    DecodedText decoded = decode_to_utf8(body, content_type);
    FeedEntry entry;
    entry.id = std::string(url);
    entry.link = std::string(url);
    if (is_html(decoded.text, content_type)) {
        entry.title = page_title(decoded.text);
        entry.content_text = page_text(decoded.text);
    } else {
        entry.content_text = plain_text(decoded.text);
    }
    if (entry.title.empty()) {
        entry.title = first_line(entry.content_text);
    }
    ParsedFeed feed;
    feed.format = FeedFormat::Page;
    feed.title = entry.title;
    feed.link = std::string(url);
    feed.warnings = std::move(decoded.warnings);
    feed.items.push_back(std::move(entry));
    return feed;
}

}  // namespace fw::ingest

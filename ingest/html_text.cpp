#include "ingest/html_text.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <vector>

#include "domain/slug.h"
#include "ingest/encoding.h"
#include "ingest/entities.h"

namespace fw::ingest {
namespace {

/// Collects visible text: whitespace runs become one space, block boundaries one newline.
class TextBuilder {
public:
    void reserve(std::size_t n) { out_.reserve(n); }
    void text(std::string_view s) {
        const char* p = s.data();
        const std::size_t n = s.size();
        std::size_t i = 0;
        while (i < n) {
            if (is_space(p[i])) {
                pending_space_ = true;
                ++i;
                continue;
            }
            std::size_t j = i + 1;  // copy the whole run of visible characters at once
            while (j < n && !is_space(p[j]))
                ++j;
            flush();
            out_.append(p + i, j - i);
            i = j;
        }
    }
    void block() { pending_newline_ = true; }
    std::string finish() { return std::move(out_); }

private:
    // One compare for the common case: every whitespace byte is <= ' '.
    static bool is_space(char c) {
        return static_cast<unsigned char>(c) <= ' ' && (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f');
    }
    void flush() {
        if (!out_.empty() && (pending_newline_ || pending_space_))
            out_.push_back(pending_newline_ ? '\n' : ' ');
        pending_newline_ = pending_space_ = false;
    }
    std::string out_;
    bool pending_space_ = false;
    bool pending_newline_ = false;
};

constexpr std::array<std::string_view, 38> kBlockTags = {
    "address",  "article",    "aside",  "blockquote", "br",   "dd",    "details", "div", "dl",  "dt",
    "fieldset", "figcaption", "figure", "footer",     "form", "h1",    "h2",      "h3",  "h4",  "h5",
    "h6",       "header",     "hr",     "li",         "main", "nav",   "ol",      "p",   "pre", "section",
    "summary",  "table",      "tbody",  "td",         "th",   "thead", "tr",      "ul"};

constexpr std::array<std::string_view, 7> kHiddenTags = {"head",     "noscript", "script", "style",
                                                         "template", "title",    "iframe"};

static_assert(std::is_sorted(kBlockTags.begin(), kBlockTags.end()), "binary search needs a sorted list");

bool is_block(std::string_view lower_name) {
    return std::binary_search(kBlockTags.begin(), kBlockTags.end(), lower_name);
}

bool is_hidden(std::string_view lower_name) {
    return std::find(kHiddenTags.begin(), kHiddenTags.end(), lower_name) != kHiddenTags.end();
}

/// Longest name in either list ("blockquote", "figcaption"): longer names are neither.
constexpr std::size_t kMaxListedTag = 10;

enum class TagClass { Other, Block, Hidden };

/// A lower-cased name of at most 8 bytes packed into one integer (first byte highest, so the
/// integers sort as the names do); 0 never packs a name.
constexpr std::uint64_t pack_name(std::string_view lower_name) {
    std::uint64_t key = 0;
    for (std::size_t k = 0; k < 8; ++k)
        key = key << 8 | (k < lower_name.size() ? static_cast<unsigned char>(lower_name[k]) : 0u);
    return key;
}

struct PackedTag {
    std::uint64_t key;
    TagClass kind;
};

/// Both lists packed, sorted by key: a tag name is classified with integer compares, not a
/// memcmp per candidate (that was 6 % of `parse --json`'s time on a large feed).
constexpr auto kPackedTags = [] {
    std::array<PackedTag, kBlockTags.size() + kHiddenTags.size()> tags{};
    std::size_t n = 0;
    for (const auto name : kBlockTags)
        tags[n++] = {name.size() <= 8 ? pack_name(name) : 0, TagClass::Block};
    for (const auto name : kHiddenTags)
        tags[n++] = {name.size() <= 8 ? pack_name(name) : 0, TagClass::Hidden};
    std::sort(tags.begin(), tags.end(), [](const PackedTag& a, const PackedTag& b) { return a.key < b.key; });
    return tags;
}();

/// Classifies a raw tag name case-insensitively without allocating.
TagClass classify_tag(std::string_view raw) {
    if (raw.empty() || raw.size() > kMaxListedTag)
        return TagClass::Other;
    char buf[kMaxListedTag];
    for (std::size_t k = 0; k < raw.size(); ++k) {
        const char c = raw[k];
        buf[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    const std::string_view name(buf, raw.size());
    if (name.size() > 8)  // "blockquote", "figcaption" and names in neither list
        return is_block(name) ? TagClass::Block : is_hidden(name) ? TagClass::Hidden : TagClass::Other;
    const std::uint64_t key = pack_name(name);
    const auto it = std::lower_bound(kPackedTags.begin(), kPackedTags.end(), key,
                                     [](const PackedTag& t, std::uint64_t k) { return t.key < k; });
    return it != kPackedTags.end() && it->key == key ? it->kind : TagClass::Other;
}

std::string_view gumbo_tag_name(const GumboElement& el) {
    return el.tag == GUMBO_TAG_UNKNOWN ? std::string_view{} : std::string_view(gumbo_normalized_tagname(el.tag));
}

/// Page chrome: navigation, headers, footers and asides repeat on every page of a site and
/// change with its layout, not with what the page says.
bool is_chrome(std::string_view lower_name) {
    return lower_name == "nav" || lower_name == "header" || lower_name == "footer" || lower_name == "aside";
}

/// Iterative walk (a deep document must not exhaust the stack).
void collect_text(const GumboNode* root, TextBuilder& out, bool skip_chrome = false) {
    struct Frame {
        const GumboNode* node;
        bool closing;
    };
    std::vector<Frame> stack{{root, false}};
    while (!stack.empty()) {
        const Frame f = stack.back();
        stack.pop_back();
        const GumboNode* n = f.node;
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
            out.text(n->v.text.text);
            continue;
        }
        if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE && n->type != GUMBO_NODE_DOCUMENT) {
            continue;
        }
        const GumboVector* children = n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children : &n->v.element.children;
        const std::string_view name =
            n->type == GUMBO_NODE_DOCUMENT ? std::string_view{} : gumbo_tag_name(n->v.element);
        if (n->type == GUMBO_NODE_TEMPLATE || is_hidden(name))
            continue;
        if (skip_chrome && n != root && is_chrome(name))
            continue;
        const bool block = is_block(name);
        if (f.closing) {
            if (block)
                out.block();
            continue;
        }
        if (block)
            out.block();
        stack.push_back({n, true});
        for (unsigned i = children->length; i > 0; --i) {
            stack.push_back({static_cast<const GumboNode*>(children->data[i - 1]), false});
        }
    }
}

/// The first element with this tag, depth first ("" when none).
const GumboNode* find_element(const GumboNode* root, GumboTag tag) {
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        const GumboVector* children = nullptr;
        if (n->type == GUMBO_NODE_DOCUMENT) {
            children = &n->v.document.children;
        } else if (n->type == GUMBO_NODE_ELEMENT) {
            if (n->v.element.tag == tag)
                return n;
            children = &n->v.element.children;
        }
        if (children == nullptr)
            continue;
        for (unsigned i = children->length; i > 0; --i) {
            stack.push_back(static_cast<const GumboNode*>(children->data[i - 1]));
        }
    }
    return nullptr;
}

const GumboNode* find_title(const GumboNode* root) {
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        const GumboVector* children = nullptr;
        if (n->type == GUMBO_NODE_DOCUMENT) {
            children = &n->v.document.children;
        } else if (n->type == GUMBO_NODE_ELEMENT) {
            if (n->v.element.tag == GUMBO_TAG_TITLE)
                return n;
            if (n->v.element.tag == GUMBO_TAG_SVG)
                continue;  // an SVG <title> is not the page's
            children = &n->v.element.children;
        }
        if (children == nullptr)
            continue;
        for (unsigned i = children->length; i > 0; --i) {
            stack.push_back(static_cast<const GumboNode*>(children->data[i - 1]));
        }
    }
    return nullptr;
}

// ---- fast fragment reader ---------------------------------------------------------------------

std::size_t tag_end(std::string_view s, std::size_t from) {
    char quote = 0;
    for (std::size_t i = from; i < s.size(); ++i) {
        const char c = s[i];
        if (quote != 0) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i;
        }
    }
    return std::string_view::npos;
}

bool starts_tag(std::string_view s, std::size_t i) {
    if (i + 1 >= s.size())
        return false;
    const auto c = static_cast<unsigned char>(s[i + 1]);
    return std::isalpha(c) || c == '/' || c == '!' || c == '?';
}

bool is_tag_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

/// Skips from a hidden element's open tag to after its close tag ("</name", any case); npos
/// when unclosed. Searches in place: lower-casing a copy of the rest was quadratic.
std::size_t skip_hidden(std::string_view s, std::size_t after_open, std::string_view lower_name) {
    for (std::size_t p = s.find("</", after_open); p != std::string_view::npos; p = s.find("</", p + 1)) {
        if (s.size() - p - 2 < lower_name.size())
            return std::string_view::npos;
        bool same = true;
        for (std::size_t k = 0; k < lower_name.size() && same; ++k) {
            const char c = s[p + 2 + k];
            same = (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) == lower_name[k];
        }
        if (!same)
            continue;
        const auto end = tag_end(s, p);
        return end == std::string_view::npos ? std::string_view::npos : end + 1;
    }
    return std::string_view::npos;
}

}  // namespace

bool looks_like_markup(std::string_view text) {
    for (std::size_t i = text.find_first_of("<&"); i != std::string_view::npos; i = text.find_first_of("<&", i + 1)) {
        if (text[i] == '&' || starts_tag(text, i))
            return true;
    }
    return false;
}

namespace {

// gumbo 0.10 turns an overflowing numeric reference ("&#2222...2;") into bytes that are not
// UTF-8 (found by the html fuzzer): its text is checked and repaired before it leaves here.
std::string valid_text(std::string text) {
    if (is_valid_utf8(text)) {
        return text;
    }
    std::string repaired;
    sanitize_utf8(text, repaired);
    return repaired;
}

}  // namespace

std::string html_to_text(std::string_view html) {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // error records are not needed and cost memory on broken pages
    GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
    TextBuilder out;
    collect_text(output->document, out);
    gumbo_destroy_output(&options, output);
    return valid_text(out.finish());
}

std::string page_text(std::string_view html) {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
    TextBuilder out;
    collect_text(output->document, out, /*skip_chrome=*/true);
    gumbo_destroy_output(&options, output);
    return valid_text(out.finish());
}

std::string article_text(std::string_view html) {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
    const GumboNode* root = find_element(output->document, GUMBO_TAG_ARTICLE);
    if (root == nullptr)
        root = find_element(output->document, GUMBO_TAG_MAIN);
    if (root == nullptr)
        root = output->document;
    TextBuilder out;
    collect_text(root, out, /*skip_chrome=*/true);
    gumbo_destroy_output(&options, output);
    return valid_text(out.finish());
}

std::string page_title(std::string_view html) {
    GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
    TextBuilder out;
    if (const GumboNode* title = find_title(output->document)) {
        const GumboVector& children = title->v.element.children;
        for (unsigned i = 0; i < children.length; ++i) {
            const auto* child = static_cast<const GumboNode*>(children.data[i]);
            if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE)
                out.text(child->v.text.text);
        }
    }
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    return valid_text(out.finish());
}

std::string markup_to_text(std::string_view s) {
    TextBuilder out;
    out.reserve(s.size());
    std::string decoded;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t lt = s.find('<', i);
        while (lt != std::string_view::npos && !starts_tag(s, lt))
            lt = s.find('<', lt + 1);
        const std::string_view run = s.substr(i, lt == std::string_view::npos ? std::string_view::npos : lt - i);
        if (run.find('&') == std::string_view::npos) {
            out.text(run);  // nothing to decode: no copy
        } else {
            decoded.clear();
            append_decoded(decoded, run);
            out.text(decoded);
        }
        if (lt == std::string_view::npos)
            break;
        if (s.compare(lt, 4, "<!--") == 0) {
            const auto end = s.find("-->", lt + 4);
            i = end == std::string_view::npos ? s.size() : end + 3;
            continue;
        }
        const auto end = tag_end(s, lt + 1);
        if (end == std::string_view::npos)
            break;  // an unterminated tag hides the rest, as in HTML
        const bool closing = s[lt + 1] == '/';
        std::size_t n = lt + 1 + (closing ? 1 : 0);
        const std::size_t name_start = n;
        while (n < end && is_tag_name_char(s[n]))
            ++n;
        const std::string_view raw_name = s.substr(name_start, n - name_start);
        i = end + 1;
        const bool self_closed = end > 0 && s[end - 1] == '/';
        const TagClass kind = classify_tag(raw_name);
        if (!closing && !self_closed && kind == TagClass::Hidden) {
            char lower[kMaxListedTag];
            for (std::size_t k = 0; k < raw_name.size(); ++k) {
                const char c = raw_name[k];
                lower[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
            }
            i = skip_hidden(s, i, std::string_view(lower, raw_name.size()));
            if (i == std::string_view::npos)
                break;
        } else if (kind == TagClass::Block) {
            out.block();
        }
    }
    return out.finish();
}

}  // namespace fw::ingest

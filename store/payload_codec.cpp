#include "store/payload_codec.h"

#include <cstdint>
#include <cstring>

#include <nlohmann/json.hpp>

#include "domain/time.h"
#include "store/json_util.h"

namespace fw::store::detail {
namespace {

using nlohmann::json;

std::optional<json> parse(std::string_view text) {
    json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
        return std::nullopt;
    }
    return j;
}

// ---- direct writer for encode_entry ---------------------------------------------------------
// encode_entry runs once per stored item; building a json tree first cost more than the SQLite
// insert itself. This writer emits exactly nlohmann's dump(): keys in std::map order, no
// spaces, the same escapes. Strings that are not valid UTF-8 fall back to nlohmann (replace).

// Eight bytes at a time (SWAR): a payload is mostly plain ASCII text (the summary's markup),
// and checking it byte by byte, twice (valid_utf8, then the escapes), was about 15 % of the
// fetch-shaped ingest's instructions (callgrind, issue 18.3). Both tests below are exact as
// yes/no answers; a word that fails them goes through the byte-by-byte path, so the output is
// the same.
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

std::uint64_t load8(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
}

/// All eight bytes ASCII (< 0x80).
bool ascii8(std::uint64_t w) {
    return (w & kHighs) == 0;
}

bool has_zero_byte(std::uint64_t w) {
    return ((w - kOnes) & ~w & kHighs) != 0;
}

/// None of the eight bytes needs an escape: no control byte (< 0x20), no '"', no '\\'.
/// Bytes >= 0x80 pass (validated separately).
bool plain8(std::uint64_t w) {
    const bool control = ((w - kOnes * 0x20) & ~w & kHighs) != 0;
    return !control && !has_zero_byte(w ^ (kOnes * '"')) && !has_zero_byte(w ^ (kOnes * '\\'));
}

/// Strict UTF-8 (RFC 3629: no overlongs, no surrogates, <= U+10FFFF), as nlohmann's decoder.
bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        if (n - i >= 8 && ascii8(load8(s.data() + i))) {
            i += 8;
            continue;
        }
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
        if (b >= 0xC2 && b <= 0xDF)
            len = 2;
        else if (b == 0xE0)
            len = 3, lo = 0xA0;
        else if (b == 0xED)
            len = 3, hi = 0x9F;
        else if (b >= 0xE1 && b <= 0xEF)
            len = 3;
        else if (b == 0xF0)
            len = 4, lo = 0x90;
        else if (b == 0xF4)
            len = 4, hi = 0x8F;
        else if (b >= 0xF1 && b <= 0xF3)
            len = 4;
        else
            return false;
        if (n - i < len)
            return false;
        const auto second = static_cast<unsigned char>(s[i + 1]);
        if (second < lo || second > hi)
            return false;
        for (std::size_t k = 2; k < len; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
                return false;
        }
        i += len;
    }
    return true;
}

class JsonWriter {
public:
    explicit JsonWriter(std::size_t hint) { out_.reserve(hint); }
    bool ok() const { return ok_; }
    std::string take() { return std::move(out_); }
    void raw(std::string_view s) { out_.append(s); }
    void key(std::string_view k) {
        out_.push_back(first_ ? '{' : ',');
        first_ = false;
        string(k);
        out_.push_back(':');
    }
    void end_object() { out_.append(first_ ? "{}" : "}"); }
    void string(std::string_view s) {
        if (!valid_utf8(s)) {
            ok_ = false;
            return;
        }
        out_.push_back('"');
        std::size_t run = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            while (s.size() - i >= 8 && plain8(load8(s.data() + i))) {
                i += 8;
            }
            if (i == s.size()) {
                break;
            }
            const auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\')
                continue;
            out_.append(s.data() + run, i - run);
            run = i + 1;
            switch (c) {
                case '"':
                    out_.append("\\\"");
                    break;
                case '\\':
                    out_.append("\\\\");
                    break;
                case 0x08:
                    out_.append("\\b");
                    break;
                case 0x09:
                    out_.append("\\t");
                    break;
                case 0x0A:
                    out_.append("\\n");
                    break;
                case 0x0C:
                    out_.append("\\f");
                    break;
                case 0x0D:
                    out_.append("\\r");
                    break;
                default: {
                    static constexpr char kHex[] = "0123456789abcdef";
                    const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
                    out_.append(esc, 6);
                }
            }
        }
        out_.append(s.data() + run, s.size() - run);
        out_.push_back('"');
    }
    void strings(const std::vector<std::string>& list) {
        out_.push_back('[');
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (i > 0)
                out_.push_back(',');
            string(list[i]);
        }
        out_.push_back(']');
    }
    void time(const std::optional<TimePoint>& t) {
        if (t) {
            string(format_rfc3339(*t));
        } else {
            out_.append("null");
        }
    }
    /// A nested object: its own first-key state.
    JsonWriter& nested() {
        first_stack_.push_back(first_);
        first_ = true;
        return *this;
    }
    void end_nested() {
        end_object();
        first_ = first_stack_.back();
        first_stack_.pop_back();
    }

private:
    std::string out_;
    bool first_ = true;
    bool ok_ = true;
    std::vector<bool> first_stack_;
};

std::string encode_entry_tree(const FeedEntry& e, bool with_text) {
    json enclosures = json::array();
    for (const auto& enc : e.enclosures) {
        enclosures.push_back({{"url", enc.url}, {"type", enc.type}, {"length", enc.length}});
    }
    json j = {
        {"id", e.id},
        {"title", e.title},
        {"link", e.link},
        {"published", time_or_null(e.published)},
        {"updated", time_or_null(e.updated)},
        {"published_raw", e.published_raw},
        {"updated_raw", e.updated_raw},
        {"authors", e.authors},
        {"summary", e.summary},
        {"content", e.content},
        {"categories", e.categories},
        {"enclosures", std::move(enclosures)},
        {"extra", e.extra},
    };
    if (!e.article_text.empty()) {
        j["article_text"] = e.article_text;
    }
    if (with_text) {
        j["summary_text"] = e.summary_text;
        j["content_text"] = e.content_text;
    }
    return dump(j);
}

}  // namespace

std::string encode_entry(const FeedEntry& e, bool with_text) {
    JsonWriter w(256 + e.title.size() + e.summary.size() + e.content.size() + e.article_text.size() +
                 (with_text ? e.summary_text.size() + e.content_text.size() : 0));
    // Keys in the order of nlohmann's std::map (byte order).
    if (!e.article_text.empty())
        w.key("article_text"), w.string(e.article_text);
    w.key("authors"), w.strings(e.authors);
    w.key("categories"), w.strings(e.categories);
    w.key("content"), w.string(e.content);
    if (with_text)
        w.key("content_text"), w.string(e.content_text);
    w.key("enclosures");
    w.raw("[");
    for (std::size_t i = 0; i < e.enclosures.size(); ++i) {
        const Enclosure& enc = e.enclosures[i];
        if (i > 0)
            w.raw(",");
        w.nested();
        w.key("length"), w.raw(std::to_string(enc.length));
        w.key("type"), w.string(enc.type);
        w.key("url"), w.string(enc.url);
        w.end_nested();
    }
    w.raw("]");
    w.key("extra");
    w.nested();
    for (const auto& [k, v] : e.extra)
        w.key(k), w.string(v);
    w.end_nested();
    w.key("id"), w.string(e.id);
    w.key("link"), w.string(e.link);
    w.key("published"), w.time(e.published);
    w.key("published_raw"), w.string(e.published_raw);
    w.key("summary"), w.string(e.summary);
    if (with_text)
        w.key("summary_text"), w.string(e.summary_text);
    w.key("title"), w.string(e.title);
    w.key("updated"), w.time(e.updated);
    w.key("updated_raw"), w.string(e.updated_raw);
    w.end_object();
    return w.ok() ? w.take() : encode_entry_tree(e, with_text);
}

std::optional<FeedEntry> decode_entry(std::string_view text) {
    auto parsed = parse(text);
    if (!parsed || !parsed->is_object()) {
        return std::nullopt;
    }
    const json& j = *parsed;
    FeedEntry e;
    e.id = read_text(j, "id");
    e.title = read_text(j, "title");
    e.link = read_text(j, "link");
    e.published = read_time(j, "published");
    e.updated = read_time(j, "updated");
    e.published_raw = read_text(j, "published_raw");
    e.updated_raw = read_text(j, "updated_raw");
    e.authors = read_strings(j, "authors");
    e.summary = read_text(j, "summary");
    e.content = read_text(j, "content");
    e.summary_text = read_text(j, "summary_text");
    e.content_text = read_text(j, "content_text");
    e.article_text = read_text(j, "article_text");
    e.categories = read_strings(j, "categories");
    if (auto it = j.find("enclosures"); it != j.end() && it->is_array()) {
        for (const auto& enc : *it) {
            if (!enc.is_object()) {
                continue;
            }
            auto len = enc.find("length");
            e.enclosures.push_back({read_text(enc, "url"), read_text(enc, "type"),
                                    (len != enc.end() && len->is_number_integer()) ? len->get<std::int64_t>() : 0});
        }
    }
    if (auto it = j.find("extra"); it != j.end() && it->is_object()) {
        for (const auto& [key, value] : it->items()) {
            if (value.is_string()) {
                e.extra[key] = value.get<std::string>();
            }
        }
    }
    return e;
}

std::string encode_fields(const Fields& fields) {
    json j = json::object();
    for (const auto& [name, value] : fields) {
        const std::string& key = name;  // clang 14 cannot capture a structured binding
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::monostate>) {
                    j[key] = nullptr;
                } else {
                    j[key] = v;
                }
            },
            value);
    }
    return dump(j);
}

std::optional<Fields> decode_fields(std::string_view text) {
    auto parsed = parse(text);
    if (!parsed || !parsed->is_object()) {
        return std::nullopt;
    }
    Fields fields;
    for (const auto& [key, v] : parsed->items()) {
        if (v.is_null()) {
            fields.set_null(key);
        } else if (v.is_boolean()) {
            fields.set(key, v.get<bool>());
        } else if (v.is_number_integer()) {
            fields.set(key, v.get<std::int64_t>());
        } else if (v.is_number_float()) {
            fields.set(key, v.get<double>());
        } else if (v.is_string()) {
            fields.set(key, v.get<std::string>());
        } else {
            fields.set(key, v.dump());  // not a scalar: kept as its JSON text
        }
    }
    return fields;
}

std::string encode_ids(const std::vector<std::int64_t>& ids) {
    return json(ids).dump();
}

std::optional<std::vector<std::int64_t>> decode_ids(std::string_view text) {
    auto parsed = parse(text);
    if (!parsed || !parsed->is_array()) {
        return std::nullopt;
    }
    std::vector<std::int64_t> ids;
    for (const auto& v : *parsed) {
        if (!v.is_number_integer()) {
            return std::nullopt;
        }
        ids.push_back(v.get<std::int64_t>());
    }
    return ids;
}

}  // namespace fw::store::detail

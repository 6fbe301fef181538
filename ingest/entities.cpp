#include "ingest/entities.h"

#include <array>

#include "ingest/encoding.h"

namespace fw::ingest {
namespace {

constexpr std::array<char16_t, 32> kC1AsCp1252 = {0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
                                                  0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// Decodes a numeric reference body ("#38", "#x26"); false when it is not one.
bool numeric_reference(std::string_view body, char32_t& cp) {
    if (body.size() < 2 || body[0] != '#')
        return false;
    const bool hex = body[1] == 'x' || body[1] == 'X';
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8)
        return false;
    std::uint32_t v = 0;
    for (char c : digits) {
        if (hex ? !is_hex(c) : !(c >= '0' && c <= '9'))
            return false;
        const std::uint32_t d =
            c <= '9' ? static_cast<std::uint32_t>(c - '0') : static_cast<std::uint32_t>((c | 0x20) - 'a' + 10);
        v = v * (hex ? 16u : 10u) + d;
    }
    if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || v == 0x7F ||
        (v < 0x20 && v != '\t' && v != '\n' && v != '\r')) {
        v = 0xFFFD;
    } else if (v >= 0x80 && v <= 0x9F) {
        v = kC1AsCp1252[v - 0x80];
    }
    cp = v;
    return true;
}

}  // namespace

/// The five XML names, checked before the general path: they are most of the references feeds
/// carry. Returns the bytes consumed after '&' (0 when none matches).
std::size_t xml_reference(std::string_view rest, char& c) {
    if (rest.size() < 3)
        return 0;
    switch (rest[0]) {
        case 'a':
            if (rest.size() >= 4 && rest[1] == 'm' && rest[2] == 'p' && rest[3] == ';')
                return c = '&', 4;
            if (rest.size() >= 5 && rest.substr(1, 4) == "pos;")
                return c = '\'', 5;
            return 0;
        case 'l':
            return rest[1] == 't' && rest[2] == ';' ? (c = '<', 3) : 0;
        case 'g':
            return rest[1] == 't' && rest[2] == ';' ? (c = '>', 3) : 0;
        case 'q':
            return rest.size() >= 5 && rest.substr(1, 4) == "uot;" ? (c = '"', 5) : 0;
        default:
            return 0;
    }
}

void append_decoded(std::string& out, std::string_view text, UnknownEntities unknown) {
    constexpr std::size_t kMaxBody = 40;  // references are short; a far ';' means a stray '&'
    std::size_t i = 0;
    while (i < text.size()) {
        const auto amp = text.find('&', i);
        if (amp == std::string_view::npos)
            break;
        out.append(text.data() + i, amp - i);
        i = amp + 1;
        char xml = 0;
        if (const std::size_t used = xml_reference(text.substr(i, 5), xml); used != 0) {
            out.push_back(xml);
            i += used;
            continue;
        }
        // Only the next kMaxBody + 1 bytes may hold the ';' ("a & b; c" is a stray '&').
        const std::string_view window = text.substr(i, kMaxBody + 1);
        const auto semi = window.find(';');
        if (semi == std::string_view::npos || semi == 0) {
            out.push_back('&');
            continue;
        }
        const std::string_view body = window.substr(0, semi);
        char32_t cp = 0;
        if (numeric_reference(body, cp)) {
            append_utf8(out, cp);
            i += semi + 1;
        } else if (const auto hit = lookup_entity(body)) {
            out.append(*hit);
            i += semi + 1;
        } else if (unknown == UnknownEntities::Drop && body.find_first_of(" &<") == std::string_view::npos) {
            i += semi + 1;
        } else {
            out.push_back('&');
        }
    }
    out.append(text.data() + i, text.size() - i);
}

std::string decode_entities(std::string_view text, UnknownEntities unknown) {
    std::string out;
    out.reserve(text.size());
    append_decoded(out, text, unknown);
    return out;
}

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out.push_back(c);
        }
    }
    return out;
}

}  // namespace fw::ingest

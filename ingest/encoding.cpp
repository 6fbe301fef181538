#include "ingest/encoding.h"

#include <iconv.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "domain/slug.h"

namespace fw::ingest {
namespace {

// Code points of windows-1252 bytes 0x80..0x9F; 0 marks the five unassigned bytes.
constexpr std::array<char16_t, 32> kCp1252High = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                                  0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 when it is invalid.
std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    std::size_t len = 0;
    char32_t min = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2, cp = b0 & 0x1F, min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3, cp = b0 & 0x0F, min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (i + len > s.size())
        return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

std::uint64_t load8(const char* p) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, 8);
    return w;
}

/// Eight bytes that are all printable ASCII (0x20..0x7E): nothing to check or repair.
/// ("Bit Twiddling Hacks": a byte with the high bit, below 0x20, or equal to 0x7F.)
bool printable_ascii8(std::uint64_t w) {
    const std::uint64_t below_space = (w - kOnes * 0x20) & ~w;
    const std::uint64_t x = w ^ (kOnes * 0x7F);
    const std::uint64_t del = (x - kOnes) & ~x;
    return ((w | below_space | del) & kHighs) == 0;
}

bool is_dropped_control(char32_t cp) {
    return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F);
}

std::string decode_cp1252(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x80) {
            out.push_back(c);
        } else if (b < 0xA0) {
            const char16_t cp = kCp1252High[b - 0x80];
            append_utf8(out, cp == 0 ? char32_t{0xFFFD} : char32_t{cp});
        } else {
            append_utf8(out, b);
        }
    }
    return out;
}

/// iconv from `label` to UTF-8; an undecodable byte becomes U+FFFD. False if iconv lacks the label.
bool decode_iconv(std::string_view s, const std::string& label, std::string& out, std::size_t& repairs) {
    iconv_t cd = iconv_open("UTF-8", label.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1))
        return false;
    std::string in(s);
    char* inp = in.data();
    std::size_t inleft = in.size();
    std::array<char, 8192> buf{};
    while (inleft > 0) {
        char* outp = buf.data();
        std::size_t outleft = buf.size();
        const std::size_t rc = iconv(cd, &inp, &inleft, &outp, &outleft);
        out.append(buf.data(), buf.size() - outleft);
        if (rc == static_cast<std::size_t>(-1)) {
            if (errno == E2BIG)
                continue;
            out.append("\xEF\xBF\xBD");
            ++repairs;
            if (errno == EINVAL)
                break;        // truncated sequence at the end
            ++inp, --inleft;  // EILSEQ: skip one byte and resynchronise
            iconv(cd, nullptr, nullptr, nullptr, nullptr);
        }
    }
    iconv_close(cd);
    return true;
}

/// Charset implied by a BOM or by the byte pattern of "<?" in UTF-16/32; bom_len set when a BOM.
std::string sniff_unicode(std::string_view b, std::size_t& bom_len) {
    auto starts = [&](std::string_view p) { return b.substr(0, p.size()) == p; };
    using namespace std::string_view_literals;
    bom_len = 0;
    if (starts("\xEF\xBB\xBF"sv))
        return bom_len = 3, "utf-8";
    if (starts("\x00\x00\xFE\xFF"sv))
        return bom_len = 4, "utf-32be";
    if (starts("\xFF\xFE\x00\x00"sv))
        return bom_len = 4, "utf-32le";
    if (starts("\xFE\xFF"sv))
        return bom_len = 2, "utf-16be";
    if (starts("\xFF\xFE"sv))
        return bom_len = 2, "utf-16le";
    if (starts("\x00\x00\x00<"sv))
        return "utf-32be";
    if (starts("<\x00\x00\x00"sv))
        return "utf-32le";
    if (starts("\x00<\x00"sv))
        return "utf-16be";
    if (starts("<\x00"sv))
        return "utf-16le";
    return {};
}

std::string normalise_label(std::string label) {
    if (label == "iso-8859-1" || label == "latin1" || label == "latin-1" || label == "us-ascii" || label == "ascii" ||
        label == "cp1252" || label == "iso8859-1" || label == "l1") {
        return "windows-1252";
    }
    if (label == "utf8")
        return "utf-8";
    return label;
}

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

bool is_valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        if (i + 8 <= s.size() && (load8(s.data() + i) & kHighs) == 0) {
            i += 8;  // eight ASCII bytes at once
            continue;
        }
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        char32_t cp = 0;
        const std::size_t n = utf8_sequence(s, i, cp);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

bool needs_no_repair(std::string_view s) {
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        if (i + 8 <= n && printable_ascii8(load8(s.data() + i))) {
            i += 8;
            continue;
        }
        const auto b = static_cast<unsigned char>(s[i]);
        if (b >= 0x20 && b < 0x7F) {
            ++i;
            continue;
        }
        char32_t cp = 0;
        const std::size_t len = utf8_sequence(s, i, cp);
        // Invalid, or a control sanitize_utf8 would drop or read as windows-1252.
        if (len == 0 || is_dropped_control(cp))
            return false;
        i += len;
    }
    return true;
}

std::size_t sanitize_utf8(std::string_view in, std::string& out) {
    out.clear();
    out.reserve(in.size());
    std::size_t repairs = 0;
    std::size_t run = 0;  // start of the pending run of clean ASCII, copied in one append
    std::size_t i = 0;
    while (i < in.size()) {
        const auto b = static_cast<unsigned char>(in[i]);
        if (b >= 0x20 && b < 0x7F) {
            ++i;
            continue;
        }
        out.append(in.data() + run, i - run);
        char32_t cp = 0;
        std::size_t n = utf8_sequence(in, i, cp);
        if (n == 0) {
            out.append("\xEF\xBF\xBD");
            ++repairs;
            n = 1;
        } else if (cp >= 0x80 && cp <= 0x9F && kCp1252High[cp - 0x80] != 0) {
            // C1 controls in text are windows-1252 bytes mis-declared upstream ("demoronize").
            append_utf8(out, kCp1252High[cp - 0x80]);
            ++repairs;
        } else if (is_dropped_control(cp)) {
            ++repairs;
        } else {
            out.append(in.data() + i, n);
        }
        i += n;
        run = i;
    }
    out.append(in.data() + run, in.size() - run);
    return repairs;
}

std::string charset_from_content_type(std::string_view content_type) {
    const std::string lower = to_lower_ascii(content_type);
    const auto pos = lower.find("charset=");
    if (pos == std::string::npos)
        return {};
    std::string_view v = std::string_view(lower).substr(pos + 8);
    v = v.substr(0, v.find(';'));
    v = trim(v);
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\''))
        v = v.substr(1, v.size() - 2);
    return std::string(trim(v));
}

std::string xml_declared_encoding(std::string_view bytes) {
    if (bytes.substr(0, 5) != "<?xml")
        return {};
    const std::string_view decl = bytes.substr(0, bytes.find("?>"));
    const auto pos = decl.find("encoding");
    if (pos == std::string_view::npos)
        return {};
    std::size_t i = decl.find_first_of("\"'", pos);
    if (i == std::string_view::npos)
        return {};
    const std::size_t end = decl.find(decl[i], i + 1);
    if (end == std::string_view::npos)
        return {};
    return to_lower_ascii(trim(decl.substr(i + 1, end - i - 1)));
}

DecodedText decode_to_utf8(std::string_view bytes, std::string_view http_content_type) {
    DecodedText result;
    std::size_t bom_len = 0;
    std::string charset = sniff_unicode(bytes, bom_len);
    bytes.remove_prefix(bom_len);
    std::string utf8;
    std::size_t repairs = 0;
    // The common case, checked in one pass: UTF-8 (declared by a BOM or by being valid) that
    // sanitize_utf8 would copy unchanged.
    if ((charset.empty() || charset == "utf-8") && needs_no_repair(bytes)) {
        result.text.assign(bytes);
        result.charset = "utf-8";
        return result;
    }
    if (charset.empty() && is_valid_utf8(bytes))
        charset = "utf-8";
    if (charset.empty()) {
        charset = normalise_label(charset_from_content_type(http_content_type));
        if (charset.empty() || charset == "utf-8")
            charset = normalise_label(xml_declared_encoding(bytes));
        // Unlabelled XML is UTF-8 by definition: stray bytes are repaired one by one (U+FFFD)
        // rather than re-reading the whole document in a guessed charset.
        if (charset.empty())
            charset = "utf-8";
    }
    if (charset == "utf-8") {
        // One copy only: the repair pass writes straight from the input bytes.
        const std::size_t fixed = sanitize_utf8(bytes, result.text);
        if (fixed > 0) {
            result.warnings.push_back("encoding.repaired: " + std::to_string(fixed) +
                                      " invalid or control sequences removed or replaced");
        }
        result.charset = std::move(charset);
        return result;
    } else if (charset == "windows-1252") {
        utf8 = decode_cp1252(bytes);
    } else if (!decode_iconv(bytes, charset, utf8, repairs)) {
        result.warnings.push_back("encoding.unknown_charset: '" + charset + "', read as windows-1252");
        charset = "windows-1252";
        utf8 = decode_cp1252(bytes);
    }
    repairs += sanitize_utf8(utf8, result.text);
    if (repairs > 0) {
        result.warnings.push_back("encoding.repaired: " + std::to_string(repairs) +
                                  " invalid or control sequences removed or replaced");
    }
    result.charset = std::move(charset);
    return result;
}

DecodedText decode_to_utf8_owned(std::string bytes, std::string_view http_content_type) {
    std::size_t bom_len = 0;
    const std::string charset = sniff_unicode(bytes, bom_len);
    const std::string_view body = std::string_view(bytes).substr(bom_len);
    if ((charset.empty() || charset == "utf-8") && needs_no_repair(body)) {
        DecodedText result;
        bytes.erase(0, bom_len);
        result.text = std::move(bytes);
        result.charset = "utf-8";
        return result;
    }
    return decode_to_utf8(bytes, http_content_type);
}

}  // namespace fw::ingest

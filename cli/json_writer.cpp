#include "cli/json_writer.h"

#include <charconv>
#include <cstring>
#include <nlohmann/json.hpp>

#include "ingest/encoding.h"

namespace fw::cli {
namespace {

/// True when one of the 8 bytes of `w` must be escaped: a control byte (< 0x20), '"' or '\'.
/// (Bit tricks from "Bit Twiddling Hacks": a byte is zero / below n.)
bool needs_escape(std::uint64_t w) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    const auto has_zero = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
    const std::uint64_t below_space = (w - ones * 0x20) & ~w & highs;
    return (below_space | has_zero(w ^ (ones * '"')) | has_zero(w ^ (ones * '\\'))) != 0;
}

bool needs_escape(char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\';
}

}  // namespace

void JsonWriter::flush() {
    if (!buffer_.empty()) {
        std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
        buffer_.clear();
    }
}

void JsonWriter::newline_indent() {
    buffer_.push_back('\n');
    buffer_.append(2 * stack_.size(), ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (stack_.empty())
        return;
    Level& level = stack_.back();
    if (!level.empty)
        buffer_.push_back(',');
    level.empty = false;
    newline_indent();
}

void JsonWriter::open(char bracket) {
    before_value();
    buffer_.push_back(bracket);
    stack_.push_back({bracket == '{', true});
}

void JsonWriter::close(char bracket) {
    const bool empty = stack_.back().empty;
    stack_.pop_back();
    if (!empty)
        newline_indent();
    buffer_.push_back(bracket);
    if (buffer_.size() >= kBufferBytes)
        flush();
}

void JsonWriter::key(std::string_view name) {
    before_value();
    buffer_.push_back('"');
    escaped(name);
    buffer_.append("\": ");
    after_key_ = true;
}

void JsonWriter::string(std::string_view value) {
    before_value();
    if (!ingest::is_valid_utf8(value)) {
        // nlohmann's replacement of invalid sequences, so the output does not depend on the path.
        append(nlohmann::json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        return;
    }
    buffer_.push_back('"');
    escaped(value);
    buffer_.push_back('"');
    if (buffer_.size() >= kBufferBytes)
        flush();
}

void JsonWriter::escaped(std::string_view s) {
    const char* p = s.data();
    const std::size_t n = s.size();
    std::size_t run = 0;  // start of the bytes not yet copied
    std::size_t i = 0;
    while (i < n) {
        // Whole words without anything to escape are skipped eight bytes at a time.
        while (i + 8 <= n) {
            std::uint64_t w = 0;
            std::memcpy(&w, p + i, 8);
            if (needs_escape(w))
                break;
            i += 8;
        }
        while (i < n && !needs_escape(p[i]))
            ++i;
        if (i >= n)
            break;
        buffer_.append(p + run, i - run);
        const auto c = static_cast<unsigned char>(p[i]);
        switch (c) {
            case '\b':
                buffer_.append("\\b");
                break;
            case '\t':
                buffer_.append("\\t");
                break;
            case '\n':
                buffer_.append("\\n");
                break;
            case '\f':
                buffer_.append("\\f");
                break;
            case '\r':
                buffer_.append("\\r");
                break;
            case '"':
                buffer_.append("\\\"");
                break;
            case '\\':
                buffer_.append("\\\\");
                break;
            default: {
                static constexpr char kHex[] = "0123456789abcdef";
                const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
                buffer_.append(u, 6);
            }
        }
        ++i;
        run = i;
        if (buffer_.size() >= kBufferBytes)
            flush();
    }
    buffer_.append(p + run, n - run);
}

void JsonWriter::null() {
    before_value();
    append("null");
}

void JsonWriter::boolean(bool value) {
    before_value();
    append(value ? "true" : "false");
}

void JsonWriter::number(std::int64_t value) {
    before_value();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    append(std::string_view(digits, static_cast<std::size_t>(end - digits)));
}

void JsonWriter::number(double value) {
    before_value();
    append(nlohmann::json(value).dump());  // nlohmann's shortest round-trip form ("2.0", "1e+20")
}

void JsonWriter::member(std::string_view name, const std::vector<std::string>& values) {
    key(name);
    begin_array();
    for (const auto& v : values)
        string(v);
    end_array();
}

}  // namespace fw::cli

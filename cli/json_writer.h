#pragma once
// A streaming JSON writer for large outputs (`parse --json` of a 20 MB feed): values go straight
// into a 64 KiB buffer that is flushed to a FILE*, so no document tree is built and memory stays
// flat. The layout is byte for byte what nlohmann's dump(2, ' ', false, replace) prints: two-space
// indent, "[]"/"{}" for empty containers, the same escapes, and a string that is not valid UTF-8
// handed to nlohmann itself so its replacement rule stays the one rule. nlohmann sorts object
// keys; here the caller writes keys in that (byte) order.

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace fw::cli {

class JsonWriter {
public:
    explicit JsonWriter(std::FILE* out) : out_(out) { buffer_.reserve(kBufferBytes + 4096); }
    ~JsonWriter() { flush(); }
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    /// The next member's key; its value follows with one of the value calls.
    void key(std::string_view name);

    void string(std::string_view value);
    void null();
    void boolean(bool value);
    void number(std::int64_t value);
    void number(double value);

    /// Shorthands for a key and its value.
    void member(std::string_view name, std::string_view value) { key(name), string(value); }
    void member_null(std::string_view name) { key(name), null(); }
    /// A string array (authors, categories, warnings).
    void member(std::string_view name, const std::vector<std::string>& values);

    /// The newline after the top-level value (nlohmann's dump has none; the CLI prints one).
    void raw_newline() { append("\n"); }

    /// Writes what is buffered to the FILE* (also done when the buffer fills and at destruction).
    void flush();

private:
    static constexpr std::size_t kBufferBytes = 64 * 1024;

    void open(char bracket);
    void close(char bracket);
    void before_value();  ///< the separator and indent an array element needs
    void newline_indent();
    void append(std::string_view s) {
        buffer_.append(s);
        if (buffer_.size() >= kBufferBytes)
            flush();
    }
    void escaped(std::string_view valid_utf8);

    std::FILE* out_;
    std::string buffer_;
    struct Level {
        bool is_object = false;
        bool empty = true;
    };
    std::vector<Level> stack_;
    bool after_key_ = false;
};

}  // namespace fw::cli

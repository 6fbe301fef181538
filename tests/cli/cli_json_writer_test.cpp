// The streaming writer of `parse --json` (cli/json_writer.h) must print the bytes nlohmann's
// dump(2, ' ', false, replace) prints for the same value: the escapes of every control byte,
// quotes and backslashes, UTF-8 left as it is, invalid UTF-8 replaced as nlohmann replaces it.
// Each string goes through both, alone, as a key and inside nested containers, and at every
// offset of the writer's 8-byte scan.

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/json_writer.h"
#include "support/catch.h"

namespace {

/// What the writer printed for `write`, read back from a temporary file.
template <typename Write>
std::string written(Write write) {
    std::FILE* f = std::tmpfile();
    REQUIRE(f != nullptr);
    {
        fw::cli::JsonWriter w(f);
        write(w);
    }
    std::fflush(f);
    std::rewind(f);
    std::string out;
    char chunk[4096];
    std::size_t n = 0;
    while ((n = std::fread(chunk, 1, sizeof chunk, f)) > 0)
        out.append(chunk, n);
    std::fclose(f);
    return out;
}

std::string nlohmann_dump(const nlohmann::json& j) {
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> tricky_strings() {
    std::vector<std::string> s = {
        "",
        "plain ascii",
        "quote \" and backslash \\ and slash /",
        "\"\"\\\\\"",
        "tab\there, newline\nthere, cr\r, ff\f, bs\b",
        std::string("nul \0 inside", 12),
        "\x01\x02\x03\x04\x05\x06\x07\x0b\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f",
        "del \x7f stays",
        "caf\xc3\xa9, \xe2\x80\x94 dash, \xe6\x97\xa5\xe6\x9c\xac, emoji \xf0\x9f\x98\x80",
        "\xe2\x80\xa8 line separator \xe2\x80\xa9 paragraph separator",
        "lone continuation \x80 byte",
        "truncated \xe2\x82",
        "overlong \xc0\xaf slash",
        "surrogate \xed\xa0\x80 half",
        "latin-1 caf\xe9 byte",
        "\xff\xfe\xfd",
        "bad at the end \xc3",
        "</script><!-- & &amp; -->",
    };
    // Every byte value once, in a string long enough for the word-at-a-time scan.
    std::string all;
    for (int c = 0; c < 256; ++c)
        all.push_back(static_cast<char>(c));
    s.push_back(all);
    std::string ascii_and_controls;
    for (int c = 0; c < 128; ++c)
        ascii_and_controls.push_back(static_cast<char>(c));
    s.push_back(ascii_and_controls);
    // An escaped byte at each offset of an 8-byte word, and at the end of long runs.
    for (const char special : {'"', '\\', '\n', '\x01', '\x1f'}) {
        for (std::size_t at = 0; at < 19; ++at) {
            std::string t(19, 'x');
            t[at] = special;
            s.push_back(t);
        }
    }
    s.push_back(std::string(70000, 'a') + "\"" + std::string(70000, '\n'));  // across buffer flushes
    return s;
}

}  // namespace

TEST_CASE("the streaming JSON writer escapes strings as nlohmann does", "[cli][json]") {
    for (const auto& s : tricky_strings()) {
        INFO("string of " << s.size() << " bytes: " << nlohmann_dump(nlohmann::json(s)).substr(0, 200));
        CHECK(written([&](fw::cli::JsonWriter& w) { w.string(s); }) == nlohmann_dump(nlohmann::json(s)));
        // As a member value, a key and in an array, inside nested containers.
        const std::vector<std::string> list = {s, "between", s};
        const auto streamed = written([&](fw::cli::JsonWriter& w) {
            w.begin_object();
            w.member("a", s);
            w.member("b", list);
            w.key("c");
            w.begin_object();
            w.key("d");
            w.begin_array();
            w.begin_array();
            w.end_array();
            w.begin_object();
            w.end_object();
            w.string(s);
            w.null();
            w.end_array();
            w.end_object();
            w.end_object();
            w.raw_newline();
        });
        nlohmann::json tree;
        tree["a"] = s;
        tree["b"] = list;
        tree["c"]["d"] = nlohmann::json::array({nlohmann::json::array(), nlohmann::json::object(), s, nullptr});
        CHECK(streamed == nlohmann_dump(tree) + "\n");
    }
}

TEST_CASE("the streaming JSON writer escapes a key and writes numbers as nlohmann does", "[cli][json]") {
    const std::string key = "k\"\\\n\x01\xc3\xa9";
    const auto streamed = written([&](fw::cli::JsonWriter& w) {
        w.begin_object();
        w.key(key);
        w.begin_array();
        w.number(std::int64_t{-42});
        w.number(std::int64_t{9007199254740993});
        w.number(2.0);
        w.number(0.1);
        w.number(1e20);
        w.number(-1.5e-7);
        w.boolean(true);
        w.boolean(false);
        w.end_array();
        w.end_object();
    });
    nlohmann::json tree;
    tree[key] = nlohmann::json::array({-42, 9007199254740993LL, 2.0, 0.1, 1e20, -1.5e-7, true, false});
    CHECK(streamed == nlohmann_dump(tree));
}

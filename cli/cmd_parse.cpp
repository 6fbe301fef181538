#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "cli/command.h"
#include "cli/json_writer.h"
#include "ingest/http_client.h"
#include "ingest/source_adapter.h"
#include "ingest/user_agent.h"

namespace fw::cli {
namespace {

struct Loaded {
    std::string body;
    std::string content_type;
    std::string url;
};

/// Marks [data, data + size) for 2 MiB pages where the kernel allows it (THP "madvise" mode).
void advise_huge_pages(void* data, std::size_t size) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::size_t kHuge = std::size_t{2} << 20;
    const auto begin = (reinterpret_cast<std::uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(data) + size) & ~(kHuge - 1);
    if (end > begin)
        ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
    (void)data;
    (void)size;
#endif
}

/// Before a large feed is read and parsed, the heap is grown once by about what the parse will
/// use (4x the file: its buffer, pugixml's DOM, the entries) and that memory is marked for 2 MiB
/// pages: the process then takes ~3,000 page faults instead of ~12,000-18,000, which were a
/// third of `parse FILE`'s time on a 20 MB feed. What glibc's glibc.malloc.hugetlb=1 tunable
/// does, for this one command. The heap is not trimmed or split into mmaps of its own afterwards
/// (the process exits after one parse). Only a hint: where it is refused, nothing changes.
void prepare_heap_for(std::uintmax_t file_size) {
#if defined(__GLIBC__) && defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintmax_t kMin = std::uintmax_t{4} << 20;
    constexpr std::uintmax_t kMax = std::uintmax_t{1} << 30;
    if (file_size < kMin || file_size > kMax / 4)
        return;
    // glibc takes at most 32 MiB as the mmap threshold (on 64 bits): the heap is grown in blocks
    // below it, which brk lays end to end.
    constexpr std::size_t kBlock = std::size_t{30} << 20;
    const auto bytes = static_cast<std::size_t>(file_size * 4);
    ::mallopt(M_MMAP_THRESHOLD, static_cast<int>(kBlock + (std::size_t{1} << 20)));
    ::mallopt(M_TRIM_THRESHOLD, static_cast<int>(2 * bytes));
    std::vector<void*> blocks;
    for (std::size_t got = 0; got < bytes; got += kBlock) {
        void* block = std::malloc(std::min(kBlock, bytes - got));
        if (block == nullptr)
            break;
        blocks.push_back(block);
        advise_huge_pages(block, std::min(kBlock, bytes - got));
    }
    if (blocks.size() > 1) {
        // Laid end to end (the usual case): the seams get 2 MiB pages too.
        const auto first = reinterpret_cast<std::uintptr_t>(blocks.front());
        const auto last = reinterpret_cast<std::uintptr_t>(blocks.back());
        if (last > first && last - first < bytes)
            advise_huge_pages(blocks.front(), last - first + std::min(kBlock, bytes - (blocks.size() - 1) * kBlock));
    }
    for (void* block : blocks)
        std::free(block);  // back to the heap's top, untouched: the parse's allocations come from it
#else
    (void)file_size;
#endif
}

Result<Loaded> load(const std::string& where, SourceKind kind) {
    if (where.starts_with("http://") || where.starts_with("https://") || where.starts_with("file://")) {
        auto ua = ingest::user_agent_for(kind, std::nullopt);
        ingest::HttpRequest req;
        req.url = where;
        req.user_agent = ua ? *ua : "FrontierWatch";
        auto resp = ingest::HttpClient{}.get(req);
        if (!resp) {
            return resp.error();
        }
        return Loaded{std::move(resp->body), resp->content_type, where};
    }
    std::ifstream in(where, std::ios::binary);
    if (!in) {
        return make_error(ErrorCode::NotFound, "cannot read file", where);
    }
    // One read into a buffer of the file's size: a 20 MB feed is copied once, not three times.
    Loaded loaded{{}, "", "file://" + std::filesystem::absolute(where).string()};
    std::error_code size_error;
    const auto size = std::filesystem::file_size(where, size_error);
    if (!size_error && size > 0) {
        prepare_heap_for(size);
        loaded.body.resize(size);
        in.read(loaded.body.data(), static_cast<std::streamsize>(size));
        loaded.body.resize(static_cast<std::size_t>(in.gcount()));
    }
    // Whatever the size said (a pipe, a file still growing), read to the end.
    char chunk[65536];
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
        loaded.body.append(chunk, static_cast<std::size_t>(in.gcount()));
    }
    return loaded;
}

void print_summary(const ingest::SourceDocument& doc) {
    const auto& f = doc.feed;
    std::cout << "format: " << to_string(f.format) << "\ntitle: " << f.title << "\nlink: " << f.link
              << "\nitems: " << f.items.size() << "\n";
    for (const auto& e : f.items) {
        std::cout << "  " << (e.published ? format_date(*e.published) : std::string("----------")) << "  " << e.title
                  << "\n      " << e.link << "\n";
    }
    if (!doc.prices.empty()) {
        std::cout << "price bars: " << doc.prices.size() << " (" << format_date(doc.prices.front().date) << " .. "
                  << format_date(doc.prices.back().date) << ")\n";
    }
    for (const auto& w : f.warnings) {
        std::cerr << "warning: " << w << "\n";
    }
}

std::optional<std::string> time_or_null(const std::optional<TimePoint>& t) {
    return t ? std::optional<std::string>(format_rfc3339(*t)) : std::nullopt;
}

void member(JsonWriter& w, std::string_view key, const std::optional<std::string>& value) {
    if (value)
        w.member(key, *value);
    else
        w.member_null(key);
}

void member(JsonWriter& w, std::string_view key, const std::optional<double>& value) {
    w.key(key);
    if (value)
        w.number(*value);
    else
        w.null();
}

/// The contract's parse --json plus what extraction reads: each item's summary_text,
/// content_text and article_text (null until a linked article is read, which parse never
/// does), and a prices source's bars. Fields are only added, never renamed. Streamed: a 20 MB
/// feed is written as it is walked, with no JSON tree built. Keys are in nlohmann's (sorted)
/// order, so the bytes are those the tree version printed.
void write_json(const ingest::SourceDocument& doc, std::FILE* out) {
    const ParsedFeed& f = doc.feed;
    JsonWriter w(out);
    w.begin_object();
    w.member("description", f.description);
    w.member("format", to_string(f.format));
    w.key("items");
    w.begin_array();
    for (const auto& e : f.items) {
        w.begin_object();
        member(w, "article_text", e.article_text.empty() ? std::nullopt : std::optional<std::string>(e.article_text));
        w.member("authors", e.authors);
        w.member("categories", e.categories);
        w.member("content", e.content);
        w.member("content_text", e.content_text);
        w.key("enclosures");
        w.begin_array();
        for (const auto& en : e.enclosures) {
            w.begin_object();
            w.key("length");
            w.number(en.length);
            w.member("type", en.type);
            w.member("url", en.url);
            w.end_object();
        }
        w.end_array();
        w.key("extra");
        w.begin_object();
        for (const auto& [k, v] : e.extra)  // a std::map: already in key order
            w.member(k, v);
        w.end_object();
        w.member("id", e.id);
        w.member("link", e.link);
        member(w, "published", time_or_null(e.published));
        w.member("summary", e.summary);
        w.member("summary_text", e.summary_text);
        w.member("title", e.title);
        member(w, "updated", time_or_null(e.updated));
        w.end_object();
    }
    w.end_array();
    member(w, "language", f.language);
    w.member("link", f.link);
    if (!doc.prices.empty()) {
        w.key("prices");
        w.begin_array();
        for (const auto& b : doc.prices) {
            w.begin_object();
            member(w, "adj_close", b.adj_close);
            member(w, "close", b.close);
            w.member("date", format_date(b.date));
            member(w, "high", b.high);
            member(w, "low", b.low);
            member(w, "open", b.open);
            w.member("symbol", b.symbol);
            w.key("volume");
            if (b.volume)
                w.number(static_cast<std::int64_t>(*b.volume));
            else
                w.null();
            w.end_object();
        }
        w.end_array();
    }
    w.member("title", f.title);
    member(w, "updated", time_or_null(f.updated));
    w.member("warnings", f.warnings);
    w.end_object();
    w.raw_newline();
}

/// The process ends after this command. A large document is not freed entry by entry on the
/// way out (freeing 10,000 entries was 7 % of `parse --json` of a 20 MB feed): it stays reachable
/// until exit, as compilers do with their trees, so leak checkers do not report it.
void keep_until_exit(ingest::SourceDocument&& doc) {
    constexpr std::size_t kLarge = 1000;
    if (doc.feed.items.size() < kLarge)
        return;
    static auto* kept = new std::vector<ingest::SourceDocument>();
    kept->push_back(std::move(doc));
}

}  // namespace

void register_parse(CLI::App& app, Run& run) {
    struct Options {
        std::string where;
        std::string kind = "feed";
    };
    auto o = std::make_shared<Options>();
    auto* sub = app.add_subcommand("parse", "how one feed or document parses, without storing anything");
    add_version_flag(*sub);
    sub->add_option("file_or_url", o->where, "a file path or a URL")->required();
    sub->add_option("--kind", o->kind, "source kind to parse as (default feed)");
    sub->callback([&run, o] {
        const auto kind = source_kind_from_string(o->kind);
        if (!kind) {
            run.exit_code = fail(make_error(ErrorCode::Usage, "unknown source kind", o->kind));
            return;
        }
        auto loaded = load(o->where, *kind);
        if (!loaded) {
            run.exit_code = fail(loaded.error());
            return;
        }
        // The summary prints no summary or content text: HTML to text only for --json.
        // The body is handed over: a valid UTF-8 feed is parsed in it, not in a copy.
        auto doc = ingest::parse_document_owned(*kind, std::move(loaded->body),
                                                {"parse", loaded->url, loaded->content_type, run.global.json});
        if (!doc) {
            Error e = doc.error();
            e.context = o->where + (e.context.empty() ? "" : ": " + e.context);
            run.exit_code = fail(e);
            return;
        }
        if (run.global.json) {
            std::cout.flush();
            write_json(*doc, stdout);
        } else {
            print_summary(*doc);
        }
        keep_until_exit(std::move(*doc));
    });
}

}  // namespace fw::cli

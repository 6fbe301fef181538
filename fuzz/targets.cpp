#include "fuzz/targets.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "domain/time.h"
#include "ingest/date_parser.h"
#include "ingest/encoding.h"
#include "ingest/feed_parser.h"
#include "ingest/hf_adapter.h"
#include "ingest/html_text.h"

// The CSV reader is being written in parallel: compiled in only when ingest builds it.
#if defined(FW_HAVE_PRICES_CSV) && __has_include("ingest/prices_csv.h")
#include "ingest/prices_csv.h"
#define FW_FUZZ_PRICES_CSV 1
#endif

namespace fw::fuzz {
namespace {

/// A broken invariant is a bug: abort so libFuzzer keeps the input and Catch2 reports it.
[[noreturn]] void violated(const char* target, const char* what, std::string_view value) {
    std::fprintf(stderr, "fuzz invariant broken in %s: %s (value %zu bytes)\n", target, what, value.size());
    std::abort();
}

/// Text we hand to the store and the UI must be valid UTF-8 without NUL.
void check_text(const char* target, const char* field, std::string_view text) {
    if (!ingest::is_valid_utf8(text))
        violated(target, field, text);
    if (text.find('\0') != std::string_view::npos)
        violated(target, field, text);
}

void check_entries(const char* target, const ParsedFeed& feed) {
    check_text(target, "feed title", feed.title);
    check_text(target, "feed link", feed.link);
    check_text(target, "feed description", feed.description);
    for (const FeedEntry& e : feed.items) {
        check_text(target, "entry id", e.id);
        check_text(target, "entry title", e.title);
        check_text(target, "entry link", e.link);
        check_text(target, "entry summary_text", e.summary_text);
        check_text(target, "entry content_text", e.content_text);
        for (const auto& a : e.authors)
            check_text(target, "entry author", a);
        for (const auto& c : e.categories)
            check_text(target, "entry category", c);
    }
}

/// Every date we accept must print as RFC 3339 and read back as the same instant (what the
/// store does with it); checked over the years our formatting promises (4 digits).
void check_date(const char* which, std::optional<TimePoint> t, std::string_view input) {
    if (!t)
        return;
    const auto ymd = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(*t));
    const int year = static_cast<int>(ymd.year());
    if (year < 1000 || year > 9999)
        return;
    const std::string printed = format_rfc3339(*t);
    const auto back = parse_iso8601(printed);
    if (!back || *back != *t)
        violated(which, "date does not round-trip through RFC 3339", input);
}

/// A leading byte below 8 selects an HTTP Content-Type (and is not part of the body), so the
/// fuzzer explores the charset precedence rules; corpus seeds start with '<' or '{' and are
/// used as they are.
constexpr std::array<const char*, 8> kContentTypes = {
    "",
    "application/rss+xml; charset=utf-8",
    "text/html; charset=windows-1252",
    "application/feed+json",
    "text/xml; charset=iso-8859-1",
    "application/atom+xml; charset=utf-16",
    "text/xml; charset=koi8-r",
    "application/octet-stream",
};

}  // namespace

void feed_one(std::string_view bytes) {
    ingest::ParseOptions opts;
    opts.base_url = "https://example.org/feed/";
    if (!bytes.empty() && static_cast<unsigned char>(bytes[0]) < kContentTypes.size()) {
        opts.content_type = kContentTypes[static_cast<unsigned char>(bytes[0])];
        bytes.remove_prefix(1);
    }
    const Result<ParsedFeed> r = ingest::parse_feed(bytes, opts);
    if (r) {
        check_entries("feed", *r);
    } else if (r.error().message.empty()) {
        violated("feed", "error without a message", bytes);
    }
}

void date_one(std::string_view bytes) {
    check_date("date/feed", ingest::parse_feed_date(bytes), bytes);
    check_date("date/w3c", ingest::parse_w3c_date(bytes), bytes);
    check_date("date/rfc822", ingest::parse_rfc822_date(bytes), bytes);
}

namespace {
#ifdef FW_FUZZ_PRICES_CSV
// The reader's exact parameters are settled by its author; accept the plausible shapes.
template <typename S>
void call_prices_csv(S text) {
    if constexpr (requires { ingest::parse_prices_csv(text, std::string_view("FUZZ")); }) {
        (void)ingest::parse_prices_csv(text, std::string_view("FUZZ"));
    } else if constexpr (requires { ingest::parse_prices_csv(text, std::string("FUZZ")); }) {
        (void)ingest::parse_prices_csv(text, std::string("FUZZ"));
    } else {
        (void)ingest::parse_prices_csv(text);
    }
}
#endif
}  // namespace

void csv_one([[maybe_unused]] std::string_view bytes) {
#ifdef FW_FUZZ_PRICES_CSV
    call_prices_csv(bytes);
#endif
}

bool have_prices_csv() {
#ifdef FW_FUZZ_PRICES_CSV
    return true;
#else
    return false;
#endif
}

void hf_one(std::string_view bytes) {
    const Result<ParsedFeed> r = ingest::parse_hf_models(bytes, "https://huggingface.co/api/models?author=fuzz");
    if (r) {
        check_entries("hf", *r);
    } else if (r.error().message.empty()) {
        violated("hf", "error without a message", bytes);
    }
}

void html_one(std::string_view bytes) {
    // Pages and feed fragments reach these readers after decode_to_utf8, as in the adapters.
    const ingest::DecodedText decoded = ingest::decode_to_utf8(bytes);
    check_text("html", "html_to_text", ingest::html_to_text(decoded.text));
    check_text("html", "page_title", ingest::page_title(decoded.text));
    check_text("html", "markup_to_text", ingest::markup_to_text(decoded.text));
    (void)ingest::looks_like_markup(decoded.text);
}

TargetFn target_by_name(std::string_view name) {
    if (name == "feed")
        return &feed_one;
    if (name == "date")
        return &date_one;
    if (name == "csv")
        return &csv_one;
    if (name == "hf")
        return &hf_one;
    if (name == "html")
        return &html_one;
    return nullptr;
}

}  // namespace fw::fuzz

#pragma once
// The bodies of the libFuzzer targets, shared with the Catch2 replay of committed regression
// inputs (tests/robust/fuzz_replay_test.cpp), so a crash found by fuzzing is replayed by every
// normal build without libFuzzer. Each function feeds the bytes to one public ingest function
// and checks the properties every output must have (valid UTF-8, no NUL); a violation aborts,
// which libFuzzer reports as a crash and Catch2 as a failed test run.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace fw::fuzz {

void feed_one(std::string_view bytes);  ///< ingest::parse_feed (first byte picks content type)
void date_one(std::string_view bytes);  ///< ingest::parse_feed_date / w3c / rfc822
void csv_one(std::string_view bytes);   ///< ingest::parse_prices_csv (no-op when not built)
void hf_one(std::string_view bytes);    ///< ingest::parse_hf_models
void html_one(std::string_view bytes);  ///< ingest::html_to_text, markup_to_text, page_title

/// The target named "feed", "date", "csv", "hf" or "html"; nullptr for any other name.
using TargetFn = void (*)(std::string_view);
TargetFn target_by_name(std::string_view name);

/// True when the prices CSV reader was compiled in (ingest/prices_csv.h present).
bool have_prices_csv();

}  // namespace fw::fuzz

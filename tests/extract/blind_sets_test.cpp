// Floors on the blind sets of bench/extract_accuracy/blind/ (written by authors who never read the
// rules; README there). The items run as fw_extract_probe --one-memory runs them: one extractor
// for all lines, one day apart from 2026-04-09; a feed set's (feeds/SET/) as --feeds reads them,
// each file through the project's feed parser, oldest entry first. An expected event matches a produced event of its
// item with the same kind and subject (model, surface or person), as score.py matches them.
// Events of any kind left unmatched are false positives; "optional" expectations count neither
// way. The sets are in the repository (our authors' words), so this test never skips.

#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/item_builder.h"
#include "bundled_extractor.h"
#include "extract_eval.h"
#include "extract_support.h"
#include "support/catch.h"

namespace {

struct Score {
    int tp = 0, fp = 0, fn = 0;
    int negatives = 0, negatives_with_event = 0;
    double precision() const { return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp); }
    double recall() const { return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn); }
};

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream in(line);
    for (std::string part; std::getline(in, part, '\t');) {
        out.push_back(part);
    }
    return out;
}

std::optional<std::string> subject_of(const fw::Event& e) {
    switch (e.kind) {
        case fw::EventKind::SurfaceRollout:
            return e.surface;
        case fw::EventKind::PersonnelMove:
            return e.person;
        default:
            return e.model;
    }
}

/// An item of a set as its feed delivers it, with the source it comes from.
struct SetItem {
    fw::extract::SourceInfo source;
    fw::FeedEntry entry;
};

fw::extract::SourceInfo source_of(const std::string& name, const std::string& lab) {
    fw::extract::SourceInfo source{name, fw::SourceKind::Feed, std::nullopt};
    if (lab != "-") {
        source.lab = lab;
    }
    return source;
}

/// A one-line-per-item set (SET.tsv): items one day apart from 2026-04-09.
std::vector<SetItem> tsv_items(const std::string& path) {
    std::ifstream in(path);
    REQUIRE(in.good());
    std::vector<SetItem> items;
    for (std::string line; std::getline(in, line);) {
        const auto cols = split_tabs(line);
        REQUIRE(cols.size() >= 3);
        const auto n = static_cast<std::int64_t>(items.size()) + 1;
        fw::FeedEntry entry;
        entry.id = cols[0] + "-" + std::to_string(n);
        entry.link = "https://example.org/" + std::to_string(n);
        entry.title = cols[2];
        entry.summary = cols.size() > 3 ? cols[3] : "";
        entry.summary_text = entry.summary;
        entry.published = fw::make_time(2026, 4, 8) + std::chrono::hours(24 * n);
        items.push_back({source_of(cols[0], cols[1]), std::move(entry)});
    }
    return items;
}

/// A set of whole feed files (feeds/SET/manifest.tsv), parsed by the project's feed parser and
/// read oldest entry first, as fw_extract_probe --feeds reads them.
std::vector<SetItem> feed_items(const std::string& dir) {
    std::ifstream manifest(dir + "manifest.tsv");
    REQUIRE(manifest.good());
    std::vector<SetItem> items;
    for (std::string line; std::getline(manifest, line);) {
        const auto cols = split_tabs(line);
        REQUIRE(cols.size() >= 3);
        auto entries = fw::eval::parse_feed_file(dir + cols[2], cols[2]);
        INFO(cols[2]);
        REQUIRE(entries);
        for (const auto i : fw::eval::publication_order(*entries)) {
            items.push_back({source_of(cols[0], cols[1]), (*entries)[i]});
        }
    }
    return items;
}

Score score_set(const std::string& set) {
    const std::string dir = std::string(FW_SOURCE_DIR) + "/bench/extract_accuracy/blind/";
    const std::string feeds = dir + "feeds/" + set + "/";
    const bool feed_set = std::ifstream(feeds + "manifest.tsv").good();
    const auto items = feed_set ? feed_items(feeds) : tsv_items(dir + set + ".tsv");
    std::ifstream keys(feed_set ? feeds + "key.jsonl" : dir + set + ".key.jsonl");
    REQUIRE(keys.good());
    auto ex = fw::test::bundled_extractor();
    Score s;
    std::int64_t n = 0;
    for (std::string key_line; std::getline(keys, key_line);) {
        REQUIRE(n < static_cast<std::int64_t>(items.size()));
        const auto& [source, entry] = items[n++];
        auto item =
            fw::app::make_item(entry, 1, entry.published.value_or(fw::make_time(2026, 4, 8)) + std::chrono::hours(1));
        item.id = n;
        const auto out = ex.extract(item, nullptr, source);

        const auto key = nlohmann::json::parse(key_line);
        REQUIRE(key.at("title").get<std::string>() == entry.title);
        std::vector<bool> used(out.events.size(), false);
        const auto& expected = key.at("events");
        s.negatives += expected.empty() ? 1 : 0;
        s.negatives_with_event += expected.empty() && !out.events.empty() ? 1 : 0;
        for (const auto& want : expected) {
            const bool optional = want.value("optional", false);
            const auto kind = want.at("kind").get<std::string>();
            const char* field = kind == "surface_rollout" ? "surface" : kind == "personnel_move" ? "person" : "model";
            const auto subject = want.value(field, std::string());
            bool found = false;
            for (std::size_t i = 0; i < out.events.size() && !found; ++i) {
                if (!used[i] && fw::to_string(out.events[i].kind) == kind &&
                    subject_of(out.events[i]).value_or("") == subject) {
                    used[i] = found = true;
                }
            }
            if (!optional) {
                found ? ++s.tp : ++s.fn;
            }
        }
        for (const bool u : used) {
            s.fp += u ? 0 : 1;
        }
    }
    return s;
}

}  // namespace

TEST_CASE("the blind sets keep their precision and recall", "[extract][generalisation]") {
    // Measured at the session 13 end (bench/extract_accuracy/blind/run.sh, score.py's two-pass
    // match): A 0.95/0.90, B 0.95/0.85, C 0.96/0.78, D 0.93/0.77, E 0.94/0.80, F 0.92/0.72,
    // G 0.93/0.77, H 0.80/0.90, I 0.88/0.90, J 0.86/0.88, K 1.00/0.87, L 0.93/0.80, M 0.85/0.83.
    // The feed sets of session 14 (whole feed files in real feeds' texture) when written: N
    // 0.80/0.85, O 0.76/0.70, P 0.77/0.60, Q 0.87/0.67, R 0.79/0.73, S 0.79/0.77, T 0.79/0.55;
    // at the session's end: N 0.93/0.95, O 0.78/0.70, P 0.84/0.69, Q 0.89/0.68, R 0.85/0.84,
    // S 0.88/0.79, T 0.74/0.63 (G 0.98/0.80, J 0.88/0.89, M 0.85/0.82). U 0.82/0.68 and V
    // 0.59/0.89 were written after the session's last rule change and never read. Session 15's
    // terse feed sets (W to AA) when written, then at the session's end: W 0.94/0.61 -> 0.98/0.69,
    // X 0.95/0.44 -> 1.00/0.81, Y 0.97/0.55 -> 1.00/0.64 (all three read), Z 0.92/0.74 -> 0.92/0.74
    // and AA 0.90/0.51 -> 0.84/0.61 (never read); U 0.88/0.69 and V 0.85/0.89 at its end. The floors
    // sit a few points below, so one item's change does not fail a set of 50 to 75; negatives
    // that give an event may not grow.
    struct Floor {
        const char* set;
        double precision, recall;
        int negatives_with_event;
    };
    for (const Floor& f :
         {Floor{"A", 0.90, 0.85, 0}, Floor{"B", 0.90, 0.80, 0}, Floor{"C", 0.91, 0.72, 0}, Floor{"D", 0.87, 0.71, 0},
          Floor{"E", 0.89, 0.74, 0}, Floor{"F", 0.86, 0.67, 0}, Floor{"G", 0.88, 0.72, 0}, Floor{"H", 0.75, 0.85, 2},
          Floor{"I", 0.83, 0.85, 2}, Floor{"J", 0.80, 0.83, 1}, Floor{"K", 0.95, 0.82, 0}, Floor{"L", 0.87, 0.71, 0},
          Floor{"M", 0.81, 0.78, 2}, Floor{"N", 0.87, 0.88, 1}, Floor{"O", 0.72, 0.65, 1}, Floor{"P", 0.78, 0.61, 3},
          Floor{"Q", 0.83, 0.62, 1}, Floor{"R", 0.79, 0.79, 1}, Floor{"S", 0.83, 0.70, 0}, Floor{"T", 0.68, 0.57, 2},
          Floor{"U", 0.82, 0.63, 2}, Floor{"V", 0.78, 0.84, 2}, Floor{"W", 0.90, 0.62, 0}, Floor{"X", 0.95, 0.70, 0},
          Floor{"Y", 0.95, 0.56, 0}, Floor{"Z", 0.87, 0.69, 1}, Floor{"AA", 0.79, 0.56, 1}}) {
        const Score s = score_set(f.set);
        INFO("set " << f.set << ": " << s.tp << "/" << s.fp << "/" << s.fn << " negatives with an event "
                    << s.negatives_with_event);
        CHECK(s.precision() >= f.precision);
        CHECK(s.recall() >= f.recall);
        CHECK(s.negatives_with_event <= f.negatives_with_event);  // a negative that gives an event is a wrong answer
    }
}

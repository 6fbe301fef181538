// Floors on the blind sets of bench/extract_accuracy/blind/ (written by authors who never read the
// rules; README there). The items run as fw_extract_probe --one-memory runs them: one extractor
// for all lines, one day apart from 2026-04-09. An expected event matches a produced event of its
// item with the same kind and subject (model, surface or person), as score.py matches them.
// Events of any kind left unmatched are false positives; "optional" expectations count neither
// way. The sets are in the repository (our authors' words), so this test never skips.

#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/item_builder.h"
#include "bundled_extractor.h"
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

Score score_set(const std::string& set) {
    const std::string dir = std::string(FW_SOURCE_DIR) + "/bench/extract_accuracy/blind/";
    std::ifstream items(dir + set + ".tsv");
    std::ifstream keys(dir + set + ".key.jsonl");
    REQUIRE(items.good());
    REQUIRE(keys.good());
    auto ex = fw::test::bundled_extractor();
    Score s;
    std::int64_t n = 0;
    for (std::string line, key_line; std::getline(items, line) && std::getline(keys, key_line);) {
        ++n;
        const auto cols = split_tabs(line);
        REQUIRE(cols.size() >= 3);
        fw::extract::SourceInfo source{cols[0], fw::SourceKind::Feed, std::nullopt};
        if (cols[1] != "-") {
            source.lab = cols[1];
        }
        fw::FeedEntry entry;
        entry.id = cols[0] + "-" + std::to_string(n);
        entry.link = "https://example.org/" + std::to_string(n);
        entry.title = cols[2];
        entry.summary = cols.size() > 3 ? cols[3] : "";
        entry.summary_text = entry.summary;
        entry.published = fw::make_time(2026, 4, 8) + std::chrono::hours(24 * n);
        auto item = fw::app::make_item(entry, 1, *entry.published + std::chrono::hours(1));
        item.id = n;
        const auto out = ex.extract(item, nullptr, source);

        const auto key = nlohmann::json::parse(key_line);
        REQUIRE(key.at("title").get<std::string>() == cols[2]);
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
    // match): A 0.95/0.90, B 0.95/0.85, C 0.96/0.78, D 0.93/0.77, E 0.94/0.80, F 0.92/0.72, G 0.93/0.77,
    // H 0.80/0.90, I 0.88/0.90, J 0.86/0.88, K 1.00/0.87, L 0.93/0.80, M 0.85/0.83. The floors sit a
    // few points below, so one item's change does not fail a set of 50 to 75; negatives that give an
    // event may not grow.
    struct Floor {
        const char* set;
        double precision, recall;
        int negatives_with_event;
    };
    for (const Floor& f :
         {Floor{"A", 0.90, 0.85, 0}, Floor{"B", 0.90, 0.80, 0}, Floor{"C", 0.91, 0.72, 0}, Floor{"D", 0.87, 0.71, 0},
          Floor{"E", 0.89, 0.74, 0}, Floor{"F", 0.86, 0.67, 0}, Floor{"G", 0.88, 0.72, 0}, Floor{"H", 0.75, 0.85, 2},
          Floor{"I", 0.83, 0.85, 2}, Floor{"J", 0.80, 0.83, 1}, Floor{"K", 0.95, 0.82, 0}, Floor{"L", 0.87, 0.71, 0},
          Floor{"M", 0.81, 0.78, 2}}) {
        const Score s = score_set(f.set);
        INFO("set " << f.set << ": " << s.tp << "/" << s.fp << "/" << s.fn);
        CHECK(s.precision() >= f.precision);
        CHECK(s.recall() >= f.recall);
        CHECK(s.negatives_with_event <= f.negatives_with_event);  // a negative that gives an event is a wrong answer
    }
}

// fw_extract_probe: what the grammar makes of lines of text, with the bundled taxonomy and rules.
// A rule writer's tool: type headlines in wording of your own and see each event's kind,
// subjects, fields, confidence and cue, or the candidate it became. No database, no clock.
//
//   fw_extract_probe [--data DIR] [--classifier] [--entities] [--one-memory] < lines.tsv
//   fw_extract_probe [--data DIR] [--one-memory] --feeds MANIFEST.tsv
//
// Each line: SOURCE <TAB> LAB-or-"-" <TAB> TITLE [<TAB> SUMMARY]. Lines of one SOURCE share an
// extractor's memory in file order (a model discovered by one item is known to the next), as
// one feed's items do on a first fetch (--one-memory: all lines share one, as a fetch of several
// sources does); "#" lines are comments.
//
// --feeds reads whole feed files instead, with the project's own feed parser, so items arrive as
// real feeds deliver them (HTML bodies, markup, boilerplate): each manifest line is SOURCE <TAB>
// LAB-or-"-" <TAB> FILE (relative to the manifest), and each file's entries are read oldest
// first, as a first fetch stores them.

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include <CLI/CLI.hpp>

#include "app/context.h"
#include "app/item_builder.h"
#include "app/taxonomy_loader.h"
#include "domain/event.h"
#include "extract/extractor.h"
#include "extract_eval.h"

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream in(line);
    for (std::string part; std::getline(in, part, '\t');) {
        out.push_back(part);
    }
    return out;
}

void print_event(const fw::Event& e) {
    std::cout << "   EV " << fw::to_string(e.kind);
    for (const auto& [key, value] :
         {std::pair{"lab", e.lab}, {"model", e.model}, {"surface", e.surface}, {"person", e.person}}) {
        if (value) {
            std::cout << " " << key << "=" << *value;
        }
    }
    for (const auto& [key, value] : e.fields) {
        if (auto text = e.fields.text(key)) {
            std::cout << " " << key << "=" << *text;
        } else if (auto number = e.fields.number(key)) {
            std::cout << " " << key << "=" << *number;
        }
    }
    std::cout << " conf=" << e.confidence << "  [" << e.cue << "]\n";
}

/// One run: the extractors (one per source, or one for all) and the item numbering.
struct Probe {
    const fw::Taxonomy& taxonomy;
    const fw::extract::Rules& rules;
    std::shared_ptr<const fw::extract::KindClassifier> classifier;
    bool one_memory = false;
    bool show_entities = false;
    bool show_text = false;
    std::map<std::string, fw::extract::Extractor> extractors;
    std::int64_t next_id = 1;

    /// Extracts one entry of `source` (speaking for `lab`, "-" for none) and prints what came of it.
    void run(const std::string& source_name, const std::string& lab, const fw::FeedEntry& entry) {
        fw::extract::SourceInfo source{source_name, fw::SourceKind::Feed, std::nullopt};
        if (lab != "-") {
            source.lab = lab;
        }
        auto [it, fresh] =
            extractors.try_emplace(one_memory ? std::string() : source_name, taxonomy, rules, classifier);
        auto item =
            fw::app::make_item(entry, 1, entry.published.value_or(fw::make_time(2026, 4, 8)) + std::chrono::hours(1));
        item.id = next_id++;
        const auto out = it->second.extract(item, nullptr, source);
        std::cout << "== [" << source_name << "] " << entry.title << "\n";
        if (show_text) {
            for (const auto* part : {&item.entry.summary_text, &item.entry.content_text}) {
                if (!part->empty()) {
                    std::cout << "   TEXT " << *part << "\n";
                }
            }
        }
        for (const auto& m :
             show_entities ? it->second.matcher().find_all(entry.title) : std::vector<fw::extract::EntityMatch>{}) {
            std::cout << "   ENTITY " << entry.title.substr(m.begin, m.end - m.begin) << " -> " << m.slug << "\n";
        }
        for (const auto& e : out.events) {
            print_event(e);
        }
        for (const auto& c : out.candidates) {
            std::cout << "   CAND " << (c.suggested_kind ? std::string(fw::to_string(*c.suggested_kind)) : "-")
                      << " conf=" << c.confidence << "  [" << c.cue << "] " << c.reason << "\n";
        }
        for (const auto& m : out.discovered_models) {
            std::cout << "   NEW " << m.slug << " (" << m.name << ", lab " << m.lab << ", family " << m.family << ")\n";
        }
    }

    /// The --feeds mode: every feed of the manifest, in manifest order, each oldest entry first.
    int run_feeds(const std::string& manifest) {
        std::ifstream in(manifest);
        const auto dir = std::filesystem::path(manifest).parent_path();
        int failed = 0;
        for (std::string line; std::getline(in, line);) {
            const auto cols = split_tabs(line);
            if (line.empty() || line[0] == '#') {
                continue;
            }
            if (cols.size() < 3) {
                std::cerr << "fw_extract_probe: " << manifest << ": not SOURCE<TAB>LAB<TAB>FILE: " << line << "\n";
                ++failed;
                continue;
            }
            auto entries = fw::eval::parse_feed_file(dir / cols[2], cols[2]);
            if (!entries) {
                std::cerr << "fw_extract_probe: " << entries.error().describe() << "\n";
                ++failed;
                continue;
            }
            for (const auto i : fw::eval::publication_order(*entries)) {
                run(cols[0], cols[1], (*entries)[i]);
            }
        }
        return failed == 0 ? 0 : 1;
    }
};

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"fw_extract_probe: events and candidates of tab-separated lines read from stdin"};
    std::string data = std::string(FW_SOURCE_DIR) + "/data";
    bool use_classifier = false;
    bool show_entities = false;
    bool one_memory = false;
    bool show_text = false;
    std::string feeds;
    cli.add_option("--data", data, "taxonomy and rule folder (default: the source tree's data/)");
    cli.add_flag("--classifier", use_classifier, "also run the kind classifier (data/classifier/kinds.ftz)");
    cli.add_flag("--entities", show_entities, "also print the entities the matcher finds in each headline");
    cli.add_flag("--one-memory", one_memory,
                 "one memory for all lines, as one fetch of several sources shares its discoveries");
    cli.add_flag("--text", show_text, "also print each item's plain text as the extractor reads it");
    cli.add_option("--feeds", feeds, "a manifest of feed files (SOURCE, LAB or -, FILE per line) instead of stdin")
        ->check(CLI::ExistingFile);
    CLI11_PARSE(cli, argc, argv);

    auto taxonomy = fw::app::load_taxonomy({data});
    auto rules = fw::app::load_rules({data});
    if (!taxonomy || !rules) {
        std::cerr << "fw_extract_probe: " << (!taxonomy ? taxonomy.error() : rules.error()).describe() << "\n";
        return 1;
    }
    const auto classifier = use_classifier ? fw::app::load_classifier({data}) : nullptr;
    Probe probe{*taxonomy, *rules, classifier, one_memory, show_entities, show_text, {}, 1};
    if (!feeds.empty()) {
        return probe.run_feeds(feeds);
    }
    for (std::string line; std::getline(std::cin, line);) {
        const auto cols = split_tabs(line);
        if (line.empty() || line[0] == '#' || cols.size() < 3) {
            continue;
        }
        fw::FeedEntry entry;
        entry.id = cols[0] + "-" + std::to_string(probe.next_id);
        entry.link = "https://example.org/" + cols[0] + "/" + std::to_string(probe.next_id);
        entry.title = cols[2];
        entry.summary = cols.size() > 3 ? cols[3] : "";
        entry.summary_text = entry.summary;
        entry.published = fw::make_time(2026, 4, 8) + std::chrono::hours(24 * probe.next_id);
        probe.run(cols[0], cols[1], entry);
    }
    return 0;
}

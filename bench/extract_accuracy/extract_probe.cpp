// fw_extract_probe: what the grammar makes of lines of text, with the bundled taxonomy and rules.
// A rule writer's tool: type headlines in wording of your own and see each event's kind,
// subjects, fields, confidence and cue, or the candidate it became. No database, no clock.
//
//   fw_extract_probe [--data DIR] [--classifier] [--entities] [--one-memory] < lines.tsv
//
// Each line: SOURCE <TAB> LAB-or-"-" <TAB> TITLE [<TAB> SUMMARY]. Lines of one SOURCE share an
// extractor's memory in file order (a model discovered by one item is known to the next), as
// one feed's items do on a first fetch (--one-memory: all lines share one, as a fetch of several
// sources does); "#" lines are comments.

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

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"fw_extract_probe: events and candidates of tab-separated lines read from stdin"};
    std::string data = std::string(FW_SOURCE_DIR) + "/data";
    bool use_classifier = false;
    bool show_entities = false;
    bool one_memory = false;
    cli.add_option("--data", data, "taxonomy and rule folder (default: the source tree's data/)");
    cli.add_flag("--classifier", use_classifier, "also run the kind classifier (data/classifier/kinds.ftz)");
    cli.add_flag("--entities", show_entities, "also print the entities the matcher finds in each headline");
    cli.add_flag("--one-memory", one_memory,
                 "one memory for all lines, as one fetch of several sources shares its discoveries");
    CLI11_PARSE(cli, argc, argv);

    auto taxonomy = fw::app::load_taxonomy({data});
    auto rules = fw::app::load_rules({data});
    if (!taxonomy || !rules) {
        std::cerr << "fw_extract_probe: " << (!taxonomy ? taxonomy.error() : rules.error()).describe() << "\n";
        return 1;
    }
    const auto classifier = use_classifier ? fw::app::load_classifier({data}) : nullptr;
    std::map<std::string, fw::extract::Extractor> extractors;
    std::int64_t next_id = 1;
    for (std::string line; std::getline(std::cin, line);) {
        const auto cols = split_tabs(line);
        if (line.empty() || line[0] == '#' || cols.size() < 3) {
            continue;
        }
        fw::extract::SourceInfo source{cols[0], fw::SourceKind::Feed, std::nullopt};
        if (cols[1] != "-") {
            source.lab = cols[1];
        }
        auto [it, fresh] = extractors.try_emplace(one_memory ? std::string() : cols[0], *taxonomy, *rules, classifier);
        fw::FeedEntry entry;
        entry.id = cols[0] + "-" + std::to_string(next_id);
        entry.link = "https://example.org/" + cols[0] + "/" + std::to_string(next_id);
        entry.title = cols[2];
        entry.summary = cols.size() > 3 ? cols[3] : "";
        entry.summary_text = entry.summary;
        entry.published = fw::make_time(2026, 4, 8) + std::chrono::hours(24 * next_id);
        auto item = fw::app::make_item(entry, 1, *entry.published + std::chrono::hours(1));
        item.id = next_id++;
        const auto out = it->second.extract(item, nullptr, source);
        std::cout << "== [" << cols[0] << "] " << cols[2] << "\n";
        for (const auto& m :
             show_entities ? it->second.matcher().find_all(cols[2]) : std::vector<fw::extract::EntityMatch>{}) {
            std::cout << "   ENTITY " << cols[2].substr(m.begin, m.end - m.begin) << " -> " << m.slug << "\n";
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
    return 0;
}

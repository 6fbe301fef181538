// fw_extract_accuracy: how extraction generalises. Runs the Extractor over the labelled real
// items of tests/data/extract/labels (kept in ../shared) and prints precision and recall per
// split and kind, openness accuracy and the candidate queue's catch. A measurement, never a test.
//
//   fw_extract_accuracy [--split dev|heldout] [--json] [--misses] [--shared DIR] [--labels DIR]
//
// Without ../shared (a user's clone) it says so and exits 0.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "app/taxonomy_loader.h"
#include "extract/rules.h"
#include "extract_eval.h"

namespace {

std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// data/rules/*.json merged in name order, as the app and the tests load them.
fw::Result<fw::extract::Rules> load_rules(const std::filesystem::path& data) {
    std::vector<std::filesystem::path> paths;
    for (const auto& e : std::filesystem::directory_iterator(data / "rules")) {
        if (e.path().extension() == ".json") {
            paths.push_back(e.path());
        }
    }
    std::sort(paths.begin(), paths.end());
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& p : paths) {
        files.emplace_back(p.string(), read_text(p));
    }
    return fw::extract::parse_rule_files(files);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Precision and recall of event extraction on labelled real items (dev and held-out split)"};
    std::string split, shared_arg, labels_arg;
    bool json = false, misses = false, raw = false;
    cli.add_option("--split", split, "only this split")->check(CLI::IsMember({"dev", "heldout"}));
    cli.add_flag("--json", json, "print the report as JSON (with the misses)");
    cli.add_flag("--misses", misses, "list each false negative and false positive");
    cli.add_flag("--no-merge", raw,
                 "count every produced event, also one whose dedupe key an earlier item of the feed produced");
    cli.add_option("--shared", shared_arg, "the shared directory (default: FW_SHARED_DIR, else ../shared)");
    cli.add_option("--labels", labels_arg, "the labels directory (default: tests/data/extract/labels)");
    CLI11_PARSE(cli, argc, argv);

    const std::filesystem::path source = FW_SOURCE_DIR;
    std::filesystem::path shared = source.parent_path() / "shared";
    if (!shared_arg.empty()) {
        shared = shared_arg;
    } else if (const char* env = std::getenv("FW_SHARED_DIR"); env != nullptr && *env != '\0') {
        shared = env;
    }
    if (!std::filesystem::is_directory(shared / "corpus")) {
        std::cout << "fw_extract_accuracy: " << shared.string()
                  << " has no corpus/ (the labelled items live there, outside the repository); nothing to measure\n";
        return 0;
    }
    const auto labels_dir =
        labels_arg.empty() ? source / "tests" / "data" / "extract" / "labels" : std::filesystem::path(labels_arg);
    try {
        const auto labels = fw::eval::read_labels(labels_dir);
        auto taxonomy = fw::app::load_taxonomy({source / "data"});
        if (!taxonomy) {
            std::cerr << "fw_extract_accuracy: " << taxonomy.error().describe() << "\n";
            return 1;
        }
        auto rules = load_rules(source / "data");
        if (!rules) {
            std::cerr << "fw_extract_accuracy: " << rules.error().describe() << "\n";
            return 1;
        }
        fw::eval::Options options;
        options.merge_repeats = !raw;
        if (!split.empty()) {
            options.split = split;
        }
        const auto report = fw::eval::evaluate(labels, shared, *taxonomy, *rules, options);
        if (json) {
            std::cout << fw::eval::to_json(report).dump(2) << "\n";
            return 0;
        }
        std::cout << fw::eval::format_table(report);
        if (misses) {
            std::cout << "\nmisses\n" << fw::eval::format_misses(report);
        }
    } catch (const std::exception& e) {
        std::cerr << "fw_extract_accuracy: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

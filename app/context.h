#pragma once
// Everything a command needs, opened once: the store, the taxonomy (bundled + user overrides +
// models discovered in sources), the extraction rules, the watch questions and alert rules.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/alert.h"
#include "domain/question.h"
#include "domain/result.h"
#include "domain/taxonomy.h"
#include "extract/classifier.h"
#include "extract/rules.h"
#include "store/store.h"

namespace fw::app {

struct ContextOptions {
    std::string db;  ///< file path, ":memory:" or postgresql:// URL; empty = default path
    std::optional<std::filesystem::path> data_dir;  ///< --data DIR (replaces the bundled one)
    /// Taxonomy folders laid over the others, last (the demo's illustrative models).
    std::vector<std::filesystem::path> taxonomy_overlays;
    /// Rewrite the taxonomy in the store even when its content hash is unchanged (`init`).
    bool force_taxonomy_sync = false;
};

struct AppContext {
    std::unique_ptr<store::Store> store;
    std::vector<std::filesystem::path> data_dirs;
    Taxonomy taxonomy;  ///< as in the store: files merged with discovered models
    extract::Rules rules;
    /// The kind classifier beside the grammar (classifier/kinds.ftz of the data folders), or null:
    /// then extraction is the grammar's alone.
    std::shared_ptr<const extract::KindClassifier> classifier;
    std::vector<WatchQuestion> questions;
    std::vector<AlertRule> alert_rules;
};

/// Opens (creating and migrating) the store, loads the data folders and syncs the taxonomy into
/// the store when it changed (its content hash, kept in the settings, differs: new files, another
/// --data, a schema upgrade) or when forced. An unchanged store is only read, so reading
/// commands leave the database file untouched and work on a read-only file. Errors name the
/// database or the data file at fault.
Result<AppContext> open_context(const ContextOptions& options);

/// Keeps the taxonomy in the store identical to the files and returns it as stored, with the
/// models earlier fetches discovered (they live only in the store). Writes the taxonomy and its
/// hash only when the files' hash differs from the stored one, or when forced (`init`).
Result<Taxonomy> sync_taxonomy(store::EntityStore& entities, store::SettingStore& settings, const Taxonomy& from_files,
                               bool force);

/// The settings key of the taxonomy's content hash.
inline constexpr const char* kTaxonomyHashKey = "taxonomy_hash";

/// What decides a taxonomy sync: the taxonomy's content and the schema version of this build.
std::string taxonomy_hash(const Taxonomy& taxonomy);

/// Loads and merges data/rules/*.json of every data folder, in order.
Result<extract::Rules> load_rules(const std::vector<std::filesystem::path>& dirs);

/// The last data folder's classifier/kinds.ftz (a user's folder overrides the bundled one), or
/// null with a line on stderr saying the classifier is off: a missing or unreadable model never
/// stops the program.
std::shared_ptr<const extract::KindClassifier> load_classifier(const std::vector<std::filesystem::path>& dirs);

/// One model file: NotFound when it cannot be read, Parse when it is not a fastText classifier.
Result<std::shared_ptr<const extract::KindClassifier>> load_classifier_file(
    const std::filesystem::path& path, extract::ClassifierThresholds thresholds = {});

}  // namespace fw::app

#include "app/context.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/paths.h"
#include "app/question_loader.h"
#include "app/taxonomy_loader.h"
#include "domain/hash.h"
#include "store/migrations.h"
#include "store/taxonomy_codec.h"

namespace fw::app {
namespace {

Result<std::string> read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return make_error(ErrorCode::Config, "cannot read file", path.string());
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

// Rewriting the taxonomy on every command made each one a writer: now only a changed hash (or
// `init`) writes.
Result<Taxonomy> sync_taxonomy(store::EntityStore& entities, store::SettingStore& settings, const Taxonomy& from_files,
                               bool force) {
    const std::string hash = taxonomy_hash(from_files);
    if (!force) {
        auto saved_hash = settings.get_setting(kTaxonomyHashKey);
        if (!saved_hash) {
            return saved_hash.error();
        }
        if (*saved_hash && **saved_hash == hash) {
            return entities.load_taxonomy();
        }
    }
    if (auto saved = entities.save_taxonomy(from_files); !saved) {
        return saved.error();
    }
    if (auto saved = settings.set_setting(kTaxonomyHashKey, hash); !saved) {
        return saved.error();
    }
    return entities.load_taxonomy();
}

std::string taxonomy_hash(const Taxonomy& t) {
    ContentHasher h;
    // A schema upgrade may change how entities are stored: it resyncs too.
    h.add("schema " + std::to_string(store::schema_migrations().size()));
    for (const auto& x : t.labs)
        h.add("lab").add(store::detail::encode(x));
    for (const auto& x : t.models)
        h.add("model").add(store::detail::encode(x));
    for (const auto& x : t.surfaces)
        h.add("surface").add(store::detail::encode(x));
    for (const auto& x : t.people)
        h.add("person").add(store::detail::encode(x));
    for (const auto& x : t.licenses)
        h.add("license").add(store::detail::encode(x));
    return h.hex();
}

Result<extract::Rules> load_rules(const std::vector<std::filesystem::path>& dirs) {
    extract::Rules merged;
    bool first = true;
    for (const auto& dir : dirs) {
        const auto rules_dir = dir / "rules";
        if (!std::filesystem::is_directory(rules_dir)) {
            continue;
        }
        std::vector<std::filesystem::path> files;
        for (const auto& e : std::filesystem::directory_iterator(rules_dir)) {
            if (e.path().extension() == ".json") {
                files.push_back(e.path());
            }
        }
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            auto text = read_text(file);
            if (!text) {
                return text.error();
            }
            auto rules = extract::parse_rules(*text, file.string());
            if (!rules) {
                return rules.error();
            }
            if (first) {
                merged = std::move(*rules);
                first = false;
            } else {
                extract::merge_rules(merged, *rules);
            }
        }
    }
    return merged;
}

std::shared_ptr<const extract::KindClassifier> load_classifier(const std::vector<std::filesystem::path>& dirs) {
    for (auto dir = dirs.rbegin(); dir != dirs.rend(); ++dir) {
        const auto path = *dir / "classifier" / "kinds.ftz";
        if (!std::filesystem::is_regular_file(path)) {
            continue;
        }
        auto classifier = load_classifier_file(path);
        if (!classifier) {
            std::cerr << "frontierwatch: the kind classifier is off: " << classifier.error().describe() << "\n";
            return nullptr;
        }
        return *classifier;
    }
    std::cerr << "frontierwatch: the kind classifier is off (no classifier/kinds.ftz in the data folders)\n";
    return nullptr;
}

Result<std::shared_ptr<const extract::KindClassifier>> load_classifier_file(const std::filesystem::path& path,
                                                                            extract::ClassifierThresholds thresholds) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return make_error(ErrorCode::NotFound, path.string() + ": no such model file");
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return extract::KindClassifier::load(bytes.str(), path.string(), thresholds);
}

Result<AppContext> open_context(const ContextOptions& options) {
    AppContext ctx;
    std::string location = options.db;
    if (location.empty()) {
        const auto path = default_database_path();
        std::error_code ec;
        std::filesystem::create_directories(path.parent_path(), ec);
        location = path.string();
    }
    auto store = store::open_store(location);
    if (!store) {
        return store.error();
    }
    ctx.store = std::move(*store);
    ctx.data_dirs = data_search_path(options.data_dir);

    auto taxonomy_dirs = ctx.data_dirs;
    taxonomy_dirs.insert(taxonomy_dirs.end(), options.taxonomy_overlays.begin(), options.taxonomy_overlays.end());
    auto taxonomy = load_taxonomy(taxonomy_dirs);
    if (!taxonomy) {
        return taxonomy.error();
    }
    auto synced = sync_taxonomy(*ctx.store, *ctx.store, *taxonomy, options.force_taxonomy_sync);
    if (!synced) {
        return synced.error();
    }
    ctx.taxonomy = std::move(*synced);

    auto rules = load_rules(ctx.data_dirs);
    if (!rules) {
        return rules.error();
    }
    ctx.rules = std::move(*rules);
    ctx.classifier = load_classifier(ctx.data_dirs);

    auto questions = load_questions(ctx.data_dirs);
    if (!questions) {
        return questions.error();
    }
    ctx.questions = std::move(*questions);

    auto alert_rules = load_alert_rules(ctx.data_dirs);
    if (!alert_rules) {
        return alert_rules.error();
    }
    ctx.alert_rules = std::move(*alert_rules);
    return ctx;
}

}  // namespace fw::app

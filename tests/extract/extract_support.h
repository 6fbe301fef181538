#pragma once
// Builders shared by the extract tests: the bundled rules, a small taxonomy, items.

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/item.h"
#include "domain/taxonomy.h"
#include "domain/time.h"
#include "extract/extractor.h"
#include "extract/rules.h"
#include "support/paths.h"

namespace fw::test {

/// data/rules/*.json of the source tree, merged in name order.
inline extract::Rules bundled_rules() {
    std::vector<std::pair<std::string, std::string>> files;
    std::vector<std::filesystem::path> paths;
    for (const auto& e : std::filesystem::directory_iterator(bundled_data() / "rules")) {
        if (e.path().extension() == ".json") {
            paths.push_back(e.path());
        }
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
        files.emplace_back(p.string(), read_file(p));
    }
    auto rules = extract::parse_rule_files(files);
    if (!rules) {
        throw std::runtime_error(rules.error().describe());
    }
    return *rules;
}

inline License make_license(std::string id, std::string cls, std::string commercial,
                            std::optional<std::int64_t> mau = std::nullopt, bool aup = false,
                            std::vector<std::string> hf_ids = {}) {
    License l;
    l.id = std::move(id);
    l.name = l.id;
    l.license_class = std::move(cls);
    l.commercial_use = std::move(commercial);
    l.mau_cap = mau;
    l.aup_required = aup;
    l.hf_ids = std::move(hf_ids);
    return l;
}

/// Meta, Anthropic and OpenAI with a few models, surfaces, people and licences.
inline Taxonomy small_taxonomy() {
    Taxonomy t;
    Lab meta{"meta",
             "Meta",
             {"Meta AI", "FAIR", "Meta Platforms"},
             Security{"META", "0001326801", "Meta Platforms, Inc.", "SPY"},
             {},
             {"meta-llama", "facebook"},
             {"meta-llama"},
             true};
    t.labs.push_back(meta);
    t.labs.push_back(Lab{"anthropic", "Anthropic", {}, std::nullopt, {}, {}, {"anthropics"}, false});
    t.labs.push_back(Lab{"openai", "OpenAI", {}, std::nullopt, {}, {"openai"}, {"openai"}, true});
    auto model = [](std::string slug, std::string name, std::string lab, std::string family, Tier tier, Openness o,
                    std::string license, TimePoint released, std::vector<std::string> aliases = {}) {
        ModelInfo m;
        m.slug = std::move(slug);
        m.name = std::move(name);
        m.lab = std::move(lab);
        m.family = std::move(family);
        m.tier = tier;
        m.openness = o;
        m.license = std::move(license);
        m.released = released;
        m.aliases = std::move(aliases);
        return m;
    };
    t.models.push_back(model("muse-spark", "Muse Spark", "meta", "muse-spark", Tier::Flagship, Openness::HostedProduct,
                             "LicenseRef-Proprietary", make_time(2026, 4, 8)));
    t.models.push_back(model("llama-4-scout", "Llama 4 Scout", "meta", "llama", Tier::Mid,
                             Openness::OpenWeightsRestricted, "LicenseRef-Llama-4-Community", make_time(2025, 4, 5),
                             {"Llama-4-Scout-17B-16E"}));
    t.models.push_back(model("llama-3-1", "Llama 3.1", "meta", "llama", Tier::Flagship, Openness::OpenWeightsRestricted,
                             "LicenseRef-Llama-3.1-Community", make_time(2024, 7, 23)));
    t.models.push_back(model("claude", "Claude", "anthropic", "claude", Tier::Flagship, Openness::Api,
                             "LicenseRef-Proprietary", make_time(2023, 3, 14)));
    auto surface = [](std::string slug, std::string name, SurfaceCategory c, std::vector<std::string> aliases = {}) {
        return Surface{std::move(slug), std::move(name), "meta", c, std::move(aliases)};
    };
    t.surfaces.push_back(surface("whatsapp", "WhatsApp", SurfaceCategory::Engagement));
    t.surfaces.push_back(surface("whatsapp-business", "WhatsApp Business", SurfaceCategory::Monetizable));
    t.surfaces.push_back(surface("meta-ai-app", "Meta AI app", SurfaceCategory::Engagement));
    t.surfaces.push_back(surface("ray-ban-meta-glasses", "Ray-Ban Meta glasses", SurfaceCategory::Hardware));
    t.surfaces.push_back(
        Surface{"claude-for-education", "Claude for Education", "anthropic", SurfaceCategory::Enterprise, {}});
    t.people.push_back(
        Person{"alexandr-wang", "Alexandr Wang", "meta", "Chief AI Officer", std::nullopt, std::nullopt, {}});
    t.licenses.push_back(make_license("Apache-2.0", "permissive", "yes", std::nullopt, false, {"apache-2.0"}));
    t.licenses.push_back(make_license("MIT", "permissive", "yes", std::nullopt, false, {"mit"}));
    t.licenses.push_back(make_license("CC-BY-NC-4.0", "noncommercial", "no", std::nullopt, false, {"cc-by-nc-4.0"}));
    t.licenses.push_back(make_license("LicenseRef-Llama-3.1-Community", "open_restricted", "conditional", 700000000,
                                      true, {"llama3.1"}));
    t.licenses.push_back(
        make_license("LicenseRef-Llama-4-Community", "open_restricted", "conditional", 700000000, true, {"llama4"}));
    t.licenses.push_back(make_license("LicenseRef-Proprietary", "proprietary", "conditional"));
    return t;
}

inline Item make_item(std::string title, TimePoint published, std::string text = {},
                      std::string link = "https://example.com/post", std::int64_t id = 1) {
    Item item;
    item.id = id;
    item.entry.title = std::move(title);
    item.entry.link = std::move(link);
    item.entry.published = published;
    item.entry.summary_text = std::move(text);
    item.fetched_at = published + std::chrono::hours(30);
    item.native_id = item.entry.link;
    return item;
}

inline extract::SourceInfo feed_source(std::string name = "meta-ai-blog",
                                       std::optional<std::string> lab = std::string("meta")) {
    return extract::SourceInfo{std::move(name), SourceKind::Feed, std::move(lab)};
}

/// A text field of an event, "" when absent.
inline std::string text_field(const Event& e, const char* key) {
    return e.fields.text(key).value_or("");
}

/// An extractor over small_taxonomy() and the bundled rules, as most extract tests need.
inline extract::Extractor make_extractor() {
    return extract::Extractor(small_taxonomy(), bundled_rules());
}

/// The first event of `kind` about `model`, or null.
inline const Event* find_event(const std::vector<Event>& events, EventKind kind, const std::string& model) {
    for (const auto& e : events) {
        if (e.kind == kind && e.model == model) {
            return &e;
        }
    }
    return nullptr;
}

/// The rollout of any model to `surface`, or null.
inline const Event* rollout_to(const std::vector<Event>& events, const std::string& surface) {
    for (const auto& e : events) {
        if (e.kind == EventKind::SurfaceRollout && e.surface == std::optional<std::string>(surface)) {
            return &e;
        }
    }
    return nullptr;
}

/// The rollout of `model` to `surface`, or null.
inline const Event* rollout_on(const std::vector<Event>& events, const std::string& model, const std::string& surface) {
    for (const auto& e : events) {
        if (e.kind == EventKind::SurfaceRollout && e.model == model && e.surface == surface) {
            return &e;
        }
    }
    return nullptr;
}

/// The events of one kind.
inline std::vector<Event> of_kind(const std::vector<Event>& events, EventKind kind) {
    std::vector<Event> out;
    for (const auto& e : events) {
        if (e.kind == kind) {
            out.push_back(e);
        }
    }
    return out;
}

}  // namespace fw::test

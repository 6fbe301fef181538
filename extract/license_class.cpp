#include "extract/license_class.h"

#include "domain/slug.h"
#include "extract/text.h"

namespace fw::extract {
namespace {

std::optional<int> commercial_rank(std::string_view value) {
    if (value == "yes") {
        return 0;
    }
    if (value == "conditional") {
        return 1;
    }
    if (value == "no") {
        return 2;
    }
    return std::nullopt;
}

/// -1 looser, 0 same, +1 stricter.
int compare_cap(const std::optional<std::int64_t>& old, const std::optional<std::int64_t>& now) {
    if (old == now) {
        return 0;
    }
    if (!old) {
        return 1;  // a cap appeared
    }
    if (!now) {
        return -1;
    }
    return *now < *old ? 1 : -1;
}

}  // namespace

Openness openness_from_license(const License* license) {
    if (license == nullptr) {
        return Openness::Unknown;
    }
    const auto& c = license->license_class;
    if (c == "permissive" || c == "copyleft") {
        return Openness::OpenWeightsPermissive;
    }
    if (c == "open_restricted") {
        return Openness::OpenWeightsRestricted;
    }
    if (c == "noncommercial") {
        return Openness::OpenWeightsNoncommercial;
    }
    if (c == "proprietary") {
        return Openness::Api;
    }
    return Openness::Unknown;
}

std::optional<bool> more_restrictive(const License& old, const License& now) {
    auto a = commercial_rank(old.commercial_use);
    auto b = commercial_rank(now.commercial_use);
    if (!a || !b) {
        return std::nullopt;
    }
    const int steps[] = {
        *b > *a ? 1 : (*b < *a ? -1 : 0),
        compare_cap(old.mau_cap, now.mau_cap),
        now.aup_required == old.aup_required ? 0 : (now.aup_required ? 1 : -1),
    };
    bool stricter = false;
    bool looser = false;
    for (int s : steps) {
        stricter = stricter || s > 0;
        looser = looser || s < 0;
    }
    if (stricter && looser) {
        return std::nullopt;
    }
    return stricter;
}

std::optional<std::string> license_id_from_text(std::string_view text, const Taxonomy& taxonomy, const Rules& rules) {
    const auto trimmed = trim(text);
    if (trimmed.empty()) {
        return std::nullopt;
    }
    if (const auto* lic = taxonomy.find_license(trimmed)) {
        return lic->id;
    }
    if (const auto* lic = taxonomy.find_license(slugify(trimmed))) {
        return lic->id;
    }
    const auto tokens = tokenize(trimmed);
    // The longest name said wins: "a modified MIT license" is not the MIT License.
    const License* named = nullptr;
    for (const auto& lic : taxonomy.licenses) {
        if (!lic.name.empty() && has_phrase(tokens, lic.name) &&
            (named == nullptr || phrase_tokens(lic.name).size() > phrase_tokens(named->name).size())) {
            named = &lic;
        }
    }
    if (named != nullptr) {
        return named->id;
    }
    // Aliases are checked longest first so "cc by nc 4.0" wins over "cc by 4.0".
    const Cue* best = nullptr;
    std::size_t best_len = 0;
    for (const auto& cue : rules.list("license_aliases")) {
        auto phrase = phrase_tokens(cue.pattern);
        if (phrase.size() > best_len && find_phrase(tokens, phrase)) {
            best = &cue;
            best_len = phrase.size();
        }
    }
    if (best != nullptr) {
        const auto* lic = taxonomy.find_license(best->value);
        return lic ? lic->id : best->value;
    }
    return std::nullopt;
}

std::optional<std::string> license_id_from_hf(std::string_view license, std::string_view license_name,
                                              const Taxonomy& taxonomy, const Rules& rules) {
    const auto id = to_lower_ascii(trim(license));
    if (!id.empty() && id != "other" && id != "unknown") {
        if (auto found = license_id_from_text(id, taxonomy, rules)) {
            return found;
        }
        return "LicenseRef-" + id;
    }
    if (!trim(license_name).empty()) {
        if (auto found = license_id_from_text(license_name, taxonomy, rules)) {
            return found;
        }
        return "LicenseRef-" + slugify(license_name);
    }
    if (id == "unknown") {
        return std::string("LicenseRef-Unknown");
    }
    return std::nullopt;
}

}  // namespace fw::extract

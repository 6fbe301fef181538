#pragma once
// The bundled vocabularies (data/*.json) as plain values. Loading lives in app/; matching text
// against them lives in extract/.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.h"

namespace fw {

enum class SurfaceCategory { Monetizable, Engagement, Hardware, Developer, Enterprise };
std::string_view to_string(SurfaceCategory c);
std::optional<SurfaceCategory> surface_category_from_string(std::string_view text);

enum class Openness {
    OpenWeightsPermissive,
    OpenWeightsRestricted,
    OpenWeightsNoncommercial,
    Api,
    HostedProduct,
    LimitedPreview,
    Unreleased,
    Unknown,
};
std::string_view to_string(Openness o);
std::optional<Openness> openness_from_string(std::string_view text);
/// open_weights_*.
bool is_open(Openness o);
/// api, hosted_product, limited_preview, unreleased.
bool is_closed(Openness o);

enum class Tier { Flagship, Mid, Small, Unknown };
std::string_view to_string(Tier t);
std::optional<Tier> tier_from_string(std::string_view text);

/// A listed parent company's security.
struct Security {
    std::string ticker;  ///< also the name of its `prices` source
    std::string cik;     ///< SEC CIK, 10 digits
    std::string company;
    std::string benchmark = "SPY";  ///< `prices` source used as the market
};

struct Lab {
    std::string slug;
    std::string name;
    std::vector<std::string> aliases;
    std::optional<Security> security;
    std::vector<std::string> feeds;
    std::vector<std::string> hf_authors;
    std::vector<std::string> github_orgs;
    bool open_weight_lab = false;  ///< historically released open weights (cascade watch list)
};

struct ModelInfo {
    std::string slug;
    std::string name;
    std::string lab;
    std::string family;
    Tier tier = Tier::Unknown;
    Openness openness = Openness::Unknown;
    std::string license;  ///< SPDX or LicenseRef-...
    std::optional<TimePoint> released;
    std::vector<std::string> aliases;
    std::optional<std::string> derived_from;  ///< smaller/distilled sibling of this model
};

struct Surface {
    std::string slug;
    std::string name;
    std::string owner;  ///< lab slug, or empty for third parties
    SurfaceCategory category = SurfaceCategory::Engagement;
    std::vector<std::string> aliases;
};

struct Person {
    std::string slug;
    std::string name;
    std::string org;  ///< lab slug
    std::string role;
    std::optional<TimePoint> since;
    std::optional<TimePoint> left_at;
    std::vector<std::string> aliases;
};

struct License {
    std::string id;  ///< SPDX or LicenseRef-...
    std::string name;
    std::string license_class;   ///< permissive | copyleft | open_restricted | noncommercial | proprietary | unknown
    std::string commercial_use;  ///< yes | conditional | no
    std::optional<std::int64_t> mau_cap;
    bool aup_required = false;
    std::vector<std::string> hf_ids;  ///< Hugging Face ids / license_name values mapping here
};

namespace detail {

/// Positions of one Taxonomy list's entries by key (the first entry wins, as a scan from the
/// front finds it). Built on first use and built again when the list's storage, size, or first
/// or last key has changed since; a hit is checked against the entry before it is returned.
/// Copies start empty. Lookups are safe from several threads at once (one mutex).
class KeyIndex {
public:
    KeyIndex() noexcept;
    KeyIndex(const KeyIndex& other) noexcept;
    KeyIndex& operator=(const KeyIndex& other) noexcept;
    ~KeyIndex();

    /// Adds entry i's keys to out (on a build).
    using KeysFn = void (*)(const void* list, std::size_t i, std::vector<std::string>& out);
    /// Whether entry i has the key (checks a hit).
    using MatchFn = bool (*)(const void* list, std::size_t i, std::string_view key);

    /// The position of the first entry of list with the key, kAbsent, or kStale when the
    /// entry the index names no longer has the key (the caller scans; the next call builds
    /// again). storage and size are the list's, first and last the keys of its first and last
    /// entries (they tell a replaced list).
    static constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);
    static constexpr std::size_t kStale = static_cast<std::size_t>(-2);
    std::size_t find(const void* list, const void* storage, std::size_t size, std::string_view first,
                     std::string_view last, std::string_view key, KeysFn keys, MatchFn matches) const;

private:
    struct Built;
    mutable std::mutex mutex_;
    mutable std::unique_ptr<Built> built_;
};

/// The indexes behind Taxonomy's find_* (not part of its value).
struct TaxonomyIndex {
    KeyIndex labs;
    KeyIndex models;
    KeyIndex surfaces;
    KeyIndex people;
    KeyIndex licenses;
};

}  // namespace detail

struct Taxonomy {
    std::vector<Lab> labs;
    std::vector<ModelInfo> models;
    std::vector<Surface> surfaces;
    std::vector<Person> people;
    std::vector<License> licenses;

    const Lab* find_lab(std::string_view slug) const;
    const ModelInfo* find_model(std::string_view slug) const;
    const Surface* find_surface(std::string_view slug) const;
    const Person* find_person(std::string_view slug) const;
    /// By id, case-insensitively, or by any of its hf_ids.
    const License* find_license(std::string_view id_or_alias) const;

    /// Hash indexes for the find_* above, built on first use from the lists as they are then
    /// (a list that grew, shrank, moved or was replaced is indexed again). Editing a slug in
    /// the middle of a list in place, between lookups, is not seen: replace the list instead.
    detail::TaxonomyIndex index_;
};

}  // namespace fw

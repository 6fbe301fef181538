// Taxonomy lookups by slug (and a license by id or alias) through hash indexes built on first
// use. Before, each lookup scanned its list: find_model alone was 24 % of `report --format json`
// over 100k events (bench/README.md, issue 18.4).
#include <functional>
#include <utility>
#include <vector>

#include "domain/slug.h"
#include "domain/taxonomy.h"

namespace fw {
namespace detail {

// Open addressing over a power-of-two table of (hash, entry + 1): no key is copied, and a slot
// whose hash agrees is checked against the entry itself, so the index never answers with an
// entry that lacks the key. (std::unordered_map was no faster than the scan for 84 models: a
// division per lookup and a copy of every key.)
struct KeyIndex::Built {
    const void* storage = nullptr;
    std::size_t size = 0;
    std::string first;
    std::string last;
    std::size_t mask = 0;
    std::vector<std::pair<std::size_t, std::size_t>> slots;  // (hash, entry + 1); entry + 1 == 0: empty
};

KeyIndex::KeyIndex() noexcept = default;
KeyIndex::KeyIndex(const KeyIndex&) noexcept {}  // starts empty: the index is of other storage
KeyIndex::~KeyIndex() = default;

KeyIndex& KeyIndex::operator=(const KeyIndex& other) noexcept {
    if (this != &other) {
        std::lock_guard lock(mutex_);
        built_.reset();
    }
    return *this;
}

std::size_t KeyIndex::find(const void* list, const void* storage, std::size_t size, std::string_view first,
                           std::string_view last, std::string_view key, KeysFn keys, MatchFn matches) const {
    if (size == 0) {
        return kAbsent;
    }
    const std::size_t hash = std::hash<std::string_view>{}(key);
    std::lock_guard lock(mutex_);
    const bool current =
        built_ && built_->storage == storage && built_->size == size && built_->first == first && built_->last == last;
    if (!current) {
        auto built = std::make_unique<Built>();
        built->storage = storage;
        built->size = size;
        built->first = std::string(first);
        built->last = std::string(last);
        std::vector<std::string> entry_keys;
        std::vector<std::pair<std::string, std::size_t>> all;
        for (std::size_t i = 0; i < size; ++i) {
            entry_keys.clear();
            keys(list, i, entry_keys);
            for (std::string& k : entry_keys) {
                all.emplace_back(std::move(k), i);
            }
        }
        std::size_t capacity = 8;
        while (capacity < 2 * all.size()) {
            capacity *= 2;
        }
        built->mask = capacity - 1;
        built->slots.assign(capacity, {0, 0});
        for (const auto& [k, i] : all) {
            const std::size_t h = std::hash<std::string_view>{}(k);
            for (std::size_t at = h & built->mask;; at = (at + 1) & built->mask) {
                auto& slot = built->slots[at];
                if (slot.second == 0) {
                    slot = {h, i + 1};
                    break;
                }
                if (slot.first == h && matches(list, slot.second - 1, k)) {
                    break;  // an earlier entry has the key: the first one wins
                }
            }
        }
        built_ = std::move(built);
    }
    for (std::size_t at = hash & built_->mask;; at = (at + 1) & built_->mask) {
        const auto& slot = built_->slots[at];
        if (slot.second == 0) {
            return kAbsent;
        }
        if (slot.first == hash) {
            if (slot.second - 1 < size && matches(list, slot.second - 1, key)) {
                return slot.second - 1;
            }
            // The hash agrees but the entry lacks the key: it changed in place since the build
            // (or, hardly ever, two keys share a hash). The caller scans; the next call builds.
            built_.reset();
            return kStale;
        }
    }
}

}  // namespace detail

namespace {

template <typename T>
const T* find_by_slug(const detail::KeyIndex& index, const std::vector<T>& list, std::string_view slug) {
    if (list.empty()) {
        return nullptr;
    }
    auto keys = [](const void* l, std::size_t i, std::vector<std::string>& out) {
        out.push_back((*static_cast<const std::vector<T>*>(l))[i].slug);
    };
    auto matches = [](const void* l, std::size_t i, std::string_view key) {
        return (*static_cast<const std::vector<T>*>(l))[i].slug == key;
    };
    auto at = index.find(&list, list.data(), list.size(), list.front().slug, list.back().slug, slug, keys, matches);
    if (at == detail::KeyIndex::kAbsent) {
        return nullptr;
    }
    if (at != detail::KeyIndex::kStale) {
        return &list[at];
    }
    // A hit that no longer matched: scan, as before the index.
    for (const T& x : list) {
        if (x.slug == slug) {
            return &x;
        }
    }
    return nullptr;
}

}  // namespace

const Lab* Taxonomy::find_lab(std::string_view slug) const {
    return find_by_slug(index_.labs, labs, slug);
}
const ModelInfo* Taxonomy::find_model(std::string_view slug) const {
    return find_by_slug(index_.models, models, slug);
}
const Surface* Taxonomy::find_surface(std::string_view slug) const {
    return find_by_slug(index_.surfaces, surfaces, slug);
}
const Person* Taxonomy::find_person(std::string_view slug) const {
    return find_by_slug(index_.people, people, slug);
}

const License* Taxonomy::find_license(std::string_view id_or_alias) const {
    if (licenses.empty()) {
        return nullptr;
    }
    auto keys = [](const void* l, std::size_t i, std::vector<std::string>& out) {
        const License& license = (*static_cast<const std::vector<License>*>(l))[i];
        out.push_back(to_lower_ascii(license.id));
        for (const std::string& alias : license.hf_ids) {
            out.push_back(to_lower_ascii(alias));
        }
    };
    auto matches = [](const void* l, std::size_t i, std::string_view wanted) {
        const License& license = (*static_cast<const std::vector<License>*>(l))[i];
        if (to_lower_ascii(license.id) == wanted) {
            return true;
        }
        for (const std::string& alias : license.hf_ids) {
            if (to_lower_ascii(alias) == wanted) {
                return true;
            }
        }
        return false;
    };
    const std::string wanted = to_lower_ascii(id_or_alias);
    auto at = index_.licenses.find(&licenses, licenses.data(), licenses.size(), licenses.front().id, licenses.back().id,
                                   wanted, keys, matches);
    if (at == detail::KeyIndex::kAbsent) {
        return nullptr;
    }
    if (at != detail::KeyIndex::kStale) {
        return &licenses[at];
    }
    for (const License& l : licenses) {
        if (to_lower_ascii(l.id) == wanted) {
            return &l;
        }
        for (const std::string& alias : l.hf_ids) {
            if (to_lower_ascii(alias) == wanted) {
                return &l;
            }
        }
    }
    return nullptr;
}

}  // namespace fw

#pragma once
// The taxonomy as loaded from the data folders, plus the models discovered in sources. Part of
// store::Store (store/store.h).

#include <string>
#include <vector>

#include "domain/result.h"
#include "domain/taxonomy.h"

namespace fw::store {

class EntityStore {
public:
    virtual ~EntityStore() = default;

    virtual Status save_taxonomy(const Taxonomy& taxonomy) = 0;
    /// The loaded taxonomy with the discovered models after the loaded ones.
    virtual Result<Taxonomy> load_taxonomy() = 0;
    /// Adds a model discovered in a source; no-op if the slug is known.
    virtual Status add_discovered_model(const ModelInfo& model) = 0;
    /// Slugs of the discovered models (not in the loaded taxonomy), in slug order.
    virtual Result<std::vector<std::string>> discovered_models() = 0;
};

}  // namespace fw::store

#pragma once
// Finds taxonomy entities (labs, models, surfaces, people, securities) in text.
// Decisions, each covered by tests/extract/entity_matcher_test.cpp:
// - case and punctuation variants match: "Muse Spark", "muse-spark", "MUSE SPARK";
// - whole words only, no stemming: "Llama" matches "Llama 4" but not "llamas";
// - version tokens keep their dot: "Llama 3" does not match inside "Llama 3.1";
// - the longest name wins where names overlap: "WhatsApp Business" over "WhatsApp";
// - names of one to three letters (SAM, AI), acronyms (FAIR) and tickers only match with the same
//   casing.

#include <cstddef>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/taxonomy.h"

namespace fw::extract {

enum class EntityKind { Lab, Model, Surface, Person, Security };

struct EntityMatch {
    EntityKind kind = EntityKind::Lab;
    std::string slug;       ///< lab/model/surface/person slug; the ticker for a security
    std::string lab;        ///< owning lab slug where known (model lab, surface owner, security lab)
    std::size_t begin = 0;  ///< byte offsets of the matched text
    std::size_t end = 0;
};

class EntityMatcher {
public:
    explicit EntityMatcher(const Taxonomy& taxonomy);

    /// Adds a model (a discovered one) so later texts find it.
    void add_model(const ModelInfo& model);

    /// All non-overlapping matches, left to right, longest first at each position.
    std::vector<EntityMatch> find_all(std::string_view text) const;
    /// Matches of one kind only.
    std::vector<EntityMatch> find(std::string_view text, EntityKind kind) const;

private:
    struct Name {
        std::vector<std::string> tokens;
        std::string exact;  ///< original spelling when case must match, else empty
        EntityKind kind;
        std::string slug;
        std::string lab;
        bool capitalised = false;  ///< a one-word proper name: the text's word must start with a capital
    };
    void add_name(std::string_view name, EntityKind kind, const std::string& slug, const std::string& lab,
                  bool force_exact = false);
    // Looked up for every token of every item: hashed, not ordered (only find() reads it).
    std::unordered_map<std::string, std::vector<Name>> by_first_token_;
};

}  // namespace fw::extract

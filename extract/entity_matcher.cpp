#include "extract/entity_matcher.h"

#include <algorithm>
#include <cctype>

#include "domain/slug.h"
#include "extract/text.h"

namespace fw::extract {
namespace {

std::size_t letter_count(std::string_view name) {
    return static_cast<std::size_t>(std::count_if(
        name.begin(), name.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }));
}

/// "meta.ai", "grok.com": a full stop between two letters.
bool domain_like(std::string_view name) {
    for (std::size_t i = 1; i + 1 < name.size(); ++i) {
        if (name[i] == '.' && std::isalpha(static_cast<unsigned char>(name[i - 1])) != 0 &&
            std::isalpha(static_cast<unsigned char>(name[i + 1])) != 0) {
            return true;
        }
    }
    return false;
}

/// "Workspace", "Bedrock", "Copilot": one capitalised word, a proper name that is also an ordinary
/// word in lower case ("a global workspace", "an AI copilot"). Slugs are added in lower case and
/// stay case-blind, so "meta" or "claude" in a repo name still match.
bool one_word_proper_name(std::string_view name) {
    return name.size() > 1 && std::isupper(static_cast<unsigned char>(name.front())) != 0 &&
           std::all_of(name.begin() + 1, name.end(),
                       [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; });
}

/// "FAIR", "MSL", "AISI": acronyms that are also ordinary words in lower case.
bool is_acronym(std::string_view name) {
    return name.size() <= 5 && std::none_of(name.begin(), name.end(),
                                            [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; });
}

}  // namespace

EntityMatcher::EntityMatcher(const Taxonomy& taxonomy) {
    for (const auto& lab : taxonomy.labs) {
        add_name(lab.name, EntityKind::Lab, lab.slug, lab.slug);
        add_name(lab.slug, EntityKind::Lab, lab.slug, lab.slug);
        for (const auto& alias : lab.aliases) {
            add_name(alias, EntityKind::Lab, lab.slug, lab.slug);
        }
        if (lab.security) {
            add_name(lab.security->ticker, EntityKind::Security, lab.security->ticker, lab.slug,
                     /*force_exact=*/true);
            add_name(lab.security->company, EntityKind::Lab, lab.slug, lab.slug);
        }
    }
    for (const auto& model : taxonomy.models) {
        add_model(model);
    }
    for (const auto& s : taxonomy.surfaces) {
        add_name(s.name, EntityKind::Surface, s.slug, s.owner);
        add_name(s.slug, EntityKind::Surface, s.slug, s.owner);
        for (const auto& alias : s.aliases) {
            add_name(alias, EntityKind::Surface, s.slug, s.owner);
        }
        // A product of a brand said with its possessive: "Instagram's creator tools" is Instagram
        // creator tools (a monetizable surface), not Instagram (the engagement one).
        if (const auto space = s.name.find(' '); space != std::string::npos && s.name.find('.') == std::string::npos) {
            add_name(s.name.substr(0, space) + "'s" + s.name.substr(space), EntityKind::Surface, s.slug, s.owner);
        }
    }
    for (const auto& p : taxonomy.people) {
        add_name(p.name, EntityKind::Person, p.slug, p.org);
        // A two-word name in the other order: press writes "Lin Junyang" for Junyang Lin (the
        // family name first, as in Chinese, Japanese, Korean or Hungarian usage).
        if (const auto space = p.name.find(' ');
            space != std::string::npos && p.name.find(' ', space + 1) == std::string::npos) {
            add_name(p.name.substr(space + 1) + " " + p.name.substr(0, space), EntityKind::Person, p.slug, p.org);
        }
        for (const auto& alias : p.aliases) {
            add_name(alias, EntityKind::Person, p.slug, p.org);
        }
    }
}

void EntityMatcher::add_model(const ModelInfo& model) {
    add_name(model.name, EntityKind::Model, model.slug, model.lab);
    add_name(model.slug, EntityKind::Model, model.slug, model.lab);
    for (const auto& alias : model.aliases) {
        add_name(alias, EntityKind::Model, model.slug, model.lab);
    }
}

void EntityMatcher::add_name(std::string_view name, EntityKind kind, const std::string& slug, const std::string& lab,
                             bool force_exact) {
    auto tokens = phrase_tokens(name);
    if (tokens.empty()) {
        return;
    }
    auto& bucket = by_first_token_[tokens.front()];
    for (auto& n : bucket) {
        if (n.tokens == tokens && n.kind == kind && n.slug == slug) {
            // The same words in lower case too (a lab's slug after its name): any case matches.
            n.capitalised = n.capitalised && one_word_proper_name(name);
            return;
        }
    }
    Name entry{std::move(tokens), {}, kind, slug, lab};
    // Short names and acronyms collide with ordinary words ("SAM" vs "sam", "FAIR" vs "fair"):
    // they match with their own casing only. A dotted name ("meta.ai", "Claude.ai") matches with
    // its dot, as written or in lower case: its words alone are another name ("Meta AI", the lab).
    const bool dotted = domain_like(name);
    if (force_exact || dotted || letter_count(name) <= 3 || is_acronym(name)) {
        entry.exact = std::string(name);
    }
    entry.capitalised = entry.exact.empty() && one_word_proper_name(name);
    if (dotted && to_lower_ascii(name) != name) {
        Name lower = entry;
        lower.exact = to_lower_ascii(name);
        bucket.push_back(std::move(lower));
    }
    bucket.push_back(std::move(entry));
}

std::vector<EntityMatch> EntityMatcher::find_all(std::string_view text) const {
    std::vector<EntityMatch> out;
    const auto tokens = tokenize(text);
    std::size_t i = 0;
    while (i < tokens.size()) {
        auto bucket = by_first_token_.find(tokens[i].norm);
        const Name* best = nullptr;
        if (bucket != by_first_token_.end()) {
            for (const auto& name : bucket->second) {
                const auto n = name.tokens.size();
                // Longer names win; at equal length an exact-case name (a ticker) is the more specific.
                if (i + n > tokens.size() ||
                    (best && (best->tokens.size() > n ||
                              (best->tokens.size() == n && (name.exact.empty() || !best->exact.empty()))))) {
                    continue;
                }
                bool match = true;
                for (std::size_t k = 1; k < n && match; ++k) {
                    // A name never runs over a line break: the headline's "Meta Ray-Ban Display"
                    // and the lead's "Glasses owners ..." are two phrases, not one alias.
                    match =
                        tokens[i + k].norm == name.tokens[k] &&
                        text.substr(tokens[i + k - 1].end, tokens[i + k].begin - tokens[i + k - 1].end).find('\n') ==
                            std::string_view::npos;
                }
                if (match && !name.exact.empty()) {
                    match = text.substr(tokens[i].begin, tokens[i + n - 1].end - tokens[i].begin) == name.exact;
                }
                if (match && name.capitalised) {
                    match = std::isupper(static_cast<unsigned char>(text[tokens[i].begin])) != 0;
                }
                if (match) {
                    best = &name;
                }
            }
        }
        if (best == nullptr) {
            ++i;
            continue;
        }
        const auto n = best->tokens.size();
        out.push_back({best->kind, best->slug, best->lab, tokens[i].begin, tokens[i + n - 1].end});
        i += n;
    }
    return out;
}

std::vector<EntityMatch> EntityMatcher::find(std::string_view text, EntityKind kind) const {
    auto all = find_all(text);
    std::erase_if(all, [&](const EntityMatch& m) { return m.kind != kind; });
    return all;
}

}  // namespace fw::extract

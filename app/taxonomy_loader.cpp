// Folders -> one Taxonomy: later folders override earlier ones entry by entry.
#include "app/taxonomy_loader.h"

#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

#include "domain/slug.h"

namespace fw::app {
namespace {

/// Replaces entries with the same key in place (keeps the earlier order stable), appends new ones.
template <typename T, typename Key>
void merge_by(std::vector<T>& base, const std::vector<T>& overlay, Key key) {
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < base.size(); ++i) {
        index[key(base[i])] = i;
    }
    for (const auto& entry : overlay) {
        auto it = index.find(key(entry));
        if (it != index.end()) {
            base[it->second] = entry;
        } else {
            index[key(entry)] = base.size();
            base.push_back(entry);
        }
    }
}

Result<std::string> read_taxonomy_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return make_error(ErrorCode::Config, "cannot open the file", path.string());
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
        return make_error(ErrorCode::Config, "cannot read the file", path.string());
    }
    return ss.str();
}

std::string joined(const std::vector<std::filesystem::path>& dirs) {
    std::string out;
    for (const auto& d : dirs) {
        out += (out.empty() ? "" : ", ") + d.string();
    }
    return out;
}

}  // namespace

void merge_taxonomy(Taxonomy& base, const Taxonomy& overlay) {
    auto by_slug = [](const auto& v) { return v.slug; };
    merge_by(base.labs, overlay.labs, by_slug);
    merge_by(base.models, overlay.models, by_slug);
    merge_by(base.surfaces, overlay.surfaces, by_slug);
    merge_by(base.people, overlay.people, by_slug);
    merge_by(base.licenses, overlay.licenses, [](const License& l) { return to_lower_ascii(l.id); });
}

Result<Taxonomy> load_taxonomy(const std::vector<std::filesystem::path>& dirs) {
    std::vector<std::filesystem::path> existing;
    for (const auto& dir : dirs) {
        std::error_code ec;
        if (std::filesystem::is_directory(dir, ec)) {
            existing.push_back(dir);
        }
    }
    if (existing.empty()) {
        return make_error(ErrorCode::Config, "no taxonomy folder found (looked in: " + joined(dirs) + ")");
    }
    Taxonomy result;
    for (TaxonomyFile file : all_taxonomy_files()) {
        bool found = false;
        for (const auto& dir : existing) {
            const auto path = dir / file_name(file);
            std::error_code ec;
            if (!std::filesystem::exists(path, ec)) {
                continue;  // an override folder need not repeat every file
            }
            found = true;
            auto text = read_taxonomy_text(path);
            if (!text) {
                return text.error();
            }
            auto part = parse_taxonomy_text(file, *text, path.string());
            if (!part) {
                return part.error();
            }
            merge_taxonomy(result, *part);
        }
        if (!found) {
            return make_error(ErrorCode::Config,
                              "missing " + std::string(file_name(file)) + " (looked in: " + joined(existing) + ")");
        }
    }
    return result;
}

std::vector<std::string> check_taxonomy(const Taxonomy& t) {
    std::vector<std::string> problems;
    for (const auto& m : t.models) {
        if (t.find_lab(m.lab) == nullptr) {
            problems.push_back("model '" + m.slug + "': unknown lab '" + m.lab + "'");
        }
        if (!m.license.empty() && t.find_license(m.license) == nullptr) {
            problems.push_back("model '" + m.slug + "': unknown licence '" + m.license + "'");
        }
        if (m.derived_from && t.find_model(*m.derived_from) == nullptr) {
            problems.push_back("model '" + m.slug + "': derived_from names unknown model '" + *m.derived_from + "'");
        }
    }
    for (const auto& s : t.surfaces) {
        if (!s.owner.empty() && t.find_lab(s.owner) == nullptr) {
            problems.push_back("surface '" + s.slug + "': unknown owner lab '" + s.owner + "'");
        }
    }
    for (const auto& p : t.people) {
        if (!p.org.empty() && t.find_lab(p.org) == nullptr) {
            problems.push_back("person '" + p.slug + "': unknown org '" + p.org + "'");
        }
    }
    return problems;
}

}  // namespace fw::app

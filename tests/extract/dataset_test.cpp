// Openness and licence classification against real datasets in ../shared/datasets (read in place,
// never copied: Epoch and ecosystem-graphs carry no redistribution licence). Reports agreement.

#include <cstdio>
#include <map>

#include "app/taxonomy_loader.h"
#include "domain/slug.h"
#include "extract/license_class.h"
#include "extract_support.h"
#include "support/catch.h"

namespace {

/// RFC 4180 rows (quoted cells may hold commas, quotes and newlines); a UTF-8 BOM is skipped.
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false;
    std::size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell.push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell.push_back(c);
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(std::move(cell));
            cell.clear();
        } else if (c == '\n') {
            rows.back().push_back(std::move(cell));
            cell.clear();
            rows.emplace_back();
        } else if (c != '\r') {
            cell.push_back(c);
        }
    }
    if (!cell.empty() || !rows.back().empty()) {
        rows.back().push_back(std::move(cell));
    } else {
        rows.pop_back();
    }
    return rows;
}

std::map<std::string, std::size_t> header(const std::vector<std::string>& row) {
    std::map<std::string, std::size_t> h;
    for (std::size_t i = 0; i < row.size(); ++i) {
        h[row[i]] = i;
    }
    return h;
}

struct Agreement {
    int agree = 0, total = 0, unmapped = 0;
    double rate() const { return total == 0 ? 0.0 : double(agree) / total; }
};

fw::Taxonomy taxonomy() {
    auto t = fw::app::load_taxonomy({fw::test::bundled_data()});
    REQUIRE(t);
    return *t;
}

std::optional<bool> epoch_open(const std::string& access) {
    if (access.rfind("Open weights", 0) == 0) {
        return true;
    }
    if (access == "API access" || access == "Hosted access (no API)" || access == "Unreleased") {
        return false;
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("open_llms licences classify as open weights", "[extract][dataset]") {
    FW_REQUIRE_SHARED(shared);
    const auto t = taxonomy();
    const auto rules = fw::test::bundled_rules();
    auto rows = read_csv(fw::test::read_file(shared / "datasets/open_llms/open_llms_table.csv"));
    auto h = header(rows.at(0));
    Agreement a;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        if (row.size() <= h["licence"] || row[h["kind"]] != "model") {
            continue;
        }
        auto id = fw::extract::license_id_from_text(row[h["licence"]], t, rules);
        const auto* lic = id ? t.find_license(*id) : nullptr;
        if (lic == nullptr) {
            ++a.unmapped;
            continue;
        }
        ++a.total;
        a.agree += fw::is_open(fw::extract::openness_from_license(lic)) ? 1 : 0;
    }
    std::printf("\nopen_llms: %d/%d licences classify as open (%.3f), %d licence texts unmapped\n", a.agree, a.total,
                a.rate(), a.unmapped);
    CHECK(a.total >= 50);
    CHECK(a.rate() >= 0.9);
}

TEST_CASE("ecosystem-graphs access agrees with the openness of the stated licence", "[extract][dataset]") {
    FW_REQUIRE_SHARED(shared);
    const auto t = taxonomy();
    const auto rules = fw::test::bundled_rules();
    auto rows = read_csv(fw::test::read_file(shared / "datasets/ecosystem_graphs/assets_flat.csv"));
    auto h = header(rows.at(0));
    Agreement a;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        if (row.size() <= h["license"] || row[h["type"]] != "model") {
            continue;
        }
        auto id = fw::extract::license_id_from_text(row[h["license"]], t, rules);
        const auto* lic = id ? t.find_license(*id) : nullptr;
        const auto access = fw::to_lower_ascii(row[h["access"]]);
        if (lic == nullptr || lic->license_class == "unknown" || access.empty()) {
            ++a.unmapped;
            continue;
        }
        ++a.total;
        a.agree += fw::is_open(fw::extract::openness_from_license(lic)) == (access == "open") ? 1 : 0;
    }
    std::printf("ecosystem-graphs: access agrees with licence openness for %d/%d models (%.3f), %d unmapped\n", a.agree,
                a.total, a.rate(), a.unmapped);
    CHECK(a.total >= 100);
    CHECK(a.rate() >= 0.8);
}

TEST_CASE("the bundled taxonomy's openness agrees with Epoch's model accessibility", "[extract][dataset]") {
    FW_REQUIRE_SHARED(shared);
    const auto t = taxonomy();
    auto rows = read_csv(fw::test::read_file(shared / "datasets/epoch_ai_models/models_subset.csv"));
    auto h = header(rows.at(0));
    std::map<std::string, std::string> epoch;  // slug -> accessibility
    for (std::size_t r = 1; r < rows.size(); ++r) {
        if (rows[r].size() > h["Model accessibility"]) {
            epoch[fw::slugify(rows[r][h["System"]])] = rows[r][h["Model accessibility"]];
        }
    }
    Agreement a;
    std::string disagreements;
    for (const auto& m : t.models) {
        std::optional<bool> theirs;
        for (const auto& name : [&] {
                 auto names = m.aliases;
                 names.insert(names.begin(), {m.slug, m.name});
                 return names;
             }()) {
            if (auto it = epoch.find(fw::slugify(name)); it != epoch.end() && !theirs) {
                theirs = epoch_open(it->second);
            }
        }
        if (!theirs || m.openness == fw::Openness::Unknown) {
            continue;
        }
        ++a.total;
        if (fw::is_open(m.openness) == *theirs) {
            ++a.agree;
        } else {
            disagreements += " " + m.slug;
        }
    }
    std::printf("epoch: taxonomy openness agrees for %d/%d shared models (%.3f); differ:%s\n", a.agree, a.total,
                a.rate(), disagreements.c_str());
    CHECK(a.total >= 10);
    CHECK(a.rate() >= 0.8);
}

// JSON text of one taxonomy file -> domain values. nlohmann stays inside this file; its
// exceptions are turned into Error{Config} values naming the file, the entry and the problem.
#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "app/taxonomy_loader.h"
#include "domain/slug.h"

namespace fw::app {
namespace {

using nlohmann::json;

/// Thrown inside this file only, caught in parse_taxonomy_text.
struct EntryError {
    std::string message;
};

[[noreturn]] void fail(std::string message) {
    throw EntryError{std::move(message)};
}

/// Reads the fields of one entry; every error names the entry ("model 'muse-spark'").
class EntryReader {
public:
    EntryReader(const json& entry, std::string what) : entry_(entry), what_(std::move(what)) {}

    const std::string& what() const { return what_; }

    bool has(const char* key) const { return entry_.contains(key) && !entry_.at(key).is_null(); }

    std::string text(const char* key) const {
        if (!has(key)) {
            fail(what_ + ": missing field '" + key + "'");
        }
        return string_at(key);
    }

    std::string text_or(const char* key, std::string fallback) const {
        return has(key) ? string_at(key) : std::move(fallback);
    }

    std::vector<std::string> list(const char* key) const {
        std::vector<std::string> out;
        if (!has(key)) {
            return out;
        }
        const json& v = entry_.at(key);
        if (!v.is_array()) {
            fail(what_ + ": field '" + key + "' must be a list of strings");
        }
        for (const auto& item : v) {
            if (!item.is_string()) {
                fail(what_ + ": field '" + key + "' must be a list of strings");
            }
            out.push_back(item.get<std::string>());
        }
        return out;
    }

    std::optional<TimePoint> date(const char* key) const {
        if (!has(key)) {
            return std::nullopt;
        }
        const std::string s = string_at(key);
        auto t = parse_iso8601(s);
        if (!t) {
            fail(what_ + ": field '" + key + "' is not a date (YYYY-MM-DD): '" + s + "'");
        }
        return t;
    }

    bool flag(const char* key, bool fallback) const {
        if (!has(key)) {
            return fallback;
        }
        if (!entry_.at(key).is_boolean()) {
            fail(what_ + ": field '" + key + "' must be true or false");
        }
        return entry_.at(key).get<bool>();
    }

    std::optional<std::int64_t> integer(const char* key) const {
        if (!has(key)) {
            return std::nullopt;
        }
        if (!entry_.at(key).is_number_integer()) {
            fail(what_ + ": field '" + key + "' must be a whole number or null");
        }
        return entry_.at(key).get<std::int64_t>();
    }

    /// An enum field: unknown values name the entry and list the accepted ones.
    template <typename Parse>
    auto choice(const char* key, Parse parse, std::string_view accepted, const char* fallback) const {
        const std::string s = fallback != nullptr ? text_or(key, fallback) : text(key);
        auto v = parse(s);
        if (!v) {
            fail(what_ + ": unknown " + key + " '" + s + "' (expected " + std::string(accepted) + ")");
        }
        return *v;
    }

    const json& object(const char* key) const {
        if (!entry_.at(key).is_object()) {
            fail(what_ + ": field '" + key + "' must be an object");
        }
        return entry_.at(key);
    }

private:
    std::string string_at(const char* key) const {
        const json& v = entry_.at(key);
        if (!v.is_string()) {
            fail(what_ + ": field '" + key + "' must be a string");
        }
        return v.get<std::string>();
    }

    const json& entry_;
    std::string what_;
};

std::string checked_slug(const json& entry, const char* noun, std::size_t index) {
    if (!entry.is_object()) {
        fail(std::string(noun) + " #" + std::to_string(index + 1) + ": must be an object");
    }
    EntryReader r(entry, std::string(noun) + " #" + std::to_string(index + 1));
    std::string slug = r.text("slug");
    if (slug.empty() || slugify(slug) != slug) {
        fail(std::string(noun) + " '" + slug +
             "': not a valid slug (lowercase ASCII words joined by '-', e.g. 'muse-spark-1-1')");
    }
    return slug;
}

std::optional<std::string> one_of(std::string_view s, std::initializer_list<std::string_view> allowed) {
    for (auto a : allowed) {
        if (s == a) {
            return std::string(s);
        }
    }
    return std::nullopt;
}

Security read_security(const EntryReader& lab) {
    EntryReader r(lab.object("security"), lab.what() + " security");
    Security s;
    s.ticker = r.text("ticker");
    s.cik = r.text("cik");
    s.company = r.text_or("company", "");
    s.benchmark = r.text_or("benchmark", "SPY");
    const bool digits = std::all_of(s.cik.begin(), s.cik.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (s.cik.size() != 10 || !digits) {
        fail(r.what() + ": cik '" + s.cik + "' must be 10 digits (zero-padded)");
    }
    return s;
}

Lab read_lab(const json& e, std::size_t i) {
    Lab lab;
    lab.slug = checked_slug(e, "lab", i);
    EntryReader r(e, "lab '" + lab.slug + "'");
    lab.name = r.text("name");
    lab.aliases = r.list("aliases");
    if (r.has("security")) {
        lab.security = read_security(r);
    }
    lab.feeds = r.list("feeds");
    lab.hf_authors = r.list("hf_authors");
    lab.github_orgs = r.list("github_orgs");
    lab.open_weight_lab = r.flag("open_weight_lab", false);
    return lab;
}

ModelInfo read_model(const json& e, std::size_t i) {
    ModelInfo m;
    m.slug = checked_slug(e, "model", i);
    EntryReader r(e, "model '" + m.slug + "'");
    m.name = r.text("name");
    m.lab = r.text("lab");
    m.family = r.text_or("family", m.slug);
    m.tier = r.choice("tier", tier_from_string, "flagship, mid, small, unknown", "unknown");
    m.openness = r.choice("openness", openness_from_string,
                          "open_weights_permissive, open_weights_restricted, "
                          "open_weights_noncommercial, api, hosted_product, limited_preview, "
                          "unreleased, unknown",
                          "unknown");
    m.license = r.text_or("license", "");
    m.released = r.date("released");
    m.aliases = r.list("aliases");
    if (r.has("derived_from")) {
        m.derived_from = r.text("derived_from");
    }
    return m;
}

Surface read_surface(const json& e, std::size_t i) {
    Surface s;
    s.slug = checked_slug(e, "surface", i);
    EntryReader r(e, "surface '" + s.slug + "'");
    s.name = r.text("name");
    s.owner = r.text_or("owner", "");
    s.category = r.choice("category", surface_category_from_string,
                          "monetizable, engagement, hardware, developer, enterprise", nullptr);
    s.aliases = r.list("aliases");
    return s;
}

Person read_person(const json& e, std::size_t i) {
    Person p;
    p.slug = checked_slug(e, "person", i);
    EntryReader r(e, "person '" + p.slug + "'");
    p.name = r.text("name");
    p.org = r.text_or("org", "");
    p.role = r.text_or("role", "");
    p.since = r.date("since");
    p.left_at = r.date("left_at");
    p.aliases = r.list("aliases");
    return p;
}

License read_license(const json& e, std::size_t i) {
    if (!e.is_object()) {
        fail("licence #" + std::to_string(i + 1) + ": must be an object");
    }
    License l;
    l.id = EntryReader(e, "licence #" + std::to_string(i + 1)).text("id");
    EntryReader r(e, "licence '" + l.id + "'");
    l.name = r.text_or("name", l.id);
    l.license_class = r.choice(
        "class",
        [](std::string_view s) {
            return one_of(s, {"permissive", "copyleft", "open_restricted", "noncommercial", "proprietary", "unknown"});
        },
        "permissive, copyleft, open_restricted, noncommercial, proprietary, unknown", nullptr);
    l.commercial_use = r.choice(
        "commercial_use",
        [](std::string_view s) {
            return one_of(s, {"yes", "conditional", "no"});
        },
        "yes, conditional, no", "no");
    l.mau_cap = r.integer("mau_cap");
    l.aup_required = r.flag("aup_required", false);
    l.hf_ids = r.list("hf_ids");
    return l;
}

std::string_view section_key(TaxonomyFile file) {
    switch (file) {
        case TaxonomyFile::Labs:
            return "labs";
        case TaxonomyFile::Models:
            return "models";
        case TaxonomyFile::Surfaces:
            return "surfaces";
        case TaxonomyFile::People:
            return "people";
        case TaxonomyFile::Licenses:
            return "licenses";
    }
    return "";
}

/// The entries array: the file itself, or its section key.
const json& taxonomy_entries_of(const json& doc, TaxonomyFile file) {
    if (doc.is_array()) {
        return doc;
    }
    const std::string key(section_key(file));
    if (!doc.is_object() || !doc.contains(key) || !doc.at(key).is_array()) {
        fail("expected a list of entries, or an object with a \"" + key + "\" list");
    }
    return doc.at(key);
}

template <typename T, typename Read, typename Key>
std::vector<T> read_all(const json& entries, Read read, Key key, const char* noun) {
    std::vector<T> out;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        T value = read(entries[i], i);
        if (!seen.insert(key(value)).second) {
            fail(std::string("duplicate ") + noun + " '" + key(value) + "'");
        }
        out.push_back(std::move(value));
    }
    return out;
}

void fill(Taxonomy& t, TaxonomyFile file, const json& entries) {
    auto by_slug = [](const auto& v) { return v.slug; };
    switch (file) {
        case TaxonomyFile::Labs:
            t.labs = read_all<Lab>(entries, read_lab, by_slug, "lab");
            break;
        case TaxonomyFile::Models:
            t.models = read_all<ModelInfo>(entries, read_model, by_slug, "model");
            break;
        case TaxonomyFile::Surfaces:
            t.surfaces = read_all<Surface>(entries, read_surface, by_slug, "surface");
            break;
        case TaxonomyFile::People:
            t.people = read_all<Person>(entries, read_person, by_slug, "person");
            break;
        case TaxonomyFile::Licenses:
            t.licenses = read_all<License>(
                entries, read_license, [](const License& l) { return to_lower_ascii(l.id); }, "licence");
            break;
    }
}

/// nlohmann reports a byte offset; people want a line and a column.
std::string position(std::string_view text, std::size_t byte) {
    std::size_t line = 1;
    std::size_t column = 1;
    const std::size_t end = std::min(byte > 0 ? byte - 1 : 0, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace

std::string_view file_name(TaxonomyFile file) {
    switch (file) {
        case TaxonomyFile::Labs:
            return "labs.json";
        case TaxonomyFile::Models:
            return "models.json";
        case TaxonomyFile::Surfaces:
            return "surfaces.json";
        case TaxonomyFile::People:
            return "people.json";
        case TaxonomyFile::Licenses:
            return "licenses.json";
    }
    return "";
}

const std::vector<TaxonomyFile>& all_taxonomy_files() {
    static const std::vector<TaxonomyFile> files{TaxonomyFile::Labs, TaxonomyFile::Models, TaxonomyFile::Surfaces,
                                                 TaxonomyFile::People, TaxonomyFile::Licenses};
    return files;
}

Result<Taxonomy> parse_taxonomy_text(TaxonomyFile file, std::string_view text, const std::string& origin) {
    json doc;
    try {
        doc = json::parse(text.begin(), text.end(), nullptr, true, /*ignore_comments=*/true);
    } catch (const json::parse_error& e) {
        // nlohmann's message reads "[json.exception.parse_error.101] parse error at line L,
        // column C: ..."; drop the class tag, and add the position if a version omits it.
        std::string what = e.what();
        if (auto p = what.find("] "); p != std::string::npos) {
            what = what.substr(p + 2);
        }
        if (what.find("line ") == std::string::npos) {
            what = "at " + position(text, e.byte) + ": " + what;
        }
        return make_error(ErrorCode::Config, "malformed JSON: " + what, origin);
    }
    Taxonomy t;
    try {
        fill(t, file, taxonomy_entries_of(doc, file));
    } catch (const EntryError& e) {
        return make_error(ErrorCode::Config, e.message, origin);
    } catch (const json::exception& e) {
        return make_error(ErrorCode::Config, std::string("unexpected JSON shape: ") + e.what(), origin);
    }
    return t;
}

}  // namespace fw::app

#include "app/source_service.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "app/duration.h"
#include "app/fetch_policy.h"
#include "domain/slug.h"
#include "ingest/opml.h"

namespace fw::app {
namespace {

bool has_allowed_scheme(std::string_view url) {
    return url.starts_with("http://") || url.starts_with("https://") || url.starts_with("file://");
}

Status check_url(const std::string& url) {
    if (!has_allowed_scheme(url)) {
        return make_error(ErrorCode::Usage, "the URL must start with http://, https:// or file://", url);
    }
    return ok();
}

// A password in a source URL is refused on a shared store and dropped elsewhere (issue 16).
Result<std::string> storable_url(const SourceCatalog& catalog, const std::string& url) {
    std::string warning;
    auto stored = url_to_store(catalog.location, url, &warning);
    if (stored && !warning.empty()) {
        std::cerr << "frontierwatch: warning: " << warning << "\n";
    }
    return stored;
}

Status check_lab(const SourceCatalog& catalog, const std::string& lab) {
    if (catalog.taxonomy.find_lab(lab) == nullptr) {
        return make_error(ErrorCode::Usage, "unknown lab (see data/labs.json)", lab);
    }
    return ok();
}

}  // namespace

std::string name_from_url(std::string_view url) {
    auto rest = url;
    if (auto p = rest.find("://"); p != std::string_view::npos) {
        rest.remove_prefix(p + 3);
    }
    if (rest.starts_with("www.")) {
        rest.remove_prefix(4);
    }
    auto name = slugify(rest);
    if (name.size() > 60) {
        name.resize(60);
    }
    while (!name.empty() && name.back() == '-') {
        name.pop_back();
    }
    return name.empty() ? "source" : name;
}

Result<Source> add_source(AppContext& ctx, const NewSource& spec) {
    return add_source(SourceCatalog::of(ctx), spec);
}

Result<Source> add_source(const SourceCatalog& catalog, const NewSource& spec) {
    if (auto checked = check_url(spec.url); !checked) {
        return checked.error();
    }
    Source s;
    auto url = storable_url(catalog, spec.url);
    if (!url) {
        return url.error();
    }
    s.url = *url;
    s.kind = spec.kind;
    s.name = spec.name ? *spec.name : name_from_url(spec.url);
    if (spec.lab) {
        if (auto checked = check_lab(catalog, *spec.lab); !checked) {
            return checked.error();
        }
        s.lab = spec.lab;
    }
    if (spec.every) {
        auto every = parse_duration(*spec.every);
        if (!every) {
            return make_error(ErrorCode::Usage, "not a duration (use e.g. 30m, 1h, 1d)", *spec.every);
        }
        s.every_seconds = every->count();
        s.interval_seconds = every->count();
    }
    auto id = catalog.sources.add_source(s);
    if (!id) {
        return id.error();
    }
    s.id = *id;
    return s;
}

Result<Source> edit_source(AppContext& ctx, std::string_view name, const SourceEdit& edit) {
    return edit_source(SourceCatalog::of(ctx), name, edit);
}

Result<Source> edit_source(const SourceCatalog& catalog, std::string_view name, const SourceEdit& edit) {
    auto found = catalog.sources.find_source(name);
    if (!found) {
        return found.error();
    }
    if (!found->has_value()) {
        return make_error(ErrorCode::NotFound, "no such source", std::string(name));
    }
    Source s = std::move(**found);
    const std::string context = "source " + s.name;
    if (edit.url && *edit.url != s.url) {
        if (auto checked = check_url(*edit.url); !checked) {
            return checked.error();
        }
        auto url = storable_url(catalog, *edit.url);
        if (!url) {
            return url.error();
        }
        s.url = *url;
        // The validators describe the old URL's document; sent to the new one they could make
        // it answer 304 and hide its content.
        s.validators = {};
    }
    if (edit.name && *edit.name != s.name) {
        if (edit.name->empty()) {
            return make_error(ErrorCode::Usage, "a source name cannot be empty", context);
        }
        s.name = *edit.name;
    }
    if (edit.kind) {
        s.kind = *edit.kind;
    }
    if (edit.lab) {
        if (edit.lab->empty()) {
            s.lab.reset();
        } else {
            if (auto checked = check_lab(catalog, *edit.lab); !checked) {
                return checked.error();
            }
            s.lab = *edit.lab;
        }
    }
    if (edit.every) {
        if (edit.every->empty()) {
            s.every_seconds.reset();  // the current interval stays until the next fetch adapts it
        } else {
            auto every = parse_duration(*edit.every);
            if (!every) {
                return make_error(ErrorCode::Usage, "not a duration (use e.g. 30m, 1h, 1d)", *edit.every);
            }
            if (s.every_seconds != every->count()) {
                s.every_seconds = every->count();
                s.interval_seconds = every->count();
            }
        }
    }
    if (auto updated = catalog.sources.update_source(s); !updated) {
        Error e = updated.error();
        if (e.code == ErrorCode::NotFound) {
            e.context = std::string(name);  // removed meanwhile: name the one the user gave
        }
        return e;
    }
    return s;
}

Status remove_source(store::SourceStore& sources, std::string_view name, bool purge) {
    return sources.remove_source(name, purge);
}

Status remove_source(AppContext& ctx, std::string_view name, bool purge) {
    return remove_source(*ctx.store, name, purge);
}

Result<std::vector<Source>> list_sources(store::SourceStore& sources) {
    return sources.list_sources();
}

Result<std::vector<Source>> list_sources(AppContext& ctx) {
    return list_sources(*ctx.store);
}

Result<ImportSummary> import_opml(AppContext& ctx, const std::filesystem::path& file) {
    return import_opml(SourceCatalog::of(ctx), file);
}

Result<ImportSummary> import_opml(const SourceCatalog& catalog, const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return make_error(ErrorCode::NotFound, "cannot read OPML file", file.string());
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    auto sources = ingest::read_opml(ss.str());
    if (!sources) {
        Error e = sources.error();
        e.context = file.string() + (e.context.empty() ? "" : ": " + e.context);
        return e;
    }
    ImportSummary summary;
    for (auto& s : *sources) {
        if (s.name.empty()) {
            s.name = name_from_url(s.url);
        }
        auto existing = catalog.sources.find_source(s.name);
        if (existing && existing->has_value()) {
            ++summary.skipped;
            continue;
        }
        auto url = storable_url(catalog, s.url);
        if (!url) {
            return url.error();
        }
        s.url = *url;
        if (auto id = catalog.sources.add_source(s); !id) {
            return id.error();
        }
        ++summary.added;
    }
    return summary;
}

Status export_opml(store::SourceStore& store, const std::filesystem::path& file) {
    auto sources = store.list_sources();
    if (!sources) {
        return sources.error();
    }
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << ingest::write_opml(*sources);
    if (!out) {
        return make_error(ErrorCode::Storage, "cannot write OPML file", file.string());
    }
    return ok();
}

Status export_opml(AppContext& ctx, const std::filesystem::path& file) {
    return export_opml(*ctx.store, file);
}

}  // namespace fw::app

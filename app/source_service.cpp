#include "app/source_service.h"

#include <fstream>
#include <sstream>

#include "app/duration.h"
#include "domain/slug.h"
#include "ingest/opml.h"

namespace fw::app {
namespace {

bool has_allowed_scheme(std::string_view url) {
    return url.starts_with("http://") || url.starts_with("https://") || url.starts_with("file://");
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
    if (!has_allowed_scheme(spec.url)) {
        return make_error(ErrorCode::Usage, "the URL must start with http://, https:// or file://",
                          spec.url);
    }
    Source s;
    s.url = spec.url;
    s.kind = spec.kind;
    s.name = spec.name ? *spec.name : name_from_url(spec.url);
    if (spec.lab) {
        if (ctx.taxonomy.find_lab(*spec.lab) == nullptr) {
            return make_error(ErrorCode::Usage, "unknown lab (see data/labs.json)", *spec.lab);
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
    auto id = ctx.store->add_source(s);
    if (!id) {
        return id.error();
    }
    s.id = *id;
    return s;
}

Result<ImportSummary> import_opml(AppContext& ctx, const std::filesystem::path& file) {
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
        auto existing = ctx.store->find_source(s.name);
        if (existing && existing->has_value()) {
            ++summary.skipped;
            continue;
        }
        if (auto id = ctx.store->add_source(s); !id) {
            return id.error();
        }
        ++summary.added;
    }
    return summary;
}

Status export_opml(AppContext& ctx, const std::filesystem::path& file) {
    auto sources = ctx.store->list_sources();
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

}  // namespace fw::app

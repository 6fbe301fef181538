#include "app/demo.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/duration.h"
#include "app/paths.h"
#include "report/render.h"

namespace fw::app {
namespace {

struct ManifestSource {
    Source source;
    std::filesystem::path round1;
    std::optional<std::filesystem::path> round2;
};

struct Manifest {
    std::optional<TimePoint> as_of;
    std::vector<ManifestSource> sources;
};

Result<Manifest> read_manifest(const std::filesystem::path& snapshot_dir) {
    const auto path = snapshot_dir / "manifest.json";
    std::ifstream in(path);
    if (!in) {
        return make_error(ErrorCode::Config, "cannot read the demo manifest", path.string());
    }
    const auto doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("sources")) {
        return make_error(ErrorCode::Config, "not a valid manifest (JSON object with sources)", path.string());
    }
    Manifest m;
    if (doc.contains("as_of") && doc["as_of"].is_string()) {
        m.as_of = parse_iso8601(doc["as_of"].get<std::string>());
    }
    for (const auto& s : doc["sources"]) {
        ManifestSource ms;
        ms.source.name = s.value("name", "");
        const auto kind = source_kind_from_string(s.value("kind", ""));
        if (ms.source.name.empty() || !kind || !s.contains("file")) {
            return make_error(ErrorCode::Config, "source entry needs name, a known kind and file",
                              path.string() + ": " + s.dump());
        }
        ms.source.kind = *kind;
        if (s.contains("lab") && s["lab"].is_string()) {
            ms.source.lab = s["lab"].get<std::string>();
        }
        if (auto every = parse_duration(s.value("every", "")); every) {
            ms.source.every_seconds = every->count();
        }
        ms.round1 = snapshot_dir / s["file"].get<std::string>();
        if (s.contains("round2") && s["round2"].is_string()) {
            ms.round2 = snapshot_dir / s["round2"].get<std::string>();
        }
        m.sources.push_back(std::move(ms));
    }
    return m;
}

Status stage(const std::filesystem::path& from, const std::filesystem::path& to) {
    std::error_code ec;
    std::filesystem::create_directories(to.parent_path(), ec);
    std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing, ec);
    if (ec) {
        return make_error(ErrorCode::Config, "cannot stage snapshot file: " + ec.message(), from.string());
    }
    return ok();
}

void remove_database(const std::filesystem::path& db) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(db.string() + suffix, ec);
    }
}

/// Where the demo writes its database: --db when given (checked), else out_dir's default file,
/// which belongs to the demo and is replaced on every run.
Result<std::filesystem::path> demo_database(const DemoOptions& options, const std::filesystem::path& out_dir) {
    if (options.database.empty()) {
        const auto db = out_dir / "frontierwatch-demo.db";
        remove_database(db);
        return db;
    }
    const std::string& db = options.database;
    if (db.starts_with("postgresql://") || db.starts_with("postgres://")) {
        return make_error(ErrorCode::Usage,
                          "demo writes a new SQLite file, not a PostgreSQL store; give --db a file name, "
                          "then move it with `frontierwatch db copy --from FILE --to URL`",
                          "--db");
    }
    if (db == ":memory:") {
        return make_error(ErrorCode::Usage, "demo needs a database file that outlives the run", "--db");
    }
    const auto path = std::filesystem::absolute(db);
    std::error_code ec;
    if (std::filesystem::exists(path, ec) &&
        (!std::filesystem::is_regular_file(path, ec) || std::filesystem::file_size(path, ec) > 0)) {
        // A user's real store may hide behind --db: never wipe one.
        return make_error(ErrorCode::Usage,
                          "already exists; demo writes a new database and does not overwrite one "
                          "(remove the file or name a new one)",
                          path.string());
    }
    std::filesystem::create_directories(path.parent_path(), ec);
    return path;
}

}  // namespace

Result<DemoResult> run_demo(const DemoOptions& options) {
    DemoResult result;
    std::error_code ec;
    std::filesystem::create_directories(options.out_dir, ec);
    const auto out_dir = std::filesystem::absolute(options.out_dir);
    auto database = demo_database(options, out_dir);
    if (!database) {
        return database.error();
    }
    result.database = *database;

    const auto data_root = options.data_dir.value_or(bundled_data_dir());
    auto ctx = open_context({result.database.string(), options.data_dir, {data_root / "snapshot" / "taxonomy"}});
    if (!ctx) {
        return ctx.error();
    }
    const auto snapshot_dir = data_root / "snapshot";
    auto manifest = read_manifest(snapshot_dir);
    if (!manifest) {
        return manifest.error();
    }

    // Sources point at staged copies, so the second round can replace a file under the same URL,
    // as a live feed changes under the same address.
    const auto staged_dir = out_dir / "snapshot";
    std::vector<std::string> second_round;
    for (auto& ms : manifest->sources) {
        const auto staged = staged_dir / std::filesystem::relative(ms.round1, snapshot_dir);
        if (auto s = stage(ms.round1, staged); !s) {
            return s.error();
        }
        ms.source.url = "file://" + staged.string();
        if (auto added = ctx->store->add_source(ms.source); !added) {
            return added.error();
        }
        if (ms.round2) {
            second_round.push_back(ms.source.name);
        }
    }
    result.sources = static_cast<int>(manifest->sources.size());

    FetchRequest first;
    first.all = true;
    first.now = options.now;
    first.on_progress = options.on_progress;
    auto fetched = fetch_sources(*ctx, first);
    if (!fetched) {
        return fetched.error();
    }
    for (const auto& line : fetched->sources) {
        if (line.status == FetchStatus::Failed) {
            result.failures.push_back(line);
        }
    }

    if (!second_round.empty()) {
        for (const auto& ms : manifest->sources) {
            if (ms.round2) {
                const auto staged = staged_dir / std::filesystem::relative(ms.round1, snapshot_dir);
                if (auto s = stage(*ms.round2, staged); !s) {
                    return s.error();
                }
            }
        }
        FetchRequest second;
        second.names = second_round;
        second.now = options.now;
        auto again = fetch_sources(*ctx, second);
        if (!again) {
            return again.error();
        }
        for (const auto& line : again->sources) {
            if (line.status == FetchStatus::Failed) {
                result.failures.push_back(line);
            }
        }
    }

    const TimePoint as_of = manifest->as_of.value_or(options.now);
    auto report = build_watch_report(*ctx, as_of, options.now);
    if (!report) {
        return report.error();
    }
    result.report = std::move(*report);

    result.html_report = out_dir / "report.html";
    std::ofstream html(result.html_report, std::ios::binary | std::ios::trunc);
    html << report::render_html(result.report.report);
    if (!html) {
        return make_error(ErrorCode::Storage, "cannot write the HTML report", result.html_report.string());
    }
    auto counts = ctx->store->counts();
    if (counts) {
        result.items = static_cast<int>(counts->items);
        result.events = static_cast<int>(counts->events);
    }
    return result;
}

}  // namespace fw::app

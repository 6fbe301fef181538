#include <cctype>
#include <chrono>
#include <iostream>
#include <memory>

#include "app/fetch_service.h"
#include "app/fetch_policy.h"
#include "app/source_health.h"
#include "app/source_service.h"
#include "cli/command.h"
#include "cli/json_views.h"

namespace fw::cli {
namespace {

struct AddOptions {
    std::string url;
    std::string kind = "feed";
    std::string name;
    std::string lab;
    std::string every;
};

std::optional<std::string> opt(const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

void print_sources_table(const std::vector<app::SourceWithHealth>& judged) {
    for (const auto& [s, health] : judged) {
        // Stale and failing sources stand out as on the GUI's dashboard.
        const bool warn = health.flag == app::HealthFlag::Failing || health.flag == app::HealthFlag::Stale;
        std::string flag = app::healthFlagName(health.flag);
        if (warn) {
            for (char& c : flag)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
        std::cout << s.name << "  [" << to_string(s.kind) << "]  " << s.url << "\n    " << flag << ": " << health.reason
                  << "\n    last fetch " << (s.health.last_fetch_at ? format_rfc3339(*s.health.last_fetch_at) : "never")
                  << ", status " << (s.health.last_status ? to_string(*s.health.last_status) : std::string_view("-"))
                  << ", failures " << s.health.consecutive_failures << ", newest item "
                  << (s.health.newest_item_at ? format_date(*s.health.newest_item_at) : "-");
        if (s.health.last_error) {
            std::cout << "\n    last error: " << *s.health.last_error;
        }
        std::cout << "\n";
    }
}

void register_sources_add(CLI::App& parent, Run& run) {
    auto o = std::make_shared<AddOptions>();
    auto* sub = parent.add_subcommand("add", "add a source");
    add_version_flag(*sub);
    sub->add_option("url", o->url, "URL (http, https or file)")->required();
    sub->add_option("--kind", o->kind, "feed, hf-author, github-releases, github-commits, edgar, arxiv, prices, page");
    sub->add_option("--name", o->name, "unique name (default: from the URL)");
    sub->add_option("--lab", o->lab, "lab slug, e.g. meta");
    sub->add_option("--every", o->every, "fetch interval, e.g. 30m, 1h, 1d (default: adaptive)");
    auto no_articles = std::make_shared<bool>(false);
    sub->add_flag("--no-articles", *no_articles, "never read the linked articles of thin items");
    sub->callback([&run, o, no_articles] {
        const auto kind = source_kind_from_string(o->kind);
        if (!kind) {
            run.exit_code = fail(make_error(ErrorCode::Usage, "unknown source kind", o->kind));
            return;
        }
        auto ctx = open_app(run.global);
        if (!ctx) {
            run.exit_code = fail(ctx.error());
            return;
        }
        auto added = app::add_source(*ctx, {o->url, *kind, opt(o->name), opt(o->lab), opt(o->every)});
        if (!added) {
            run.exit_code = fail(added.error());
            return;
        }
        if (*no_articles) {
            if (auto off = app::set_read_articles(*ctx, added->name, false); !off) {
                run.exit_code = fail(off.error());
                return;
            }
        }
        if (run.global.json) {
            std::cout << sources_json(std::vector<Source>{*added});
        } else if (!run.global.quiet) {
            std::cerr << "added source " << added->name << "\n";
        }
    });
}

// Only the options given change; `--lab ""` and `--every ""` clear them.
void register_sources_edit(CLI::App& parent, Run& run) {
    auto o = std::make_shared<AddOptions>();
    auto source = std::make_shared<std::string>();
    auto* sub = parent.add_subcommand("edit", "change a source, keeping its validators, health, schedule and items");
    add_version_flag(*sub);
    sub->add_option("name", *source, "the source's current name")->required();
    auto* url = sub->add_option("--url", o->url, "new URL (http, https or file); its validators start afresh");
    auto* name = sub->add_option("--name", o->name, "new unique name");
    auto* kind = sub->add_option("--kind", o->kind, "new kind");
    auto* lab = sub->add_option("--lab", o->lab, "lab slug (\"\" clears it)");
    auto* every = sub->add_option("--every", o->every, "fetch interval, e.g. 1h (\"\" for adaptive)");
    auto articles = std::make_shared<std::optional<bool>>();
    sub->add_flag_callback(
        "--no-articles", [articles] { *articles = false; }, "never read the linked articles of thin items");
    sub->add_flag_callback(
        "--articles", [articles] { *articles = true; }, "read the linked articles of thin items again (the default)");
    sub->callback([&run, o, source, url, name, kind, lab, every, articles] {
        app::SourceEdit edit;
        if (*url)
            edit.url = o->url;
        if (*name)
            edit.name = o->name;
        if (*lab)
            edit.lab = o->lab;
        if (*every)
            edit.every = o->every;
        if (*kind) {
            edit.kind = source_kind_from_string(o->kind);
            if (!edit.kind) {
                run.exit_code = fail(make_error(ErrorCode::Usage, "unknown source kind", o->kind));
                return;
            }
        }
        auto ctx = open_app(run.global);
        if (!ctx) {
            run.exit_code = fail(ctx.error());
            return;
        }
        auto edited = app::edit_source(*ctx, *source, edit);
        if (!edited) {
            run.exit_code = fail(edited.error());
            return;
        }
        if (*articles) {
            if (auto set = app::set_read_articles(*ctx, edited->name, **articles); !set) {
                run.exit_code = fail(set.error());
                return;
            }
        }
        if (run.global.json) {
            std::cout << sources_json(std::vector<Source>{*edited});
        } else if (!run.global.quiet) {
            std::cerr << "edited source " << edited->name << "\n";
        }
    });
}

void register_sources_list(CLI::App& parent, Run& run) {
    auto* sub = parent.add_subcommand("list", "sources with health");
    add_version_flag(*sub);
    sub->callback([&run] {
        auto ctx = open_app(run.global);
        if (!ctx) {
            run.exit_code = fail(ctx.error());
            return;
        }
        const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        auto sources = app::sources_with_health(*ctx, now);
        if (!sources) {
            run.exit_code = fail(sources.error());
            return;
        }
        if (run.global.json) {
            std::cout << sources_json(*sources);
        } else {
            print_sources_table(*sources);
        }
        if (!run.global.quiet) {  // what this store lets its sources reach (issue 16)
            std::cerr << app::describe_fetch_policy(*ctx) << "\n";
        }
    });
}

void register_remove(CLI::App& parent, Run& run) {
    auto name = std::make_shared<std::string>();
    auto purge = std::make_shared<bool>(false);
    auto* sub = parent.add_subcommand("remove", "remove a source (items and events stay unless --purge)");
    add_version_flag(*sub);
    sub->add_option("name", *name, "source name")->required();
    sub->add_flag("--purge", *purge, "also delete its items and the events only they support");
    sub->callback([&run, name, purge] {
        auto ctx = open_app(run.global);
        if (!ctx) {
            run.exit_code = fail(ctx.error());
            return;
        }
        if (auto s = app::remove_source(*ctx, *name, *purge); !s) {
            run.exit_code = fail(s.error());
        }
    });
}

void register_opml(CLI::App& parent, Run& run) {
    auto in = std::make_shared<std::string>();
    auto* imp = parent.add_subcommand("import", "import sources from an OPML file");
    add_version_flag(*imp);
    imp->add_option("file", *in, "OPML 1.0/2.0 file")->required();
    imp->callback([&run, in] {
        auto ctx = open_app(run.global);
        if (!ctx) {
            run.exit_code = fail(ctx.error());
            return;
        }
        auto summary = app::import_opml(*ctx, *in);
        if (!summary) {
            run.exit_code = fail(summary.error());
            return;
        }
        if (run.global.json) {
            std::cout << "{\"added\": " << summary->added << ", \"skipped\": " << summary->skipped << "}\n";
        } else if (!run.global.quiet) {
            std::cerr << "imported " << summary->added << " sources (" << summary->skipped << " already present)\n";
        }
    });
    auto out = std::make_shared<std::string>();
    auto* exp = parent.add_subcommand("export", "export sources as OPML 2.0");
    add_version_flag(*exp);
    exp->add_option("file", *out, "OPML file to write")->required();
    exp->callback([&run, out] {
        auto ctx = open_app(run.global);
        if (!ctx) {
            run.exit_code = fail(ctx.error());
            return;
        }
        if (auto s = app::export_opml(*ctx, *out); !s) {
            run.exit_code = fail(s.error());
        }
    });
}

}  // namespace

void register_sources(CLI::App& app, Run& run) {
    auto* sub = app.add_subcommand("sources", "add, edit, list, remove, import and export sources");
    add_version_flag(*sub);
    sub->require_subcommand(1);
    register_sources_add(*sub, run);
    register_sources_edit(*sub, run);
    register_sources_list(*sub, run);
    register_remove(*sub, run);
    register_opml(*sub, run);
}

}  // namespace fw::cli

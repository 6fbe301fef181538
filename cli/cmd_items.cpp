#include <iostream>
#include <memory>

#include "app/browse_service.h"
#include "cli/command.h"
#include "cli/json_views.h"

namespace fw::cli {

void register_items(CLI::App& app, Run& run) {
    struct Options {
        std::string source;
        std::string search;
        int limit = 50;
    };
    auto o = std::make_shared<Options>();
    auto* items = app.add_subcommand("items", "stored items");
    add_version_flag(*items);
    items->require_subcommand(1);
    auto* sub = items->add_subcommand("list", "stored items, newest first");
    add_version_flag(*sub);
    sub->add_option("--source", o->source, "only this source");
    sub->add_option("--search", o->search, "full-text search over titles and text");
    sub->add_option("--limit", o->limit, "at most N items (0: all)")->check(CLI::NonNegativeNumber);
    sub->callback([&run, o] {
        auto ctx = open_app(run.global);
        if (!ctx) {
            run.exit_code = fail(ctx.error());
            return;
        }
        app::ItemQuery q;
        if (!o->source.empty()) {
            q.source = o->source;
        }
        if (!o->search.empty()) {
            q.search = o->search;
        }
        q.limit = o->limit;
        auto list = app::list_items(*ctx, q);
        if (!list) {
            run.exit_code = fail(list.error());
            return;
        }
        if (run.global.json) {
            std::cout << items_json(*list);
            return;
        }
        for (const auto& i : *list) {
            const auto when = i.entry.published ? format_date(*i.entry.published) : std::string("----------");
            std::cout << i.id << "  " << when << "  " << i.source_name << "  " << i.entry.title << "\n";
        }
    });
}

}  // namespace fw::cli

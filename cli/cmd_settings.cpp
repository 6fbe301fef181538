// `frontierwatch settings set|get|list`: the store's fetch policy (app/fetch_policy.h), recorded
// in the store so every worker of a team applies it. This command is the only writer.

#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/fetch_policy.h"
#include "cli/command.h"

namespace fw::cli {
namespace {

nlohmann::json setting_json(const app::PolicySetting& s) {
    return {{"key", s.key}, {"value", s.value}, {"default", s.is_default}, {"meaning", s.meaning}};
}

std::string setting_line(const app::PolicySetting& s) {
    return s.key + " = " + s.value + (s.is_default ? "  (default)" : "");
}

}  // namespace

void register_settings(CLI::App& app, Run& run) {
    struct Options {
        std::string key;
        std::string value;
    };
    auto o = std::make_shared<Options>();
    auto* settings = app.add_subcommand("settings", "the store's fetch policy, shared by all its workers");
    add_version_flag(*settings);
    settings->require_subcommand(1);

    auto* set = settings->add_subcommand("set",
                                         "record a setting: fetch.allow_file_urls true|false, "
                                         "fetch.allow_private_networks true|false|CIDR,CIDR...");
    set->add_option("key", o->key, "the setting")->required();
    set->add_option("value", o->value, "its new value")->required();
    set->callback([&run, o] {
        auto ctx = open_app(run.global);
        if (!ctx) {
            run.exit_code = fail(ctx.error());
            return;
        }
        auto saved = app::set_policy_setting(*ctx, o->key, o->value);
        if (!saved) {
            run.exit_code = fail(saved.error());
            return;
        }
        if (run.global.json) {
            std::cout << setting_json(*saved).dump(2) << "\n";
        } else {
            std::cout << setting_line(*saved) << "\n";
        }
        if (!run.global.quiet) {
            std::cerr << app::describe_fetch_policy(*ctx) << "\n";
        }
    });

    auto* get = settings->add_subcommand("get", "print one setting's value");
    get->add_option("key", o->key, "the setting")->required();
    get->callback([&run, o] {
        auto ctx = open_app(run.global);
        if (!ctx) {
            run.exit_code = fail(ctx.error());
            return;
        }
        auto s = app::policy_setting(*ctx, o->key);
        if (!s) {
            run.exit_code = fail(s.error());
            return;
        }
        std::cout << (run.global.json ? setting_json(*s).dump(2) : s->value) << "\n";
    });

    auto* list = settings->add_subcommand("list", "every setting, its value and whether it is the default");
    list->callback([&run] {
        auto ctx = open_app(run.global);
        if (!ctx) {
            run.exit_code = fail(ctx.error());
            return;
        }
        auto all = app::policy_settings(*ctx);
        if (!all) {
            run.exit_code = fail(all.error());
            return;
        }
        if (run.global.json) {
            nlohmann::json j = nlohmann::json::array();
            for (const auto& s : *all) {
                j.push_back(setting_json(s));
            }
            std::cout << nlohmann::json{{"shared", app::is_shared_store(*ctx)}, {"settings", j}}.dump(2) << "\n";
            return;
        }
        for (const auto& s : *all) {
            std::cout << setting_line(s) << "\n";
        }
        if (!run.global.quiet) {
            std::cerr << app::describe_fetch_policy(*ctx) << "\n";
        }
    });
}

}  // namespace fw::cli

#include <chrono>
#include <iostream>
#include <memory>

#include "app/browse_service.h"
#include "app/candidate_service.h"
#include "app/event_service.h"
#include "cli/command.h"
#include "domain/event_schema.h"
#include "report/render.h"

namespace fw::cli {
namespace {

TimePoint events_now() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

void print_events(const std::vector<Event>& events) {
    for (const auto& e : events) {
        std::cout << "#" << e.id << "  " << format_date(e.occurred_at) << "  " << to_string(e.kind) << "  "
                  << e.lab.value_or("-") << "/" << e.model.value_or("-");
        if (e.surface) {
            std::cout << " @" << *e.surface;
        }
        std::cout << "  [" << to_string(e.review) << ", " << e.confidence << "]  " << e.title << "\n";
        for (const auto& ev : e.evidence) {
            std::cout << "      " << ev.source << ": " << ev.url << "\n";
        }
    }
}

void register_events_list(CLI::App& parent, Run& run) {
    struct Options {
        std::string kind, lab, model, since;
    };
    auto o = std::make_shared<Options>();
    auto* sub = parent.add_subcommand("list", "events with their evidence");
    add_version_flag(*sub);
    sub->add_option("--kind", o->kind, "event kind, e.g. model_release");
    sub->add_option("--lab", o->lab, "lab slug");
    sub->add_option("--model", o->model, "model slug");
    sub->add_option("--since", o->since, "date YYYY-MM-DD");
    sub->callback([&run, o] {
        app::EventQuery q;
        if (!o->kind.empty()) {
            q.kind = event_kind_from_string(o->kind);
            if (!q.kind) {
                run.exit_code = fail(make_error(ErrorCode::Usage, "unknown event kind", o->kind));
                return;
            }
        }
        if (!o->since.empty()) {
            q.since = parse_iso8601(o->since);
            if (!q.since) {
                run.exit_code = fail(make_error(ErrorCode::Usage, "--since must be a date", o->since));
                return;
            }
        }
        if (!o->lab.empty()) {
            q.lab = o->lab;
        }
        if (!o->model.empty()) {
            q.model = o->model;
        }
        auto ctx = open_app(run.global);
        if (!ctx) {
            run.exit_code = fail(ctx.error());
            return;
        }
        auto events = app::list_events(*ctx, q);
        if (!events) {
            run.exit_code = fail(events.error());
            return;
        }
        if (run.global.json) {
            std::cout << report::render_events_json(*events) << "\n";
        } else {
            print_events(*events);
        }
    });
}

void register_events_add(CLI::App& parent, Run& run) {
    struct Options {
        app::ManualEvent spec;
        std::string lab, model, person, surface, title, evidence;
    };
    auto o = std::make_shared<Options>();
    auto* sub = parent.add_subcommand("add", "a manual event");
    add_version_flag(*sub);
    sub->add_option("--kind", o->spec.kind, "event kind")->required();
    sub->add_option("--at", o->spec.at, "date or RFC 3339 time")->required();
    sub->add_option("--lab", o->lab, "lab slug");
    sub->add_option("--model", o->model, "model slug");
    sub->add_option("--person", o->person, "person slug");
    sub->add_option("--surface", o->surface, "surface slug");
    sub->add_option("--title", o->title, "title");
    sub->add_option("--set", o->spec.set, "KEY=VALUE field (repeatable)");
    sub->add_option("--evidence", o->evidence, "evidence URL");
    sub->callback([&run, o] {
        auto set_opt = [](const std::string& v) { return v.empty() ? std::nullopt : std::optional<std::string>(v); };
        o->spec.lab = set_opt(o->lab);
        o->spec.model = set_opt(o->model);
        o->spec.person = set_opt(o->person);
        o->spec.surface = set_opt(o->surface);
        o->spec.title = set_opt(o->title);
        o->spec.evidence_url = set_opt(o->evidence);
        auto ctx = open_app(run.global);
        if (!ctx) {
            run.exit_code = fail(ctx.error());
            return;
        }
        auto id = app::add_manual_event(*ctx, o->spec, events_now());
        if (!id) {
            run.exit_code = fail(id.error());
            return;
        }
        if (run.global.json) {
            std::cout << "{\"id\": " << *id << "}\n";
        } else {
            std::cout << *id << "\n";
        }
    });
}

void register_review(CLI::App& parent, Run& run, const char* name, Review review) {
    auto id = std::make_shared<std::int64_t>(0);
    auto* sub = parent.add_subcommand(name, std::string(name) + " an event");
    add_version_flag(*sub);
    sub->add_option("id", *id, "event id")->required();
    sub->callback([&run, id, review] {
        auto ctx = open_app(run.global);
        if (!ctx) {
            run.exit_code = fail(ctx.error());
            return;
        }
        if (auto s = app::set_review(*ctx, *id, review); !s) {
            run.exit_code = fail(s.error());
        }
    });
}

void register_events_edit(CLI::App& parent, Run& run) {
    struct Options {
        std::int64_t id = 0;
        std::string at;
        std::vector<std::string> set;
    };
    auto o = std::make_shared<Options>();
    auto* sub = parent.add_subcommand("edit", "change an event's time or fields (kept on rebuild)");
    add_version_flag(*sub);
    sub->add_option("id", o->id, "event id")->required();
    sub->add_option("--at", o->at, "new date or time");
    sub->add_option("--set", o->set, "KEY=VALUE field (repeatable; VALUE null clears)");
    sub->callback([&run, o] {
        auto ctx = open_app(run.global);
        if (!ctx) {
            run.exit_code = fail(ctx.error());
            return;
        }
        const auto at = o->at.empty() ? std::nullopt : std::optional<std::string>(o->at);
        if (auto s = app::edit_event(*ctx, o->id, at, o->set); !s) {
            run.exit_code = fail(s.error());
        }
    });
}

void print_candidates(const std::vector<Candidate>& candidates) {
    if (candidates.empty()) {
        std::cout << "no candidates\n";
        return;
    }
    for (const auto& c : candidates) {
        std::cout << "#" << c.id << "  " << (c.published ? format_date(*c.published) : std::string("----------"))
                  << "  " << c.source << "  " << c.title << "\n";
        std::cout << "      suggests " << (c.suggested_kind ? std::string(to_string(*c.suggested_kind)) : "-") << " ("
                  << c.confidence << ")";
        if (!c.cue.empty()) {
            std::cout << " from \"" << c.cue << "\"";
        }
        std::cout << "; " << c.reason;
        if (c.state != CandidateState::Open) {
            std::cout << "; " << to_string(c.state);
        }
        std::cout << "\n      ";
        for (std::size_t i = 0; i < c.entities.size(); ++i) {
            std::cout << (i ? ", " : "") << c.entities[i];
        }
        std::cout << (c.entities.empty() ? "" : "  ") << c.link << "\n";
    }
}

/// `events candidates` lists the review queue; `confirm ID` and `dismiss ID` decide one.
void register_candidates(CLI::App& parent, Run& run) {
    struct Options {
        bool all = false;
        int limit = 0;
        std::int64_t id = 0;
        std::string kind, lab, model, person, surface, at;
        std::vector<std::string> set;
    };
    auto o = std::make_shared<Options>();
    auto* sub = parent.add_subcommand(
        "candidates", "items that name a tracked lab, model, surface or person but gave no confident event");
    add_version_flag(*sub);
    sub->add_flag("--all", o->all, "also the confirmed and dismissed ones");
    sub->add_option("--limit", o->limit, "at most N (newest first)");
    sub->require_subcommand(0, 1);

    auto* confirm = sub->add_subcommand("confirm", "make a candidate a typed event (kept on rebuild)");
    add_version_flag(*confirm);
    confirm->add_option("id", o->id, "candidate id")->required();
    confirm->add_option("--kind", o->kind, "event kind (default: the suggested one)");
    confirm->add_option("--lab", o->lab, "lab slug");
    confirm->add_option("--model", o->model, "model slug");
    confirm->add_option("--person", o->person, "person slug");
    confirm->add_option("--surface", o->surface, "surface slug");
    confirm->add_option("--at", o->at, "date or RFC 3339 time (default: the item's)");
    confirm->add_option("--set", o->set, "KEY=VALUE field (repeatable)");
    confirm->callback([&run, o] {
        auto ctx = open_app(run.global);
        if (!ctx) {
            run.exit_code = fail(ctx.error());
            return;
        }
        const auto opt = [](const std::string& v) { return v.empty() ? std::nullopt : std::optional<std::string>(v); };
        app::CandidateDecision d{opt(o->kind),    opt(o->lab), opt(o->model), opt(o->person),
                                 opt(o->surface), opt(o->at),  o->set};
        auto id = app::confirm_candidate(*ctx, o->id, d, events_now());
        if (!id) {
            run.exit_code = fail(id.error());
            return;
        }
        std::cout << (run.global.json ? "{\"event_id\": " + std::to_string(*id) + "}" : std::to_string(*id)) << "\n";
    });

    auto* dismiss = sub->add_subcommand("dismiss", "mark a candidate as not a fact (kept on rebuild)");
    add_version_flag(*dismiss);
    dismiss->add_option("id", o->id, "candidate id")->required();
    dismiss->callback([&run, o] {
        auto ctx = open_app(run.global);
        if (!ctx) {
            run.exit_code = fail(ctx.error());
            return;
        }
        if (auto s = app::dismiss_candidate(*ctx, o->id); !s) {
            run.exit_code = fail(s.error());
        }
    });

    sub->callback([&run, o, sub] {
        if (!sub->get_subcommands().empty()) {
            return;  // confirm or dismiss ran
        }
        auto ctx = open_app(run.global);
        if (!ctx) {
            run.exit_code = fail(ctx.error());
            return;
        }
        app::CandidateQuery q;
        if (o->all) {
            q.state = std::nullopt;
        }
        q.limit = o->limit;
        auto candidates = app::list_candidates(*ctx, q);
        if (!candidates) {
            run.exit_code = fail(candidates.error());
            return;
        }
        if (run.global.json) {
            std::cout << report::render_candidates_json(*candidates);
        } else {
            print_candidates(*candidates);
        }
    });
}

void register_fields(CLI::App& parent, Run& run) {
    auto kind_name = std::make_shared<std::string>();
    auto* sub = parent.add_subcommand("fields", "the fields each event kind carries (name, type, required)");
    add_version_flag(*sub);
    sub->add_option("kind", *kind_name, "one event kind, e.g. model_release (default: all)");
    sub->callback([&run, kind_name] {
        std::vector<EventKind> kinds = all_event_kinds();
        if (!kind_name->empty()) {
            auto kind = event_kind_from_string(*kind_name);
            if (!kind) {
                run.exit_code = fail(make_error(ErrorCode::Usage, "unknown event kind", *kind_name));
                return;
            }
            kinds = {*kind};
        }
        if (run.global.json) {
            std::cout << report::render_event_fields_json(kinds);
            return;
        }
        for (EventKind kind : kinds) {
            std::cout << to_string(kind) << "\n";
            for (const FieldSpec& spec : fields_of(kind)) {
                std::cout << "  " << spec.name << "  " << to_string(spec.type) << (spec.required ? ", required" : "")
                          << (spec.values.empty() ? "" : "  (" + std::string(spec.values) + ")") << "\n";
            }
        }
    });
}

}  // namespace

void register_events(CLI::App& app, Run& run) {
    auto* sub = app.add_subcommand("events", "list, add and curate events");
    add_version_flag(*sub);
    sub->require_subcommand(1);
    register_events_list(*sub, run);
    register_events_add(*sub, run);
    register_review(*sub, run, "confirm", Review::Confirmed);
    register_review(*sub, run, "reject", Review::Rejected);
    register_events_edit(*sub, run);
    register_candidates(*sub, run);
    register_fields(*sub, run);
}

}  // namespace fw::cli

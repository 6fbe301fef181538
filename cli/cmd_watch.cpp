#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <memory>
#include <thread>

#include "app/alert_service.h"
#include "app/duration.h"
#include "app/report_service.h"
#include "cli/command.h"
#include "cli/fetch_support.h"

namespace fw::cli {
namespace {

std::atomic<bool> g_stop{false};

extern "C" void on_signal(int /*sig*/) { g_stop.store(true); }

TimePoint now() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

// One round: fetch what is due, derive events, re-evaluate the questions, send alerts.
void run_round(app::AppContext& ctx, const std::optional<std::string>& contact, const Run& run) {
    app::FetchRequest req;
    req.now = now();
    req.edgar_contact = contact;
    auto summary = app::fetch_sources(ctx, req);
    if (!summary) {
        std::cerr << "frontierwatch: watch: " << summary.error().describe() << "\n";
        return;
    }
    print_failures(*summary);
    auto report = app::build_watch_report(ctx, req.now, req.now);
    std::vector<QuestionAnswer> changed;
    if (report) {
        changed = report->changed_answers;
    }
    auto sent = app::deliver_alerts(ctx, summary->new_event_ids, changed, req.now);
    if (!sent) {
        std::cerr << "frontierwatch: alerts: " << sent.error().describe() << "\n";
    }
    verbose(run, "watch: " + std::to_string(summary->sources.size()) + " sources fetched, " +
                     std::to_string(summary->new_events) + " new events");
}

}  // namespace

void register_watch(CLI::App& app, Run& run) {
    struct Options {
        std::string every = "5m";
        std::string contact;
        int rounds = 0;
    };
    auto o = std::make_shared<Options>();
    auto* sub = app.add_subcommand("watch", "loop: fetch what is due, derive events, send alerts");
    add_version_flag(*sub);
    sub->add_option("--every", o->every, "how often to look for due sources (default 5m)");
    sub->add_option("--contact", o->contact, "SEC EDGAR contact (else $FW_EDGAR_CONTACT)");
    sub->add_option("--rounds", o->rounds, "stop after N rounds (0: until SIGINT/SIGTERM)");
    sub->callback([&run, o] {
        const auto every = app::parse_duration(o->every);
        if (!every) {
            run.exit_code = fail(make_error(ErrorCode::Usage, "not a duration", o->every));
            return;
        }
        auto ctx = open_app(run.global);
        if (!ctx) {
            run.exit_code = fail(ctx.error());
            return;
        }
        std::signal(SIGINT, on_signal);
        std::signal(SIGTERM, on_signal);
        const auto contact = edgar_contact(o->contact);
        for (int round = 1; !g_stop.load(); ++round) {
            run_round(*ctx, contact, run);
            if (o->rounds > 0 && round >= o->rounds) {
                break;
            }
            // Sleep in short steps so a signal stops the loop promptly.
            const auto until = std::chrono::steady_clock::now() + *every;
            while (!g_stop.load() && std::chrono::steady_clock::now() < until) {
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
            }
        }
        if (!run.global.quiet) {
            std::cerr << "watch stopped\n";
        }
    });
}

}  // namespace fw::cli

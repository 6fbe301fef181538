#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <memory>
#include <thread>

#include "app/duration.h"
#include "app/fetch_round.h"
#include "app/source_service.h"
#include "app/worker_service.h"
#include "cli/command.h"
#include "cli/fetch_support.h"

namespace fw::cli {
namespace {

std::atomic<bool> g_stop{false};

extern "C" void on_signal(int /*sig*/) {
    g_stop.store(true);
}

TimePoint watch_now() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

// One round: fetch what is due, derive events, re-evaluate the questions, send alerts.
void run_round(app::AppContext& ctx, const std::optional<std::string>& contact, std::chrono::milliseconds host_interval,
               const Run& run) {
    app::FetchRequest req;
    req.now = watch_now();
    req.edgar_contact = contact;
    req.host_interval = host_interval;
    auto round = app::run_fetch_round(ctx, req);
    if (!round) {
        std::cerr << "frontierwatch: watch: " << round.error().describe() << "\n";
        return;
    }
    print_failures(round->fetched);
    for (const auto& w : round->answered.warnings) {
        std::cerr << "frontierwatch: " << w << "\n";
    }
    verbose(run, "watch: " + std::to_string(round->fetched.sources.size()) + " sources fetched, " +
                     std::to_string(round->fetched.new_events) + " new events");
}

bool is_postgres(const std::string& db) {
    return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

// Nothing left to do this period: every source is due later (leased ones count as due).
bool idle(app::AppContext& ctx, TimePoint at) {
    auto sources = app::list_sources(ctx);
    if (!sources) {
        return false;
    }
    for (const auto& s : *sources) {
        if (!s.due_at || *s.due_at <= at) {
            return false;
        }
    }
    return true;
}

// A team worker's round (docs/teams.md): claimed sources only, derivation under a shared lock.
// Returns true when it found work (then the loop goes on without a full sleep).
bool run_worker(app::AppContext& ctx, const app::WorkerOptions& options, const Run& run) {
    auto round = app::run_worker_round(ctx, options, watch_now());
    if (!round) {
        std::cerr << "frontierwatch: watch: " << round.error().describe() << "\n";
        return false;
    }
    print_failures(round->fetched);
    for (const auto& w : round->warnings) {
        std::cerr << "frontierwatch: watch: " << w << "\n";
    }
    verbose(run, "watch[" + options.worker_id + "]: " + std::to_string(round->claimed) + " claimed, " +
                     std::to_string(round->deferred) + " deferred (host busy), " +
                     std::to_string(round->fetched.sources.size()) + " fetched, " + std::to_string(round->new_events) +
                     " new events");
    if (round->fetched.sources.empty() && round->deferred > 0) {
        // Due sources whose hosts other workers are fetching: look again shortly.
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    return round->claimed > 0;
}

}  // namespace

void register_watch(CLI::App& app, Run& run) {
    struct Options {
        std::string every = "5m";
        std::string contact;
        int rounds = 0;
        bool worker = false;
        std::string worker_id;
        std::string lease = "10m";
        int batch = 50;
        int host_interval_ms = 1000;
        bool until_idle = false;
    };
    auto o = std::make_shared<Options>();
    auto* sub = app.add_subcommand("watch", "loop: fetch what is due, derive events, send alerts");
    add_version_flag(*sub);
    sub->add_option("--every", o->every, "how often to look for due sources (default 5m)");
    sub->add_option("--contact", o->contact, "SEC EDGAR contact (else $FW_EDGAR_CONTACT)");
    sub->add_option("--rounds", o->rounds, "stop after N rounds (0: until SIGINT/SIGTERM)");
    sub->add_flag("--worker", o->worker,
                  "one of several workers sharing the database (implied by a postgresql:// --db)");
    sub->add_option("--worker-id", o->worker_id, "this worker's name (default host:pid)");
    sub->add_option("--lease", o->lease, "how long a claimed source stays this worker's (default 10m)");
    sub->add_option("--batch", o->batch, "sources claimed per round (default 50)");
    sub->add_option("--host-interval-ms", o->host_interval_ms,
                    "least time between two requests to one host, across workers (default 1000)");
    sub->add_flag("--until-idle", o->until_idle, "stop once no source is due (workers)");
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
        const auto lease = app::parse_duration(o->lease);
        if (!lease || o->batch <= 0 || o->host_interval_ms < 0) {
            run.exit_code = fail(make_error(ErrorCode::Usage, "bad --lease, --batch or --host-interval-ms"));
            return;
        }
        app::WorkerOptions w;
        w.worker_id = o->worker_id.empty() ? app::default_worker_id() : o->worker_id;
        w.db_location = run.global.db;
        w.lease = *lease;
        w.batch = o->batch;
        w.host_interval = std::chrono::milliseconds(o->host_interval_ms);
        w.edgar_contact = contact;
        const bool worker = o->worker || is_postgres(run.global.db);
        for (int round = 1; !g_stop.load(); ++round) {
            bool busy = false;
            if (worker) {
                busy = run_worker(*ctx, w, run);
            } else {
                run_round(*ctx, contact, w.host_interval, run);
            }
            if (o->rounds > 0 && round >= o->rounds) {
                break;
            }
            if (o->until_idle && !busy && idle(*ctx, watch_now())) {
                break;
            }
            if (busy) {
                continue;  // more may be due: claim again at once
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

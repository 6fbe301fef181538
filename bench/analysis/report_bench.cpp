// Times build_report and the renderers over 100k synthetic events and 5 years of daily prices.
// A benchmark, not a test: it prints times and asserts nothing. Fixed seed, no I/O but stdout.
//   fw_report_bench [events]    (default 100000)
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>
#include <vector>

#include "analysis/report.h"
#include "report/render.h"

namespace {

using namespace fw;
using Clock = std::chrono::steady_clock;

constexpr int kLabs = 12, kSurfaces = 10;
const char* const kKinds[] = {"model_release",  "surface_rollout",  "weights_release", "license_change",
                              "eval_report",    "third_party_eval", "personnel_move",  "earnings_release",
                              "capex_guidance", "analyst_rating",   "gating_change"};

// Appends rather than "lit" + to_string(i), which trips a GCC 12 -Wrestrict false positive.
std::string numbered(const char* prefix, int i) {
    std::string out(prefix);
    out += std::to_string(i);
    return out;
}

Taxonomy make_taxonomy() {
    Taxonomy t;
    for (int i = 0; i < kLabs; ++i) {
        Lab lab;
        lab.slug = numbered("lab-", i);
        if (i < 3)
            lab.security = Security{numbered("T", i), "", "", "SPY"};
        t.labs.push_back(lab);
    }
    const SurfaceCategory cats[] = {SurfaceCategory::Monetizable, SurfaceCategory::Engagement,
                                    SurfaceCategory::Hardware, SurfaceCategory::Developer, SurfaceCategory::Enterprise};
    for (int i = 0; i < kSurfaces; ++i) {
        Surface s;
        s.slug = numbered("surface-", i);
        s.category = cats[i % 5];
        t.surfaces.push_back(s);
    }
    return t;
}

std::vector<Event> make_events(int n, std::mt19937& rng) {
    const TimePoint start = make_time(2021, 6, 1);
    std::uniform_int_distribution<int> day(0, 5 * 365 - 1), lab(0, kLabs - 1), kind(0, 10), model(0, n / 20 + 1);
    std::uniform_real_distribution<double> u(0, 1);
    const char* const openness[] = {"open_weights_permissive", "api", "hosted_product", "open_weights_restricted"};
    std::vector<Event> events(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        Event& e = events[static_cast<std::size_t>(i)];
        e.id = i + 1;
        e.kind = *event_kind_from_string(kKinds[kind(rng)]);
        e.occurred_at = start + std::chrono::days{day(rng)};
        e.detected_at = e.occurred_at;
        e.lab = "lab-" + std::to_string(lab(rng));
        e.model = "model-" + std::to_string(model(rng));
        e.title = "Synthetic event <" + std::to_string(i) + "> & friends";
        e.surface = "surface-" + std::to_string(i % kSurfaces);
        e.person = "person-" + std::to_string(i % 500);
        e.fields.set("openness", std::string(openness[i % 4]));
        e.fields.set("move", std::string(i % 2 ? "joined" : "left"));
        e.fields.set("low_usd", 1e9 * (40 + 10 * u(rng)));
        e.fields.set("high_usd", 1e9 * (55 + 10 * u(rng)));
        e.fields.set("company", *e.lab);
        e.fields.set("fiscal_year", std::int64_t{2021 + i % 5});
        if (i % 50 == 0)
            e.review = Review::Rejected;
    }
    return events;
}

std::map<std::string, std::vector<PriceBar>> make_prices(std::mt19937& rng) {
    std::normal_distribution<double> noise(0, 0.01);
    std::map<std::string, std::vector<PriceBar>> out;
    for (const std::string symbol : {"SPY", "T0", "T1", "T2"}) {
        double p = 100;
        for (Day d = day_of(make_time(2021, 1, 4)); d < day_of(make_time(2026, 1, 4)); d += std::chrono::days{1}) {
            const auto wd = std::chrono::weekday{d};
            if (wd == std::chrono::Saturday || wd == std::chrono::Sunday)
                continue;
            p *= 1 + noise(rng);
            PriceBar b;
            b.symbol = symbol;
            b.date = d;
            b.close = p;
            out[symbol].push_back(b);
        }
    }
    return out;
}

struct Times {
    double wall_ms = 0;
    double cpu_ms = 0;  // the process's CPU time: steadier than wall time on a shared machine
};

template <typename F>
Times time_ms(F&& f) {
    const auto t0 = Clock::now();
    const std::clock_t c0 = std::clock();
    f();
    return {std::chrono::duration<double, std::milli>(Clock::now() - t0).count(),
            1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC};
}

}  // namespace

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
    std::mt19937 rng(42);
    const Taxonomy taxonomy = make_taxonomy();
    const std::vector<Event> events = make_events(n, rng);
    const auto prices = make_prices(rng);
    const std::vector<WatchQuestion> questions{
        {"q1", "open weights?", "open_weights_within", {{"family", "model-1"}, {"months", "12"}}},
        {"q2", "switch?", "labs_switch_within", {{"labs", "lab-1,lab-2"}, {"after", "lab-0"}, {"months", "12"}}}};
    std::printf("events: %d, price series: %zu x %zu bars\n", n, prices.size(), prices.at("SPY").size());

    analysis::WatchReport report;
    const Times build = time_ms([&] {
        report = analysis::build_report({events, taxonomy, prices, questions, make_time(2026, 6, 1)});
    });
    std::printf("%-20s %9s %9s\n", "", "wall ms", "cpu ms");
    std::printf("%-20s %9.1f %9.1f  (%zu models, %zu event studies, %zu skipped)\n", "build_report:", build.wall_ms,
                build.cpu_ms, report.rollout.size(), report.market.event_studies.size(), report.market.skipped.size());
    std::string out;
    auto run = [&](const char* name, auto render) {
        const Times t = time_ms([&] { out = render(); });
        std::printf("%-20s %9.1f %9.1f  (%zu bytes)\n", name, t.wall_ms, t.cpu_ms, out.size());
    };
    run("render_json:", [&] { return report::render_json(report); });
    run("render_text:", [&] { return report::render_text(report); });
    run("render_markdown:", [&] { return report::render_markdown(report); });
    run("render_html:", [&] { return report::render_html(report); });
    run("render_events_json:", [&] { return report::render_events_json(events); });
    run("render_events_atom:", [&] { return report::render_events_atom(events, "urn:bench", make_time(2026, 6, 1)); });
    return 0;
}

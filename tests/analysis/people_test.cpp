#include "analysis/people.h"
#include "builders.h"
#include "support/catch.h"

using namespace fw;
using namespace fw::analysis;
using fw::test::ev;

namespace {

Taxonomy people_taxonomy() {
    Taxonomy t;
    Person p;
    p.slug = "alex";
    p.name = "Alex";
    p.org = "meta";
    p.role = "Chief AI Officer";
    p.since = test::date("2025-06-12");
    t.people.push_back(p);
    return t;
}

PeopleSection people_run(const std::vector<Event>& events, const std::string& as_of) {
    static const Taxonomy taxonomy = people_taxonomy();
    return analyze_people(usable_events(events, test::date(as_of)), taxonomy, test::date(as_of));
}

Event move(std::int64_t id, const std::string& at, const std::string& person, const std::string& kind,
           const std::string& org, const std::string& role = "") {
    auto b = ev(id, EventKind::PersonnelMove, at).person(person).text("move", kind).text("org", org);
    if (!role.empty())
        b.text("role", role);
    return b;
}

}  // namespace

TEST_CASE("tenure runs from since to departure, or to as_of while still there", "[analysis][people]") {
    struct Row {
        std::vector<Event> events;
        std::string as_of;
        std::optional<int> tenure;
        bool left;
    };
    const auto row =
        GENERATE(Row{{}, "2026-06-12", 365, false},
                 Row{{move(1, "2026-01-01", "alex", "left", "meta")}, "2026-06-12", 203, true},
                 Row{{move(1, "2027-01-01", "alex", "left", "meta")}, "2026-06-12", 365, false},  // after as_of
                 Row{{move(1, "2026-01-01", "alex", "left", "other-lab")}, "2026-06-12", 365, false});
    const PeopleSection out = people_run(row.events, row.as_of);
    REQUIRE_FALSE(out.tenures.empty());
    CHECK(out.tenures[0].person == "alex");
    CHECK(out.tenures[0].tenure_days == row.tenure);
    CHECK(out.tenures[0].left_at.has_value() == row.left);
}

TEST_CASE("moves make new tenures and quarterly arrivals and departures", "[analysis][people]") {
    const std::vector<Event> events{
        move(1, "2026-02-01", "alex", "left", "meta"), move(2, "2026-03-01", "alex", "joined", "openai", "Researcher"),
        move(3, "2026-04-15", "bo", "joined", "meta", "VP"), move(4, "2026-05-01", "bo", "role_change", "meta", "SVP"),
        move(5, "2026-08-01", "cy", "left", "meta")};
    const PeopleSection out = people_run(events, "2026-09-30");
    REQUIRE(out.tenures.size() == 4);
    CHECK(out.tenures[1].person == "alex");
    CHECK(out.tenures[1].org == "openai");
    CHECK(out.tenures[1].tenure_days == 213);
    CHECK(out.tenures[2].role == "SVP");
    CHECK(out.tenures[2].event_ids == std::vector<std::int64_t>{3, 4});
    CHECK_FALSE(out.tenures[3].since.has_value());  // cy: departure without a known start
    CHECK_FALSE(out.tenures[3].tenure_days.has_value());
    auto flow = [&](const std::string& lab, const std::string& q) {
        for (const QuarterFlow& f : out.flows) {
            if (f.lab == lab && f.quarter == q)
                return std::pair{f.arrivals, f.departures};
        }
        return std::pair{-1, -1};
    };
    CHECK(flow("meta", "2025Q2") == std::pair{1, 0});
    CHECK(flow("meta", "2026Q1") == std::pair{0, 1});
    CHECK(flow("openai", "2026Q1") == std::pair{1, 0});
    CHECK(flow("meta", "2026Q2") == std::pair{1, 0});
    CHECK(flow("meta", "2026Q3") == std::pair{0, 1});
}

TEST_CASE("a person the taxonomy does not know is shown by the extracted name", "[analysis][people]") {
    Event e = move(1, "2026-03-01", "tino-cuellar", "joined", "anthropic", "Chief Global Affairs Officer");
    e.fields.set("name", std::string("Mariano-Florentino Cuéllar"));
    const PeopleSection out = people_run({e}, "2026-09-30");
    REQUIRE(out.tenures.size() == 2);
    CHECK(out.tenures[0].name == "Alex");
    CHECK(out.tenures[1].person == "tino-cuellar");
    CHECK(out.tenures[1].name == "Mariano-Florentino Cuéllar");
}

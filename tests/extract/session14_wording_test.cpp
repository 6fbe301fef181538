// Constructions read in session 14 (issue 13): what a press digest's headline says in its own
// words. A story that names a tracked person and a lab is a move the reviewer reads, whatever its
// verb; a story that names neither stays out of the queue.

#include <algorithm>

#include "bundled_extractor.h"
#include "extract_support.h"
#include "support/catch.h"

using fw::EventKind;
using fw::make_time;
using fw::test::bundled_extractor;
using fw::test::feed_source;
using fw::test::make_item;

namespace {

/// The candidate of `out` that names `person`, if any.
const fw::Candidate* candidate_naming(const fw::extract::ExtractOutput& out, const std::string& person) {
    const auto it = std::find_if(out.candidates.begin(), out.candidates.end(), [&](const fw::Candidate& c) {
        return std::find(c.entities.begin(), c.entities.end(), "person:" + person) != c.entities.end();
    });
    return it == out.candidates.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("a digest's story naming a tracked person and a lab goes to review as a move", "[extract][candidates]") {
    auto ex = bundled_extractor();
    const auto source = feed_source("weekly-digest", std::nullopt);
    SECTION("a verb no list holds ('courts') still reaches the queue, beside the other stories' events") {
        auto out = ex.extract(make_item("Chip Tariffs Bite, Mistral Courts Junyang Lin, Robots Fold Laundry",
                                        make_time(2026, 9, 4), "This week in AI."),
                              nullptr, source);
        const auto* c = candidate_naming(out, "junyang-lin");
        REQUIRE(c != nullptr);
        CHECK(c->suggested_kind == std::optional<EventKind>(EventKind::PersonnelMove));
        CHECK(c->lab == std::optional<std::string>("mistral"));
    }
    SECTION("a person with no lab in the story is not a move") {
        auto out = ex.extract(make_item("Chip Tariffs Bite, Junyang Lin On Scaling, Robots Fold Laundry",
                                        make_time(2026, 9, 11), "This week in AI."),
                              nullptr, source);
        CHECK(candidate_naming(out, "junyang-lin") == nullptr);
    }
    SECTION("a single headline is no digest: a profile stays out of the queue") {
        auto out =
            ex.extract(make_item("What Junyang Lin Thinks Mistral Gets Right", make_time(2026, 9, 18), "An interview."),
                       nullptr, source);
        CHECK(candidate_naming(out, "junyang-lin") == nullptr);
    }
}

#pragma once
// Watch questions: each WatchQuestion names a check and its parameters; evaluating it against
// the events as of a date gives open | yes | no with the evidence event ids.
//
// Checks (params are text; lists are comma-separated; a window is "days" or "months"):
//   open_weights_within      family|model, days|months [, launch (date, used when no
//                            model_release event exists)]: open weights of any model of the
//                            family within the window after the family's first launch.
//   eval_report_within       family|model, days|months [, launch]: a first-party eval_report
//                            within the window after launch.
//   surface_before           family|model, category (surface category) and before (surface slug)
//                            or before_category: the family reaches a surface of `category`
//                            strictly before the day it reaches `before`.
//   labs_switch_within       labs (list), after (lab), days|months: any of `labs` switches to
//                            closed within the window after `after` switches.
//   person_leaves_within     person (slug) or org + role (case-insensitive substring), days|months
//                            [, from (date); default: the tenure's start]: the person leaves
//                            the org within the window.
// A question is "no" once its window closed (by as_of) without the thing happening; "open"
// while the window runs or its clock has not started (e.g. no launch yet).

#include "analysis/cascade.h"
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/common.h"
#include "analysis/openness.h"
#include "domain/question.h"

namespace fw::analysis {

/// The check names evaluate_question knows.
const std::vector<std::string>& known_checks();

/// "" when the question's check exists and its required params are present, else the problem
/// ("unknown check 'x'", "check 'x' needs param 'days' or 'months'").
std::string validate_question(const WatchQuestion& q);

/// The switch the watch questions are about: the "after" lab and the "labs" of the first
/// labs_switch_within question, or nullopt when no question names one.
std::optional<CascadeAnchor> cascade_anchor(std::span<const WatchQuestion> questions);

/// Context shared by all questions of one report.
struct QuestionContext {
    const EventRefs& events;  ///< usable events (not rejected, up to as_of), in time order
    const Taxonomy& taxonomy;
    const std::vector<LabOpenness>& openness;
    TimePoint as_of;
};

QuestionAnswer evaluate_question(const WatchQuestion& q, const QuestionContext& ctx);

std::vector<QuestionAnswer> evaluate_questions(std::span<const WatchQuestion> questions, const QuestionContext& ctx);

}  // namespace fw::analysis

#include "analysis/report.h"

#include "analysis/questions.h"

namespace fw::analysis {

WatchReport build_report(const AnalysisInput& input) {
    const EventRefs events = usable_events(input.events, input.as_of);
    WatchReport r;
    r.generated_at = input.as_of;
    r.as_of = input.as_of;
    r.events_considered = static_cast<int>(events.size());
    r.rollout = analyze_rollout(events, input.taxonomy, input.as_of);
    r.eval_disclosure = analyze_eval_disclosure(events, input.taxonomy, input.as_of);
    r.openness = analyze_openness(events, input.taxonomy);
    r.people = analyze_people(events, input.taxonomy, input.as_of);
    r.cascade = analyze_cascade(r.openness.labs, input.as_of, cascade_anchor(input.questions));
    r.market = analyze_market(events, input.taxonomy, input.prices);
    const QuestionContext ctx{events, input.taxonomy, r.openness.labs, input.as_of};
    r.questions = evaluate_questions(input.questions, ctx);
    return r;
}

}  // namespace fw::analysis

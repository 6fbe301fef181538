#include "ui/models/study_choice.h"

#include <string>

#include "analysis/common.h"

namespace fw::ui {
namespace {

/// The models or families the questions are about ("family", else "model" parameter).
std::vector<std::string> watchedSubjects(const std::vector<WatchQuestion>& questions) {
    std::vector<std::string> out;
    for (const auto& q : questions) {
        for (const char* key : {"family", "model"}) {
            const auto it = q.params.find(key);
            if (it != q.params.end() && !it->second.empty())
                out.push_back(it->second);
        }
    }
    return out;
}

bool watched(const std::string& model, const std::vector<std::string>& subjects, const Taxonomy& taxonomy) {
    for (const auto& s : subjects) {
        if (analysis::in_family(model, s, taxonomy))
            return true;
    }
    return false;
}

/// The newest study among those `accept` keeps (the later index on a tie), or -1.
template <typename Accept>
int newest(const std::vector<analysis::MarketStudy>& studies, Accept accept) {
    int best = -1;
    for (int i = 0; i < static_cast<int>(studies.size()); ++i) {
        const auto& s = studies[static_cast<std::size_t>(i)];
        if (!accept(s))
            continue;
        if (best < 0 || s.study.event_date >= studies[static_cast<std::size_t>(best)].study.event_date)
            best = i;
    }
    return best;
}

}  // namespace

int defaultStudyIndex(const std::vector<analysis::MarketStudy>& studies, const std::vector<WatchQuestion>& questions,
                      const Taxonomy& taxonomy) {
    const auto subjects = watchedSubjects(questions);
    const int preferred =
        newest(studies, [&](const analysis::MarketStudy& s) { return watched(s.model, subjects, taxonomy); });
    return preferred >= 0 ? preferred : newest(studies, [](const analysis::MarketStudy&) { return true; });
}

}  // namespace fw::ui

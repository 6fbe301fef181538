#pragma once
// Watch questions are data (data/questions/*.json): an id, the question, and a check with
// parameters that analysis/questions.h knows how to evaluate.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.h"

namespace fw {

struct WatchQuestion {
    std::string id;
    std::string text;
    std::string check;  ///< name of the check, e.g. "open_weights_within"
    std::map<std::string, std::string> params;
};

enum class QuestionStatus { Open, Yes, No };
std::string_view to_string(QuestionStatus s);
std::optional<QuestionStatus> question_status_from_string(std::string_view text);

struct QuestionAnswer {
    std::string id;
    std::string text;
    QuestionStatus status = QuestionStatus::Open;
    std::vector<std::int64_t> evidence;  ///< event ids
    std::optional<TimePoint> resolved_at;
    std::optional<TimePoint> opened_at;  ///< when the question's clock started, if it has one
    std::string explanation;             ///< one sentence: why this status
};

}  // namespace fw

#pragma once
// The watch questions' latest answers and the alert deliveries they and new events cause. Part
// of store::Store (store/store.h).

#include <span>
#include <vector>

#include "domain/alert.h"
#include "domain/question.h"
#include "domain/result.h"

namespace fw::store {

class AlertStore {
public:
    virtual ~AlertStore() = default;

    /// Stores the latest answers; returns those whose status changed since last time (a
    /// question seen for the first time counts as changed unless it is open).
    virtual Result<std::vector<QuestionAnswer>> save_answers(std::span<const QuestionAnswer> answers) = 0;
    /// The stored answers, in question id order.
    virtual Result<std::vector<QuestionAnswer>> load_answers() = 0;
    /// Records a delivery unless its key exists; returns false when it was already there.
    virtual Result<bool> record_alert(const AlertDelivery& delivery) = 0;
    virtual Status update_alert(const AlertDelivery& delivery) = 0;
    /// Deliveries with status pending or failed (to retry).
    virtual Result<std::vector<AlertDelivery>> pending_alerts() = 0;
    virtual Result<std::vector<AlertDelivery>> list_alerts(int limit) = 0;
};

}  // namespace fw::store

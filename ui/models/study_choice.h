#pragma once
// Which event study the market view opens on. The watch questions say what the user follows,
// so the newest study of a model they name (its family or the model itself) comes first; else
// the newest study of all. Qt-free so the choice is tested on plain values.

#include <vector>

#include "analysis/market.h"
#include "domain/question.h"
#include "domain/taxonomy.h"

namespace fw::ui {

/// Index into `studies` of the default study, or -1 when there is none.
int defaultStudyIndex(const std::vector<analysis::MarketStudy>& studies, const std::vector<WatchQuestion>& questions,
                      const Taxonomy& taxonomy);

}  // namespace fw::ui

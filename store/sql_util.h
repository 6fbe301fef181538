#pragma once
// Small helpers shared by the repositories.

#include "domain/time.h"

namespace fw::store::detail {

/// The wall clock, truncated to seconds (for detected_at/updated_at defaults).
TimePoint now_seconds();

}  // namespace fw::store::detail

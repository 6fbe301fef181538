#pragma once
// Internal to extract/: the one threshold between an event and a candidate.

namespace fw::extract {

/// Findings at or above this confidence are events; below it, the item goes to the review queue
/// as a candidate (ExtractOutput::candidates) and nothing is stored as a fact.
inline constexpr double kConfidentEvent = 0.6;

}  // namespace fw::extract

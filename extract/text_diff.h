#pragma once
// Line-based unified diff of two texts (for licence and watched-page changes).

#include <string>
#include <string_view>

namespace fw::extract {

/// Unified diff ("--- old\n+++ new\n@@ -a,b +c,d @@\n..." ) of `before` and `after`, split into
/// lines, with up to three unchanged lines (dtl's context size) around each change. Empty when
/// the texts are equal.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view old_label = "old",
                         std::string_view new_label = "new");

}  // namespace fw::extract

#include <optional>

namespace fw::extract {

/// Whether the terms in `after` restrict more than those in `before`, judged from the sentences
/// that changed: a lower number in a cap sentence ("more than 100 million monthly active
/// users", "up to 50 requests"), a new prohibition ("may not", "must not", "prohibited", ...) or
/// a narrower use ("only", "solely", "non-commercial", "research purposes") counts as more
/// restrictive, the opposite as less. true / false when every signal points one way; nullopt
/// when there is none or they disagree.
std::optional<bool> text_more_restrictive(std::string_view before, std::string_view after);

}  // namespace fw::extract

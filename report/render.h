#pragma once
// Renderers of the watch report and of event lists. All return text; writing it is the caller's.

#include <span>
#include <string>
#include <string_view>

#include "analysis/report.h"
#include "domain/candidate.h"
#include "domain/event.h"
#include "domain/time.h"

namespace fw::report {

/// The contract's `report --format json` shape: every documented key present (null where
/// unknown, [] where nothing), plus extra fields (breadth, lab summaries, alpha/beta, ...).
std::string render_json(const analysis::WatchReport& report);

/// A terminal report: plain text, aligned columns, no colour codes.
std::string render_text(const analysis::WatchReport& report);

/// The same content as GitHub-flavoured Markdown tables.
std::string render_markdown(const analysis::WatchReport& report);

/// One self-contained HTML page: inline CSS and inline SVG charts (price with event markers and
/// the event window, rollout swimlanes, eval lags, open share over time). No script, no remote
/// resource; every text that came from outside is HTML-escaped.
std::string render_html(const analysis::WatchReport& report);

/// The contract's `events list --json` shape (a list, evidence included).
std::string render_events_json(std::span<const Event> events);

/// `events candidates --json`: the review queue (title, link, source, published, entities,
/// nearest cue, suggested kind, confidence, reason, state).
std::string render_candidates_json(std::span<const Candidate> candidates);
/// The declared fields of each kind (domain/event_schema.h): {"kind": [{"name", "type",
/// "required", "values"}]}, "values" null when any value of the type is allowed.
std::string render_event_fields_json(std::span<const EventKind> kinds);

/// An Atom 1.0 feed of events (the alert channel). feed_id is the feed's atom:id (a URI);
/// now is the feed's <updated> when there are no events.
std::string render_events_atom(std::span<const Event> events, std::string_view feed_id, TimePoint now);

}  // namespace fw::report

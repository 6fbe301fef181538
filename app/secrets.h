#pragma once
// Secrets stay out of the store and out of logs (issue 16). GITHUB_TOKEN, API keys and the
// EDGAR contact come from the environment or the user's config and are never written to the
// database; a webhook URL is a credential (whoever has a Slack webhook URL can post to the
// channel), so the store records an alert channel by a redacted name and a fingerprint, and the
// URL itself is looked up in the alert rules (data/alerts.json, ~/.config/frontierwatch) when
// the delivery is sent.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/alert.h"

namespace fw::app {

/// The one redaction of a URL that may carry a credential, for messages and the store:
/// userinfo and query values masked, the path kept to its first segment and the first letter
/// of the next: "https://hooks.slack.com/services/T…/…", "https://…@host/feed",
/// "https://host/x?token=…". Text that is not a URL with a host comes back as "…".
std::string redact_url(std::string_view url);

/// `url` without the password of its userinfo ("https://user@host/feed"); unchanged when it
/// has none.
std::string without_password(std::string_view url);

/// True when `url` carries a user name or password before its host.
bool has_userinfo(std::string_view url);

/// What the store records for an alert channel: "webhook:<redacted> #<fingerprint>" for a
/// webhook, the channel itself otherwise. Idempotent (a recorded form maps to itself).
std::string recorded_channel(std::string_view channel);

/// The configured channel (with its full URL) whose recorded form is `recorded`, looked up in
/// the rules; a channel recorded before redaction existed is its own configuration.
std::optional<std::string> configured_channel(const std::vector<AlertRule>& rules, std::string_view recorded);

/// A delivery as it may be stored: channel recorded, key and last error without the URL.
AlertDelivery scrubbed(AlertDelivery delivery);

/// `text` with every occurrence of each secret value (at least 4 characters) replaced by "…",
/// for error messages that might quote one.
std::string mask_values(std::string text, const std::vector<std::string>& secrets);

}  // namespace fw::app

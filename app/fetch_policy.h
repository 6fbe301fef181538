#pragma once
// The store's fetch policy (issue 16): what a fetch may reach, recorded in the store so every
// worker of a team applies the same rules, and changed only by `frontierwatch settings set`.
//
//   fetch.allow_file_urls          true | false
//   fetch.allow_private_networks   true | false | a comma list of networks (CIDR) allowed
//
// Defaults: a shared (PostgreSQL) store is strict (both false): a source one person adds is
// fetched by every worker, so it must not read a worker's files or internal services into the
// shared store. A SQLite store is single-user: both true, unless its user opts into strict mode.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.h"
#include "domain/result.h"
#include "ingest/address_policy.h"
#include "store/setting_store.h"

namespace fw::app {

inline constexpr std::string_view kAllowFileUrls = "fetch.allow_file_urls";
inline constexpr std::string_view kAllowPrivateNetworks = "fetch.allow_private_networks";
/// Whether thin feed items have their linked article read (app/fetch_service.h); default true.
inline constexpr std::string_view kReadArticles = "fetch.read_articles";

// The policy needs the store's settings and where the store is (Store::location(): a file path
// or a postgresql:// URL), which decides the defaults; nothing else of the store. Each function
// has an AppContext overload for the front ends.

/// A PostgreSQL store (its location is a postgresql:// URL): shared by a team.
bool is_shared_location(std::string_view location);
bool is_shared_store(const AppContext& ctx);

/// One policy setting as the store holds it.
struct PolicySetting {
    std::string key;
    std::string value;       ///< normalized ("true", "false", "10.0.0.0/8,fd00::/8")
    bool is_default = true;  ///< not set in the store: the backend's default applies
    std::string meaning;     ///< one line for `settings list`
};

/// Every policy setting, in key order.
Result<std::vector<PolicySetting>> policy_settings(store::SettingStore& settings, std::string_view location);
Result<std::vector<PolicySetting>> policy_settings(AppContext& ctx);
/// Error{NotFound} for an unknown key.
Result<PolicySetting> policy_setting(store::SettingStore& settings, std::string_view location, std::string_view key);
Result<PolicySetting> policy_setting(AppContext& ctx, std::string_view key);
/// Validates and normalizes `value`, then records it. Error{Usage} for an unknown key or a bad
/// value (naming the key and what is accepted).
Result<PolicySetting> set_policy_setting(store::SettingStore& settings, std::string_view location, std::string_view key,
                                         std::string_view value);
Result<PolicySetting> set_policy_setting(AppContext& ctx, std::string_view key, std::string_view value);

/// The policy every fetch path applies (app/fetch_service passes it down in each request).
/// Fails closed: when a shared store's settings cannot be read, the strict defaults apply.
ingest::NetworkPolicy fetch_policy(store::SettingStore& settings, std::string_view location);

/// The URL a new or edited source is stored with. A user name or password in it would be in
/// the store and in every worker's requests: on a shared store such a URL is Error{Invalid};
/// on SQLite its password is removed and `warning` says so. Other URLs come back unchanged.
/// (Meant for app/source_service's add, edit and import.)
Result<std::string> url_to_store(std::string_view location, std::string_view url, std::string* warning);

/// One line for `sources list` and the GUI: what this store lets sources reach, e.g.
/// "shared store: file:// sources refused; private networks refused (settings set ... to allow)".
std::string describe_fetch_policy(store::SettingStore& settings, std::string_view location);
std::string describe_fetch_policy(AppContext& ctx);

}  // namespace fw::app

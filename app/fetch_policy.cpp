#include "app/fetch_policy.h"

#include <algorithm>

#include "app/secrets.h"

namespace fw::app {
namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    return out;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

std::optional<bool> parse_bool(std::string_view text) {
    const std::string v = lower(trimmed(text));
    if (v == "true" || v == "yes" || v == "on" || v == "1")
        return true;
    if (v == "false" || v == "no" || v == "off" || v == "0")
        return false;
    return std::nullopt;
}

std::string default_for(std::string_view location, std::string_view key) {
    if (key == kReadArticles) {
        return "true";  // not a trust question: articles come from the source's own site
    }
    return is_shared_location(location) ? "false" : "true";
}

std::string meaning_of(std::string_view key) {
    if (key == kAllowFileUrls) {
        return "file:// sources may be read (true) or are refused (false)";
    }
    if (key == kReadArticles) {
        return "thin feed items have their linked article read once (true) or never (false)";
    }
    return "sources may reach private, loopback and link-local addresses (true), none (false) or "
           "only the networks listed (CIDR, comma-separated)";
}

// Normalized value, or why not.
Result<std::string> normalize(std::string_view key, std::string_view value) {
    if (auto b = parse_bool(value)) {
        return std::string(*b ? "true" : "false");
    }
    if (key == kAllowFileUrls || key == kReadArticles) {
        return make_error(ErrorCode::Usage, "expected true or false, not '" + std::string(value) + "'",
                          std::string(key));
    }
    auto list = ingest::parse_cidr_list(value);
    if (!list) {
        return make_error(ErrorCode::Usage,
                          "expected true, false or networks like 10.0.0.0/8,fd00::/8 ('" + list.error().context +
                              "' is not a network)",
                          std::string(key));
    }
    if (list->empty()) {
        return make_error(ErrorCode::Usage, "expected true, false or a list of networks", std::string(key));
    }
    std::string joined;
    for (const auto& cidr : *list) {
        joined += (joined.empty() ? "" : ",") + cidr.to_string();
    }
    return joined;
}

bool known(std::string_view key) {
    return key == kAllowFileUrls || key == kAllowPrivateNetworks || key == kReadArticles;
}

std::string known_keys() {
    return std::string(kAllowFileUrls) + ", " + std::string(kAllowPrivateNetworks) + ", " + std::string(kReadArticles);
}

}  // namespace

bool is_shared_location(std::string_view location) {
    const std::string where = lower(location);
    return where.starts_with("postgresql://") || where.starts_with("postgres://");
}

bool is_shared_store(const AppContext& ctx) {
    return is_shared_location(ctx.store->location());
}

Result<PolicySetting> policy_setting(store::SettingStore& settings, std::string_view location, std::string_view key) {
    if (!known(key)) {
        return make_error(ErrorCode::NotFound, "unknown setting (known: " + known_keys() + ")", std::string(key));
    }
    auto stored = settings.get_setting(key);
    if (!stored) {
        return stored.error();
    }
    PolicySetting s{std::string(key), default_for(location, key), true, meaning_of(key)};
    if (*stored) {
        // A value written by hand that no longer parses counts as the strict "false".
        auto value = normalize(key, **stored);
        s.value = value ? *value : "false";
        s.is_default = false;
    }
    return s;
}

Result<std::vector<PolicySetting>> policy_settings(store::SettingStore& settings, std::string_view location) {
    std::vector<PolicySetting> out;
    for (const auto key : {kAllowFileUrls, kAllowPrivateNetworks, kReadArticles}) {
        auto s = policy_setting(settings, location, key);
        if (!s) {
            return s.error();
        }
        out.push_back(std::move(*s));
    }
    return out;
}

Result<PolicySetting> set_policy_setting(store::SettingStore& settings, std::string_view location, std::string_view key,
                                         std::string_view value) {
    if (!known(key)) {
        return make_error(ErrorCode::Usage, "unknown setting (known: " + known_keys() + ")", std::string(key));
    }
    auto normalized = normalize(key, value);
    if (!normalized) {
        return normalized.error();
    }
    if (auto saved = settings.set_setting(key, *normalized); !saved) {
        Error e = saved.error();
        if (e.message.find("row-level security") != std::string::npos ||
            e.message.find("permission denied") != std::string::npos) {
            e.message += " (only the store's owner changes the fetch policy)";
        }
        return e;
    }
    return policy_setting(settings, location, key);
}

ingest::NetworkPolicy fetch_policy(store::SettingStore& settings, std::string_view location) {
    const bool shared = is_shared_location(location);
    ingest::NetworkPolicy p;
    p.where = shared ? "on a shared store" : "on this store (strict mode)";
    p.refuse_userinfo = shared;
    auto files = policy_setting(settings, location, kAllowFileUrls);
    auto nets = policy_setting(settings, location, kAllowPrivateNetworks);
    p.allow_file_urls = files ? files->value == "true" : !shared;
    if (!nets) {
        p.allow_private_networks = !shared;
        return p;
    }
    if (nets->value == "true" || nets->value == "false") {
        p.allow_private_networks = nets->value == "true";
    } else {
        p.allow_private_networks = false;
        p.allowed_networks = ingest::parse_cidr_list(nets->value).value_or(std::vector<ingest::Cidr>{});
    }
    return p;
}

Result<std::string> url_to_store(std::string_view location, std::string_view url, std::string* warning) {
    if (!has_userinfo(url)) {
        return std::string(url);
    }
    if (is_shared_location(location)) {
        return make_error(ErrorCode::Invalid,
                          "refused: a user name or password in a source URL would be shared with the "
                          "whole team; give the feed a URL without credentials",
                          redact_url(url));
    }
    std::string stripped = without_password(url);
    if (warning != nullptr && stripped != url) {
        *warning = "the password was removed from the URL before it was stored: " + stripped;
    }
    return stripped;
}

std::string describe_fetch_policy(store::SettingStore& settings, std::string_view location) {
    const ingest::NetworkPolicy p = fetch_policy(settings, location);
    std::string line = is_shared_location(location) ? "shared store: " : "single-user store: ";
    line += p.allow_file_urls ? "file:// sources allowed; " : "file:// sources refused; ";
    if (p.allow_private_networks) {
        line += "private and loopback networks allowed";
    } else if (!p.allowed_networks.empty()) {
        std::string nets;
        for (const auto& c : p.allowed_networks) {
            nets += (nets.empty() ? "" : ",") + c.to_string();
        }
        line += "private networks refused except " + nets;
    } else {
        line += "private and loopback networks refused";
    }
    if (p.refuse_userinfo) {
        line += "; URLs with user:password refused";
    }
    return line;
}

// The front ends' overloads: the context's store, its settings and its location.

Result<std::vector<PolicySetting>> policy_settings(AppContext& ctx) {
    return policy_settings(*ctx.store, ctx.store->location());
}

Result<PolicySetting> policy_setting(AppContext& ctx, std::string_view key) {
    return policy_setting(*ctx.store, ctx.store->location(), key);
}

Result<PolicySetting> set_policy_setting(AppContext& ctx, std::string_view key, std::string_view value) {
    return set_policy_setting(*ctx.store, ctx.store->location(), key, value);
}

std::string describe_fetch_policy(AppContext& ctx) {
    return describe_fetch_policy(*ctx.store, ctx.store->location());
}

}  // namespace fw::app

#include "app/secrets.h"

#include <cstdint>
#include <cstdio>

namespace fw::app {
namespace {

constexpr std::string_view kMask = "\u2026";  // "…"
constexpr std::string_view kWebhook = "webhook:";
constexpr std::string_view kFingerprintMark = " #";

struct UrlParts {
    std::string_view scheme;    ///< "https"
    std::string_view userinfo;  ///< "user:pass" (empty when none)
    bool has_userinfo = false;
    std::string_view host_port;  ///< "host:8080"
    std::string_view path;       ///< "/a/b"
    std::string_view query;      ///< "x=1&y=2" (without '?')
};

std::optional<UrlParts> split(std::string_view url) {
    const auto sep = url.find("://");
    if (sep == std::string_view::npos || sep == 0) {
        return std::nullopt;
    }
    UrlParts p;
    p.scheme = url.substr(0, sep);
    std::string_view rest = url.substr(sep + 3);
    const auto auth_end = std::min(rest.find_first_of("/?#"), rest.size());
    std::string_view authority = rest.substr(0, auth_end);
    rest.remove_prefix(auth_end);
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
        p.userinfo = authority.substr(0, at);
        p.has_userinfo = true;
        authority.remove_prefix(at + 1);
    }
    p.host_port = authority;
    if (const auto hash = rest.find('#'); hash != std::string_view::npos) {
        rest = rest.substr(0, hash);
    }
    const auto q = rest.find('?');
    p.path = rest.substr(0, q);
    if (q != std::string_view::npos) {
        p.query = rest.substr(q + 1);
    }
    return p;
}

// FNV-1a 64: a stable name for one configured URL. It cannot give the URL back (the secret part
// of a webhook path has far more than 64 bits), which is the point.
std::string fingerprint(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const unsigned char c : text) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

std::string replace_all(std::string text, std::string_view what, std::string_view with) {
    if (what.empty()) {
        return text;
    }
    for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + with.size())) {
        text.replace(pos, what.size(), with);
    }
    return text;
}

}  // namespace

std::string redact_url(std::string_view url) {
    const auto p = split(url);
    if (!p || p->host_port.empty()) {
        return std::string(kMask);
    }
    std::string out = std::string(p->scheme) + "://";
    if (p->has_userinfo) {
        out += std::string(kMask) + "@";
    }
    out += p->host_port;
    // The first segment names the service ("/services"); what follows may be the token itself.
    std::string_view path = p->path;
    if (!path.empty()) {
        path.remove_prefix(1);
        const auto slash = path.find('/');
        out += "/" + std::string(path.substr(0, slash));
        if (slash != std::string_view::npos) {
            const std::string_view next = path.substr(slash + 1);
            if (!next.empty()) {
                out += "/" + std::string(next.substr(0, 1)) + std::string(kMask);
                if (next.find('/') != std::string_view::npos) {
                    out += "/" + std::string(kMask);
                }
            }
        }
    }
    if (!p->query.empty()) {
        std::string query;
        std::string_view rest = p->query;
        while (!rest.empty()) {
            const auto amp = std::min(rest.find('&'), rest.size());
            const std::string_view pair = rest.substr(0, amp);
            const auto eq = pair.find('=');
            query += (query.empty() ? "" : "&") + std::string(pair.substr(0, eq)) +
                     (eq == std::string_view::npos ? "" : "=" + std::string(kMask));
            rest.remove_prefix(std::min(amp + 1, rest.size()));
        }
        out += "?" + query;
    }
    return out;
}

bool has_userinfo(std::string_view url) {
    const auto p = split(url);
    return p && p->has_userinfo;
}

std::string without_password(std::string_view url) {
    const auto p = split(url);
    if (!p || !p->has_userinfo) {
        return std::string(url);
    }
    const auto colon = p->userinfo.find(':');
    if (colon == std::string_view::npos) {
        return std::string(url);
    }
    const std::size_t start = static_cast<std::size_t>(p->userinfo.data() - url.data());
    std::string out(url);
    out.erase(start + colon, p->userinfo.size() - colon);
    return out;
}

std::string recorded_channel(std::string_view channel) {
    if (!channel.starts_with(kWebhook) || channel.find(kFingerprintMark) != std::string_view::npos) {
        return std::string(channel);  // not a webhook, or recorded already (a URL has no space)
    }
    const std::string_view url = channel.substr(kWebhook.size());
    return std::string(kWebhook) + redact_url(url) + std::string(kFingerprintMark) + fingerprint(url);
}

std::optional<std::string> configured_channel(const std::vector<AlertRule>& rules, std::string_view recorded) {
    if (recorded_channel(recorded) != recorded) {
        return std::string(recorded);  // a full URL recorded by an older build
    }
    for (const auto& rule : rules) {
        for (const auto& channel : rule.channels) {
            if (recorded_channel(channel) == recorded) {
                return channel;
            }
        }
    }
    return std::nullopt;
}

AlertDelivery scrubbed(AlertDelivery d) {
    if (!d.channel.starts_with(kWebhook)) {
        return d;
    }
    const std::string recorded = recorded_channel(d.channel);
    if (recorded == d.channel) {
        return d;
    }
    const std::string url = d.channel.substr(kWebhook.size());
    d.key = replace_all(d.key, d.channel, recorded);
    if (d.last_error) {
        d.last_error = replace_all(*d.last_error, url, redact_url(url));
    }
    d.channel = recorded;
    return d;
}

std::string mask_values(std::string text, const std::vector<std::string>& secrets) {
    for (const auto& s : secrets) {
        if (s.size() >= 4) {
            text = replace_all(std::move(text), s, kMask);
        }
    }
    return text;
}

}  // namespace fw::app

#include "ingest/url.h"

#include <cctype>
#include <vector>

#include "domain/slug.h"

namespace fw::ingest {
namespace {

struct UrlParts {
    std::string scheme, authority, path, query, fragment;
    bool has_authority = false, has_query = false, has_fragment = false;
};

UrlParts split(std::string_view s) {
    UrlParts p;
    const std::string scheme = url_scheme(s);
    if (!scheme.empty()) {
        p.scheme = scheme;
        s.remove_prefix(scheme.size() + 1);
    }
    if (const auto h = s.find('#'); h != std::string_view::npos) {
        p.has_fragment = true;
        p.fragment = s.substr(h + 1);
        s = s.substr(0, h);
    }
    if (const auto q = s.find('?'); q != std::string_view::npos) {
        p.has_query = true;
        p.query = s.substr(q + 1);
        s = s.substr(0, q);
    }
    if (s.substr(0, 2) == "//") {
        p.has_authority = true;
        s.remove_prefix(2);
        const auto slash = s.find('/');
        p.authority = s.substr(0, slash);
        s = slash == std::string_view::npos ? std::string_view{} : s.substr(slash);
    }
    p.path = s;
    return p;
}

std::string remove_dot_segments(std::string_view path) {
    std::vector<std::string_view> out;
    const bool absolute = !path.empty() && path.front() == '/';
    std::size_t i = absolute ? 1 : 0;
    bool trailing_slash = false;
    while (i <= path.size()) {
        const auto next = path.find('/', i);
        const std::string_view seg = path.substr(i, next == std::string_view::npos ? std::string_view::npos : next - i);
        const bool last = next == std::string_view::npos;
        if (seg == "..") {
            if (!out.empty())
                out.pop_back();
            trailing_slash = true;
        } else if (seg == ".") {
            trailing_slash = true;
        } else {
            out.push_back(seg);
            trailing_slash = false;
        }
        if (last)
            break;
        i = next + 1;
    }
    std::string result = absolute ? "/" : "";
    for (std::size_t k = 0; k < out.size(); ++k) {
        if (k > 0)
            result += '/';
        result += out[k];
    }
    if (trailing_slash && !out.empty() && !out.back().empty())
        result += '/';
    return result;
}

std::string merge_paths(const UrlParts& base, std::string_view ref_path) {
    if (base.has_authority && base.path.empty())
        return "/" + std::string(ref_path);
    const auto slash = base.path.rfind('/');
    if (slash == std::string::npos)
        return std::string(ref_path);
    return base.path.substr(0, slash + 1) + std::string(ref_path);
}

std::string join(const UrlParts& p) {
    std::string out = p.scheme + ":";
    if (p.has_authority)
        out += "//" + to_lower_ascii(p.authority);
    out += p.path;
    if (p.has_query)
        out += "?" + p.query;
    if (p.has_fragment)
        out += "#" + p.fragment;
    return out;
}

/// Links in feeds carry stray whitespace and newlines; browsers drop them, so do we.
std::string clean(std::string_view s) {
    std::string out;
    for (char c : trim(s)) {
        if (c != '\n' && c != '\r' && c != '\t')
            out.push_back(c);
    }
    return out;
}

}  // namespace

std::string url_scheme(std::string_view ref) {
    for (std::size_t i = 0; i < ref.size(); ++i) {
        const auto c = static_cast<unsigned char>(ref[i]);
        if (c == ':')
            return i == 0 ? std::string{} : to_lower_ascii(ref.substr(0, i));
        const bool ok = std::isalpha(c) || (i > 0 && (std::isdigit(c) || c == '+' || c == '-' || c == '.'));
        if (!ok)
            return {};
    }
    return {};
}

bool is_http_url(std::string_view url) {
    const std::string s = url_scheme(url);
    return (s == "http" || s == "https") && url.size() > s.size() + 3;
}

std::string resolve_url(std::string_view base_in, std::string_view ref_in) {
    const std::string ref_s = clean(ref_in);
    const std::string base_s = clean(base_in);
    const UrlParts ref = split(ref_s);
    if (!ref.scheme.empty()) {
        if (ref.scheme != "http" && ref.scheme != "https")
            return {};
        UrlParts r = ref;
        r.path = remove_dot_segments(r.path);
        return join(r);
    }
    if (!is_http_url(base_s))
        return ref_s;
    const UrlParts base = split(base_s);
    UrlParts t;
    t.scheme = base.scheme;
    if (ref.has_authority) {
        t.has_authority = true;
        t.authority = ref.authority;
        t.path = remove_dot_segments(ref.path);
        t.has_query = ref.has_query, t.query = ref.query;
    } else {
        t.has_authority = base.has_authority;
        t.authority = base.authority;
        if (ref.path.empty()) {
            t.path = base.path;
            t.has_query = ref.has_query || base.has_query;
            t.query = ref.has_query ? ref.query : base.query;
        } else {
            t.path = remove_dot_segments(ref.path.front() == '/' ? ref.path : merge_paths(base, ref.path));
            t.has_query = ref.has_query, t.query = ref.query;
        }
    }
    t.has_fragment = ref.has_fragment, t.fragment = ref.fragment;
    return join(t);
}

}  // namespace fw::ingest

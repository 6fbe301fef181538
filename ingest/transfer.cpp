#include "ingest/transfer.h"

#include <algorithm>
#include <ctime>
#include <mutex>

#include "domain/slug.h"

namespace fw::ingest::detail {
namespace {

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && to_lower_ascii(text.substr(0, prefix.size())) == to_lower_ascii(prefix);
}

std::string http_date(curl_off_t seconds) {
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::array<char, 64> buf{};
    const auto n = std::strftime(buf.data(), buf.size(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
    return std::string(buf.data(), n);
}

// A relative Link target is resolved against the URL that answered (RFC 8288 section 3.2).
std::string resolve_against(const std::string& base, const std::string& ref) {
    CURLU* url = curl_url();
    if (url == nullptr) {
        return ref;
    }
    std::string out = ref;
    char* joined = nullptr;
    if (curl_url_set(url, CURLUPART_URL, base.c_str(), 0) == CURLUE_OK &&
        curl_url_set(url, CURLUPART_URL, ref.c_str(), 0) == CURLUE_OK &&
        curl_url_get(url, CURLUPART_URL, &joined, 0) == CURLUE_OK) {
        out = joined;
    }
    curl_free(joined);
    curl_url_cleanup(url);
    return out;
}

}  // namespace

void ensure_curl_initialized() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

Transfer::Transfer(const HttpRequest& request) : request_(request) {}

Result<std::unique_ptr<Transfer>> Transfer::create(const HttpRequest& request) {
    if (request.url.empty()) {
        return make_error(ErrorCode::Invalid, "empty URL");
    }
    if (auto why = url_refusal(request.network, request.url)) {
        return make_error(ErrorCode::Invalid, "refused: " + *why, without_userinfo(request.url));
    }
    ensure_curl_initialized();
    std::unique_ptr<Transfer> transfer(new Transfer(request));
    if (auto status = transfer->configure(); !status) {
        return status.error();
    }
    return transfer;
}

Status Transfer::configure() {
    easy_.reset(curl_easy_init());
    if (!easy_) {
        return make_error(ErrorCode::Network, "curl_easy_init failed", request_.url);
    }
    CURL* h = easy_.get();
    is_file_ = starts_with_ci(request_.url, "file:");
    curl_easy_setopt(h, CURLOPT_URL, request_.url.c_str());
    curl_easy_setopt(h, CURLOPT_PRIVATE, this);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer_.data());
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    // Only these schemes at all, and only http(s) after a redirect: no file:// or ftp:// hop.
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https,file");
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, static_cast<long>(request_.max_redirects));
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    // "" = every encoding libcurl can decode; it then owns the Accept-Encoding header.
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, request_.connect_timeout_ms);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, request_.timeout_ms);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, request_.low_speed_bytes);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, request_.low_speed_seconds);
    // Refuses early when Content-Length says too much; on_body enforces the decoded size.
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request_.max_bytes));
    curl_easy_setopt(h, CURLOPT_PIPEWAIT, 1L);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &Transfer::on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, this);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &Transfer::on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, this);
    if (!request_.user_agent.empty()) {
        curl_easy_setopt(h, CURLOPT_USERAGENT, request_.user_agent.c_str());
    }
    if (is_file_) {
        curl_easy_setopt(h, CURLOPT_FILETIME, 1L);
    }
    if (!is_file_) {
        guard_.install(h, request_.network);  // a file read connects nowhere
    }

    curl_slist* list = nullptr;
    auto append = [&list](const std::string& line) {
        if (curl_slist* grown = curl_slist_append(list, line.c_str())) {
            list = grown;
        }
    };
    for (const auto& line : request_.headers) {
        append(line);
    }
    if (!request_.validators.etag.empty()) {
        append("If-None-Match: " + request_.validators.etag);
    }
    if (!request_.validators.last_modified.empty()) {
        // TIMECONDITION also covers file:// and servers that ignore the header.
        const std::time_t when = curl_getdate(request_.validators.last_modified.c_str(), nullptr);
        if (when > 0) {
            curl_easy_setopt(h, CURLOPT_TIMECONDITION, static_cast<long>(CURL_TIMECOND_IFMODSINCE));
            curl_easy_setopt(h, CURLOPT_TIMEVALUE_LARGE, static_cast<curl_off_t>(when));
        } else {
            append("If-Modified-Since: " + request_.validators.last_modified);
        }
    }
    header_list_.reset(list);
    if (list != nullptr) {
        curl_easy_setopt(h, CURLOPT_HTTPHEADER, list);
    }
    return ok();
}

void Transfer::set_post_json(std::string_view json) {
    CURL* h = easy_.get();
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(json.size()));
    curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, std::string(json).c_str());
    curl_slist* list = curl_slist_append(header_list_.release(), "Content-Type: application/json");
    header_list_.reset(list);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, list);
}

std::size_t Transfer::on_body(char* data, std::size_t size, std::size_t count, void* self) {
    auto* t = static_cast<Transfer*>(self);
    const std::size_t n = size * count;
    // Counted after decoding, so a compression bomb stops here, at the cap.
    if (t->body_.size() + n > t->request_.max_bytes) {
        t->too_large_ = true;
        return 0;  // != n: libcurl aborts with CURLE_WRITE_ERROR
    }
    t->body_.append(data, n);
    return n;
}

std::size_t Transfer::on_header(char* data, std::size_t size, std::size_t count, void* self) {
    const std::size_t n = size * count;
    static_cast<Transfer*>(self)->on_header_line(std::string_view(data, n));
    return n;
}

void Transfer::on_header_line(std::string_view line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) {
        line.remove_suffix(1);
    }
    if (starts_with_ci(line, "HTTP/")) {
        // A new response (after a redirect or a 100): forget the previous one's headers.
        etag_.clear();
        last_modified_.clear();
        retry_after_.reset();
        link_next_.reset();
        expires_now_ = false;
        const auto sp1 = line.find(' ');
        const auto sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
        if (sp1 != std::string_view::npos) {
            const auto code = line.substr(sp1 + 1, sp2 == std::string_view::npos ? 3 : sp2 - sp1 - 1);
            if (code.size() == 3 && code[0] == '3') {
                redirect_statuses_.push_back((code[1] - '0') * 10 + (code[2] - '0') + 300);
            }
        }
        reason_ = sp2 == std::string_view::npos ? std::string() : std::string(trim(line.substr(sp2)));
        return;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) {
        return;
    }
    const std::string name = to_lower_ascii(trim(line.substr(0, colon)));
    const std::string value(trim(line.substr(colon + 1)));
    if (name == "etag") {
        etag_ = value;
    } else if (name == "last-modified") {
        last_modified_ = value;
    } else if (name == "expires") {
        expires_now_ = value == "0";
    } else if (name == "retry-after") {
        retry_after_ = value;
    } else if (name == "link") {
        if (auto next = parse_link_next(value)) {
            link_next_ = std::move(next);
        }
    }
}

Result<HttpResponse> Transfer::finish(CURLcode code) {
    code_ = code;
    CURL* h = easy_.get();
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    status_ = static_cast<int>(status);
    if (code != CURLE_OK && guard_.refusal()) {
        return make_error(ErrorCode::Invalid, "refused: " + *guard_.refusal(), request_.url);
    }
    if (code != CURLE_OK) {
        return transport_error(code);
    }
    long unmet = 0;
    curl_easy_getinfo(h, CURLINFO_CONDITION_UNMET, &unmet);
    if (is_file_) {
        status_ = unmet != 0 ? 304 : 200;  // a file read has no status of its own
    } else if (unmet != 0) {
        status_ = 304;  // the server ignored If-Modified-Since; libcurl dropped the old body
    }
    if (status_ >= 400) {
        return status_error();
    }

    HttpResponse response;
    response.status = status_;
    response.body = std::move(body_);
    if (char* type = nullptr; curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type) {
        response.content_type = type;
    }
    if (char* url = nullptr; curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &url) == CURLE_OK && url) {
        response.effective_url = url;
    }
    response.validators.etag = etag_;
    response.validators.last_modified = last_modified_;
    if (is_file_) {
        curl_off_t mtime = -1;
        if (curl_easy_getinfo(h, CURLINFO_FILETIME_T, &mtime) == CURLE_OK && mtime >= 0) {
            response.validators.last_modified = http_date(mtime);
        }
    }
    if (response.not_modified()) {
        // A 304 need not repeat the validators; the stored ones stay valid.
        if (response.validators.etag.empty()) {
            response.validators.etag = request_.validators.etag;
        }
        if (response.validators.last_modified.empty()) {
            response.validators.last_modified = request_.validators.last_modified;
        }
        response.body.clear();
    }
    response.retry_after = retry_after_;
    // The final answer's own 3xx (a 304) is not a hop; every hop before it must be permanent.
    std::vector<int> hops = redirect_statuses_;
    if (!hops.empty() && status_ >= 300 && status_ < 400 && hops.back() == status_) {
        hops.pop_back();
    }
    if (!hops.empty() && !response.effective_url.empty() &&
        std::all_of(hops.begin(), hops.end(), [](int s) { return s == 301 || s == 308; })) {
        response.moved_permanently_to = response.effective_url;
    }
    if (expires_now_ && !response.not_modified()) {
        response.expires_now = true;
        response.validators = {};
    }
    if (link_next_) {
        response.link_next = resolve_against(response.effective_url, *link_next_);
    }
    curl_off_t micros = 0;
    curl_easy_getinfo(h, CURLINFO_TOTAL_TIME_T, &micros);
    response.elapsed_ms = static_cast<double>(micros) / 1000.0;
    return response;
}

Error Transfer::transport_error(CURLcode code) const {
    const std::string detail =
        error_buffer_[0] != '\0' ? std::string(error_buffer_.data()) : std::string(curl_easy_strerror(code));
    const std::string& url = request_.url;
    const std::string cap = std::to_string(request_.max_bytes);
    switch (code) {
        case CURLE_WRITE_ERROR:
        case CURLE_FILESIZE_EXCEEDED:
            if (too_large_ || code == CURLE_FILESIZE_EXCEEDED) {
                return make_error(ErrorCode::TooLarge, "response body exceeds the " + cap + "-byte cap (decoded)", url);
            }
            break;
        case CURLE_OPERATION_TIMEDOUT:
            return make_error(ErrorCode::Network, "timed out: " + detail, url);
        case CURLE_COULDNT_RESOLVE_HOST:
            return make_error(ErrorCode::Network, "unknown host: " + detail, url);
        case CURLE_COULDNT_CONNECT:
            return make_error(ErrorCode::Network, "connection failed: " + detail, url);
        case CURLE_TOO_MANY_REDIRECTS:
            return make_error(
                ErrorCode::Network,
                "too many redirects (more than " + std::to_string(request_.max_redirects) + "): " + detail, url);
        case CURLE_UNSUPPORTED_PROTOCOL:
            return make_error(ErrorCode::Invalid,
                              "refused URL scheme (only http, https and file, and only http(s) "
                              "after a redirect): " +
                                  detail,
                              url);
        case CURLE_FILE_COULDNT_READ_FILE:
            return make_error(ErrorCode::NotFound, "cannot read file: " + detail, url);
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_CACERT_BADFILE:
            return make_error(ErrorCode::Network, "TLS: " + detail, url);
        default:
            break;
    }
    return make_error(ErrorCode::Network, detail, url);
}

Error Transfer::status_error() const {
    std::string message = "HTTP " + std::to_string(status_);
    if (!reason_.empty()) {
        message += " " + reason_;
    }
    if (status_ == 429 || status_ == 503) {
        if (retry_after_) {
            message += "; Retry-After: " + *retry_after_;
        }
        return make_error(ErrorCode::RateLimited, message, request_.url);
    }
    return make_error(ErrorCode::HttpStatus, message, request_.url);
}

}  // namespace fw::ingest::detail

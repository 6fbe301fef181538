#pragma once
// Internal to ingest (included only by http_client.cpp and fetcher.cpp, never by a public
// header): the one place where a libcurl easy handle is configured and its outcome is turned
// into an HttpResponse or an Error. HttpClient runs a Transfer with curl_easy_perform, Fetcher
// adds many to one multi handle; both get identical safety rules this way.

#include <curl/curl.h>

#include <array>
#include <vector>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.h"
#include "ingest/address_guard.h"
#include "ingest/http_client.h"

namespace fw::ingest::detail {

struct CurlEasyDeleter {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct CurlSlistDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;
using CurlSlist = std::unique_ptr<curl_slist, CurlSlistDeleter>;

/// curl_global_init exactly once per process (thread-safe).
void ensure_curl_initialized();

/// One configured request and what came back. Not movable: libcurl holds `this` in callbacks.
class Transfer {
public:
    static Result<std::unique_ptr<Transfer>> create(const HttpRequest& request);
    Transfer(const Transfer&) = delete;
    Transfer& operator=(const Transfer&) = delete;
    ~Transfer() = default;

    CURL* handle() const { return easy_.get(); }
    void set_post_json(std::string_view json);

    /// Builds the response (2xx, 304) or the error from libcurl's result code.
    Result<HttpResponse> finish(CURLcode code);

    /// Valid after finish(): what the fetcher needs to decide on a retry.
    int http_status() const { return status_; }
    CURLcode curl_code() const { return code_; }
    const std::optional<std::string>& retry_after() const { return retry_after_; }

private:
    explicit Transfer(const HttpRequest& request);
    Status configure();
    Error transport_error(CURLcode code) const;
    Error status_error() const;

    static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* self);
    static std::size_t on_header(char* data, std::size_t size, std::size_t count, void* self);
    void on_header_line(std::string_view line);

    HttpRequest request_;
    CurlEasy easy_;
    CurlSlist header_list_;
    std::string body_;
    bool too_large_ = false;
    bool is_file_ = false;
    int status_ = 0;
    CURLcode code_ = CURLE_OK;
    std::string reason_;
    std::string etag_;
    std::string last_modified_;
    std::optional<std::string> retry_after_;
    std::optional<std::string> link_next_;
    std::vector<int> redirect_statuses_;  ///< status of every 3xx answer followed, in order
    bool expires_now_ = false;
    std::array<char, CURL_ERROR_SIZE> error_buffer_{};
    AddressGuard guard_;  ///< request_.network applied to the connected addresses
};

}  // namespace fw::ingest::detail

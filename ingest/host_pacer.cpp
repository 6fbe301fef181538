#include "ingest/host_pacer.h"

#include <curl/curl.h>

#include <thread>

namespace fw::ingest {

std::string origin_of(std::string_view url) {
    CURLU* u = curl_url();
    std::string key(url);
    const std::string text(url);
    if (u != nullptr && curl_url_set(u, CURLUPART_URL, text.c_str(), 0) == CURLUE_OK) {
        char* scheme = nullptr;
        char* host = nullptr;
        char* port = nullptr;
        curl_url_get(u, CURLUPART_SCHEME, &scheme, 0);
        curl_url_get(u, CURLUPART_HOST, &host, 0);
        curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT);
        key = std::string(scheme ? scheme : "") + "://" + (host ? host : "") + ":" + (port ? port : "");
        curl_free(scheme);
        curl_free(host);
        curl_free(port);
    }
    curl_url_cleanup(u);
    return key;
}

void HostPacer::mark(std::string_view url) {
    const std::lock_guard lock(mutex_);
    last_start_[origin_of(url)] = std::chrono::steady_clock::now();
}

void HostPacer::wait_turn(std::string_view url) {
    const std::string origin = origin_of(url);
    for (;;) {
        std::chrono::steady_clock::duration wait{};
        {
            const std::lock_guard lock(mutex_);
            const auto now = std::chrono::steady_clock::now();
            auto it = last_start_.find(origin);
            if (it == last_start_.end() || now - it->second >= interval_) {
                last_start_[origin] = now;
                return;
            }
            wait = it->second + interval_ - now;
        }
        std::this_thread::sleep_for(wait);
    }
}

bool HostPacer::try_start(std::string_view url, std::chrono::steady_clock::duration* wait) {
    const std::string origin = origin_of(url);
    const std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    auto it = last_start_.find(origin);
    if (it != last_start_.end() && now - it->second < interval_) {
        if (wait != nullptr) {
            *wait = it->second + interval_ - now;
        }
        return false;
    }
    last_start_[origin] = now;
    return true;
}

}  // namespace fw::ingest

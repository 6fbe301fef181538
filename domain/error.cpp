#include "domain/error.h"

namespace fw {

std::string_view to_string(ErrorCode code) {
    switch (code) {
        case ErrorCode::Network:
            return "network";
        case ErrorCode::HttpStatus:
            return "http_status";
        case ErrorCode::RateLimited:
            return "rate_limited";
        case ErrorCode::TooLarge:
            return "too_large";
        case ErrorCode::Parse:
            return "parse";
        case ErrorCode::Encoding:
            return "encoding";
        case ErrorCode::Storage:
            return "storage";
        case ErrorCode::Config:
            return "config";
        case ErrorCode::NotFound:
            return "not_found";
        case ErrorCode::Usage:
            return "usage";
        case ErrorCode::Invalid:
            return "invalid";
    }
    return "invalid";
}

std::string Error::describe() const {
    if (context.empty()) {
        return message;
    }
    return context + ": " + message;
}

}  // namespace fw

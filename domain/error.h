#pragma once

#include <string>
#include <string_view>

namespace fw {

/// Small, stable set of failure classes. Callers branch on the code; people read the message.
enum class ErrorCode {
    Network,      ///< DNS, connect, TLS, reset, timeout
    HttpStatus,   ///< the server answered with a non-success status
    RateLimited,  ///< 429/503 with or without Retry-After
    TooLarge,     ///< body over the decoded-size cap
    Parse,        ///< the document is not what it claims to be
    Encoding,     ///< undecodable bytes that could not be repaired
    Storage,      ///< SQLite (or later PostgreSQL) failure
    Config,       ///< bad taxonomy/rule file, missing setting (e.g. EDGAR contact)
    NotFound,     ///< a named thing does not exist
    Usage,        ///< malformed argument
    Invalid,      ///< a value that breaks a documented rule
};

std::string_view to_string(ErrorCode code);

/// An expected failure: what class, what happened, and where (source name, URL, file:line).
struct Error {
    ErrorCode code = ErrorCode::Invalid;
    std::string message;
    std::string context;
    int http_status = 0;  ///< the HTTP status behind an HttpStatus/RateLimited error, else 0

    /// "context: message" (or just the message), the one line printed on stderr.
    std::string describe() const;
};

inline Error make_error(ErrorCode code, std::string message, std::string context = {}) {
    return Error{code, std::move(message), std::move(context)};
}

}  // namespace fw

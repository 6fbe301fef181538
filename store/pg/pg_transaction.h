#pragma once
// PgStore::transaction, shared by the store/pg/*.cpp files (not a public header).

#include <exception>
#include <string>

#include "store/pg/pg_store.h"

namespace fw::store::pg {

template <typename Work>
auto PgStore::transaction(Work&& work) -> decltype(work()) {
    // 40001 serialization failure, 40P01 deadlock: the server asks for a retry.
    constexpr int kAttempts = 4;
    for (int attempt = 1;; ++attempt) {
        if (auto connected = conn_.ensure_connected(); !connected) {
            return connected.error();
        }
        if (auto begun = conn_.exec_script("BEGIN"); !begun) {
            return begun.error();
        }
        try {
            auto result = work();
            if (result) {
                auto committed = conn_.exec_script("COMMIT");
                if (committed) {
                    return result;
                }
                result = committed.error();
            } else {
                (void)conn_.exec_script("ROLLBACK");
            }
            const std::string& state = conn_.last_sqlstate();
            if (attempt < kAttempts && (state == "40001" || state == "40P01")) {
                continue;
            }
            return result;
        } catch (const std::exception& e) {
            (void)conn_.exec_script("ROLLBACK");
            return make_error(ErrorCode::Storage, std::string("unexpected failure: ") + e.what(), conn_.location());
        }
    }
}

}  // namespace fw::store::pg

#include "store/sql_util.h"

#include <chrono>

namespace fw::store::detail {

TimePoint now_seconds() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace fw::store::detail

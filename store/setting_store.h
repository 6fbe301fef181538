#pragma once
// Key/value settings (the fetch policy, the extraction watermark, the taxonomy hash, the last
// GUI visit...). Part of store::Store (store/store.h).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/result.h"

namespace fw::store {

class SettingStore {
public:
    virtual ~SettingStore() = default;

    virtual Result<std::optional<std::string>> get_setting(std::string_view key) = 0;
    virtual Status set_setting(std::string_view key, std::string_view value) = 0;
    /// Every setting as (key, value), in key order.
    virtual Result<std::vector<std::pair<std::string, std::string>>> list_settings() = 0;
};

}  // namespace fw::store

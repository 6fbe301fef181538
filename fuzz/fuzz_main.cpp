// One libFuzzer entry point, compiled once per target with FW_FUZZ_TARGET set to the name of a
// function in fuzz/targets.h (feed_one, date_one, csv_one, hf_one, html_one).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fw::fuzz::FW_FUZZ_TARGET(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}

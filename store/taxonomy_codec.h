#pragma once
// JSON bodies of the entities table: one domain taxonomy value each. nlohmann stays in the .cpp;
// decoders return nullopt on malformed text.

#include <optional>
#include <string>
#include <string_view>

#include "domain/taxonomy.h"

namespace fw::store::detail {

std::string encode(const Lab& lab);
std::string encode(const ModelInfo& model);
std::string encode(const Surface& surface);
std::string encode(const Person& person);
std::string encode(const License& license);
std::string encode(const Security& security);

std::optional<Lab> decode_lab(std::string_view json);
std::optional<ModelInfo> decode_model(std::string_view json);
std::optional<Surface> decode_surface(std::string_view json);
std::optional<Person> decode_person(std::string_view json);
std::optional<License> decode_license(std::string_view json);

}  // namespace fw::store::detail

// Random identifiers for completion events and profiles (UUID version 4, lowercase), drawn from
// libsodium's CSPRNG so two devices never mint the same id.
#pragma once

#include <string>
#include <string_view>

namespace respite::core {

// "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" with y in 8..b.
std::string make_uuid_v4();
// True for any 8-4-4-4-12 lowercase hex string (any version), the form we write and accept.
bool is_uuid(std::string_view text);

}  // namespace respite::core

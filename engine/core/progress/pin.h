// Optional profile PINs (4 to 8 digits), stored only as libsodium crypto_pwhash_str strings
// (Argon2id, memory-hard). Interactive limits (64 MiB, ops 2) everywhere: a shared ward tablet must
// unlock in well under a second, and a short PIN is a curtain against a colleague's curiosity, not
// a vault; docs/progress.md says so plainly.
#pragma once

#include <optional>
#include <string>

namespace respite::core {

// Empty when `pin` is 4 to 8 ASCII digits; otherwise the reason.
std::string validate_pin(const std::string& pin);
// The crypto_pwhash_str encoding of `pin`, or nullopt when hashing failed (out of memory).
std::optional<std::string> hash_pin(const std::string& pin);
bool verify_pin(const std::string& pin_hash, const std::string& pin);

}  // namespace respite::core

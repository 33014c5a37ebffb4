#include "core/progress/pin.h"

#include <sodium.h>

#include <algorithm>

namespace respite::core {

std::string validate_pin(const std::string& pin) {
  if (pin.size() < 4 || pin.size() > 8 ||
      !std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return "a PIN is 4 to 8 digits";
  return {};
}

std::optional<std::string> hash_pin(const std::string& pin) {
  if (sodium_init() < 0 || !validate_pin(pin).empty()) return std::nullopt;
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return std::nullopt;
  return std::string(out);
}

bool verify_pin(const std::string& pin_hash, const std::string& pin) {
  if (sodium_init() < 0 || pin_hash.empty() || pin_hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(pin_hash.c_str(), pin.data(), pin.size()) == 0;
}

}  // namespace respite::core

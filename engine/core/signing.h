// Ed25519 signatures for .respack archives (docs/signing.md), made and checked with libsodium.
// A signature is detached: it lives next to the archive in PACK.respack.sig and covers every byte
// of the archive file. Key files and signature files are short text files:
//
//   respite-public-key 1          respite-secret-key 1          respite-signature 1
//   key-id: 1a2b3c4d5e6f7081      key-id: 1a2b3c4d5e6f7081      key-id: 1a2b3c4d5e6f7081
//   public-key: BASE64            secret-key: BASE64            public-key: BASE64
//                                                               signature: BASE64
//
// The key id is the first 8 bytes of BLAKE2b(public key), in hex. A signature file names the key
// that made it; only a key the device trusts (unit mode's list) makes a signature "trusted".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace respite::core {

// True when libsodium is part of this build.
bool signing_supported();

struct KeyPair {
  std::string public_key;  // 32 raw bytes
  std::string secret_key;  // 64 raw bytes (libsodium's seed + public key form)
};

KeyPair generate_key_pair();
std::string key_id(std::string_view public_key);  // 16 lowercase hex digits

std::string format_public_key(std::string_view public_key);
std::string format_secret_key(std::string_view secret_key);
// Raw key bytes from a key file's text, or nullopt with `error` set.
std::optional<std::string> parse_public_key(std::string_view text, std::string& error);
std::optional<std::string> parse_secret_key(std::string_view text, std::string& error);

// The text of PACK.respack.sig for `archive`, signed with `secret_key` (64 raw bytes).
std::string sign_archive(std::string_view archive, std::string_view secret_key);

enum class SignatureStatus {
  Unsigned,   // no signature given
  Malformed,  // the signature file cannot be read
  Invalid,    // it does not match the archive (changed after signing) or its key
  Untrusted,  // it matches, made by a key that is not in the trusted list
  Trusted,    // it matches, made by a trusted key
};
const char* to_string(SignatureStatus status);  // "unsigned", "malformed", "invalid", "untrusted", "trusted"

struct SignatureCheck {
  SignatureStatus status = SignatureStatus::Unsigned;
  std::string key_id;   // the key the signature file names, when it could be read
  std::string message;  // one sentence for people
};

// Checks `signature` (the text of a .sig file; empty means unsigned) against `archive` bytes.
// `trusted_keys` are raw 32-byte public keys. A signature by a trusted key is verified with the
// trusted copy of the key, never with the copy inside the signature file.
SignatureCheck verify_pack_signature(std::string_view archive, std::string_view signature,
                                     const std::vector<std::string>& trusted_keys);

}  // namespace respite::core

// See signing.h.
#include "core/signing.h"

#if RESPITE_HAVE_SODIUM
#include <sodium.h>
#endif

#include <cstdio>
#include <map>

namespace respite::core {
namespace {

constexpr std::size_t kPublicKeyBytes = 32;
constexpr std::size_t kSecretKeyBytes = 64;
constexpr std::size_t kSignatureBytes = 64;

// "header 1\nkey: value\n..." -> header and fields; nullopt if malformed.
struct KeyFile {
  std::string header;
  std::map<std::string, std::string> fields;
};

std::optional<KeyFile> parse_lines(std::string_view text) {
  if (text.size() > 4096) return std::nullopt;
  KeyFile file;
  std::size_t pos = 0;
  bool first = true;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = eol + 1;
    if (line.empty()) continue;
    if (first) {
      file.header = std::string(line);
      first = false;
      continue;
    }
    const std::size_t colon = line.find(": ");
    if (colon == std::string_view::npos) return std::nullopt;
    if (!file.fields.emplace(std::string(line.substr(0, colon)), std::string(line.substr(colon + 2)))
             .second) {
      return std::nullopt;  // a field twice
    }
  }
  if (first) return std::nullopt;
  return file;
}

}  // namespace

const char* to_string(SignatureStatus status) {
  switch (status) {
    case SignatureStatus::Unsigned:
      return "unsigned";
    case SignatureStatus::Malformed:
      return "malformed";
    case SignatureStatus::Invalid:
      return "invalid";
    case SignatureStatus::Untrusted:
      return "untrusted";
    case SignatureStatus::Trusted:
      return "trusted";
  }
  return "unsigned";
}

#if RESPITE_HAVE_SODIUM

namespace {

bool ready() {
  static const bool ok = sodium_init() >= 0;
  return ok;
}

std::string to_base64(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

std::optional<std::string> from_base64(std::string_view text, std::size_t expected) {
  std::string out(expected + 3, '\0');
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(),
                        nullptr, &length, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size() || length != expected) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

std::optional<std::string> parse_key(std::string_view text, const char* header, const char* field,
                                     std::size_t size, std::string& error) {
  const auto file = parse_lines(text);
  if (!file || file->header != std::string(header) + " 1") {
    error = std::string("not a Respite key file (it should start with \"") + header + " 1\")";
    return std::nullopt;
  }
  const auto it = file->fields.find(field);
  if (it == file->fields.end()) {
    error = std::string("the key file has no \"") + field + "\" line";
    return std::nullopt;
  }
  auto key = from_base64(it->second, size);
  if (!key) {
    error = std::string("the \"") + field + "\" line is not a valid key (expected " + std::to_string(size) +
            " bytes in base64)";
    return std::nullopt;
  }
  return key;
}

}  // namespace

bool signing_supported() {
  return ready();
}

KeyPair generate_key_pair() {
  ready();
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_keypair(pk, sk);
  KeyPair pair{std::string(reinterpret_cast<char*>(pk), sizeof pk),
               std::string(reinterpret_cast<char*>(sk), sizeof sk)};
  sodium_memzero(sk, sizeof sk);
  return pair;
}

std::string key_id(std::string_view public_key) {
  ready();
  unsigned char hash[8];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(public_key.data()),
                     public_key.size(), nullptr, 0);
  char hex[sizeof hash * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

std::string format_public_key(std::string_view public_key) {
  return "respite-public-key 1\nkey-id: " + key_id(public_key) + "\npublic-key: " + to_base64(public_key) +
         "\n";
}

std::string format_secret_key(std::string_view secret_key) {
  const std::string_view public_key =
      secret_key.substr(32);  // libsodium keeps the public key in the second half
  return "respite-secret-key 1\nkey-id: " + key_id(public_key) + "\nsecret-key: " + to_base64(secret_key) +
         "\n";
}

std::optional<std::string> parse_public_key(std::string_view text, std::string& error) {
  ready();
  return parse_key(text, "respite-public-key", "public-key", kPublicKeyBytes, error);
}

std::optional<std::string> parse_secret_key(std::string_view text, std::string& error) {
  ready();
  auto key = parse_key(text, "respite-secret-key", "secret-key", kSecretKeyBytes, error);
  if (!key) return key;
  // The public half must be the one the seed makes, or signatures would name the wrong key.
  // (crypto_sign_ed25519_sk_to_pk only copies the second half; the seed must be expanded again.)
  unsigned char seed[crypto_sign_SEEDBYTES];
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_ed25519_sk_to_seed(seed, reinterpret_cast<const unsigned char*>(key->data()));
  crypto_sign_seed_keypair(pk, sk, seed);
  sodium_memzero(seed, sizeof seed);
  sodium_memzero(sk, sizeof sk);
  if (std::string_view(reinterpret_cast<char*>(pk), sizeof pk) != std::string_view(*key).substr(32)) {
    error = "the secret key file is damaged (its two halves do not belong together)";
    return std::nullopt;
  }
  return key;
}

std::string sign_archive(std::string_view archive, std::string_view secret_key) {
  ready();
  unsigned char signature[crypto_sign_BYTES];
  crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(archive.data()),
                       archive.size(), reinterpret_cast<const unsigned char*>(secret_key.data()));
  const std::string_view public_key = secret_key.substr(32);
  return "respite-signature 1\nkey-id: " + key_id(public_key) + "\npublic-key: " + to_base64(public_key) +
         "\nsignature: " + to_base64(std::string_view(reinterpret_cast<char*>(signature), sizeof signature)) +
         "\n";
}

SignatureCheck verify_pack_signature(std::string_view archive, std::string_view signature,
                                     const std::vector<std::string>& trusted_keys) {
  SignatureCheck check;
  if (signature.empty()) {
    check.message = "the archive is not signed";
    return check;
  }
  ready();
  check.status = SignatureStatus::Malformed;
  const auto file = parse_lines(signature);
  if (!file || file->header != "respite-signature 1") {
    check.message =
        "the signature file is not a Respite signature (it should start with \"respite-signature 1\")";
    return check;
  }
  const auto field = [&](const char* name) -> std::optional<std::string> {
    const auto it = file->fields.find(name);
    if (it == file->fields.end()) return std::nullopt;
    return it->second;
  };
  const auto embedded =
      field("public-key") ? from_base64(*field("public-key"), kPublicKeyBytes) : std::nullopt;
  const auto sig = field("signature") ? from_base64(*field("signature"), kSignatureBytes) : std::nullopt;
  if (!embedded || !sig) {
    check.message =
        "the signature file is damaged (its public-key or signature line is missing or not valid base64)";
    return check;
  }
  check.key_id = key_id(*embedded);
  if (field("key-id") != check.key_id) {
    check.message = "the signature file is damaged (its key-id does not match its public key)";
    return check;
  }
  const std::string* trusted = nullptr;
  for (const std::string& key : trusted_keys) {
    if (key.size() == kPublicKeyBytes && key == *embedded) trusted = &key;
  }
  const std::string& key = trusted ? *trusted : *embedded;
  const bool good =
      crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(sig->data()),
                                  reinterpret_cast<const unsigned char*>(archive.data()), archive.size(),
                                  reinterpret_cast<const unsigned char*>(key.data())) == 0;
  if (!good) {
    check.status = SignatureStatus::Invalid;
    check.message =
        "the signature does not match the archive: it was changed after it was signed, or the signature "
        "belongs to another file";
  } else if (trusted) {
    check.status = SignatureStatus::Trusted;
    check.message = "signed by trusted key " + check.key_id;
  } else {
    check.status = SignatureStatus::Untrusted;
    check.message = "signed by key " + check.key_id + ", which is not in the trusted keys";
  }
  return check;
}

#else

bool signing_supported() {
  return false;
}
KeyPair generate_key_pair() {
  return {};
}
std::string key_id(std::string_view) {
  return {};
}
std::string format_public_key(std::string_view) {
  return {};
}
std::string format_secret_key(std::string_view) {
  return {};
}
std::optional<std::string> parse_public_key(std::string_view, std::string& error) {
  error = "this build of Respite has no signing support (built without libsodium)";
  return std::nullopt;
}
std::optional<std::string> parse_secret_key(std::string_view text, std::string& error) {
  return parse_public_key(text, error);
}
std::string sign_archive(std::string_view, std::string_view) {
  return {};
}
SignatureCheck verify_pack_signature(std::string_view, std::string_view signature,
                                     const std::vector<std::string>&) {
  SignatureCheck check;
  if (!signature.empty()) {
    check.status = SignatureStatus::Malformed;
    check.message = "this build of Respite cannot check signatures (built without libsodium)";
  } else {
    check.message = "the archive is not signed";
  }
  return check;
}

#endif

}  // namespace respite::core

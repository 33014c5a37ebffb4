// Pack signatures: Ed25519 over the archive's bytes (libsodium), detached in PACK.respack.sig,
// trusted only when made by a key the device trusts.
#include <catch2/catch.hpp>

#include "core/signing.h"

using namespace respite::core;

TEST_CASE("a signed archive verifies against the trusted key, and nothing else does", "[content][signing]") {
  REQUIRE(signing_supported());
  const KeyPair alice = generate_key_pair();
  const KeyPair mallory = generate_key_pair();
  REQUIRE(alice.public_key.size() == 32);
  REQUIRE(alice.secret_key.size() == 64);
  CHECK(key_id(alice.public_key).size() == 16);
  CHECK(key_id(alice.public_key) != key_id(mallory.public_key));

  const std::string archive = "PK\x03\x04 pretend this is a whole .respack";
  const std::string signature = sign_archive(archive, alice.secret_key);
  CHECK(signature.rfind("respite-signature 1\nkey-id: " + key_id(alice.public_key) + "\n", 0) == 0);

  const SignatureCheck trusted =
      verify_pack_signature(archive, signature, {mallory.public_key, alice.public_key});
  CHECK(trusted.status == SignatureStatus::Trusted);
  CHECK(trusted.key_id == key_id(alice.public_key));

  const SignatureCheck untrusted = verify_pack_signature(archive, signature, {mallory.public_key});
  CHECK(untrusted.status == SignatureStatus::Untrusted);
  CHECK(untrusted.message ==
        "signed by key " + key_id(alice.public_key) + ", which is not in the trusted keys");

  std::string changed = archive;
  changed[10] = 'X';
  CHECK(verify_pack_signature(changed, signature, {alice.public_key}).status == SignatureStatus::Invalid);
  CHECK(verify_pack_signature(archive + " ", signature, {alice.public_key}).status ==
        SignatureStatus::Invalid);

  // Mallory re-signs Alice's archive with his own key but claims Alice's key id: the id must match the key.
  std::string forged = sign_archive(archive, mallory.secret_key);
  const std::string mallory_id = key_id(mallory.public_key);
  forged.replace(forged.find(mallory_id), mallory_id.size(), key_id(alice.public_key));
  CHECK(verify_pack_signature(archive, forged, {alice.public_key}).status == SignatureStatus::Malformed);

  // Mallory swaps the public key in Alice's signature for his own: the signature no longer matches.
  std::string swapped = sign_archive(archive, alice.secret_key);
  const auto line_of = [](const std::string& text, const std::string& field) {
    const std::size_t at = text.find(field + ": ");
    return text.substr(at, text.find('\n', at) - at);
  };
  const std::string mallory_sig = sign_archive(archive, mallory.secret_key);
  swapped.replace(swapped.find(line_of(swapped, "public-key")), line_of(swapped, "public-key").size(),
                  line_of(mallory_sig, "public-key"));
  swapped.replace(swapped.find(line_of(swapped, "key-id")), line_of(swapped, "key-id").size(),
                  line_of(mallory_sig, "key-id"));
  CHECK(verify_pack_signature(archive, swapped, {mallory.public_key}).status == SignatureStatus::Invalid);
}

TEST_CASE("unsigned and malformed signatures are told apart", "[content][signing]") {
  const KeyPair key = generate_key_pair();
  CHECK(verify_pack_signature("x", "", {key.public_key}).status == SignatureStatus::Unsigned);
  for (const char* bad :
       {"not a signature", "respite-signature 1\n", "respite-signature 1\npublic-key: !!!\nsignature: ???\n",
        "respite-signature 2\nkey-id: 00\npublic-key: AAAA\nsignature: AAAA\n",
        "respite-signature 1\nsignature: a\nsignature: b\n"}) {
    INFO(bad);
    CHECK(verify_pack_signature("x", bad, {key.public_key}).status == SignatureStatus::Malformed);
  }
}

TEST_CASE("key files round-trip and damaged ones are refused with a reason", "[content][signing]") {
  const KeyPair key = generate_key_pair();
  std::string error;
  CHECK(parse_public_key(format_public_key(key.public_key), error) == key.public_key);
  CHECK(parse_secret_key(format_secret_key(key.secret_key), error) == key.secret_key);

  CHECK_FALSE(parse_public_key(format_secret_key(key.secret_key), error));
  CHECK(error == "not a Respite key file (it should start with \"respite-public-key 1\")");
  CHECK_FALSE(parse_secret_key("respite-secret-key 1\nkey-id: x\n", error));
  CHECK(error == "the key file has no \"secret-key\" line");
  CHECK_FALSE(parse_public_key("respite-public-key 1\npublic-key: AAAA\n", error));
  CHECK(error == "the \"public-key\" line is not a valid key (expected 32 bytes in base64)");

  // A secret key whose public half was swapped for another key's would sign under a false name.
  const KeyPair other = generate_key_pair();
  std::string mixed = key.secret_key.substr(0, 32) + other.public_key;
  CHECK_FALSE(parse_secret_key(format_secret_key(mixed), error));
  CHECK(error == "the secret key file is damaged (its two halves do not belong together)");
}

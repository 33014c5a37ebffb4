// Content packs a unit admin installs on a shared tablet (docs/unit-mode.md): only .respack
// archives signed by a key the unit trusts (core/signing.h), copied with their signature into
// DATA_DIR/packs/. The app loads them next to the bundled packs, checking each signature again at
// every start, so a file swapped in the folder is left out rather than trusted.
#pragma once

#include <string>
#include <vector>

#include "core/signing.h"

namespace respite::core {

// DATA_DIR/packs
std::string unit_packs_dir(const std::string& data_dir);

// What a data folder's unit settings say about its packs: unit mode on (only packs signed by a
// trusted key), and the keys it trusts. `error` is set when the settings cannot be read; what to do
// then is the caller's (loading treats the device as personal, changing packs changes nothing).
struct UnitPackFacts {
  bool unit_mode = false;
  std::vector<std::string> trusted_keys;  // raw 32-byte public keys
  std::string error;
};
// Reads them with the system clock (safe from any thread); an empty `data_dir` is a personal device.
UnitPackFacts read_unit_pack_facts(const std::string& data_dir);

struct PackInstallResult {
  std::string error;           // empty on success; nothing was written otherwise
  std::string installed_path;  // DATA_DIR/packs/NAME.respack
  SignatureCheck signature;
};

// Checks `archive_path` against `signature_path` (empty: archive_path + ".sig") with the unit's
// `trusted_keys` (raw 32-byte keys), validates the pack, and copies both files into the packs
// folder. Refused unless the signature is Trusted and the pack loads without errors.
PackInstallResult install_unit_pack(const std::string& data_dir, const std::string& archive_path,
                                    const std::string& signature_path,
                                    const std::vector<std::string>& trusted_keys);

// The installed packs whose signature still verifies with a trusted key, sorted by name. Each one
// left out is described in `skipped` ("NAME.respack: untrusted: ...").
std::vector<std::string> verified_unit_packs(const std::string& data_dir,
                                             const std::vector<std::string>& trusted_keys,
                                             std::vector<std::string>& skipped);

}  // namespace respite::core

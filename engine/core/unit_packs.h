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

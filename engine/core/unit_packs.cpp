#include "core/unit_packs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/clock.h"
#include "core/pack_loader.h"
#include "core/progress/durable_db.h"
#include "core/progress/unit_store.h"

namespace respite::core {

namespace fs = std::filesystem;

namespace {

// Packs are capped well below this by the archive reader; this only bounds what is read to check
// a signature.
constexpr std::uintmax_t kMaxArchiveBytes = 512ULL * 1024 * 1024;

bool read_file(const fs::path& path, std::string& bytes, std::string& error) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) {
    error = "cannot read " + path.string() + ": " + ec.message();
    return false;
  }
  if (size > kMaxArchiveBytes) {
    error = path.string() + " is larger than 512 MiB";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) {
    error = "cannot read " + path.string();
    return false;
  }
  bytes = text.str();
  return true;
}

}  // namespace

std::string unit_packs_dir(const std::string& data_dir) {
  return (fs::path(data_dir) / "packs").string();
}

UnitPackFacts read_unit_pack_facts(const std::string& data_dir) {
  UnitPackFacts facts;
  if (data_dir.empty()) return facts;
  const SystemClock clock;
  auto unit = UnitStore::open(data_dir, clock, false);
  if (!unit.store) {
    facts.error = unit.error.empty() ? "the unit settings cannot be read" : unit.error;
    return facts;
  }
  facts.unit_mode = unit.store->settings().enabled;
  facts.trusted_keys = unit.store->trusted_public_keys();
  return facts;
}

PackInstallResult install_unit_pack(const std::string& data_dir, const std::string& archive_path,
                                    const std::string& signature_path,
                                    const std::vector<std::string>& trusted_keys) {
  PackInstallResult result;
  const fs::path archive(archive_path);
  if (archive.extension() != ".respack") {
    result.error =
        archive_path + ": only .respack archives can be installed (build one with 'respite pack build')";
    return result;
  }
  std::string bytes, signature;
  if (!read_file(archive, bytes, result.error)) return result;
  const std::string sig_path = signature_path.empty() ? archive_path + ".sig" : signature_path;
  if (!read_file(sig_path, signature, result.error)) {
    result.error += " (a unit installs signed packs only)";
    return result;
  }
  result.signature = verify_pack_signature(bytes, signature, trusted_keys);
  if (result.signature.status != SignatureStatus::Trusted) {
    result.error = archive_path + ": signature " + to_string(result.signature.status) + ": " +
                   result.signature.message + " (the unit trusts " + std::to_string(trusted_keys.size()) +
                   " key" + (trusted_keys.size() == 1 ? "" : "s") + ")";
    return result;
  }
  const CatalogLoadResult loaded = load_catalog({archive_path});
  if (loaded.diagnostics.has_errors() || loaded.catalog.packs.empty()) {
    result.error = archive_path + ": the pack does not validate";
    for (const Diagnostic& d : loaded.diagnostics.items()) {
      if (d.severity == Severity::Error) {
        result.error += ": " + d.format();
        break;
      }
    }
    return result;
  }
  const fs::path dir = unit_packs_dir(data_dir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    result.error = "cannot create " + dir.string() + ": " + ec.message();
    return result;
  }
  const fs::path target = dir / archive.filename();
  std::string error;
  // The signature goes first: an archive never sits in the folder without the file that vouches
  // for it (a crash in between leaves an unused .sig).
  if (!sql::write_file_atomically(target.string() + ".sig", signature, error) ||
      !sql::write_file_atomically(target, bytes, error)) {
    result.error = error;
    return result;
  }
  result.installed_path = target.string();
  return result;
}

std::vector<std::string> verified_unit_packs(const std::string& data_dir,
                                             const std::vector<std::string>& trusted_keys,
                                             std::vector<std::string>& skipped) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(unit_packs_dir(data_dir), ec)) {
    if (entry.path().extension() != ".respack") continue;
    std::string bytes, signature, error;
    if (!read_file(entry.path(), bytes, error) ||
        !read_file(entry.path().string() + ".sig", signature, error)) {
      skipped.push_back(entry.path().filename().string() + ": " + error);
      continue;
    }
    const SignatureCheck check = verify_pack_signature(bytes, signature, trusted_keys);
    if (check.status != SignatureStatus::Trusted) {
      skipped.push_back(entry.path().filename().string() + ": " + to_string(check.status) + ": " +
                        check.message);
      continue;
    }
    out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace respite::core

// See pack_library.h.
#include "core/pack_library.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/pack_text.h"

namespace respite::core {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxSignatureBytes = 4096;
constexpr std::size_t kMaxWatchedFiles = 2000;

SignatureCheck check_signature(const std::string& archive_path, const std::vector<std::string>& trusted,
                               const PackLimits& limits) {
  const FileRead sig = read_file_capped(archive_path + ".sig", kMaxSignatureBytes);
  if (sig.status == FileRead::Status::Missing) return verify_pack_signature("", "", trusted);
  const FileRead archive = read_file_capped(archive_path, limits.archive.max_archive_bytes);
  if (sig.status != FileRead::Status::Ok || archive.status != FileRead::Status::Ok) {
    SignatureCheck check;
    check.status = SignatureStatus::Malformed;
    check.message = "the signature file cannot be read";
    return check;
  }
  return verify_pack_signature(archive.bytes, sig.bytes, trusted);
}

bool write_atomically(const fs::path& target, const std::string& data, std::string& error) {
  const fs::path temporary = target.string() + ".installing";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.flush();
    if (!out) {
      error = "cannot write " + temporary.string();
      return false;
    }
  }
  std::error_code ec;
  fs::rename(temporary, target, ec);
  if (ec) {
    error = "cannot write " + target.string() + ": " + ec.message();
    fs::remove(temporary, ec);
    return false;
  }
  return true;
}

}  // namespace

std::vector<LibraryEntry> list_library(const std::string& dir, const std::vector<std::string>& trusted_keys,
                                       const PackLimits& limits) {
  std::vector<std::string> paths;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code entry_ec;
    if (it->is_directory(entry_ec)) {
      if (fs::is_regular_file(it->path() / "pack.json", entry_ec)) paths.push_back(it->path().string());
    } else if (is_archive_path(it->path().string())) {
      paths.push_back(it->path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<LibraryEntry> entries;
  for (const std::string& path : paths) {
    LibraryEntry entry;
    entry.path = path;
    entry.result = load_pack(path, limits);
    if (entry.result.archive) entry.signature = check_signature(path, trusted_keys, limits);
    entries.push_back(std::move(entry));
  }
  return entries;
}

InstallResult install_pack(const std::string& dir, const std::string& archive, const InstallPolicy& policy,
                           const PackLimits& limits) {
  InstallResult result;
  const FileRead read = read_file_capped(archive, limits.archive.max_archive_bytes);
  if (read.status != FileRead::Status::Ok) {
    result.message = read.status == FileRead::Status::TooLarge ? "the archive is larger than a pack may be"
                                                               : "the archive cannot be read";
    return result;
  }
  result.loaded = load_pack_archive(read.bytes, archive, archive, limits);
  if (!result.loaded.pack) {
    result.message = "the pack has errors and was not installed";
    return result;
  }
  const Pack& pack = *result.loaded.pack;
  const FileRead sig = read_file_capped(archive + ".sig", kMaxSignatureBytes);
  result.signature = verify_pack_signature(read.bytes, sig.status == FileRead::Status::Ok ? sig.bytes : "",
                                           policy.trusted_keys);
  if (policy.require_trusted_signature && result.signature.status != SignatureStatus::Trusted) {
    result.message =
        "this device installs only packs signed by a trusted key (" + result.signature.message + ")";
    return result;
  }
  // The installed pack with this id, if any, decides between install, update and refusal.
  std::string installed_version;
  std::string installed_path;
  for (const LibraryEntry& entry : list_library(dir, {}, limits)) {
    if (entry.result.pack_id == pack.id) {
      installed_version = entry.result.version;
      installed_path = entry.path;
    }
  }
  if (!installed_path.empty() && pack_text::is_valid_version(installed_version) &&
      pack_text::compare_versions(pack.version, installed_version) <= 0) {
    result.message = "version " + installed_version + " of \"" + pack.id +
                     "\" is already installed; only a higher version (not " + pack.version + ") updates it";
    return result;
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  const fs::path target = fs::path(dir) / (pack.id + ".respack");
  std::string error;
  if (!write_atomically(target, read.bytes, error)) {
    result.message = error;
    return result;
  }
  fs::remove(target.string() + ".sig", ec);
  if (sig.status == FileRead::Status::Ok && !write_atomically(target.string() + ".sig", sig.bytes, error)) {
    result.message = error;
    return result;
  }
  // An older copy under another name (a folder, or another file name) goes.
  if (!installed_path.empty() && fs::path(installed_path) != target) {
    fs::remove_all(installed_path, ec);
    fs::remove(installed_path + ".sig", ec);
  }
  result.installed_path = target.string();
  result.action = installed_path.empty() ? InstallAction::Installed : InstallAction::Updated;
  result.message = (installed_path.empty() ? "installed \"" : "updated \"") + pack.id + "\" " +
                   (installed_path.empty() ? "" : installed_version + " -> ") + pack.version;
  return result;
}

bool remove_pack(const std::string& dir, const std::string& pack_id, std::string& error) {
  for (const LibraryEntry& entry : list_library(dir)) {
    if (entry.result.pack_id != pack_id) continue;
    std::error_code ec;
    fs::remove_all(entry.path, ec);
    if (ec) {
      error = "cannot remove " + entry.path + ": " + ec.message();
      return false;
    }
    fs::remove(entry.path + ".sig", ec);
    return true;
  }
  error = "no installed pack has the id \"" + pack_id + "\"";
  return false;
}

PackWatcher::PackWatcher(std::string path, const Clock& clock, MonoTime interval)
    : path_(std::move(path)), clock_(clock), interval_(interval), last_(stamp()) {}

PackWatcher::Stamp PackWatcher::stamp() const {
  Stamp out;
  std::error_code ec;
  const auto add = [&](const fs::path& file) {
    std::error_code file_ec;
    const auto size = fs::file_size(file, file_ec);
    const auto time = fs::last_write_time(file, file_ec);
    out.emplace_back(
        file.string(),
        std::make_pair(file_ec ? 0 : size,
                       file_ec ? 0 : static_cast<std::int64_t>(time.time_since_epoch().count())));
  };
  if (fs::is_directory(path_, ec)) {
    for (fs::recursive_directory_iterator it(path_, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end && out.size() < kMaxWatchedFiles; it.increment(ec)) {
      std::error_code entry_ec;
      if (it->is_regular_file(entry_ec)) add(it->path());
    }
  } else {
    add(path_);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool PackWatcher::poll() {
  const MonoTime now = clock_.monotonic();
  if (last_poll_ && now - *last_poll_ < interval_) return false;
  last_poll_ = now;
  Stamp current = stamp();
  if (current == last_) return false;
  last_ = std::move(current);
  return true;
}

}  // namespace respite::core

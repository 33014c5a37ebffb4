// See pack_files.h.
#include "core/pack_files.h"

#include <filesystem>
#include <fstream>

namespace respite::core {

namespace fs = std::filesystem;

FileRead read_file_capped(const std::string& path, std::size_t max_bytes) {
  FileRead result;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    result.status = FileRead::Status::Missing;
    return result;
  }
  if (!fs::is_regular_file(status)) {
    result.status = FileRead::Status::NotAFile;
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.status = FileRead::Status::Unreadable;
    return result;
  }
  std::string text;
  char buffer[64 * 1024];
  while (in && text.size() <= max_bytes) {
    const std::size_t want = std::min(sizeof buffer, max_bytes + 1 - text.size());
    in.read(buffer, static_cast<std::streamsize>(want));
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (in.gcount() == 0) break;
  }
  if (in.bad()) {
    result.status = FileRead::Status::Unreadable;
    return result;
  }
  if (text.size() > max_bytes) {
    result.status = FileRead::Status::TooLarge;
    const auto size = fs::file_size(path, ec);
    result.size = ec ? text.size() : size;
    return result;
  }
  result.status = FileRead::Status::Ok;
  result.size = text.size();
  result.bytes = std::move(text);
  return result;
}

FolderFiles::FolderFiles(std::string root, std::string display_root)
    : root_(std::move(root)), display_root_(std::move(display_root)) {}

FileRead FolderFiles::read(const std::string& relative, std::size_t max_bytes) const {
  // Walk down from the root so that a link anywhere below it is seen, not followed.
  fs::path at(root_);
  const fs::path rel(relative);
  for (const fs::path& part : rel) {
    at /= part;
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(at, ec);
    if (ec || !fs::exists(status)) return FileRead{FileRead::Status::Missing, {}, 0};
    if (fs::is_symlink(status)) return FileRead{FileRead::Status::Symlink, {}, 0};
  }
  return read_file_capped(at.string(), max_bytes);
}

std::string FolderFiles::display(const std::string& relative) const {
  if (display_root_.empty()) return relative;
  return (fs::path(display_root_) / relative).string();
}

MemoryFiles::MemoryFiles(std::map<std::string, std::string> files, std::string display_archive)
    : files_(std::move(files)), display_archive_(std::move(display_archive)) {}

FileRead MemoryFiles::read(const std::string& relative, std::size_t max_bytes) const {
  const auto it = files_.find(relative);
  if (it == files_.end()) return FileRead{FileRead::Status::Missing, {}, 0};
  if (it->second.size() > max_bytes) return FileRead{FileRead::Status::TooLarge, {}, it->second.size()};
  return FileRead{FileRead::Status::Ok, it->second, it->second.size()};
}

std::string MemoryFiles::display(const std::string& relative) const {
  return display_archive_ + "!/" + relative;
}

}  // namespace respite::core

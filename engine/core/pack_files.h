// Where a pack's files come from: a folder on disk or the entries of a .respack archive held in
// memory. The validator reads every file through this interface, so a folder and its archive give
// the same catalog, and no file is ever read past a size cap or through a symbolic link.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace respite::core {

struct FileRead {
  enum class Status { Ok, Missing, TooLarge, NotAFile, Symlink, Unreadable };
  Status status = Status::Missing;
  std::string bytes;       // when Ok
  std::uint64_t size = 0;  // the file's size when known (Ok, TooLarge)
};

class PackFiles {
 public:
  virtual ~PackFiles() = default;
  // `relative` has passed pack_text::relative_path_problem(). Never holds more than max_bytes.
  virtual FileRead read(const std::string& relative, std::size_t max_bytes) const = 0;
  // The name diagnostics give a file of the pack.
  virtual std::string display(const std::string& relative) const = 0;
};

// Files under `root`. Symbolic links are refused at every level below `root` (a link could point
// outside the pack); `display_root` prefixes names in diagnostics.
class FolderFiles : public PackFiles {
 public:
  FolderFiles(std::string root, std::string display_root);
  FileRead read(const std::string& relative, std::size_t max_bytes) const override;
  std::string display(const std::string& relative) const override;

 private:
  std::string root_;
  std::string display_root_;
};

// Files already in memory (the entries of an archive), by pack-relative name. Diagnostics name
// them "ARCHIVE!/NAME".
class MemoryFiles : public PackFiles {
 public:
  MemoryFiles(std::map<std::string, std::string> files, std::string display_archive);
  FileRead read(const std::string& relative, std::size_t max_bytes) const override;
  std::string display(const std::string& relative) const override;

 private:
  std::map<std::string, std::string> files_;
  std::string display_archive_;
};

// Reads at most max_bytes + 1 bytes of a regular file (enough to know it is too large without
// ever holding more). Used for archives and manifests given by path.
FileRead read_file_capped(const std::string& path, std::size_t max_bytes);

}  // namespace respite::core

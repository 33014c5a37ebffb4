// A whole file's bytes, read-only: mapped where the system allows it, so pages are read only when
// something touches them (a start that finds its font atlas in the cache touches little of the
// font files), else read into memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace respite::ui {

class FileBytes {
 public:
  FileBytes() = default;
  ~FileBytes();
  FileBytes(FileBytes&& other) noexcept;
  FileBytes& operator=(FileBytes&& other) noexcept;
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;

  // Opens `path`; false (with `error`) when it is missing, empty or larger than `max_bytes`.
  bool open(const std::string& path, std::size_t max_bytes, std::string& error);

  const unsigned char* data() const {
    return map_ != nullptr ? static_cast<const unsigned char*>(map_) : copy_.data();
  }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // When the file was last modified (ns since the epoch), 0 when unknown: with the size, what
  // tells a changed file without reading all of it.
  std::int64_t modified_ns() const { return modified_ns_; }

 private:
  void release();

  void* map_ = nullptr;
  std::size_t size_ = 0;
  std::int64_t modified_ns_ = 0;
  std::vector<unsigned char> copy_;
};

}  // namespace respite::ui

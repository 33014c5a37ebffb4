#include "ui/file_bytes.h"

#include <fstream>
#include <utility>

#if defined(__unix__) || defined(__APPLE__)
#if !defined(__EMSCRIPTEN__)
#define RESPITE_MAP_FILES 1
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#endif
#endif

namespace respite::ui {

FileBytes::~FileBytes() {
  release();
}

FileBytes::FileBytes(FileBytes&& other) noexcept
    : map_(std::exchange(other.map_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      modified_ns_(std::exchange(other.modified_ns_, 0)),
      copy_(std::move(other.copy_)) {}

FileBytes& FileBytes::operator=(FileBytes&& other) noexcept {
  if (this != &other) {
    release();
    map_ = std::exchange(other.map_, nullptr);
    size_ = std::exchange(other.size_, 0);
    modified_ns_ = std::exchange(other.modified_ns_, 0);
    copy_ = std::move(other.copy_);
  }
  return *this;
}

void FileBytes::release() {
#if RESPITE_MAP_FILES
  if (map_ != nullptr) munmap(map_, size_);
#endif
  map_ = nullptr;
  size_ = 0;
  modified_ns_ = 0;
  copy_.clear();
}

bool FileBytes::open(const std::string& path, std::size_t max_bytes, std::string& error) {
  release();
#if RESPITE_MAP_FILES
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = path + ": not found";
    return false;
  }
  struct stat st {};
  const bool regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  const auto size = regular ? static_cast<std::size_t>(st.st_size) : 0;
  if (size == 0 || size > max_bytes) {
    ::close(fd);
    error = path + ": empty or too large (" + std::to_string(size) + " bytes)";
    return false;
  }
  void* map = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);  // the mapping keeps the file
  if (map != MAP_FAILED) {
    map_ = map;
    size_ = size;
    modified_ns_ = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    return true;
  }
#endif
  // No mapping: read it all.
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    error = path + ": not found";
    return false;
  }
  const std::streamoff length = in.tellg();
  if (length <= 0 || static_cast<std::size_t>(length) > max_bytes) {
    error = path + ": empty or too large (" + std::to_string(length) + " bytes)";
    return false;
  }
  copy_.resize(static_cast<std::size_t>(length));
  in.seekg(0);
  if (!in.read(reinterpret_cast<char*>(copy_.data()), length)) {
    copy_.clear();
    error = path + ": could not be read";
    return false;
  }
  size_ = copy_.size();
  return true;
}

}  // namespace respite::ui

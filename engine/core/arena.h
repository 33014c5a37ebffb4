// A bump allocator for data that is built once and freed all at once, such as a parsed JSON tree:
// thousands of small lists cost one allocation per block instead of one each, and freeing the
// tree frees a few blocks. Not thread-safe; one arena per tree.
#pragma once

#include <cstddef>
#include <memory>
#include <type_traits>
#include <vector>

namespace respite::core {

class Arena {
 public:
  // `first_block` bytes are reserved on the first allocation; later blocks double, up to 1 MiB.
  explicit Arena(std::size_t first_block = 16 * 1024) : next_block_(first_block) {}
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  void* allocate(std::size_t bytes, std::size_t alignment);
  std::size_t bytes_reserved() const { return reserved_; }

 private:
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::byte* next_ = nullptr;
  std::size_t left_ = 0;
  std::size_t next_block_;
  std::size_t reserved_ = 0;
};

// A standard allocator that takes memory from an Arena (deallocation is a no-op), or from the heap
// when it has none: a default-constructed container works as usual. A copy of a container never
// shares the arena (it may outlive it), so copies always use the heap.
template <typename T>
class ArenaAllocator {
 public:
  using value_type = T;
  using propagate_on_container_move_assignment = std::true_type;
  using propagate_on_container_swap = std::true_type;

  ArenaAllocator() = default;
  explicit ArenaAllocator(Arena* arena) : arena_(arena) {}
  template <typename U>
  ArenaAllocator(const ArenaAllocator<U>& other) : arena_(other.arena()) {}  // NOLINT: rebinding

  T* allocate(std::size_t n) {
    if (!arena_) return std::allocator<T>().allocate(n);
    return static_cast<T*>(arena_->allocate(n * sizeof(T), alignof(T)));
  }
  void deallocate(T* p, std::size_t n) {
    if (!arena_) std::allocator<T>().deallocate(p, n);
  }
  ArenaAllocator select_on_container_copy_construction() const { return ArenaAllocator(); }

  Arena* arena() const { return arena_; }
  template <typename U>
  bool operator==(const ArenaAllocator<U>& other) const {
    return arena_ == other.arena();
  }
  template <typename U>
  bool operator!=(const ArenaAllocator<U>& other) const {
    return arena_ != other.arena();
  }

 private:
  Arena* arena_ = nullptr;
};

}  // namespace respite::core

#include "core/arena.h"

#include <algorithm>
#include <cstdint>

namespace respite::core {

void* Arena::allocate(std::size_t bytes, std::size_t alignment) {
  const auto padding = [&] {
    const auto at = reinterpret_cast<std::uintptr_t>(next_);
    return static_cast<std::size_t>((alignment - at % alignment) % alignment);
  };
  if (!next_ || padding() + bytes > left_) {
    constexpr std::size_t kMaxBlock = 1024 * 1024;
    const std::size_t size = std::max(next_block_, bytes + alignment);
    blocks_.emplace_back(new std::byte[size]);  // not zeroed: every byte is written before it is read
    next_ = blocks_.back().get();
    left_ = size;
    reserved_ += size;
    next_block_ = std::min(next_block_ * 2, kMaxBlock);
  }
  const std::size_t skip = padding();
  std::byte* out = next_ + skip;
  next_ += skip + bytes;
  left_ -= skip + bytes;
  return out;
}

}  // namespace respite::core

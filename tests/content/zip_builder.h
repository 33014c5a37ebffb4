// Builds zip archives byte by byte for the archive reader's tests, including ones no honest zip
// tool would write: lying sizes, duplicate names, symbolic links, encrypted flags, unknown
// compression methods. Entries are stored (not compressed) unless their bytes are given as
// already-deflated data with `method` 8.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/asset_probe.h"

namespace respite::test {

struct ZipEntry {
  std::string name;
  std::string data;                // as stored in the archive
  std::uint32_t uncompressed = 0;  // declared uncompressed size; 0 means data.size()
  std::uint32_t crc = 0;           // 0 means the CRC of data (for stored entries)
  std::uint16_t method = 0;        // 0 stored, 8 deflate, anything else for hostile cases
  std::uint16_t flags = 0;         // bit 0: encrypted
  std::uint8_t made_by_os = 3;     // 3: Unix (external attributes hold the file mode)
  std::uint32_t mode = 0100644;    // Unix file mode (type and permissions)
};

inline void put16(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
}
inline void put32(std::string& out, std::uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

inline std::string build_zip(const std::vector<ZipEntry>& entries) {
  std::string out;
  std::string central;
  for (const ZipEntry& e : entries) {
    const std::uint32_t offset = static_cast<std::uint32_t>(out.size());
    const std::uint32_t crc = e.crc ? e.crc : respite::core::crc32(e.data);
    const std::uint32_t size = e.uncompressed ? e.uncompressed : static_cast<std::uint32_t>(e.data.size());
    const auto header = [&](std::string& h, bool central_entry) {
      put32(h, central_entry ? 0x02014b50u : 0x04034b50u);
      if (central_entry) put16(h, (static_cast<std::uint32_t>(e.made_by_os) << 8) | 20);
      put16(h, 20);  // version needed
      put16(h, e.flags);
      put16(h, e.method);
      put16(h, 0);     // time
      put16(h, 0x21);  // date: 1980-01-01
      put32(h, crc);
      put32(h, static_cast<std::uint32_t>(e.data.size()));
      put32(h, size);
      put16(h, static_cast<std::uint32_t>(e.name.size()));
      put16(h, 0);  // extra
      if (central_entry) {
        put16(h, 0);  // comment
        put16(h, 0);  // disk
        put16(h, 0);  // internal attributes
        put32(h, e.mode << 16);
        put32(h, offset);
      }
      h += e.name;
    };
    header(out, false);
    out += e.data;
    header(central, true);
  }
  const std::uint32_t central_offset = static_cast<std::uint32_t>(out.size());
  out += central;
  put32(out, 0x06054b50u);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put32(out, static_cast<std::uint32_t>(central.size()));
  put32(out, central_offset);
  put16(out, 0);
  return out;
}

}  // namespace respite::test

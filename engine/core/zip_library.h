// libzip, for .respack archives. On desktop Linux it is loaded with dlopen the first time an
// archive is read or written, not when Respite starts: libzip brings libcrypto and three
// compression libraries, whose loading and relocation cost about 2.5 ms of every start
// (docs/performance.md), and most starts never touch an archive. Elsewhere (phones) it is linked.
// Only archive_reader.cpp and archive_writer.cpp use this.
#pragma once

#include <zip.h>

#include <string>

namespace respite::core {

// The libzip functions Respite uses, named without their "zip_" prefix.
struct ZipLibrary {
  decltype(&::zip_close) close = nullptr;
  decltype(&::zip_discard) discard = nullptr;
  decltype(&::zip_error_code_zip) error_code_zip = nullptr;
  decltype(&::zip_error_fini) error_fini = nullptr;
  decltype(&::zip_error_init) error_init = nullptr;
  decltype(&::zip_error_strerror) error_strerror = nullptr;
  decltype(&::zip_fclose) fclose = nullptr;
  decltype(&::zip_file_add) file_add = nullptr;
  decltype(&::zip_file_get_external_attributes) file_get_external_attributes = nullptr;
  decltype(&::zip_file_set_dostime) file_set_dostime = nullptr;
  decltype(&::zip_file_set_external_attributes) file_set_external_attributes = nullptr;
  decltype(&::zip_file_strerror) file_strerror = nullptr;
  decltype(&::zip_fopen_index) fopen_index = nullptr;
  decltype(&::zip_fread) fread = nullptr;
  decltype(&::zip_get_name) get_name = nullptr;
  decltype(&::zip_get_num_entries) get_num_entries = nullptr;
  decltype(&::zip_open_from_source) open_from_source = nullptr;
  decltype(&::zip_set_file_compression) set_file_compression = nullptr;
  decltype(&::zip_source_buffer) source_buffer = nullptr;
  decltype(&::zip_source_buffer_create) source_buffer_create = nullptr;
  decltype(&::zip_source_close) source_close = nullptr;
  decltype(&::zip_source_free) source_free = nullptr;
  decltype(&::zip_source_keep) source_keep = nullptr;
  decltype(&::zip_source_open) source_open = nullptr;
  decltype(&::zip_source_read) source_read = nullptr;
  decltype(&::zip_source_stat) source_stat = nullptr;
  decltype(&::zip_stat_index) stat_index = nullptr;
  decltype(&::zip_stat_init) stat_init = nullptr;
  decltype(&::zip_strerror) strerror = nullptr;
};

// The table, loaded once per process (thread-safe); nullptr with `error` set when libzip cannot
// be loaded (its package, libzip4, is not installed).
const ZipLibrary* zip_library(std::string& error);

}  // namespace respite::core

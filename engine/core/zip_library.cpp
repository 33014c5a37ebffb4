#include "core/zip_library.h"

#if RESPITE_ZIP_DLOPEN
#include <dlfcn.h>
#endif

namespace respite::core {
namespace {

#if RESPITE_ZIP_DLOPEN
constexpr const char* kZipLibrary = "libzip.so.4";  // Debian's libzip4, which libzip-dev depends on

template <typename F>
bool resolve(void* library, const char* name, F& out) {
  out = reinterpret_cast<F>(dlsym(library, name));
  return out != nullptr;
}

#define RESPITE_ZIP_RESOLVE(member) resolve(library, "zip_" #member, table.member)
#else
#define RESPITE_ZIP_RESOLVE(member) (table.member = &::zip_##member, true)
#endif

// Fills `table` from `library` (unused when libzip is linked); false if a function is missing.
bool fill(ZipLibrary& table, [[maybe_unused]] void* library) {
  return RESPITE_ZIP_RESOLVE(close) && RESPITE_ZIP_RESOLVE(discard) && RESPITE_ZIP_RESOLVE(error_code_zip) &&
         RESPITE_ZIP_RESOLVE(error_fini) && RESPITE_ZIP_RESOLVE(error_init) &&
         RESPITE_ZIP_RESOLVE(error_strerror) && RESPITE_ZIP_RESOLVE(fclose) &&
         RESPITE_ZIP_RESOLVE(file_add) && RESPITE_ZIP_RESOLVE(file_get_external_attributes) &&
         RESPITE_ZIP_RESOLVE(file_set_dostime) && RESPITE_ZIP_RESOLVE(file_set_external_attributes) &&
         RESPITE_ZIP_RESOLVE(file_strerror) && RESPITE_ZIP_RESOLVE(fopen_index) &&
         RESPITE_ZIP_RESOLVE(fread) && RESPITE_ZIP_RESOLVE(get_name) &&
         RESPITE_ZIP_RESOLVE(get_num_entries) && RESPITE_ZIP_RESOLVE(open_from_source) &&
         RESPITE_ZIP_RESOLVE(set_file_compression) && RESPITE_ZIP_RESOLVE(source_buffer) &&
         RESPITE_ZIP_RESOLVE(source_buffer_create) && RESPITE_ZIP_RESOLVE(source_close) &&
         RESPITE_ZIP_RESOLVE(source_free) && RESPITE_ZIP_RESOLVE(source_keep) &&
         RESPITE_ZIP_RESOLVE(source_open) && RESPITE_ZIP_RESOLVE(source_read) &&
         RESPITE_ZIP_RESOLVE(source_stat) && RESPITE_ZIP_RESOLVE(stat_index) &&
         RESPITE_ZIP_RESOLVE(stat_init) && RESPITE_ZIP_RESOLVE(strerror);
}

#undef RESPITE_ZIP_RESOLVE

}  // namespace

const ZipLibrary* zip_library(std::string& error) {
  static std::string load_error;
  // The library stays loaded for the life of the process, like SDL_mixer (sdl_audio.cpp).
  static const ZipLibrary* const table = []() -> const ZipLibrary* {
    static ZipLibrary loaded;
    void* library = nullptr;
#if RESPITE_ZIP_DLOPEN
    library = dlopen(kZipLibrary, RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
      const char* why = dlerror();
      load_error = std::string("libzip could not be loaded (") + (why != nullptr ? why : kZipLibrary) +
                   "); install Debian's libzip4 to read and write .respack archives";
      return nullptr;
    }
#endif
    if (!fill(loaded, library)) {
      load_error = std::string("libzip lacks a function Respite needs (libzip 1.7 or later)");
      return nullptr;
    }
    return &loaded;
  }();
  if (table == nullptr) error = load_error;
  return table;
}

}  // namespace respite::core

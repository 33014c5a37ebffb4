// See archive_writer.h. libzip builds the archive in a memory buffer that is read back at the end.
#include "core/archive_writer.h"

#if RESPITE_HAVE_LIBZIP
#include "core/zip_library.h"
#endif

namespace respite::core {

#if RESPITE_HAVE_LIBZIP

std::optional<std::string> write_archive(const std::map<std::string, std::string>& files,
                                         std::string& error) {
  const ZipLibrary* zip = zip_library(error);
  if (zip == nullptr) return std::nullopt;
  zip_error_t zerror;
  zip->error_init(&zerror);
  zip_source_t* target = zip->source_buffer_create(nullptr, 0, 0, &zerror);
  if (!target) {
    error = std::string("cannot create the archive in memory: ") + zip->error_strerror(&zerror);
    zip->error_fini(&zerror);
    return std::nullopt;
  }
  zip->source_keep(target);  // we read it back after zip_close
  zip_t* archive = zip->open_from_source(target, ZIP_TRUNCATE, &zerror);
  if (!archive) {
    error = std::string("cannot create the archive in memory: ") + zip->error_strerror(&zerror);
    zip->error_fini(&zerror);
    zip->source_free(target);
    zip->source_free(target);
    return std::nullopt;
  }
  zip->error_fini(&zerror);
  const auto fail = [&](const std::string& what) {
    error = what + ": " + zip->strerror(archive);
    zip->discard(archive);
    zip->source_free(target);
    return std::nullopt;
  };
  // DOS date 1980-01-01 (day 1, month 1, year 0 since 1980), time 00:00:00.
  constexpr zip_uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;
  constexpr zip_uint16_t kDosTime = 0;
  for (const auto& [name, data] : files) {  // std::map: sorted by name
    zip_source_t* source = zip->source_buffer(archive, data.data(), data.size(), 0);
    if (!source) return fail("cannot add " + name);
    const zip_int64_t index = zip->file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip->source_free(source);
      return fail("cannot add " + name);
    }
    const auto at = static_cast<zip_uint64_t>(index);
    if (zip->set_file_compression(archive, at, ZIP_CM_DEFLATE, 9) != 0 ||
        zip->file_set_dostime(archive, at, kDosTime, kDosDate, 0) != 0 ||
        zip->file_set_external_attributes(archive, at, 0, ZIP_OPSYS_UNIX, 0100644u << 16) != 0) {
      return fail("cannot set the properties of " + name);
    }
  }
  if (zip->close(archive) != 0) return fail("cannot finish the archive");

  std::string out;
  zip_stat_t st;
  zip->stat_init(&st);
  if (zip->source_stat(target, &st) != 0 || zip->source_open(target) != 0) {
    error = "cannot read the finished archive back";
    zip->source_free(target);
    return std::nullopt;
  }
  out.resize(static_cast<std::size_t>(st.size));
  const zip_int64_t got = zip->source_read(target, out.data(), out.size());
  zip->source_close(target);
  zip->source_free(target);
  if (got < 0 || static_cast<std::size_t>(got) != out.size()) {
    error = "cannot read the finished archive back";
    return std::nullopt;
  }
  return out;
}

#else

std::optional<std::string> write_archive(const std::map<std::string, std::string>&, std::string& error) {
  error = "this build of Respite cannot write .respack archives (it was built without libzip)";
  return std::nullopt;
}

#endif

}  // namespace respite::core

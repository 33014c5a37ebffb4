// See archive_reader.h. Everything is checked from the central directory before a single byte is
// decompressed; then each entry is read with a cap of its declared size (plus one byte, to catch
// an entry that holds more than it says).
#include "core/archive_reader.h"

#include <set>

#include "core/json_document.h"
#include "core/pack_text.h"

#if RESPITE_HAVE_LIBZIP
#include "core/zip_library.h"
#endif

namespace respite::core {
namespace {

void add(ArchiveReadResult& result, const std::string& display, const char* code, std::string message) {
  Diagnostic d;
  d.file = display;
  d.code = code;
  d.json_path = "$";
  d.message = std::move(message);
  result.diagnostics.add(std::move(d));
}

// A name as it can be shown: control characters and invalid UTF-8 blanked, long names cut.
std::string shown_name(std::string_view raw) {
  std::string out;
  const bool valid = !json::find_invalid_utf8(raw).has_value();
  for (char c : raw.substr(0, 80)) {
    const auto u = static_cast<unsigned char>(c);
    out += (u < 0x20 || u == 0x7F || (!valid && u >= 0x80)) ? '?' : c;
  }
  if (raw.size() > 80) {
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
    out += "...";
  }
  return "\"" + out + "\"";
}

std::string mib(std::size_t bytes) {
  if (bytes % (1024 * 1024) == 0) return std::to_string(bytes / (1024 * 1024)) + " MiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

#if RESPITE_HAVE_LIBZIP

bool archives_supported() {
  std::string why;
  return zip_library(why) != nullptr;
}

ArchiveReadResult read_archive(std::string_view bytes, const std::string& display,
                               const ArchiveLimits& limits) {
  ArchiveReadResult result;
  if (bytes.size() > limits.max_archive_bytes) {
    add(result, display, "E-ZIP-SIZE",
        "the archive is " + std::to_string(bytes.size()) + " bytes; a .respack may be at most " +
            mib(limits.max_archive_bytes));
    return result;
  }
  if (bytes.size() < 22) {  // smaller than a zip's end record: libzip would call it an empty archive
    add(result, display, "E-ZIP",
        bytes.empty() ? "the file is empty; a .respack is a zip file (build one with 'respite pack build')"
                      : "this is not a .respack archive (a .respack is a zip file; build one with 'respite "
                        "pack build')");
    return result;
  }
  std::string unavailable;
  const ZipLibrary* zip = zip_library(unavailable);
  if (zip == nullptr) {
    add(result, display, "E-UNSUPPORTED",
        ".respack archives cannot be read: " + unavailable + "; use the pack folder");
    return result;
  }
  zip_error_t error;
  zip->error_init(&error);
  // libzip only reads the buffer (the last argument 0: it does not free it either).
  zip_source_t* source = zip->source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    add(result, display, "E-ZIP",
        std::string("the archive cannot be opened: ") + zip->error_strerror(&error));
    zip->error_fini(&error);
    return result;
  }
  zip_t* archive = zip->open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!archive) {
    const int code = zip->error_code_zip(&error);
    std::string message;
    if (code == ZIP_ER_NOZIP) {
      message =
          "this is not a .respack archive (a .respack is a zip file; build one with 'respite pack build')";
    } else if (code == ZIP_ER_EXISTS) {
      message = "the archive has two entries with the same name; a pack archive must name each file once";
    } else {
      message =
          std::string("the archive is damaged and cannot be read (") + zip->error_strerror(&error) + ")";
    }
    add(result, display, code == ZIP_ER_EXISTS ? "E-ZIP-DUPLICATE" : "E-ZIP", message);
    zip->source_free(source);
    zip->error_fini(&error);
    return result;
  }
  zip->error_fini(&error);

  const zip_int64_t count = zip->get_num_entries(archive, 0);
  if (count < 0 || static_cast<std::uint64_t>(count) > limits.max_entries) {
    add(result, display, "E-ZIP-ENTRIES",
        "the archive has " + std::to_string(count) + " entries; a pack archive may have at most " +
            std::to_string(limits.max_entries));
    zip->discard(archive);
    return result;
  }

  struct Entry {
    zip_uint64_t index;
    std::string name;
    std::size_t size;
  };
  std::vector<Entry> entries;
  std::set<std::string> names;
  std::uint64_t total = 0;
  bool total_reported = false;
  for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
    const char* raw = zip->get_name(archive, i, ZIP_FL_ENC_RAW);
    if (!raw) {
      add(result, display, "E-ZIP", "entry " + std::to_string(i) + " has no readable name");
      continue;
    }
    const std::string name(raw);
    const std::string shown = "entry " + shown_name(name);
    zip_stat_t st;
    zip->stat_init(&st);
    if (zip->stat_index(archive, i, ZIP_FL_ENC_RAW, &st) != 0) {
      add(result, display, "E-ZIP", shown + " cannot be read (" + zip->strerror(archive) + ")");
      continue;
    }
    if (json::find_invalid_utf8(name) || pack_text::find_control_char(name)) {
      add(result, display, "E-ZIP-PATH",
          shown + ": the name is not valid UTF-8 text or holds control characters");
      continue;
    }
    const bool directory = !name.empty() && name.back() == '/';
    const std::string path = directory ? name.substr(0, name.size() - 1) : name;
    if (auto problem = pack_text::relative_path_problem(path)) {
      add(result, display, "E-ZIP-PATH", shown + ": " + *problem);
      continue;
    }
    zip_uint8_t opsys = 0;
    zip_uint32_t attributes = 0;
    if (zip->file_get_external_attributes(archive, i, 0, &opsys, &attributes) == 0 &&
        opsys == ZIP_OPSYS_UNIX) {
      const zip_uint32_t type = (attributes >> 16) & 0170000u;
      if (type == 0120000u) {
        add(result, display, "E-ZIP-SYMLINK",
            shown + " is a symbolic link; a pack archive may hold only plain files");
        continue;
      }
      if (type != 0 && type != 0100000u && type != 0040000u) {
        add(result, display, "E-ZIP-SYMLINK",
            shown +
                " is a special file (a device, pipe or socket); a pack archive may hold only plain files");
        continue;
      }
    }
    if (!names.insert(name).second) {
      add(result, display, "E-ZIP-DUPLICATE",
          shown + " appears twice; a pack archive must name each file once");
      continue;
    }
    if (directory) continue;
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
      add(result, display, "E-ZIP-ENCRYPTED",
          shown + " is encrypted; pack archives are never encrypted (sign them instead)");
      continue;
    }
    if ((st.valid & ZIP_STAT_COMP_METHOD) && st.comp_method != ZIP_CM_STORE &&
        st.comp_method != ZIP_CM_DEFLATE) {
      add(result, display, "E-ZIP-METHOD",
          shown + " uses compression method " + std::to_string(st.comp_method) +
              "; pack archives use only \"stored\" or \"deflate\"");
      continue;
    }
    if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) {
      add(result, display, "E-ZIP", shown + " does not state its size");
      continue;
    }
    if (st.size > limits.max_entry_bytes) {
      add(result, display, "E-ZIP-SIZE",
          shown + " is " + std::to_string(st.size) + " bytes uncompressed; an entry may be at most " +
              mib(limits.max_entry_bytes));
      continue;
    }
    if (st.size > limits.ratio_floor_bytes &&
        st.size / std::max<zip_uint64_t>(st.comp_size, 1) > limits.max_ratio) {
      add(result, display, "E-ZIP-RATIO",
          shown + " expands from " + std::to_string(st.comp_size) + " to " + std::to_string(st.size) +
              " bytes (more than " + std::to_string(limits.max_ratio) +
              " times); this looks like a zip bomb and is refused");
      continue;
    }
    total += st.size;
    if (total > limits.max_total_bytes) {
      if (!total_reported) {
        add(result, display, "E-ZIP-SIZE",
            "the entries add up to more than " + mib(limits.max_total_bytes) +
                " uncompressed; a pack may hold at most that much");
      }
      total_reported = true;
      continue;
    }
    entries.push_back(Entry{i, name, static_cast<std::size_t>(st.size)});
  }

  if (result.ok()) {
    std::vector<char> buffer(64 * 1024);
    for (const Entry& entry : entries) {
      const std::string shown = "entry " + shown_name(entry.name);
      zip_file_t* file = zip->fopen_index(archive, entry.index, 0);
      if (!file) {
        add(result, display, "E-ZIP-CORRUPT", shown + " cannot be opened (" + zip->strerror(archive) + ")");
        continue;
      }
      std::string data;
      bool failed = false;
      // One byte more than declared is enough to know an entry lies about its size.
      while (data.size() <= entry.size) {
        const std::size_t want = std::min(buffer.size(), entry.size + 1 - data.size());
        const zip_int64_t got = zip->fread(file, buffer.data(), want);
        if (got < 0) {
          add(result, display, "E-ZIP-CORRUPT", shown + " is damaged (" + zip->file_strerror(file) + ")");
          failed = true;
          break;
        }
        if (got == 0) break;
        data.append(buffer.data(), static_cast<std::size_t>(got));
      }
      zip->fclose(file);
      if (failed) continue;
      if (data.size() != entry.size) {
        add(result, display, "E-ZIP-CORRUPT",
            shown + " holds " + (data.size() > entry.size ? "more" : "fewer") +
                " bytes than its header says (" + std::to_string(entry.size) + ")");
        continue;
      }
      result.files.emplace(entry.name, std::move(data));
    }
  }
  zip->discard(archive);
  if (!result.ok()) result.files.clear();
  return result;
}

#else

bool archives_supported() {
  return false;
}

ArchiveReadResult read_archive(std::string_view, const std::string& display, const ArchiveLimits&) {
  ArchiveReadResult result;
  add(result, display, "E-UNSUPPORTED",
      ".respack archives cannot be read by this build of Respite (it was built without libzip); use the pack "
      "folder");
  (void)shown_name;
  (void)mib;
  return result;
}

#endif

}  // namespace respite::core

// The pack loader's entry points: folders, manifests, archives and catalogs. The validation itself
// is in pack_reader.cpp and pack_reader_items.cpp.
#include "core/pack_loader.h"

#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "core/markup.h"
#include "core/pack_reader.h"

namespace respite::core {
namespace {

namespace fs = std::filesystem;

// A pack given as text alone: it has no other files.
class NoFiles : public PackFiles {
 public:
  explicit NoFiles(std::string display_root) : display_root_(std::move(display_root)) {}
  FileRead read(const std::string&, std::size_t) const override {
    return FileRead{FileRead::Status::Missing, {}, 0};
  }
  std::string display(const std::string& relative) const override {
    return display_root_.empty() ? relative : (fs::path(display_root_) / relative).string();
  }

 private:
  std::string display_root_;
};

void add_file_error(PackLoadResult& result, const char* code, std::string message) {
  Diagnostic d;
  d.file = result.manifest;
  d.code = code;
  d.json_path = "$";
  d.message = std::move(message);
  result.diagnostics.add(std::move(d));
}

}  // namespace

bool is_archive_path(const std::string& path) {
  return fs::path(path).extension() == ".respack";
}

PackLoadResult parse_pack_manifest(std::string_view json_text, const std::string& display_path,
                                   const std::string& source, const PackLimits& limits) {
  PackLoadResult result;
  result.manifest = display_path;
  const NoFiles files(fs::path(display_path).parent_path().string());
  detail::PackReader reader(files, limits, result);
  reader.run(fs::path(display_path).filename().string(), json_text, source);
  return result;
}

PackLoadResult load_pack_files(const PackFiles& files, const std::string& manifest, const std::string& source,
                               const PackLimits& limits) {
  PackLoadResult result;
  result.manifest = files.display(manifest);
  detail::PackReader reader(files, limits, result);
  reader.run(manifest, std::nullopt, source);
  return result;
}

PackLoadResult load_pack_archive(std::string_view bytes, const std::string& display,
                                 const std::string& source, const PackLimits& limits) {
  ArchiveReadResult archive = read_archive(bytes, display, limits.archive);
  if (!archive.ok()) {
    PackLoadResult result;
    result.manifest = display;
    result.archive = true;
    result.bytes = bytes.size();
    result.diagnostics = std::move(archive.diagnostics);
    return result;
  }
  const bool has_manifest = archive.files.count("pack.json") != 0;
  const MemoryFiles files(std::move(archive.files), display);
  if (!has_manifest) {
    PackLoadResult result;
    result.manifest = display;
    result.archive = true;
    result.bytes = bytes.size();
    add_file_error(result, "E-IO",
                   "the archive has no pack.json at its top level; build archives with 'respite pack build'");
    return result;
  }
  PackLoadResult result = load_pack_files(files, "pack.json", source, limits);
  result.archive = true;
  result.bytes = bytes.size();
  return result;
}

PackLoadResult load_pack(const std::string& path, const PackLimits& limits) {
  std::error_code ec;
  if (is_archive_path(path) && !fs::is_directory(path, ec)) return load_pack_named(path, path, limits);
  const bool is_folder = fs::is_directory(path, ec);
  const std::string manifest = is_folder ? (fs::path(path) / "pack.json").string() : path;
  return load_pack_named(path, manifest, limits);
}

PackLoadResult load_pack_named(const std::string& path, const std::string& display_path,
                               const PackLimits& limits) {
  PackLoadResult result;
  result.manifest = display_path;
  std::error_code ec;
  fs::path manifest(path);
  if (fs::is_directory(manifest, ec)) {
    manifest /= "pack.json";
    if (!fs::exists(manifest, ec)) {
      add_file_error(result, "E-IO",
                     "this folder has no pack.json; a pack folder holds its manifest in pack.json");
      return result;
    }
  } else if (!fs::exists(manifest, ec)) {
    add_file_error(result, "E-IO", "no such file or folder");
    return result;
  } else if (is_archive_path(path)) {
    const FileRead read = read_file_capped(path, limits.archive.max_archive_bytes);
    if (read.status == FileRead::Status::TooLarge) {
      add_file_error(result, "E-ZIP-SIZE",
                     "the archive is larger than the limit of " +
                         std::to_string(limits.archive.max_archive_bytes) + " bytes");
      return result;
    }
    if (read.status != FileRead::Status::Ok) {
      add_file_error(result, "E-IO",
                     read.status == FileRead::Status::NotAFile ? "this is not a regular file"
                                                               : "the file cannot be read");
      return result;
    }
    return load_pack_archive(read.bytes, display_path, path, limits);
  }
  if (fs::is_directory(manifest, ec) || !fs::is_regular_file(manifest, ec)) {
    add_file_error(result, "E-IO", "this is not a regular file");
    return result;
  }
  // Other files are named relative to the manifest's folder, as the manifest is named.
  const FolderFiles files(manifest.parent_path().string(), fs::path(display_path).parent_path().string());
  result = load_pack_files(files, manifest.filename().string(), path, limits);
  result.manifest = display_path;
  return result;
}

// ---- Catalogs -------------------------------------------------------------------------------------

namespace {

struct CrossRef {
  std::size_t pack;  // index in the catalog
  std::string item;
  std::string where;  // for messages: "$.items[..]"-free description, e.g. "day 3 of the program"
  std::string ref;
  bool program_day;
};

// Every reference from `pack` to an item of another pack, with a description of where it is.
std::vector<CrossRef> cross_refs(const Catalog& catalog, std::size_t index) {
  std::vector<CrossRef> out;
  const Pack& pack = catalog.packs[index];
  const auto other = [&](const std::string& ref) {
    const auto resolved = ItemRef::resolve(ref, pack.id);
    return resolved && resolved->pack_id != pack.id;
  };
  for (const Item& item : pack.items) {
    for (const ProgramDay& day : item.program.days) {
      for (const std::string& ref : day.items) {
        if (other(ref)) out.push_back({index, item.id, "day " + std::to_string(day.day), ref, true});
      }
    }
    for (std::size_t p = 0; p < item.module.pages.size(); ++p) {
      const ModulePage& page = item.module.pages[p];
      if (page.checkin) {
        for (const CheckinBand& band : page.checkin->bands) {
          for (const std::string& ref : band.suggest) {
            if (other(ref))
              out.push_back({index, item.id, "a suggestion on page " + std::to_string(p + 1), ref, false});
          }
        }
      }
      std::set<std::string> seen;
      for (const auto& [locale, text] : page.body.all()) {
        for (const markup::Span& link : markup::parse(text).links()) {
          if (link.link == markup::LinkKind::Item && other(link.target) && seen.insert(link.target).second) {
            out.push_back({index, item.id, "a link on page " + std::to_string(p + 1), link.target, false});
          }
        }
      }
    }
  }
  return out;
}

Diagnostic catalog_diagnostic(const Pack& pack, Severity severity, const char* code, std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.file = pack.source;
  d.code = code;
  d.json_path = "$";
  d.message = std::move(message);
  return d;
}

// A loop of programs that runs through more than one pack, as "A/x -> B/y -> A/x", and the index
// of the latest-loaded pack on it; nullopt when there is none.
std::optional<std::pair<std::string, std::size_t>> find_cross_pack_loop(const Catalog& catalog) {
  const auto index_of = [&](const std::string& pack_id) {
    for (std::size_t i = 0; i < catalog.packs.size(); ++i) {
      if (catalog.packs[i].id == pack_id) return i;
    }
    return std::size_t{0};
  };
  for (const Pack& pack : catalog.packs) {
    for (const Item& item : pack.items) {
      if (item.kind != ItemKind::Program) continue;
      const ItemRef start{pack.id, item.id};
      std::set<ItemRef> visited;
      std::vector<ItemRef> trail{start};
      std::function<bool(const ItemRef&)> reaches_start = [&](const ItemRef& node) -> bool {
        const Item* program = catalog.find(node);
        if (!program || program->kind != ItemKind::Program) return false;
        for (const ProgramDay& day : program->program.days) {
          for (const std::string& text : day.items) {
            const auto next = ItemRef::resolve(text, node.pack_id);
            if (!next) continue;
            if (*next == start) {
              trail.push_back(*next);
              return true;
            }
            if (!visited.insert(*next).second) continue;
            trail.push_back(*next);
            if (reaches_start(*next)) return true;
            trail.pop_back();
          }
        }
        return false;
      };
      if (!reaches_start(start)) continue;
      // Loops inside one pack were refused when it was loaded; only loops across packs are new here.
      std::size_t latest = 0;
      bool crosses = false;
      for (const ItemRef& node : trail) {
        latest = std::max(latest, index_of(node.pack_id));
        crosses = crosses || node.pack_id != start.pack_id;
      }
      if (!crosses) continue;
      // Describe the loop from the program of the pack that closes it.
      std::size_t from = 0;
      while (trail[from].pack_id != catalog.packs[latest].id) ++from;
      std::string path;
      for (std::size_t k = 0; k + 1 < trail.size(); ++k) {
        path += trail[(from + k) % (trail.size() - 1)].to_string() + " -> ";
      }
      path += trail[from].to_string();
      return std::make_pair(path, latest);
    }
  }
  return std::nullopt;
}

}  // namespace

void check_catalog_references(Catalog& catalog, Diagnostics& diagnostics) {
  // Loops between programs of different packs: the latest-loaded pack on a loop is left out.
  while (const auto loop = find_cross_pack_loop(catalog)) {
    const Pack& pack = catalog.packs[loop->second];
    const std::string first = loop->first.substr(0, loop->first.find(' '));
    diagnostics.add(catalog_diagnostic(pack, Severity::Error, "E-CYCLE",
                                       "the program \"" + first +
                                           "\" includes itself through another pack (" + loop->first +
                                           "); this pack is left out"));
    catalog.packs.erase(catalog.packs.begin() + static_cast<std::ptrdiff_t>(loop->second));
  }
  for (std::size_t i = 0; i < catalog.packs.size(); ++i) {
    for (const CrossRef& ref : cross_refs(catalog, i)) {
      const auto resolved = ItemRef::resolve(ref.ref, catalog.packs[i].id);
      if (catalog.find(*resolved)) continue;
      const bool pack_known = catalog.find_pack(resolved->pack_id) != nullptr;
      diagnostics.add(
          catalog_diagnostic(catalog.packs[i], Severity::Warning, "W-UNRESOLVED-REF",
                             "item \"" + ref.item + "\" (" + ref.where + ") names \"" + ref.ref + "\", but " +
                                 (pack_known ? "that pack has no such item"
                                             : "no pack \"" + resolved->pack_id + "\" is installed") +
                                 "; the app skips it until that is installed"));
    }
  }
}

CatalogLoadResult load_catalog(const std::vector<std::string>& paths, const PackLimits& limits) {
  CatalogLoadResult result;
  std::map<std::string, std::string> sources;  // pack id -> where it was loaded from
  for (const std::string& path : paths) {
    PackLoadResult loaded = load_pack(path, limits);
    result.diagnostics.append(loaded.diagnostics);
    if (!loaded.pack) continue;
    if (auto it = sources.find(loaded.pack->id); it != sources.end()) {
      Diagnostic d;
      d.file = loaded.manifest;
      d.line = loaded.id_line;
      d.column = loaded.id_column;
      d.code = "E-DUPLICATE-PACK";
      d.json_path = "$.id";
      d.message = "a pack with the id \"" + loaded.pack->id + "\" is already loaded from " + it->second +
                  "; this one is skipped";
      result.diagnostics.add(std::move(d));
      continue;
    }
    sources.emplace(loaded.pack->id, loaded.pack->source);
    result.catalog.packs.push_back(std::move(*loaded.pack));
  }
  check_catalog_references(result.catalog, result.diagnostics);
  return result;
}

}  // namespace respite::core

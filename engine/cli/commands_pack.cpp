// `respite pack ...` (docs/cli.md): validate, new, build, info, keygen, sign and verify, and install,
// remove and list on a personal device. Authoring and sharing packs, over the same loader the app
// uses: a pack that validates here loads there.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <ostream>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "core/pack_build.h"
#include "core/pack_library.h"
#include "core/pack_loader.h"
#include "core/pack_summary.h"
#include "core/pack_template.h"
#include "core/pack_text.h"
#include "core/signing.h"
#include "core/unit_packs.h"

namespace respite::cli {
namespace {

namespace fs = std::filesystem;
using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

constexpr std::size_t kMaxKeyFileBytes = 4096;

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

void print_diagnostics(const core::Diagnostics& diagnostics, std::ostream& err) {
  for (const core::Diagnostic& d : diagnostics.items()) err << d.format() << '\n';
}

// Writes `data` to a new file (never over an existing one), with `mode` permissions from the start.
bool write_new_file(const std::string& path, const std::string& data, mode_t mode, std::string& error) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) {
    error = errno == EEXIST ? "'" + path + "' already exists; it is not overwritten"
                            : "cannot create '" + path + "': " + std::strerror(errno);
    return false;
  }
  std::size_t written = 0;
  while (written < data.size()) {
    const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = "cannot write '" + path + "': " + std::strerror(errno);
      ::close(fd);
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    error = "cannot finish writing '" + path + "': " + std::strerror(errno);
    return false;
  }
  return true;
}

// Writes `data` to `path` through a temporary file and a rename, so a reader never sees half a file.
bool replace_file(const std::string& path, const std::string& data, std::string& error) {
  const std::string temporary = path + ".tmp";
  std::error_code ec;
  fs::remove(temporary, ec);
  if (!write_new_file(temporary, data, 0644, error)) return false;
  fs::rename(temporary, path, ec);
  if (ec) {
    error = "cannot write '" + path + "': " + ec.message();
    fs::remove(temporary, ec);
    return false;
  }
  return true;
}

std::optional<std::string> read_small_file(const std::string& path, std::size_t cap, std::string& error) {
  core::FileRead read = core::read_file_capped(path, cap);
  switch (read.status) {
    case core::FileRead::Status::Ok:
      return std::move(read.bytes);
    case core::FileRead::Status::Missing:
      error = "no such file '" + path + "'";
      break;
    case core::FileRead::Status::TooLarge:
      error = "'" + path + "' is too large for what it should be";
      break;
    default:
      error = "cannot read '" + path + "'";
      break;
  }
  return std::nullopt;
}

// The id `pack new` gives a pack made in `dir`: the folder's name, made into an id if it can be.
std::string id_from_folder(const std::string& dir) {
  std::string name = fs::path(dir).lexically_normal().filename().string();
  if (name.empty() || name == ".") name = fs::path(dir).lexically_normal().parent_path().filename().string();
  std::string id;
  for (char c : name) {
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    const bool ok = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
    if (ok) {
      id += lower;
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  if (id.size() > 64) id.resize(64);
  return id;
}

// ---- validate -----------------------------------------------------------------------------------

int pack_validate(const Args& args, std::ostream& out, std::ostream& err) {
  const auto parsed = parse_command("pack validate", args, {}, err);
  if (!parsed) return kUsage;
  if (parsed->positional().empty()) {
    err << "respite pack validate: expected at least one PATH (a pack folder, its pack.json or a .respack)\n";
    return kUsage;
  }
  bool any_errors = false;
  for (const std::string& path : parsed->positional()) {
    const core::PackLoadResult result = core::load_pack(path);
    print_diagnostics(result.diagnostics, err);
    const std::string name = result.pack_id.empty() ? path : result.pack_id;
    out << name << ": " << plural(result.diagnostics.error_count(), "error") << ", "
        << plural(result.diagnostics.warning_count(), "warning") << '\n';
    any_errors = any_errors || result.diagnostics.has_errors();
  }
  return any_errors ? kInvalid : kOk;
}

// ---- new ----------------------------------------------------------------------------------------

int pack_new(const Args& args, std::ostream& out, std::ostream& err) {
  const auto parsed = parse_command("pack new", args, {{"--id", true, false}}, err);
  if (!parsed) return kUsage;
  if (parsed->positional().size() != 1) {
    err << "respite pack new: expected one DIR, the folder to create the pack in\n";
    return kUsage;
  }
  const std::string dir = parsed->positional().front();
  const std::string id = parsed->value("--id").value_or(id_from_folder(dir));
  if (!core::pack_text::is_valid_id(id)) {
    err << "respite pack new: '" << id
        << "' cannot be a pack id (2 to 64 lowercase letters, digits and hyphens); "
        << "give one with --id, like --id my-unit-pack\n";
    return kUsage;
  }
  std::error_code ec;
  if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec))) {
    err << "respite pack new: '" << dir
        << "' already exists and is not an empty folder; nothing was written\n";
    return kInvalid;
  }
  for (const auto& [relative, data] : core::pack_template(id)) {
    const fs::path file = fs::path(dir) / relative;
    fs::create_directories(file.parent_path(), ec);
    std::string error;
    if (ec || !write_new_file(file.string(), data, 0644, error)) {
      err << "respite pack new: "
          << (ec ? "cannot create '" + file.parent_path().string() + "': " + ec.message() : error) << '\n';
      return kInvalid;
    }
  }
  const core::PackLoadResult check = core::load_pack(dir);
  print_diagnostics(check.diagnostics, err);
  if (!check.pack) return kInvalid;
  std::string kinds;
  for (const auto& [kind, count] : core::count_items_by_kind(*check.pack)) {
    kinds += (kinds.empty() ? "" : ", ") + std::to_string(count) + " " + kind;
  }
  out << "created " << dir << ": pack \"" << id << "\" with " << plural(check.pack->items.size(), "item")
      << " (" << kinds << ") in " << plural(check.pack->files.size(), "file") << "\n"
      << "next: read " << (fs::path(dir) / "README.md").string() << ", edit, then 'respite pack validate "
      << dir << "'\n";
  return kOk;
}

// ---- build --------------------------------------------------------------------------------------

int pack_build(const Args& args, std::ostream& out, std::ostream& err) {
  const auto parsed = parse_command("pack build", args, {{"-o", true, false}}, err);
  if (!parsed) return kUsage;
  if (parsed->positional().size() != 1 || !parsed->value("-o")) {
    err << "respite pack build: expected DIR -o FILE.respack\n";
    return kUsage;
  }
  const std::string dir = parsed->positional().front();
  const std::string output = *parsed->value("-o");
  if (!core::is_archive_path(output)) {
    err << "respite pack build: the output file must end in .respack, found '" << output << "'\n";
    return kUsage;
  }
  core::PackBuildResult built = core::build_pack(dir);
  print_diagnostics(built.loaded.diagnostics, err);
  if (!built.archive) {
    err << "respite pack build: not built: " << built.error;
    if (built.loaded.diagnostics.has_errors())
      err << " (" << plural(built.loaded.diagnostics.error_count(), "error") << ")";
    err << '\n';
    return kInvalid;
  }
  std::string error;
  if (!replace_file(output, *built.archive, error)) {
    err << "respite pack build: " << error << '\n';
    return kInvalid;
  }
  const core::Pack& pack = *built.loaded.pack;
  out << "built " << output << ": " << pack.id << " " << pack.version << ", "
      << plural(pack.items.size(), "item") << ", " << plural(pack.files.size(), "file") << ", "
      << built.archive->size() << " bytes\n";
  return kOk;
}

// ---- info ---------------------------------------------------------------------------------------

int pack_info(const Args& args, std::ostream& out, std::ostream& err) {
  const auto parsed =
      parse_command("pack info", args, {{"--json", false, false}, {"--trusted-key", true, true}}, err);
  if (!parsed) return kUsage;
  if (parsed->positional().size() != 1) {
    err << "respite pack info: expected one PATH (a pack folder, its pack.json or a .respack)\n";
    return kUsage;
  }
  const std::string path = parsed->positional().front();
  std::vector<std::string> trusted;
  for (const std::string& key_file : parsed->values("--trusted-key")) {
    std::string error;
    const auto text = read_small_file(key_file, kMaxKeyFileBytes, error);
    const auto key = text ? core::parse_public_key(*text, error) : std::nullopt;
    if (!key) {
      err << "respite pack info: --trusted-key " << key_file << ": " << error << '\n';
      return kInvalid;
    }
    trusted.push_back(*key);
  }
  const core::PackLoadResult result = core::load_pack(path);
  for (const core::Diagnostic& d : result.diagnostics.items()) {
    if (d.severity == core::Severity::Error) err << d.format() << '\n';
  }

  // The signature of an archive: PATH.sig next to it.
  core::SignatureCheck signature;
  signature.message = result.archive ? "the archive is not signed (no " + path + ".sig)"
                                     : "a folder is not signed; build and sign a .respack to share it";
  if (result.archive && fs::exists(path + ".sig")) {
    std::string error;
    const auto archive = read_small_file(path, core::ArchiveLimits{}.max_archive_bytes, error);
    const auto sig = read_small_file(path + ".sig", kMaxKeyFileBytes, error);
    if (archive && sig) {
      signature = core::verify_pack_signature(*archive, *sig, trusted);
    } else {
      signature.status = core::SignatureStatus::Malformed;
      signature.message = error;
    }
  }

  const core::Pack* pack = result.pack ? &*result.pack : nullptr;
  std::map<std::string, std::size_t> kinds;
  if (pack) kinds = core::count_items_by_kind(*pack);
  const std::string title = pack ? pack->title.get(pack->default_locale, pack->default_locale) : "";
  if (parsed->has("--json")) {
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.SetIndent(' ', 2);
    const auto str = [&](const std::string& s) {
      writer.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
    };
    writer.StartObject();
    writer.Key("path");
    str(path);
    writer.Key("valid");
    writer.Bool(pack != nullptr);
    writer.Key("id");
    str(result.pack_id);
    writer.Key("version");
    str(result.version);
    writer.Key("format_version");
    writer.Int(result.format_version);
    writer.Key("title");
    str(title);
    writer.Key("container");
    str(result.archive ? "archive" : "folder");
    writer.Key("items");
    writer.StartObject();
    writer.Key("total");
    writer.Uint64(pack ? pack->items.size() : 0);
    for (const char* kind : {"breathing", "micro_break", "module", "program"}) {
      writer.Key(kind);
      writer.Uint64(kinds.count(kind) ? kinds[kind] : 0);
    }
    writer.EndObject();
    writer.Key("default_locale");
    str(pack ? pack->default_locale : "");
    writer.Key("locales");
    writer.StartArray();
    if (pack) {
      for (const std::string& locale : pack->locales) str(locale);
    }
    writer.EndArray();
    writer.Key("files");
    writer.Uint64(pack ? pack->files.size() : 0);
    writer.Key("bytes");
    writer.Uint64(result.bytes);
    writer.Key("signature");
    writer.StartObject();
    writer.Key("status");
    writer.String(core::to_string(signature.status));
    writer.Key("key_id");
    str(signature.key_id);
    writer.Key("message");
    str(signature.message);
    writer.EndObject();
    writer.Key("errors");
    writer.Uint64(result.diagnostics.error_count());
    writer.Key("warnings");
    writer.Uint64(result.diagnostics.warning_count());
    writer.EndObject();
    out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
    out << '\n';
  } else {
    std::string by_kind;
    for (const auto& [kind, count] : kinds)
      by_kind += (by_kind.empty() ? "" : ", ") + std::to_string(count) + " " + kind;
    out << "id:        " << (result.pack_id.empty() ? "?" : result.pack_id) << '\n'
        << "version:   " << (result.version.empty() ? "?" : result.version) << '\n'
        << "format:    " << result.format_version << '\n';
    if (pack) {
      out << "title:     " << title << '\n'
          << "items:     " << pack->items.size() << " (" << by_kind << ")\n"
          << "locales:   " << core::pack_text::join(pack->locales) << " (default " << pack->default_locale
          << ")\n"
          << "files:     " << pack->files.size() << ", " << result.bytes << " bytes"
          << (result.archive ? " (archive)" : " (folder)") << '\n';
    }
    out << "signature: " << core::to_string(signature.status);
    if (!signature.key_id.empty()) out << ", key " << signature.key_id;
    out << " (" << signature.message << ")\n"
        << "problems:  " << plural(result.diagnostics.error_count(), "error") << ", "
        << plural(result.diagnostics.warning_count(), "warning")
        << (result.diagnostics.has_errors() ? " (see 'respite pack validate')" : "") << '\n';
  }
  return pack ? kOk : kInvalid;
}

// ---- keygen, sign, verify -----------------------------------------------------------------------

int pack_keygen(const Args& args, std::ostream& out, std::ostream& err) {
  const auto parsed = parse_command("pack keygen", args, {{"-o", true, false}}, err);
  if (!parsed) return kUsage;
  if (!parsed->positional().empty() || !parsed->value("-o")) {
    err << "respite pack keygen: expected -o KEYFILE (writes KEYFILE and KEYFILE.pub)\n";
    return kUsage;
  }
  if (!core::signing_supported()) {
    err << "respite pack keygen: this build has no signing support (libsodium)\n";
    return kInvalid;
  }
  const std::string secret_path = *parsed->value("-o");
  const std::string public_path = secret_path + ".pub";
  std::error_code ec;
  for (const std::string& p : {secret_path, public_path}) {
    if (fs::exists(p, ec)) {
      err << "respite pack keygen: '" << p << "' already exists; it is not overwritten\n";
      return kInvalid;
    }
  }
  const core::KeyPair pair = core::generate_key_pair();
  std::string error;
  // The secret key is readable by its owner only, from the moment it exists.
  if (!write_new_file(secret_path, core::format_secret_key(pair.secret_key), 0600, error) ||
      !write_new_file(public_path, core::format_public_key(pair.public_key), 0644, error)) {
    err << "respite pack keygen: " << error << '\n';
    return kInvalid;
  }
  out << "key " << core::key_id(pair.public_key) << ": secret key in " << secret_path
      << " (keep it private), public key in " << public_path
      << " (give it to those who install your packs)\n";
  return kOk;
}

int pack_sign(const Args& args, std::ostream& out, std::ostream& err) {
  const auto parsed = parse_command("pack sign", args, {{"--key", true, false}, {"-o", true, false}}, err);
  if (!parsed) return kUsage;
  if (parsed->positional().size() != 1 || !parsed->value("--key")) {
    err << "respite pack sign: expected PACK.respack --key SECRET_KEY_FILE\n";
    return kUsage;
  }
  const std::string archive_path = parsed->positional().front();
  const std::string sig_path = parsed->value("-o").value_or(archive_path + ".sig");
  std::string error;
  const auto key_text = read_small_file(*parsed->value("--key"), kMaxKeyFileBytes, error);
  const auto key = key_text ? core::parse_secret_key(*key_text, error) : std::nullopt;
  if (!key) {
    err << "respite pack sign: --key " << *parsed->value("--key") << ": " << error << '\n';
    return kInvalid;
  }
  if (!core::is_archive_path(archive_path)) {
    err << "respite pack sign: only .respack archives are signed; build one with 'respite pack build'\n";
    return kUsage;
  }
  const auto archive = read_small_file(archive_path, core::ArchiveLimits{}.max_archive_bytes, error);
  if (!archive) {
    err << "respite pack sign: " << error << '\n';
    return kInvalid;
  }
  // Sign only what loads: a signature vouches for a pack people can use.
  const core::PackLoadResult loaded = core::load_pack_archive(*archive, archive_path, archive_path);
  if (!loaded.pack) {
    print_diagnostics(loaded.diagnostics, err);
    err << "respite pack sign: not signed: the archive has errors\n";
    return kInvalid;
  }
  if (!replace_file(sig_path, core::sign_archive(*archive, *key), error)) {
    err << "respite pack sign: " << error << '\n';
    return kInvalid;
  }
  out << "signed " << archive_path << " with key " << core::key_id(std::string_view(*key).substr(32)) << ": "
      << sig_path << '\n';
  return kOk;
}

int pack_verify(const Args& args, std::ostream& out, std::ostream& err) {
  const auto parsed =
      parse_command("pack verify", args, {{"--key", true, true}, {"--signature", true, false}}, err);
  if (!parsed) return kUsage;
  if (parsed->positional().size() != 1 || !parsed->has("--key")) {
    err << "respite pack verify: expected PACK.respack --key PUBLIC_KEY_FILE... [--signature FILE]\n";
    return kUsage;
  }
  const std::string archive_path = parsed->positional().front();
  std::string error;
  std::vector<std::string> trusted;
  for (const std::string& key_file : parsed->values("--key")) {
    const auto text = read_small_file(key_file, kMaxKeyFileBytes, error);
    const auto key = text ? core::parse_public_key(*text, error) : std::nullopt;
    if (!key) {
      err << "respite pack verify: --key " << key_file << ": " << error << '\n';
      return kInvalid;
    }
    trusted.push_back(*key);
  }
  const auto archive = read_small_file(archive_path, core::ArchiveLimits{}.max_archive_bytes, error);
  if (!archive) {
    err << "respite pack verify: " << error << '\n';
    return kInvalid;
  }
  const std::string sig_path = parsed->value("--signature").value_or(archive_path + ".sig");
  std::string signature;
  if (fs::exists(sig_path)) {
    const auto sig = read_small_file(sig_path, kMaxKeyFileBytes, error);
    if (!sig) {
      err << "respite pack verify: " << error << '\n';
      return kInvalid;
    }
    signature = *sig;
  }
  const core::SignatureCheck check = core::verify_pack_signature(*archive, signature, trusted);
  (check.status == core::SignatureStatus::Trusted ? out : err)
      << archive_path << ": " << core::to_string(check.status) << ": " << check.message << '\n';
  return check.status == core::SignatureStatus::Trusted ? kOk : kInvalid;
}

}  // namespace

// ---- install, remove, list -----------------------------------------------------------------------
// The Packs screen's work for scripts on a personal device: the same library (DATA_DIR/packs), the
// same rule (only a higher version replaces a pack). A unit tablet changes its packs only with the
// admin PIN and trusted signatures: `respite unit install-pack`.

// DATA_DIR's packs folder when DATA_DIR is a personal device's (or, to read it, any device's);
// nullopt after saying why not.
std::optional<std::string> personal_library(const std::string& command, const ParsedArgs& args, bool changes,
                                            std::ostream& err) {
  const std::string data_dir = *args.value("--data-dir");
  const core::UnitPackFacts unit = core::read_unit_pack_facts(data_dir);
  if (!unit.error.empty()) {
    err << "respite pack " << command << ": " << unit.error << "; nothing was changed\n";
    return std::nullopt;
  }
  if (changes && unit.unit_mode) {
    err << "respite pack " << command << ": " << data_dir
        << " is a unit tablet; its packs change only with the admin PIN: 'respite unit install-pack'\n";
    return std::nullopt;
  }
  return core::unit_packs_dir(data_dir);
}

int pack_install(const Args& args, std::ostream& out, std::ostream& err) {
  const auto parsed = parse_data_command("pack install", args, {}, 1, err);
  if (!parsed) return kUsage;
  const auto library = personal_library("install", *parsed, true, err);
  if (!library) return kInvalid;
  const std::string& archive = parsed->positional()[0];
  const core::InstallResult result = core::install_pack(*library, archive);
  print_diagnostics(result.loaded.diagnostics, err);
  if (result.action == core::InstallAction::Refused) {
    err << "respite pack install: " << archive << ": " << result.message << '\n';
    return kInvalid;
  }
  out << (result.action == core::InstallAction::Updated ? "updated " : "installed ") << result.loaded.pack_id
      << ' ' << result.loaded.version << " in " << result.installed_path
      << "; the app shows it at its next start or when the Packs screen opens\n";
  return kOk;
}

int pack_remove(const Args& args, std::ostream& out, std::ostream& err) {
  const auto parsed = parse_data_command("pack remove", args, {}, 1, err);
  if (!parsed) return kUsage;
  const auto library = personal_library("remove", *parsed, true, err);
  if (!library) return kInvalid;
  std::string error;
  if (!core::remove_pack(*library, parsed->positional()[0], error)) {
    err << "respite pack remove: " << error << '\n';
    return kInvalid;
  }
  out << "removed " << parsed->positional()[0] << "; progress recorded with it is kept\n";
  return kOk;
}

int pack_list(const Args& args, std::ostream& out, std::ostream& err) {
  const auto parsed = parse_data_command("pack list", args, {{"--json", false}}, 0, err);
  if (!parsed) return kUsage;
  const auto library = personal_library("list", *parsed, false, err);
  if (!library) return kInvalid;
  const std::vector<core::LibraryEntry> entries = core::list_library(*library);
  if (parsed->has("--json")) {
    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    json.StartArray();
    for (const core::LibraryEntry& e : entries) {
      json.StartObject();
      json.Key("path");
      json.String(e.path.c_str());
      json.Key("id");
      json.String(e.result.pack_id.c_str());
      json.Key("version");
      json.String(e.result.version.c_str());
      json.Key("loads");
      json.Bool(e.result.pack.has_value());
      json.EndObject();
    }
    json.EndArray();
    out << buffer.GetString() << '\n';
    return kOk;
  }
  for (const core::LibraryEntry& e : entries) {
    const std::string id = e.result.pack_id.empty() ? fs::path(e.path).filename().string() : e.result.pack_id;
    out << id << ' ' << (e.result.version.empty() ? "-" : e.result.version) << ' '
        << (e.result.pack ? "ok" : "broken (respite pack validate " + e.path + ")") << '\n';
  }
  if (entries.empty()) out << "no packs installed in " << *library << '\n';
  return kOk;
}

int cmd_pack(const Args& args, std::ostream& out, std::ostream& err) {
  const char* kSubcommands = "validate, new, build, info, keygen, sign, verify, install, remove or list";
  if (args.empty()) {
    err << "respite pack: expected a subcommand: " << kSubcommands << " (see 'respite help')\n";
    return kUsage;
  }
  const std::string& sub = args.front();
  const Args rest(args.begin() + 1, args.end());
  if (sub == "validate") return pack_validate(rest, out, err);
  if (sub == "new") return pack_new(rest, out, err);
  if (sub == "build") return pack_build(rest, out, err);
  if (sub == "info") return pack_info(rest, out, err);
  if (sub == "keygen") return pack_keygen(rest, out, err);
  if (sub == "sign") return pack_sign(rest, out, err);
  if (sub == "verify") return pack_verify(rest, out, err);
  if (sub == "install") return pack_install(rest, out, err);
  if (sub == "remove") return pack_remove(rest, out, err);
  if (sub == "list") return pack_list(rest, out, err);
  err << "respite pack: unknown subcommand '" << sub << "'; expected " << kSubcommands
      << " (see 'respite help')\n";
  return kUsage;
}

}  // namespace respite::cli

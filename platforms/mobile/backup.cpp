#include "backup.h"

#include <filesystem>
#include <system_error>

#if defined(__APPLE__)
#include <CoreFoundation/CoreFoundation.h>
#endif

namespace respite::mobile {

#if defined(__APPLE__)

namespace {

std::string describe(CFErrorRef error) {
  if (error == nullptr) return "unknown error";
  std::string text = "unknown error";
  if (CFStringRef description = CFErrorCopyDescription(error)) {
    char buffer[512];
    if (CFStringGetCString(description, buffer, sizeof buffer, kCFStringEncodingUTF8)) text = buffer;
    CFRelease(description);
  }
  return text;
}

}  // namespace

bool exclude_from_backup(const std::string& dir, std::string& error) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  // The C form of -[NSURL setResourceValue:@YES forKey:NSURLIsExcludedFromBackupKey error:].
  CFURLRef url = CFURLCreateFromFileSystemRepresentation(kCFAllocatorDefault,
                                                         reinterpret_cast<const UInt8*>(dir.c_str()),
                                                         static_cast<CFIndex>(dir.size()), true);
  if (url == nullptr) {
    error = "cannot make a URL of " + dir;
    return false;
  }
  CFErrorRef cf_error = nullptr;
  const bool ok =
      CFURLSetResourcePropertyForKey(url, kCFURLIsExcludedFromBackupKey, kCFBooleanTrue, &cf_error) != 0;
  if (!ok) {
    error = "cannot exclude " + dir + " from backups: " + describe(cf_error);
    if (cf_error != nullptr) CFRelease(cf_error);
  }
  CFRelease(url);
  return ok;
}

#else

bool exclude_from_backup(const std::string& dir, std::string& error) {
  (void)dir;
  (void)error;
  return true;
}

#endif

}  // namespace respite::mobile

// Keeps the app's data folder out of cloud backups where the platform sets that per folder.
#pragma once

#include <string>

namespace respite::mobile {

// iOS: marks `dir` (created if missing) with NSURLIsExcludedFromBackupKey, so neither iCloud nor
// iTunes/Finder backups copy it; Apple asks apps to set it again at each start, as the mark does
// not survive every restore. Android: nothing to do here, the manifest turns backups off for the
// whole app (platforms/android/app/src/main/AndroidManifest.xml). Elsewhere: nothing (true).
// False with `error` when the platform refused.
bool exclude_from_backup(const std::string& dir, std::string& error);

}  // namespace respite::mobile

// An LD_PRELOAD shim for the no-network test (tests/headless/test_no_network.cpp): every socket()
// and socketpair() call the process makes through libc is appended to $RESPITE_SOCKET_LOG as
// "socket FAMILY TYPE" (numbers, from <sys/socket.h>) before the real call runs unchanged. The test
// then fails on any family other than AF_UNIX (local) and AF_NETLINK (the kernel's device events,
// which SDL's udev support reads; it never leaves the machine).
//
// What it cannot see: system calls made without libc (raw syscall(2), static binaries). The test
// therefore also runs the same commands inside an empty network namespace (`unshare -rn`) when
// the machine allows it, where no socket could reach anything even if one were made.
#include <dlfcn.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace {

void note(const char* call, int domain, int type) {
  const char* path = std::getenv("RESPITE_SOCKET_LOG");
  if (path == nullptr || *path == '\0') return;
  const int fd = ::open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return;
  char line[64];
  const int n = std::snprintf(line, sizeof line, "%s %d %d\n", call, domain, type);
  if (n > 0) {
    const ssize_t written = ::write(fd, line, static_cast<size_t>(n));
    (void)written;
  }
  ::close(fd);
}

}  // namespace

extern "C" {

int socket(int domain, int type, int protocol) {
  note("socket", domain, type);
  using Fn = int (*)(int, int, int);
  static const Fn real = reinterpret_cast<Fn>(dlsym(RTLD_NEXT, "socket"));
  return real != nullptr ? real(domain, type, protocol) : -1;
}

int socketpair(int domain, int type, int protocol, int sv[2]) {
  note("socketpair", domain, type);
  using Fn = int (*)(int, int, int, int*);
  static const Fn real = reinterpret_cast<Fn>(dlsym(RTLD_NEXT, "socketpair"));
  return real != nullptr ? real(domain, type, protocol, sv) : -1;
}

}  // extern "C"

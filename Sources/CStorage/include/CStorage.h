#ifndef GONGJIAN_CSTORAGE_H
#define GONGJIAN_CSTORAGE_H

// C for the storage layer: what Swift cannot do safely (a signal handler) and the Linux calls
// its Glibc module does not import (they need _GNU_SOURCE).

// ---- Temporary files that must not outlive an interrupted process ----
// Swift cannot write a signal handler that is safe at any moment (it may allocate, retain or
// take locks), so the table and the handler live here, with lock-free atomics.

// Remembers the entry `name` of the folder open as `directory_fd`, to be removed (as a folder
// when `is_directory`) if SIGINT, SIGTERM, SIGHUP or SIGXFSZ ends the process; the handler
// then dies of the same signal. Installs the handler on first use, for each of those signals
// that nobody ignores or handles already. Returns the slot for gongjian_pending_remove, or -1
// when the name is too long or every slot is taken (the caller alone then removes the file).
int gongjian_pending_add(int directory_fd, const char *name, int is_directory);

// Forgets a slot once its file has been renamed into place or removed.
void gongjian_pending_remove(int slot);

// ---- Locks ----

// Takes a shared open-file-description lock on `length` bytes at `start` of the file open as
// `fd`, without waiting: 0, or -1 with errno (EAGAIN while someone holds a conflicting lock).
// Unlike a classic POSIX lock it is not lost when the process closes another descriptor of
// the same file (SQLite opens its own), and it goes away when `fd` is closed.
int gongjian_lock_shared(int fd, long long start, long long length);

#endif

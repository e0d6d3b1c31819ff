#ifndef GONGJIAN_PENDING_FILES_H
#define GONGJIAN_PENDING_FILES_H

// Temporary files that must not outlive the process when it is interrupted. Swift cannot
// write a signal handler that is safe to run at any moment (it may allocate, retain or take
// locks), so the list and the handler live here, in C, with lock-free atomics.

// Remembers the entry `name` of the folder open as `directory_fd`, to be removed (a folder
// when `is_directory`) if SIGINT, SIGTERM or SIGHUP ends the process. Installs the handler
// on first use, for each of those signals that is not ignored. Returns the slot to pass to
// gongjian_pending_remove, or -1 when the name is too long or every slot is taken.
int gongjian_pending_add(int directory_fd, const char *name, int is_directory);

// Forgets a slot once its file has been renamed into place or removed.
void gongjian_pending_remove(int slot);

#endif

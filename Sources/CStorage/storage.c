// F_OFD_SETLK is a Linux extension.
#define _GNU_SOURCE

#include "CStorage.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

// A command has a few temporary files at a time (an output, or a copy with SQLite's
// companions and their private folder), so a small fixed table is enough, and fixed storage
// is what a signal handler may read.
#define SLOT_COUNT 64
#define NAME_BYTES 256

enum { SLOT_FREE = 0, SLOT_FILLING = 1, SLOT_ACTIVE = 2, SLOT_CLEANING = 3 };

struct pending_slot {
  _Atomic int state;
  int directory_fd;
  int unlink_flags;
  char name[NAME_BYTES];
};

static struct pending_slot slots[SLOT_COUNT];
static atomic_flag installed = ATOMIC_FLAG_INIT;

// SIGXFSZ: a file size limit (ulimit -f) reached while writing ends the process by default.
static const int cleaned_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGXFSZ};

static void remove_pending_and_reraise(int signal_number) {
  int saved_errno = errno;
  // Newest first: the files inside a private folder go before the folder itself.
  for (int index = SLOT_COUNT - 1; index >= 0; index--) {
    int expected = SLOT_ACTIVE;
    // A slot taken here stays taken, so no other thread can reuse its name meanwhile.
    if (atomic_compare_exchange_strong(&slots[index].state, &expected, SLOT_CLEANING)) {
      unlinkat(slots[index].directory_fd, slots[index].name, slots[index].unlink_flags);
    }
  }
  // Die of the same signal, so the parent (a shell, a test) sees what happened. The signal is
  // blocked while its handler runs: it is delivered with the default action on return.
  signal(signal_number, SIG_DFL);
  raise(signal_number);
  errno = saved_errno;
}

static void install_handlers(void) {
  for (size_t index = 0; index < sizeof cleaned_signals / sizeof cleaned_signals[0]; index++) {
    struct sigaction previous;
    if (sigaction(cleaned_signals[index], NULL, &previous) != 0) continue;
    // An ignored signal (nohup ignores SIGHUP) stays ignored; someone else's handler stays.
    if (previous.sa_handler != SIG_DFL || (previous.sa_flags & SA_SIGINFO)) continue;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = remove_pending_and_reraise;
    sigemptyset(&action.sa_mask);
    for (size_t other = 0; other < sizeof cleaned_signals / sizeof cleaned_signals[0]; other++) {
      sigaddset(&action.sa_mask, cleaned_signals[other]);
    }
    sigaction(cleaned_signals[index], &action, NULL);
  }
}

int gongjian_pending_add(int directory_fd, const char *name, int is_directory) {
  size_t length = strlen(name);
  if (length == 0 || length >= NAME_BYTES) return -1;
  if (!atomic_flag_test_and_set(&installed)) install_handlers();
  for (int index = 0; index < SLOT_COUNT; index++) {
    int expected = SLOT_FREE;
    if (atomic_compare_exchange_strong(&slots[index].state, &expected, SLOT_FILLING)) {
      slots[index].directory_fd = directory_fd;
      slots[index].unlink_flags = is_directory ? AT_REMOVEDIR : 0;
      memcpy(slots[index].name, name, length + 1);
      atomic_store(&slots[index].state, SLOT_ACTIVE);
      return index;
    }
  }
  return -1;
}

void gongjian_pending_remove(int slot) {
  if (slot < 0 || slot >= SLOT_COUNT) return;
  for (;;) {
    int expected = SLOT_ACTIVE;
    if (atomic_compare_exchange_strong(&slots[slot].state, &expected, SLOT_FREE)) return;
    // A handler on another thread is removing the file and is about to end the process.
    if (expected != SLOT_CLEANING) return;
    sched_yield();
  }
}

int gongjian_lock_shared(int fd, long long start, long long length) {
  struct flock lock;
  memset(&lock, 0, sizeof lock);
  lock.l_type = F_RDLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = (off_t)start;
  lock.l_len = (off_t)length;
  return fcntl(fd, F_OFD_SETLK, &lock);
}

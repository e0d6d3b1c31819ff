/*
 * Runs a command and reports its wall time and peak resident memory, as measured by the
 * kernel for that process alone. (Measuring from Python's fork would count the Python
 * interpreter's pages in the child's peak before exec.)
 *
 * Build: cc -O2 -o measure measure.c
 * Usage: measure RESULT_FILE COMMAND [ARG...]
 * Writes "<wall seconds> <peak RSS KiB> <exit status>" to RESULT_FILE; stdin, stdout and
 * stderr are the command's. Exits with the command's status.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: measure RESULT_FILE COMMAND [ARG...]\n"); return 64; }
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  pid_t child = fork();
  if (child < 0) { perror("fork"); return 71; }
  if (child == 0) {
    execvp(argv[2], argv + 2);
    perror(argv[2]);
    _exit(127);
  }
  int status = 0;
  struct rusage usage;
  if (wait4(child, &status, 0, &usage) < 0) { perror("wait4"); return 71; }
  clock_gettime(CLOCK_MONOTONIC, &end);
  double wall = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  FILE *out = fopen(argv[1], "w");
  if (!out) { perror(argv[1]); return 73; }
  fprintf(out, "%.6f %ld %d\n", wall, usage.ru_maxrss, code);
  fclose(out);
  return code;
}

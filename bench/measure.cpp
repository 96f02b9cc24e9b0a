// Runs a command and writes "wall_s user_s sys_s maxrss_kb" of that one
// process to OUTFILE. Like /usr/bin/time -f "%e %U %S %M", but with
// microsecond wall time: the demo site builds in milliseconds. A small C++
// program rather than a script, because Linux carries the parent's peak RSS
// into ru_maxrss across exec, and a Python parent alone is 13 MiB.
//
// Usage: measure OUTFILE CMD [ARGS...]   (the command's output passes through)
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: measure OUTFILE CMD [ARGS...]\n");
    return 2;
  }
  timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  pid_t pid = fork();
  if (pid < 0) return 2;
  if (pid == 0) {
    execvp(argv[2], argv + 2);
    std::perror(argv[2]);
    _exit(127);
  }
  int status = 0;
  rusage ru{};
  if (wait4(pid, &status, 0, &ru) < 0) return 2;
  clock_gettime(CLOCK_MONOTONIC, &end);
  double wall = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
  auto secs = [](const timeval& tv) { return tv.tv_sec + tv.tv_usec / 1e6; };
  FILE* f = std::fopen(argv[1], "w");
  if (!f) return 2;
  std::fprintf(f, "%.6f %.6f %.6f %ld\n", wall, secs(ru.ru_utime), secs(ru.ru_stime), ru.ru_maxrss);
  std::fclose(f);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

/* setsid(2), then exec argv[1..]: what util-linux's setsid does for ShellRunner, as a static
 * binary with no dynamic loader and no option parsing. The shell benchmark's floor_setsid_static
 * variant starts the floor's command through it, to show how much of the cost of starting a job in
 * its own session is the extra exec of a dynamically linked program. */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: setsid_static PROGRAM [ARG...]\n");
    return 127;
  }
  if (setsid() < 0) {
    perror("setsid");
    return 126;
  }
  execvp(argv[1], argv + 1);
  perror("execvp");
  return 127;
}

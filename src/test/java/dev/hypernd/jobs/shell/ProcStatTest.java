package dev.hypernd.jobs.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {

  @Test
  void parsesANameWithSpacesAndParentheses() {
    ProcStat stat = ProcStat.parse("4242 (a (b) c) d) Z 1 4240 4239 0 -1 4194560 0 0");

    assertThat(stat).isEqualTo(new ProcStat(4242, "a (b) c) d", 'Z', 1, 4240, 4239));
    assertThat(stat.hasExited()).isTrue();
  }

  @Test
  void readsTheCurrentProcess() {
    long self = ProcessHandle.current().pid();

    assertThat(ProcStat.read(self)).hasValueSatisfying(p -> assertThat(p.hasExited()).isFalse());
    assertThat(ProcStat.all()).extracting(ProcStat::pid).contains(self);
  }
}

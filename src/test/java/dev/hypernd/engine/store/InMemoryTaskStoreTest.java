package dev.hypernd.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.engine.TaskState;
import org.junit.jupiter.api.Test;

class InMemoryTaskStoreTest extends TaskStoreContract {
  @Override
  protected TaskStore newStore() {
    return new InMemoryTaskStore();
  }

  @Test
  void memoryStaysBoundedByDroppingTheOldestFinishedTasks() {
    InMemoryTaskStore small = new InMemoryTaskStore(3);
    for (int i = 1; i <= 5; i++) {
      small.save(task(i, "a", TaskState.COMPLETED, T0));
    }
    small.save(task(6, "a", TaskState.PENDING, null));
    assertThat(small.find("sched-1")).isEmpty();
    assertThat(small.find("sched-2")).isEmpty();
    assertThat(small.find("sched-3")).isPresent();
    assertThat(small.find("sched-6")).isPresent();
  }
}

/**
 * Shell jobs and hooks on Linux: {@link dev.hypernd.jobs.shell.ShellRunner} runs a {@link
 * dev.hypernd.jobs.shell.ShellCommand} and returns a {@link dev.hypernd.jobs.shell.ShellOutcome};
 * {@link dev.hypernd.jobs.shell.ShellJob} turns a failed outcome into a {@link
 * dev.hypernd.jobs.shell.ShellJobException} that {@link dev.hypernd.jobs.shell.RetryOnExitCodes}
 * can judge; {@link dev.hypernd.jobs.shell.HookRunner} runs monitor hooks.
 *
 * <h2>Processes</h2>
 *
 * <p>Each job starts through {@code /usr/bin/setsid} (util-linux), in a session and process group
 * of its own whose id is the pid of the job's direct child. A run ends when that child exits, as
 * with cron; whatever it left running in its session is then stopped, as systemd stops the rest of
 * a service's cgroup, unless {@link dev.hypernd.jobs.shell.ShellConfig#killLeftovers()} is off.
 * Interrupting the thread in {@code run} (the engine's cancel and shutdown) stops every process in
 * the session: SIGTERM once, a grace period, then SIGKILL until none is left, bounded. A job's
 * timeout is timed by the runner itself and stops the session the same way, so that the {@link
 * dev.hypernd.jobs.shell.ShellTimeoutException} carries the stderr tail and the attempt ends only
 * once its processes are gone. Every child the JVM starts is reaped by Java; zombies of orphans,
 * which init reaps, count as gone.
 *
 * <h2>Limits</h2>
 *
 * <ul>
 *   <li>A process that calls setsid() itself (a daemonizing server, {@code setsid cmd &}) leaves
 *       the job's session and is neither found nor stopped; if it keeps the job's stdout or stderr
 *       open, the run returns one second after the job ended with the output read so far, and one
 *       pipe thread stays blocked until that process closes it. Only a cgroup holds every
 *       descendant: running each job in a systemd transient scope, or in a delegated cgroup v2
 *       directory stopped through {@code cgroup.kill}, would close this gap.
 *   <li>Java reports a death by signal N as exit value 128 + N, the same as {@code exit(128 + N)};
 *       see {@link dev.hypernd.jobs.shell.ShellOutcome} for how each command form reads it.
 *   <li>Once the direct child exited, Java closes the read end of its pipes after draining them, so
 *       a leftover that is tolerated ({@code killLeftovers} off) gets EPIPE or SIGPIPE if it writes
 *       to the job's stdout or stderr later; such processes should redirect their output.
 *   <li>Arguments and environment reach the job in the JVM's locale charset, so the daemon must run
 *       with a UTF-8 locale ({@code LANG=C.UTF-8}) for non-ASCII text to survive.
 *   <li>A daemon running as PID 1 (a container without an init) inherits orphaned processes and
 *       never reaps them; run it under an init such as {@code tini} or systemd.
 * </ul>
 */
package dev.hypernd.jobs.shell;

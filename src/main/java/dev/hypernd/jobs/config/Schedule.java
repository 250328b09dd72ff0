package dev.hypernd.jobs.config;

/** When a job fires: exactly one of {@code interval:}, {@code cron:} or {@code once:}. */
public sealed interface Schedule permits IntervalSchedule, CronScheduleSpec, OnceSchedule {}

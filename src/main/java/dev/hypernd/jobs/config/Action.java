package dev.hypernd.jobs.config;

/** What a job runs: a command ({@code command:}) or a Java class ({@code class:}). */
public sealed interface Action permits CommandAction, ClassAction {}

package dev.hypernd.jobs.config;

/**
 * A process to start: a string is a shell script, a list is an argument vector. Job actions and
 * hooks share this shape.
 */
public sealed interface CommandAction extends Action permits ShellAction, ExecAction {}

/** A problem with how the command was called: usage is printed and the exit code is 2. */
export class UsageError extends Error {}

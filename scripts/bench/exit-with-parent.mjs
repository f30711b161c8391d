/**
 * Preloaded (node --import) into the gateways the bench starts: exits when the bench
 * process is gone, e.g. killed by a test runner's timeout before it could stop its
 * children, so no gateway is left running. Plain JavaScript: Hive Gateway loads it
 * without a TypeScript loader. Costs one timer a second.
 */
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
}, 1000).unref();

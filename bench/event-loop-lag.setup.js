/**
 * Jest probe (setupFilesAfterEnv of bench/event-loop-lag.jest.config.js): how long each e2e file holds its
 * process's event loop. An in-process worker analyses images in JavaScript on the main thread; while it does, a
 * timer such as PostgreSQL's connect timeout cannot run on time. Prints each file's longest hold at its end.
 */
const { appendFileSync } = require('node:fs');

const TICK_MS = 100;
const file = expect.getState().testPath.replace(/^.*?\/test\//, 'test/');
let last = performance.now();
let longest = 0;
let over1s = 0;
const timer = setInterval(() => {
  const now = performance.now();
  const held = now - last - TICK_MS;
  if (held > longest) longest = held;
  if (held > 1000) over1s++;
  last = now;
}, TICK_MS);
timer.unref();

afterAll(() => {
  clearInterval(timer);
  const line = `${Math.round(longest)} ms longest hold, ${over1s} over 1 s: ${file}\n`;
  if (process.env.IDV_LOOP_LAG_FILE) appendFileSync(process.env.IDV_LOOP_LAG_FILE, line);
  else process.stderr.write(line);
});

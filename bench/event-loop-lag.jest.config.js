/**
 * The e2e project with the event-loop probe (bench/event-loop-lag.setup.js). Run:
 *   IDV_LOOP_LAG_FILE=/tmp/lag.txt npx jest -c bench/event-loop-lag.jest.config.js --selectProjects e2e --maxWorkers=2
 *   sort -rn /tmp/lag.txt | head
 */
const path = require('node:path');
const base = require('../jest.config.js');

module.exports = {
  ...base,
  projects: base.projects.map((project) =>
    project.displayName === 'e2e'
      ? { ...project, setupFilesAfterEnv: [path.join(__dirname, 'event-loop-lag.setup.js')] }
      : project,
  ),
};

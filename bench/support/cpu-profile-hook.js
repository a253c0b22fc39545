// Preloaded into the API process by `bench/probes/http.ts --profile=<file>` (NODE_OPTIONS=--require):
// SIGWINCH starts a CPU profile, the next SIGWINCH writes it to $BENCH_CPU_PROFILE. Not SIGUSR2: Nest's shutdown hooks take it.
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');

const session = new Session();
session.connect();
let profiling = false;
process.on('SIGWINCH', () => {
  if (!profiling) {
    profiling = true;
    session.post('Profiler.enable', () => session.post('Profiler.start'));
    return;
  }
  session.post('Profiler.stop', (error, result) => {
    profiling = false;
    if (error) throw error;
    writeFileSync(process.env.BENCH_CPU_PROFILE, JSON.stringify(result.profile));
  });
});

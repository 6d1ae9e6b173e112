'use strict';
// Preloaded into a benchmarked process: records its peak resident set size (KiB) when it exits. The peak is
// the process's, worker threads included; only the main thread writes it.
if (require('worker_threads').isMainThread) {
  process.on('exit', () => {
    require('fs').writeFileSync(process.env.ECSLINT_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
  });
}

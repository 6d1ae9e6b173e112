'use strict';
// Preloaded into a benchmarked process: records its peak resident set size (KiB) when it exits.
process.on('exit', () => {
  require('fs').writeFileSync(process.env.ECSLINT_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});

// Loaded with `node --import` by bench/cold-screen.ts: at exit, writes the CPU seconds of the
// process's main thread alone (Linux: /proc/self/task/<pid>/stat, in clock ticks of 1/100 s) to
// stderr, so that work on other threads (V8 compiling WebAssembly, the garbage collector, libuv) shows apart
// from /usr/bin/time's total of every thread.
import { readFileSync } from 'node:fs';

process.on('exit', () => {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (which is in parentheses and may hold spaces): utime is the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    process.stderr.write(`main-thread-cpu ${(ticks / 100).toFixed(2)}\n`);
  } catch {
    // not Linux: nothing to report
  }
});

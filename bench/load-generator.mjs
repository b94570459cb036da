// Runs autocannon in a worker thread, so the load generator does not share the event loop
// (and the core) of the server it measures. Used by bench/screen-http.ts.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { url, connections, seconds, headers, bodies } = workerData;
let i = 0;
const options = { url, connections, duration: seconds };
if (bodies) {
  Object.assign(options, {
    method: 'POST',
    headers,
    requests: [{ setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
  });
}
autocannon(options, (error, raw) => {
  if (error) throw error;
  // Inside a worker thread autocannon leaves its histograms unaggregated.
  const result = autocannon.aggregateResult([raw], options);
  parentPort.postMessage({
    rps: result.requests.total / raw.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    total: result.requests.total,
  });
});

-- wrk script for benchmarks/pages.py: prints one JSON line of figures at the end, and with
-- WRK_BUST=1 makes every request's URL unique (a counter per thread), so nginx's cache never
-- answers it and the figure is the application's own.
local bust = os.getenv("WRK_BUST") == "1"
local thread_count = 0
local counter = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("tid", thread_count)
end

function request()
  if not bust then
    return wrk.format(nil, wrk.path)
  end
  counter = counter + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "_bench=" .. tostring(tid) .. "-" .. counter)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK-JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, ' ..
    '"max_us": %d, "connect_errors": %d, "read_errors": %d, "write_errors": %d, ' ..
    '"non_2xx_3xx": %d, "timeouts": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end

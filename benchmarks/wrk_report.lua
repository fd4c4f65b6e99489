-- wrk script for benchmarks/pages.py: prints one JSON line of figures at the end. With
-- WRK_BUST=1 every request carries a session cookie that names no session: nginx never answers
-- it from its cache (dev/nginx.conf.in), CKAN serves it as to any anonymous visitor, so the
-- figure is the application's own. (A unique query parameter would do the same for nginx, but
-- CKAN, stock and ours alike, answers package_search with an unknown parameter with a 400.)
local bust = os.getenv("WRK_BUST") == "1"

function init(args)
  if bust then
    wrk.headers["Cookie"] = "ckan=opengov-bench-no-session"
  end
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
